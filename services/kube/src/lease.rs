//! The Kubernetes back-end of leader election: a `coordination.k8s.io/v1` Lease.
//!
//! The lease's `resourceVersion` is the compare-and-swap version: creating fails with
//! 409 when the Lease exists, replacing fails with 409 when it changed since we read it;
//! both become [`LeaseError::Conflict`] and the elector reads again. Field mapping
//! (client-go's `LeaseLock`): `holderIdentity`, `leaseDurationSeconds`, `acquireTime`,
//! `renewTime`, `leaseTransitions`. Durations are written rounded *up* to whole seconds,
//! so a reader never sees a shorter lease than the holder keeps.
//!
//! Release notifications come from a watch on the Lease object: a change that clears
//! the holder (or the renew time), or a deletion, wakes a standby at once instead of
//! at its next retry period.

use std::time::Duration;

use async_trait::async_trait;
use futures::StreamExt;
use guardian_election::{
    LeaseBackend, LeaseError, LeaseRecord, ReleaseNotifications, ReleaseNotifier, VersionedLease,
};
use jiff::Timestamp;
use k8s_openapi::api::coordination::v1::{Lease, LeaseSpec};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{MicroTime, ObjectMeta};
use kube::Client;
use kube::api::{Api, PostParams};
use kube::runtime::{WatchStreamExt, watcher};

/// The Lease name the product uses unless configured otherwise.
pub const DEFAULT_LEASE_NAME: &str = "cronjob-guardian-leader";

/// One named Lease in one namespace.
#[derive(Clone)]
pub struct KubeLease {
    api: Api<Lease>,
    name: String,
}

impl KubeLease {
    /// The Lease [`DEFAULT_LEASE_NAME`] in `namespace` (the release namespace).
    pub fn new(client: Client, namespace: &str) -> Self {
        Self::with_name(client, namespace, DEFAULT_LEASE_NAME)
    }

    /// A Lease with another name, e.g. for several products in one namespace.
    pub fn with_name(client: Client, namespace: &str, name: &str) -> Self {
        Self {
            api: Api::namespaced(client, namespace),
            name: name.to_owned(),
        }
    }

    /// The Lease's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    fn lease_object(&self, record: &LeaseRecord, resource_version: Option<&str>) -> Lease {
        Lease {
            metadata: ObjectMeta {
                name: Some(self.name.clone()),
                resource_version: resource_version.map(str::to_owned),
                ..ObjectMeta::default()
            },
            spec: Some(to_spec(record)),
        }
    }
}

#[async_trait]
impl LeaseBackend for KubeLease {
    async fn get(&self) -> Result<Option<VersionedLease>, LeaseError> {
        let Some(lease) = self.api.get_opt(&self.name).await.map_err(unavailable)? else {
            return Ok(None);
        };
        let version = resource_version(&lease)?;
        Ok(Some(VersionedLease {
            record: from_spec(lease.spec.unwrap_or_default()),
            version,
        }))
    }

    async fn try_update(
        &self,
        expected_version: Option<&str>,
        record: &LeaseRecord,
    ) -> Result<String, LeaseError> {
        let params = PostParams::default();
        let lease = self.lease_object(record, expected_version);
        let written = match expected_version {
            None => self.api.create(&params, &lease).await,
            Some(_) => self.api.replace(&self.name, &params, &lease).await,
        }
        .map_err(conflict_or_unavailable)?;
        resource_version(&written)
    }

    /// Only inside a tokio runtime: the watch is a task that ends when the returned
    /// receiver is dropped.
    fn release_notifications(&self) -> Option<ReleaseNotifications> {
        let runtime = tokio::runtime::Handle::try_current().ok()?;
        let notifier = ReleaseNotifier::new();
        let notifications = notifier.subscribe();
        let api = self.api.clone();
        let name = self.name.clone();
        runtime.spawn(async move {
            tokio::select! {
                () = notifier.unwatched() => {}
                () = watch_for_releases(api, &name, &notifier) => {}
            }
        });
        Some(notifications)
    }

    fn kind(&self) -> &'static str {
        "kubernetes"
    }
}

/// Relays releases of the Lease `name`. The watcher re-lists and backs off on errors by
/// itself; only live changes count, so a re-list never wakes a standby.
async fn watch_for_releases(api: Api<Lease>, name: &str, notifier: &ReleaseNotifier) {
    let config = watcher::Config::default().fields(&format!("metadata.name={name}"));
    let mut events = std::pin::pin!(watcher(api, config).default_backoff());
    while let Some(event) = events.next().await {
        match event {
            Ok(watcher::Event::Apply(lease)) if is_released(&lease) => notifier.notify(),
            Ok(watcher::Event::Delete(_)) => notifier.notify(),
            Ok(_) => {}
            Err(error) => tracing::debug!(%error, lease = name, "lease watch failed, retrying"),
        }
    }
}

/// No holder, or no renew time: any standby may take the lease now.
fn is_released(lease: &Lease) -> bool {
    lease.spec.as_ref().is_none_or(|spec| {
        spec.renew_time.is_none()
            || spec
                .holder_identity
                .as_deref()
                .is_none_or(|holder| holder.is_empty())
    })
}

fn resource_version(lease: &Lease) -> Result<String, LeaseError> {
    lease.metadata.resource_version.clone().ok_or_else(|| {
        LeaseError::Unavailable("lease from the API server has no resourceVersion".to_owned())
    })
}

/// 409 (changed or already exists) and 404 (deleted under us) both mean "read again".
fn conflict_or_unavailable(error: kube::Error) -> LeaseError {
    match &error {
        kube::Error::Api(status) if status.is_conflict() || status.is_already_exists() => {
            LeaseError::Conflict
        }
        kube::Error::Api(status) if status.is_not_found() => LeaseError::Conflict,
        _ => unavailable(error),
    }
}

fn unavailable(error: kube::Error) -> LeaseError {
    LeaseError::Unavailable(error.to_string())
}

fn to_spec(record: &LeaseRecord) -> LeaseSpec {
    LeaseSpec {
        holder_identity: record.holder.clone(),
        lease_duration_seconds: Some(whole_seconds_up(record.lease_duration)),
        acquire_time: Some(MicroTime(record.acquired_at)),
        renew_time: Some(MicroTime(record.renewed_at)),
        lease_transitions: Some(record.transitions),
        ..LeaseSpec::default()
    }
}

/// Missing fields read as "no holder" / zero / the epoch; the election rules give a
/// missing duration the reader's own lease duration.
fn from_spec(spec: LeaseSpec) -> LeaseRecord {
    let seconds = spec.lease_duration_seconds.unwrap_or_default();
    LeaseRecord {
        holder: spec.holder_identity.filter(|holder| !holder.is_empty()),
        lease_duration: Duration::from_secs(u64::try_from(seconds).unwrap_or_default()),
        acquired_at: spec
            .acquire_time
            .map_or(Timestamp::UNIX_EPOCH, |time| time.0),
        renewed_at: spec.renew_time.map_or(Timestamp::UNIX_EPOCH, |time| time.0),
        transitions: spec.lease_transitions.unwrap_or_default(),
    }
}

fn whole_seconds_up(duration: Duration) -> i32 {
    let seconds = duration.as_secs() + u64::from(duration.subsec_nanos() > 0);
    i32::try_from(seconds).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip_through_the_lease_spec() {
        let at = Timestamp::from_second(1_700_000_000).expect("a 2023 timestamp is in range");
        let record = LeaseRecord {
            holder: Some("pod-a".to_owned()),
            lease_duration: Duration::from_secs(15),
            acquired_at: at,
            renewed_at: at + Duration::from_secs(4),
            transitions: 7,
        };
        let spec = to_spec(&record);
        assert_eq!(spec.lease_duration_seconds, Some(15));
        assert_eq!(spec.lease_transitions, Some(7));
        assert_eq!(from_spec(spec), record);
    }

    #[test]
    fn durations_are_rounded_up_and_released_leases_read_as_free() {
        assert_eq!(whole_seconds_up(Duration::from_millis(1_500)), 2);
        assert_eq!(whole_seconds_up(Duration::from_secs(1)), 1);
        let released = from_spec(LeaseSpec {
            holder_identity: Some(String::new()),
            lease_duration_seconds: Some(-3),
            ..LeaseSpec::default()
        });
        assert_eq!(released.holder, None);
        assert_eq!(released.lease_duration, Duration::ZERO);
        assert_eq!(released.renewed_at, Timestamp::UNIX_EPOCH);
    }
}
