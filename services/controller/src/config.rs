//! The controller's validated configuration (built by the command line).

use std::path::PathBuf;
use std::sync::Arc;

use guardian_election::{LeaseBackend, LeaseTimings};
use guardian_store::StoreConfig;

/// Where to listen.
#[derive(Debug, Clone)]
pub struct Listen {
    pub grpc: String,
    pub http: String,
    pub probes: String,
    /// Written with the bound addresses once listening.
    pub address_file: Option<PathBuf>,
    /// The gRPC URL other processes reach this one at; derived from the bound
    /// gRPC address when unset.
    pub advertise: Option<String>,
    /// TLS on the gRPC port (query replicas connect over it); plaintext when `None`.
    pub tls: Option<guardian_runtime::tls::ServerTls>,
}

/// Which lease decides the leader.
#[derive(Debug, Clone)]
pub enum LeaseChoice {
    /// Kubernetes Lease `cronjob-guardian-leader` in this namespace.
    Kubernetes { namespace: String },
    /// The lease row in the database.
    Database,
}

#[derive(Debug, Clone)]
pub struct Election {
    pub lease: LeaseChoice,
    pub identity: String,
    pub timings: LeaseTimings,
}

#[derive(Debug, Clone)]
pub struct ControllerConfig {
    pub listen: Listen,
    pub store: StoreConfig,
    /// `None`: a single replica that always leads.
    pub election: Option<Election>,
    pub scope: guardian_kube::scope::WatchScope,
    pub version: String,
    /// How the leader sends alerts.
    pub dispatch: crate::dispatch::DispatchSettings,
    /// The namespace the controller is installed in (AlertChannel lookup, Lease).
    pub release_namespace: String,
    /// How often and how cautiously the leader analyses (`scheduler.*`).
    pub monitoring: crate::monitoring::MonitoringSettings,
    /// What the leader's pruner keeps.
    pub retention: crate::retention::RetentionSettings,
}

/// Resolves the lease back-end for `choice`.
pub(crate) fn lease_backend(
    choice: &LeaseChoice,
    client: &kube::Client,
    store: &guardian_store::Store,
) -> Arc<dyn LeaseBackend> {
    const LEASE_NAME: &str = "cronjob-guardian-leader";
    match choice {
        LeaseChoice::Kubernetes { namespace } => Arc::new(guardian_kube::lease::KubeLease::new(
            client.clone(),
            namespace,
        )),
        LeaseChoice::Database => Arc::new(store.lease(LEASE_NAME)),
    }
}
