//! Command-line arguments. Every flag has a `GUARDIAN_*` variable and a config
//! file key: `--storage-postgres-host` = `GUARDIAN_STORAGE_POSTGRES_HOST` =
//! `storage.postgres.host` (see `config_file`). Precedence: flags > env > file > defaults.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

mod auth;
mod import;
mod retention;
mod tls;
pub use auth::AuthArgs;
pub use import::ImportArgs;
pub use retention::RetentionArgs;
pub use tls::TlsArgs;

#[derive(Debug, Parser)]
#[command(
    name = "cronjob-guardian",
    version,
    about = "Watches CronJobs and tells people when something goes wrong"
)]
pub struct Cli {
    /// YAML config file with the existing operator's keys.
    #[arg(long, env = "GUARDIAN_CONFIG", global = true)]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Runs the control plane: leader election, watchers, fenced writes, event stream.
    Controller(RunArgs),
    /// Runs a stateless query replica: gRPC QueryService, REST /api/v1, SSE.
    Query(RunArgs),
    /// Runs both planes in one process on SQLite, with a simulated sandbox cluster
    /// unless a kubeconfig is given.
    Dev(RunArgs),
    /// Applies database migrations and exits.
    Migrate(StorageArgs),
    /// Prints the CRD manifests.
    Crds,
    /// Imports the Go operator's history (executions, alert history) into this store.
    Import(ImportArgs),
}

#[derive(Debug, Clone, Args)]
pub struct RunArgs {
    #[command(flatten)]
    pub telemetry: TelemetryArgs,
    #[command(flatten)]
    pub storage: StorageArgs,
    #[command(flatten)]
    pub election: ElectionArgs,
    #[command(flatten)]
    pub listen: ListenArgs,
    #[command(flatten)]
    pub watch: WatchArgs,
    #[command(flatten)]
    pub retention: RetentionArgs,
    #[command(flatten)]
    pub alerts: AlertArgs,
    #[command(flatten)]
    pub auth: AuthArgs,
    /// The settings as `GET /api/v1/config` shows them, secrets redacted (filled
    /// by `config::load` from the parsed arguments).
    #[arg(skip)]
    pub running_config: serde_json::Value,
    #[command(flatten)]
    pub tls: TlsArgs,
}

/// How alerts are sent.
#[derive(Debug, Clone, Args)]
pub struct AlertArgs {
    /// Bound on one delivery attempt to a channel.
    #[arg(long, env = "GUARDIAN_ALERTS_ATTEMPT_TIMEOUT", default_value = "10s")]
    pub alerts_attempt_timeout: String,
    /// PagerDuty Events API v2 URL (default: PagerDuty's public endpoint); for a proxy.
    #[arg(long, env = "GUARDIAN_ALERTS_PAGERDUTY_URL")]
    pub alerts_pagerduty_url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Plain,
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct TelemetryArgs {
    /// debug, info, warn, error (or an EnvFilter directive).
    #[arg(long, env = "GUARDIAN_LOG_LEVEL", default_value = "info")]
    pub log_level: String,
    #[arg(long, env = "GUARDIAN_LOG_FORMAT", value_enum, default_value = "plain")]
    pub log_format: LogFormat,
    /// OTLP/gRPC collector; the standard variable turns tracing export on.
    #[arg(long, env = "OTEL_EXPORTER_OTLP_ENDPOINT")]
    pub otlp_endpoint: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StorageType {
    Sqlite,
    Postgres,
    Mysql,
}

#[derive(Debug, Clone, Args)]
pub struct StorageArgs {
    #[arg(
        long,
        env = "GUARDIAN_STORAGE_TYPE",
        value_enum,
        default_value = "sqlite"
    )]
    pub storage_type: StorageType,
    #[arg(
        long,
        env = "GUARDIAN_STORAGE_SQLITE_PATH",
        default_value = "/data/guardian.db"
    )]
    pub storage_sqlite_path: PathBuf,
    #[arg(
        long,
        env = "GUARDIAN_STORAGE_POSTGRES_HOST",
        default_value = "localhost"
    )]
    pub storage_postgres_host: String,
    #[arg(long, env = "GUARDIAN_STORAGE_POSTGRES_PORT", default_value_t = 5432)]
    pub storage_postgres_port: u16,
    #[arg(
        long,
        env = "GUARDIAN_STORAGE_POSTGRES_DATABASE",
        default_value = "guardian"
    )]
    pub storage_postgres_database: String,
    #[arg(
        long,
        env = "GUARDIAN_STORAGE_POSTGRES_USERNAME",
        default_value = "guardian"
    )]
    pub storage_postgres_username: String,
    /// From a Secret through the environment; never logged or served.
    #[arg(
        long,
        env = "GUARDIAN_STORAGE_POSTGRES_PASSWORD",
        hide_env_values = true
    )]
    pub storage_postgres_password: Option<String>,
    /// disable, prefer, require, verify-ca, verify-full.
    #[arg(
        long,
        env = "GUARDIAN_STORAGE_POSTGRES_SSL_MODE",
        default_value = "prefer"
    )]
    pub storage_postgres_ssl_mode: String,
    #[arg(
        long,
        env = "GUARDIAN_STORAGE_POSTGRES_MAX_OPEN_CONNS",
        default_value_t = 25
    )]
    pub storage_postgres_max_open_conns: u32,
    #[arg(
        long,
        env = "GUARDIAN_STORAGE_POSTGRES_MAX_IDLE_CONNS",
        default_value_t = 10
    )]
    pub storage_postgres_max_idle_conns: u32,
    #[arg(
        long,
        env = "GUARDIAN_STORAGE_POSTGRES_CONN_MAX_LIFETIME",
        default_value = "5m"
    )]
    pub storage_postgres_conn_max_lifetime: String,
    #[arg(
        long,
        env = "GUARDIAN_STORAGE_POSTGRES_CONN_MAX_IDLE_TIME",
        default_value = "10m"
    )]
    pub storage_postgres_conn_max_idle_time: String,
    #[arg(
        long,
        env = "GUARDIAN_STORAGE_POSTGRES_HEALTH_CHECK_INTERVAL",
        default_value = "30s"
    )]
    pub storage_postgres_health_check_interval: String,
    #[arg(long, env = "GUARDIAN_STORAGE_MYSQL_HOST", default_value = "localhost")]
    pub storage_mysql_host: String,
    #[arg(long, env = "GUARDIAN_STORAGE_MYSQL_PORT", default_value_t = 3306)]
    pub storage_mysql_port: u16,
    #[arg(
        long,
        env = "GUARDIAN_STORAGE_MYSQL_DATABASE",
        default_value = "guardian"
    )]
    pub storage_mysql_database: String,
    #[arg(
        long,
        env = "GUARDIAN_STORAGE_MYSQL_USERNAME",
        default_value = "guardian"
    )]
    pub storage_mysql_username: String,
    /// From a Secret through the environment; never logged or served.
    #[arg(long, env = "GUARDIAN_STORAGE_MYSQL_PASSWORD", hide_env_values = true)]
    pub storage_mysql_password: Option<String>,
    /// MySQL's disabled, preferred, required, verify_ca, verify_identity (or the
    /// PostgreSQL spellings).
    #[arg(
        long,
        env = "GUARDIAN_STORAGE_MYSQL_SSL_MODE",
        default_value = "preferred"
    )]
    pub storage_mysql_ssl_mode: String,
    #[arg(
        long,
        env = "GUARDIAN_STORAGE_MYSQL_MAX_OPEN_CONNS",
        default_value_t = 25
    )]
    pub storage_mysql_max_open_conns: u32,
    #[arg(
        long,
        env = "GUARDIAN_STORAGE_MYSQL_MAX_IDLE_CONNS",
        default_value_t = 10
    )]
    pub storage_mysql_max_idle_conns: u32,
    #[arg(
        long,
        env = "GUARDIAN_STORAGE_MYSQL_CONN_MAX_LIFETIME",
        default_value = "5m"
    )]
    pub storage_mysql_conn_max_lifetime: String,
    #[arg(
        long,
        env = "GUARDIAN_STORAGE_MYSQL_CONN_MAX_IDLE_TIME",
        default_value = "10m"
    )]
    pub storage_mysql_conn_max_idle_time: String,
    #[arg(
        long,
        env = "GUARDIAN_STORAGE_MYSQL_HEALTH_CHECK_INTERVAL",
        default_value = "30s"
    )]
    pub storage_mysql_health_check_interval: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LeaseBackendKind {
    Kubernetes,
    /// The lease row in the configured database (PostgreSQL or MySQL).
    #[value(alias = "mysql", alias = "database")]
    Postgres,
}

#[derive(Debug, Clone, Args)]
pub struct ElectionArgs {
    #[arg(long, env = "GUARDIAN_LEADER_ELECTION_ENABLED", default_value_t = false, action = clap::ArgAction::Set)]
    pub leader_election_enabled: bool,
    #[arg(
        long,
        env = "GUARDIAN_LEADER_ELECTION_LEASE_DURATION",
        default_value = "15s"
    )]
    pub leader_election_lease_duration: String,
    #[arg(
        long,
        env = "GUARDIAN_LEADER_ELECTION_RENEW_DEADLINE",
        default_value = "10s"
    )]
    pub leader_election_renew_deadline: String,
    #[arg(
        long,
        env = "GUARDIAN_LEADER_ELECTION_RETRY_PERIOD",
        default_value = "2s"
    )]
    pub leader_election_retry_period: String,
    #[arg(
        long,
        env = "GUARDIAN_LEADER_ELECTION_BACKEND",
        value_enum,
        default_value = "kubernetes"
    )]
    pub leader_election_backend: LeaseBackendKind,
    /// Namespace of the Lease (the release namespace).
    #[arg(long, env = "POD_NAMESPACE", default_value = "cronjob-guardian")]
    pub leader_election_namespace: String,
    /// This replica's identity in the lease (the pod name).
    #[arg(long, env = "POD_NAME")]
    pub leader_election_identity: Option<String>,
    /// Replicas of the controller Deployment, to refuse HA on SQLite.
    #[arg(long, env = "GUARDIAN_REPLICAS", default_value_t = 1)]
    pub replicas: u32,
}

#[derive(Debug, Clone, Args)]
pub struct ListenArgs {
    #[arg(
        long,
        env = "GUARDIAN_GRPC_BIND_ADDRESS",
        default_value = "0.0.0.0:9090"
    )]
    pub grpc_bind_address: String,
    /// REST gateway and /metrics.
    #[arg(
        long,
        env = "GUARDIAN_API_BIND_ADDRESS",
        default_value = "0.0.0.0:8080"
    )]
    pub api_bind_address: String,
    /// /healthz and /readyz.
    #[arg(
        long,
        env = "GUARDIAN_PROBES_BIND_ADDRESS",
        default_value = "0.0.0.0:8081"
    )]
    pub probes_bind_address: String,
    /// The gRPC address other processes reach this one at (query → leader).
    #[arg(long, env = "GUARDIAN_ADVERTISE_ADDRESS")]
    pub advertise_address: Option<String>,
    /// Writes the bound addresses here as JSON once listening (for `:0` in tests).
    #[arg(long, env = "GUARDIAN_ADDRESS_FILE")]
    pub address_file: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct WatchArgs {
    /// Namespaces to watch, comma-separated; empty watches all.
    #[arg(long, env = "GUARDIAN_WATCH_NAMESPACES", value_delimiter = ',')]
    pub watch_namespaces: Vec<String>,
    #[arg(
        long,
        env = "GUARDIAN_IGNORED_NAMESPACES",
        value_delimiter = ',',
        default_value = "kube-system,kube-public,kube-node-lease"
    )]
    pub ignored_namespaces: Vec<String>,
    /// Path to a kubeconfig; in-cluster config or KUBECONFIG otherwise.
    #[arg(long, env = "KUBECONFIG")]
    pub kubeconfig: Option<PathBuf>,
    /// No alerts right after start-up (prevents floods on restart).
    #[arg(
        long,
        env = "GUARDIAN_SCHEDULER_STARTUP_GRACE_PERIOD",
        default_value = "30s"
    )]
    pub scheduler_startup_grace_period: String,
    /// Period of the leader's full pass: dead-man's switches and missed schedules.
    #[arg(
        long,
        env = "GUARDIAN_SCHEDULER_DEAD_MAN_SWITCH_INTERVAL",
        default_value = "1m"
    )]
    pub scheduler_dead_man_switch_interval: String,
    /// Longest time SLA and regression figures are reused for a CronJob without new runs.
    #[arg(
        long,
        env = "GUARDIAN_SCHEDULER_SLA_RECALCULATION_INTERVAL",
        default_value = "5m"
    )]
    pub scheduler_sla_recalculation_interval: String,
    /// Longest time between two looks for runs past their maxDuration.
    #[arg(
        long,
        env = "GUARDIAN_SCHEDULER_STUCK_JOB_CHECK_INTERVAL",
        default_value = "1m"
    )]
    pub scheduler_stuck_job_check_interval: String,
}
