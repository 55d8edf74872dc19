//! Each subcommand: validate its configuration, set up telemetry, run.

use anyhow::Context as _;
use guardian_controller::config::{ControllerConfig, Election, LeaseChoice, Listen};
use guardian_kube::scope::WatchScope;

use crate::args::{Cli, Command, LeaseBackendKind, LogFormat, RunArgs, StorageArgs, TelemetryArgs};
use crate::config;

pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Controller(args) => runtime()?.block_on(controller(args)),
        Command::Query(args) => runtime()?.block_on(query(args)),
        Command::Dev(args) => runtime()?.block_on(crate::dev::run(args)),
        Command::Migrate(args) => runtime()?.block_on(migrate(args)),
        Command::Import(args) => runtime()?.block_on(crate::import::run(args)),
        Command::Crds => {
            print!("{}", guardian_kube::crd::manifests()?);
            Ok(())
        }
    }
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")
}

pub fn telemetry(
    service: &'static str,
    args: &TelemetryArgs,
) -> anyhow::Result<guardian_telemetry::TelemetryGuard> {
    guardian_telemetry::install_recorder()?;
    let guard = guardian_telemetry::init_tracing(
        service,
        &args.log_level,
        args.log_format == LogFormat::Json,
        args.otlp_endpoint.as_deref(),
    )?;
    Ok(guard)
}

/// The controller's configuration from its arguments.
pub fn controller_config(args: &RunArgs) -> anyhow::Result<ControllerConfig> {
    config::check_storage_for_ha(args.storage.storage_type, &args.election)?;
    let store = config::store_config(&args.storage)?;
    let election = if args.election.leader_election_enabled {
        let timings = config::lease_timings(&args.election)?;
        let lease = match args.election.leader_election_backend {
            LeaseBackendKind::Kubernetes => LeaseChoice::Kubernetes {
                namespace: args.election.leader_election_namespace.clone(),
            },
            LeaseBackendKind::Postgres => LeaseChoice::Database,
        };
        let identity = args
            .election
            .leader_election_identity
            .clone()
            .unwrap_or_else(default_identity);
        Some(Election {
            lease,
            identity,
            timings,
        })
    } else {
        None
    };
    Ok(ControllerConfig {
        listen: Listen {
            grpc: args.listen.grpc_bind_address.clone(),
            http: args.listen.api_bind_address.clone(),
            probes: args.listen.probes_bind_address.clone(),
            address_file: args.listen.address_file.clone(),
            advertise: args.listen.advertise_address.clone(),
            tls: args.tls.server()?,
        },
        store,
        election,
        scope: WatchScope {
            namespaces: args.watch.watch_namespaces.clone(),
            ignored: args.watch.ignored_namespaces.clone(),
        },
        version: VERSION.to_owned(),
        dispatch: guardian_controller::dispatch::DispatchSettings {
            attempt_timeout: config::duration(
                "alerts.attempt-timeout",
                &args.alerts.alerts_attempt_timeout,
            )?,
            pagerduty_url: args.alerts.alerts_pagerduty_url.clone(),
            running_config: args.running_config.clone(),
            ..Default::default()
        },
        release_namespace: args.election.leader_election_namespace.clone(),
        monitoring: config::monitoring_settings(&args.watch)?,
        retention: args.retention.settings()?,
    })
}

/// The pod name, else the host name, else a process-unique name.
fn default_identity() -> String {
    std::env::var("HOSTNAME")
        .ok()
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| format!("cronjob-guardian-{}", std::process::id()))
}

/// A Kubernetes client from `--kubeconfig`, else in-cluster or `~/.kube/config`.
pub async fn kube_client(path: Option<&std::path::Path>) -> anyhow::Result<kube::Client> {
    let config = match path {
        Some(path) => {
            let kubeconfig = kube::config::Kubeconfig::read_from(path)
                .with_context(|| format!("cannot read kubeconfig {}", path.display()))?;
            kube::Config::from_custom_kubeconfig(
                kubeconfig,
                &kube::config::KubeConfigOptions::default(),
            )
            .await?
        }
        None => kube::Config::infer()
            .await
            .context("no kubeconfig and not running in a cluster")?,
    };
    Ok(kube::Client::try_from(config)?)
}

async fn controller(args: RunArgs) -> anyhow::Result<()> {
    let config = controller_config(&args)?;
    let _telemetry = telemetry("cronjob-guardian-controller", &args.telemetry)?;
    let client = kube_client(args.watch.kubeconfig.as_deref()).await?;
    let shutdown = guardian_runtime::shutdown::on_signal();
    guardian_controller::run(config, client, shutdown).await
}

/// The query replica's configuration from its arguments.
pub fn query_config(args: &RunArgs) -> anyhow::Result<guardian_query::QueryConfig> {
    let mut query = guardian_query::QueryConfig::new(config::store_config(&args.storage)?, VERSION);
    query.grpc_bind_address = args.listen.grpc_bind_address.clone();
    query.api_bind_address = args.listen.api_bind_address.clone();
    query.probes_bind_address = args.listen.probes_bind_address.clone();
    query.address_file = args.listen.address_file.clone();
    query.grpc_tls = args.tls.server()?;
    query.controller_tls = args.tls.controller_client()?;
    // What the storage-stats endpoint reports: the retention the leader's pruner applies.
    query.service.retention_days =
        i32::try_from(args.retention.history_retention_default_days).unwrap_or(i32::MAX);
    query.service.log_storage_enabled = args.retention.storage_log_storage_enabled;
    // Served only until a leader has published its own.
    query.service.running_config = Some(args.running_config.clone());
    Ok(query)
}

async fn query(args: RunArgs) -> anyhow::Result<()> {
    let config = query_config(&args)?;
    let _telemetry = telemetry("cronjob-guardian-query", &args.telemetry)?;
    let mut options = guardian_query::StartOptions::default();
    if let Some(cache) = args.auth.cache_settings()? {
        let client = kube_client(args.watch.kubeconfig.as_deref()).await?;
        let reviewer = guardian_kube::access::KubeAccessReview::new(client, cache);
        options.access = Some(std::sync::Arc::new(reviewer));
        tracing::info!("api access check on: bearer tokens, per-namespace RBAC");
    }
    let shutdown = guardian_runtime::shutdown::on_signal();
    guardian_query::run_with(config, options, shutdown).await
}

async fn migrate(args: StorageArgs) -> anyhow::Result<()> {
    let store = guardian_store::Store::connect(&config::store_config(&args)?).await?;
    store.migrate().await?;
    println!("migrations applied ({})", store.backend_kind());
    store.close().await;
    Ok(())
}
