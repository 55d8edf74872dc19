//! Test support (feature `test-util`): an in-memory [`LeaseBackend`].
//!
//! One [`MemoryLease`] is the shared lease; [`MemoryLease::connect`] gives each replica
//! its own connection to it, with its own fault switches, so a test can cut one replica
//! off (renewals fail) or slow it down while the others carry on. Latency uses tokio's
//! clock, so tests under paused time stay deterministic. A write that releases the
//! lease sends a release notification to every connection's elector, as the database
//! and Kubernetes back-ends do; a connection can opt out to exercise plain polling.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use async_trait::async_trait;

use crate::{
    LeaseBackend, LeaseError, LeaseRecord, ReleaseNotifications, ReleaseNotifier, VersionedLease,
};

#[derive(Debug, Default)]
struct Store {
    lease: Option<VersionedLease>,
    last_version: u64,
}

#[derive(Debug, Default)]
struct Faults {
    unavailable: AtomicBool,
    no_release_notifications: AtomicBool,
    request_nanos: AtomicU64,
    answer_nanos: AtomicU64,
}

/// An in-memory lease with compare-and-swap on a version counter.
#[derive(Debug, Clone, Default)]
pub struct MemoryLease {
    store: Arc<Mutex<Store>>,
    faults: Arc<Faults>,
    releases: ReleaseNotifier,
}

impl MemoryLease {
    /// A new, empty lease and a first connection to it.
    pub fn new() -> Self {
        Self::default()
    }

    /// Another connection to the same lease, with its own (cleared) fault switches.
    pub fn connect(&self) -> Self {
        Self {
            store: Arc::clone(&self.store),
            faults: Arc::default(),
            releases: self.releases.clone(),
        }
    }

    /// While `true`, every new call on this connection fails with `Unavailable`.
    pub fn set_unavailable(&self, unavailable: bool) {
        self.faults.unavailable.store(unavailable, Ordering::SeqCst);
    }

    /// While `true`, this connection offers no release notifications (plain polling).
    pub fn set_release_notifications(&self, enabled: bool) {
        self.faults
            .no_release_notifications
            .store(!enabled, Ordering::SeqCst);
    }

    /// Each call on this connection waits `request` before it reaches the lease and
    /// `answer` before it answers (so a write can land while its caller still waits).
    pub fn set_latency(&self, request: Duration, answer: Duration) {
        self.faults
            .request_nanos
            .store(nanos(request), Ordering::SeqCst);
        self.faults
            .answer_nanos
            .store(nanos(answer), Ordering::SeqCst);
    }

    /// The lease as stored now.
    pub fn current(&self) -> Option<VersionedLease> {
        self.lock().lease.clone()
    }

    /// The holder named by the stored lease, if any.
    pub fn holder(&self) -> Option<String> {
        self.current()
            .and_then(|lease| crate::rules::holder_of(&lease.record).map(str::to_owned))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Store> {
        // A test that panicked while holding the lock left consistent data behind.
        self.store.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The request leg: refused while the connection is down, then delayed.
    async fn send(&self) -> Result<(), LeaseError> {
        if self.faults.unavailable.load(Ordering::SeqCst) {
            return Err(LeaseError::Unavailable(
                "memory lease connection is down".to_owned(),
            ));
        }
        delay(&self.faults.request_nanos).await;
        Ok(())
    }

    /// The answer leg: a call already in flight completes even if the connection
    /// goes down meanwhile (its effect on the lease has happened anyway).
    async fn answer(&self) {
        delay(&self.faults.answer_nanos).await;
    }
}

async fn delay(leg: &AtomicU64) {
    let latency = Duration::from_nanos(leg.load(Ordering::SeqCst));
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
}

fn nanos(duration: Duration) -> u64 {
    u64::try_from(duration.as_nanos()).unwrap_or(u64::MAX)
}

#[async_trait]
impl LeaseBackend for MemoryLease {
    async fn get(&self) -> Result<Option<VersionedLease>, LeaseError> {
        self.send().await?;
        let lease = self.current();
        self.answer().await;
        Ok(lease)
    }

    async fn try_update(
        &self,
        expected_version: Option<&str>,
        record: &LeaseRecord,
    ) -> Result<String, LeaseError> {
        self.send().await?;
        let version = {
            let mut store = self.lock();
            let stored_version = store.lease.as_ref().map(|lease| lease.version.as_str());
            if stored_version != expected_version {
                return Err(LeaseError::Conflict);
            }
            store.last_version += 1;
            let version = store.last_version.to_string();
            store.lease = Some(VersionedLease {
                record: record.clone(),
                version: version.clone(),
            });
            version
        };
        if crate::rules::holder_of(record).is_none() {
            self.releases.notify();
        }
        self.answer().await;
        Ok(version)
    }

    fn release_notifications(&self) -> Option<ReleaseNotifications> {
        let disabled = self.faults.no_release_notifications.load(Ordering::SeqCst);
        (!disabled).then(|| self.releases.subscribe())
    }

    fn kind(&self) -> &'static str {
        "memory"
    }
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::*;

    fn record(holder: &str) -> LeaseRecord {
        LeaseRecord {
            holder: Some(holder.to_owned()),
            lease_duration: Duration::from_secs(15),
            acquired_at: Timestamp::UNIX_EPOCH,
            renewed_at: Timestamp::UNIX_EPOCH,
            transitions: 0,
        }
    }

    #[tokio::test]
    async fn writes_compare_and_swap_on_the_version() {
        let lease = MemoryLease::new();
        let other = lease.connect();
        assert_eq!(lease.get().await.expect("get works"), None);
        let first = lease.try_update(None, &record("a")).await.expect("create");
        assert!(matches!(
            other.try_update(None, &record("b")).await,
            Err(LeaseError::Conflict)
        ));
        let second = other
            .try_update(Some(&first), &record("b"))
            .await
            .expect("update at the current version");
        assert_ne!(first, second);
        assert!(matches!(
            lease.try_update(Some(&first), &record("a")).await,
            Err(LeaseError::Conflict)
        ));
        assert_eq!(lease.holder().as_deref(), Some("b"));
    }

    #[tokio::test]
    async fn a_down_connection_fails_alone() {
        let lease = MemoryLease::new();
        let other = lease.connect();
        lease.set_unavailable(true);
        assert!(matches!(lease.get().await, Err(LeaseError::Unavailable(_))));
        other
            .try_update(None, &record("b"))
            .await
            .expect("the other connection still works");
        lease.set_unavailable(false);
        assert_eq!(lease.holder().as_deref(), Some("b"));
    }
}
