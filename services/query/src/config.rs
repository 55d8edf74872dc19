//! Settings of a query replica: where it listens, which database it reads, what
//! it reports about itself, and the tuning of its event stream and forwarding.
//!
//! The CLI builds a [`QueryConfig`] from flags, `GUARDIAN_*` variables and the
//! config file; tests build one with [`QueryConfig::new`] and override fields.

use std::path::PathBuf;
use std::time::Duration;

use guardian_store::StoreConfig;

/// Everything [`crate::run`] needs.
#[derive(Debug, Clone)]
pub struct QueryConfig {
    /// gRPC listener (`QueryService`, `EventService`, `ControlService`, health, reflection). Default `0.0.0.0:9090`.
    pub grpc_bind_address: String,
    /// HTTP listener (`/api/v1/...`, `/metrics`, the OpenAPI document). Default `0.0.0.0:8080`.
    pub api_bind_address: String,
    /// Probe listener (`/healthz`, `/readyz`). Default `0.0.0.0:8081`.
    pub probes_bind_address: String,
    /// When set, the bound addresses are written there as JSON (for `127.0.0.1:0`).
    pub address_file: Option<PathBuf>,
    /// The database to read.
    pub store: StoreConfig,
    /// TLS on the gRPC port (off: plaintext, as most clusters terminate TLS at the ingress).
    pub grpc_tls: Option<guardian_runtime::tls::ServerTls>,
    /// TLS to the leader's gRPC port (event stream, forwarded control calls).
    pub controller_tls: Option<guardian_runtime::tls::ClientTls>,
    /// Reported by `GetHealth`.
    pub version: String,
    /// What `GetStorageStats` and `GetConfig` report.
    pub service: ServiceSettings,
    pub tuning: Tuning,
}

impl QueryConfig {
    /// A config with the product's default ports and tuning.
    pub fn new(store: StoreConfig, version: impl Into<String>) -> QueryConfig {
        QueryConfig {
            grpc_bind_address: "0.0.0.0:9090".to_owned(),
            api_bind_address: "0.0.0.0:8080".to_owned(),
            probes_bind_address: "0.0.0.0:8081".to_owned(),
            address_file: None,
            store,
            grpc_tls: None,
            controller_tls: None,
            version: version.into(),
            service: ServiceSettings::default(),
            tuning: Tuning::default(),
        }
    }
}

/// Facts about the deployment that the query API reports but does not enforce.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceSettings {
    /// `storage.retention-days` (the control plane prunes; default 30).
    pub retention_days: i32,
    /// `storage.log-storage-enabled` (default false).
    pub log_storage_enabled: bool,
    /// The running configuration with secrets redacted, served by `GetConfig`;
    /// `None` makes `GetConfig` answer UNIMPLEMENTED.
    pub running_config: Option<serde_json::Value>,
}

impl Default for ServiceSettings {
    fn default() -> Self {
        ServiceSettings {
            retention_days: 30,
            log_storage_enabled: false,
            running_config: None,
        }
    }
}

/// Timings and sizes of the replica's background work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tuning {
    /// Recent events kept in memory for subscribers that resume close to the head.
    pub event_ring_capacity: usize,
    /// Events a subscriber may fall behind the head before it is dropped (it resumes).
    pub subscriber_lag_limit: usize,
    /// First and largest pause between attempts to reach the leader (jittered, doubling).
    pub reconnect_backoff_min: Duration,
    pub reconnect_backoff_max: Duration,
    /// How often a connected follower checks that the leader it follows is still the leader.
    pub leader_check_interval: Duration,
    /// How often the follower reads the database while it has no leader stream,
    /// and how often the lag gauge is refreshed.
    pub database_poll_interval: Duration,
    /// How often readiness pings the database.
    pub readiness_interval: Duration,
    /// Deadline of a forwarded control call and of connecting to the leader.
    pub forward_timeout: Duration,
    pub connect_timeout: Duration,
    /// `Retry-After` (seconds) on REST replies of 503.
    pub retry_after_seconds: u32,
    /// Upper bound for each shutdown step.
    pub shutdown_step: Duration,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            event_ring_capacity: 4096,
            subscriber_lag_limit: 1024,
            reconnect_backoff_min: Duration::from_millis(200),
            reconnect_backoff_max: Duration::from_secs(5),
            leader_check_interval: Duration::from_secs(5),
            database_poll_interval: Duration::from_secs(1),
            readiness_interval: Duration::from_secs(2),
            forward_timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(5),
            retry_after_seconds: 2,
            shutdown_step: Duration::from_secs(8),
        }
    }
}
