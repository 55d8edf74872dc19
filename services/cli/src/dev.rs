//! `cronjob-guardian dev`: both planes in one process on SQLite. Without a
//! kubeconfig it starts the simulated sandbox cluster (labelled as simulated
//! wherever it shows up); with one, it watches that cluster.
//!
//! The query plane takes the user-facing ports (9090, 8080, 8081); the
//! controller listens on loopback ports of its own and is found, as in a real
//! deployment, through the leader endpoint in the database. Election is off, so
//! the in-process controller leads while it runs; the query plane is told so
//! and reports `leader: true` from `GetHealth`.

use std::path::PathBuf;

use anyhow::Context as _;
use guardian_query::{QueryConfig, QueryPlane, StartOptions};
use tokio::sync::watch;
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
    if args.auth.auth_enabled {
        tracing::warn!("auth.enabled is ignored by dev: its API is open on loopback");
    }

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
    // Election is off in dev: the single in-process controller leads for as long
    // as it runs (its own `cronjob_guardian_leader_status` says the same).
    let (leading, leadership) = watch::channel(true);
    let mut controller_task = tokio::spawn({
        let planes = planes.clone();
        async move {
            let ended = guardian_controller::run(controller, client, planes).await;
            leading.send_replace(false);
            ended
        }
    });
    let mut query_task = tokio::spawn(run_query(query, leadership, planes.clone()));
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

/// The query plane as `cronjob-guardian query` runs it, plus the in-process
/// controller's leadership for `GetHealth`.
async fn run_query(
    config: QueryConfig,
    leadership: watch::Receiver<bool>,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    let store = guardian_store::Store::connect(&config.store)
        .await
        .context("cannot open the database")?;
    let options = StartOptions {
        leadership: Some(leadership),
        ..StartOptions::default()
    };
    let plane = QueryPlane::start_with(store, &config, options, shutdown)
        .await
        .context("cannot start the query plane")?;
    plane.wait().await?;
    Ok(())
}
