//! Where a lease lives. Two back-ends implement [`LeaseBackend`]: a Kubernetes
//! `coordination.k8s.io/v1` Lease (guardian-kube) and a lease row in the database
//! (guardian-store). Both give optimistic concurrency through an opaque version,
//! as client-go's resource lock does with `resourceVersion`.

use std::time::Duration;

use async_trait::async_trait;
use jiff::Timestamp;

use crate::ReleaseNotifications;

/// The lease as stored: who holds it and since when (client-go's LeaderElectionRecord).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeaseRecord {
    /// `None` (or empty) when released.
    pub holder: Option<String>,
    pub lease_duration: Duration,
    pub acquired_at: Timestamp,
    pub renewed_at: Timestamp,
    pub transitions: i32,
}

/// A record together with the version it was read at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionedLease {
    pub record: LeaseRecord,
    /// Opaque: a Kubernetes `resourceVersion` or a row version.
    pub version: String,
}

/// Why a lease operation failed.
#[derive(Debug, thiserror::Error)]
pub enum LeaseError {
    /// Someone else wrote the lease since we read it; read again and retry.
    #[error("lease was modified concurrently")]
    Conflict,
    /// The back-end could not be reached or answered with an error.
    #[error("lease back-end unavailable: {0}")]
    Unavailable(String),
}

/// Storage of one named lease with compare-and-swap semantics.
#[async_trait]
pub trait LeaseBackend: Send + Sync + 'static {
    /// Reads the lease, `None` when it was never created.
    async fn get(&self) -> Result<Option<VersionedLease>, LeaseError>;

    /// Writes `record` if the stored version still equals `expected_version`
    /// (`None`: create, failing with `Conflict` if it exists). Returns the new version.
    async fn try_update(
        &self,
        expected_version: Option<&str>,
        record: &LeaseRecord,
    ) -> Result<String, LeaseError>;

    /// Hints that the lease was released, if this back-end can give them (see
    /// [`crate::release`]). `None`: standbys find a release at their next retry.
    fn release_notifications(&self) -> Option<ReleaseNotifications> {
        None
    }

    /// A short name for logs and metrics: `kubernetes` or `postgres`.
    fn kind(&self) -> &'static str;
}
