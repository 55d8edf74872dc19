//! `cronjob-guardian dev`: both planes in one process on SQLite. Without a
//! kubeconfig it starts the simulated sandbox cluster (labelled as simulated
//! wherever it shows up); with one, it watches that cluster.
//!
//! The query plane takes the user-facing ports (9090, 8080, 8081); the
//! controller listens on loopback ports of its own and is found, as in a real
//! deployment, through the leader endpoint in the database.

use std::path::PathBuf;

use anyhow::Context as _;
use tokio_util::sync::CancellationToken;

use crate::args::RunArgs;
use crate::commands::{controller_config, kube_client, query_config};

/// The default SQLite path of the `controller` command, replaced in dev by a
/// file in the working directory.
const SERVER_SQLITE_PATH: &str = "/data/guardian.db";
const DEV_SQLITE_PATH: &str = "guardian-dev.db";

pub async fn run(mut args: RunArgs) -> anyhow::Result<()> {
    if args.storage.storage_sqlite_path.as_path() == std::path::Path::new(SERVER_SQLITE_PATH) {
        args.storage.storage_sqlite_path = PathBuf::from(DEV_SQLITE_PATH);
    }
    args.election.leader_election_enabled = false;
    for address in [
        &mut args.listen.grpc_bind_address,
        &mut args.listen.api_bind_address,
        &mut args.listen.probes_bind_address,
    ] {
        // A laptop default: the dev server is not exposed to the network.
        if let Some(port) = address.strip_prefix("0.0.0.0:") {
            *address = format!("127.0.0.1:{port}");
        }
    }
    let mut controller = controller_config(&args)?;
    controller.listen.grpc = "127.0.0.1:0".to_owned();
    controller.listen.http = "127.0.0.1:0".to_owned();
    controller.listen.probes = "127.0.0.1:0".to_owned();
    controller.listen.address_file = None;
    controller.listen.advertise = None;
    let query = query_config(&args)?;
    let _telemetry = crate::commands::telemetry("cronjob-guardian-dev", &args.telemetry)?;

    let (client, _sandbox) = match args.watch.kubeconfig.as_deref() {
        Some(path) => (kube_client(Some(path)).await?, None),
        None => {
            let sandbox = guardian_sandbox::Sandbox::start()
                .await
                .context("cannot start the sandbox cluster")?;
            tracing::warn!(api = %sandbox.url(), "SIMULATED cluster: sample CronJobs in namespace {}", guardian_sandbox::NAMESPACE);
            (sandbox.client()?, Some(sandbox))
        }
    };
    // Both planes open the same SQLite file: migrate once before either starts,
    // so two migrators never race on the same file.
    guardian_store::Store::connect(&controller.store)
        .await?
        .close()
        .await;
    let shutdown = guardian_runtime::shutdown::on_signal();
    let planes = CancellationToken::new();
    let mut controller_task =
        tokio::spawn(guardian_controller::run(controller, client, planes.clone()));
    let mut query_task = tokio::spawn(guardian_query::run(query, planes.clone()));
    tracing::info!(sqlite = %args.storage.storage_sqlite_path.display(), "dev mode: REST http://{}, gRPC {}",
        args.listen.api_bind_address, args.listen.grpc_bind_address);
    // Either plane failing ends the process with its error, not a half-working dev server.
    tokio::select! {
        () = shutdown.cancelled() => {}
        ended = &mut controller_task => {
            planes.cancel();
            ended.context("controller panicked")??;
            anyhow::bail!("the controller stopped unexpectedly");
        }
        ended = &mut query_task => {
            planes.cancel();
            ended.context("query plane panicked")??;
            anyhow::bail!("the query plane stopped unexpectedly");
        }
    }
    planes.cancel();
    query_task.await.context("query plane panicked")??;
    controller_task.await.context("controller panicked")??;
    Ok(())
}
