//! One round of lease I/O: read, decide, compare-and-swap write; and the release.
//!
//! Kept apart from the loop so the loop only deals with time and publishing. A write
//! that loses a compare-and-swap race is not an error: the lease is read again and the
//! rules decide afresh (someone else probably just took it), a few times per round.

use std::sync::Arc;

use guardian_core::Clock;
use tokio::time::Instant;
use tracing::debug;

use crate::rules::{self, Decision, Observation};
use crate::{LeaseBackend, LeaseError, LeaseRecord, LeaseTimings, VersionedLease};

/// Read-decide-write rounds per attempt before a conflict counts as a failure.
const MAX_CONFLICT_ROUNDS: usize = 3;

/// What an attempt found out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Our write went through: the lease names us until at least the renew deadline.
    Holding,
    /// Another replica holds a valid lease.
    HeldBy { holder: String },
    /// We were leading and the lease no longer names us.
    Lost { holder: Option<String> },
}

/// Everything an attempt needs that does not change while the elector runs.
pub(crate) struct LeaseIo {
    pub(crate) backend: Arc<dyn LeaseBackend>,
    pub(crate) identity: String,
    pub(crate) timings: LeaseTimings,
    pub(crate) clock: Arc<dyn Clock>,
}

impl LeaseIo {
    /// Acquires or renews (client-go `tryAcquireOrRenew`). `observation` is updated with
    /// every read and every successful write.
    pub(crate) async fn acquire_or_renew(
        &self,
        observation: &mut Option<Observation>,
        leading: bool,
    ) -> Result<Outcome, LeaseError> {
        if leading && self.renew_fast(observation).await? {
            return Ok(Outcome::Holding);
        }
        for _ in 0..MAX_CONFLICT_ROUNDS {
            let read = self.backend.get().await?;
            let now = Instant::now();
            let current = observe(observation, read, now);
            let decision = rules::decide(current, &self.identity, leading, now, &self.timings);
            let previous = current.lease.as_ref();
            let record = match decision {
                Decision::Acquire => rules::acquired_record(
                    previous.map(|lease| &lease.record),
                    &self.identity,
                    self.clock.now(),
                    &self.timings,
                ),
                Decision::Renew => match previous {
                    Some(lease) => {
                        rules::renewed_record(&lease.record, self.clock.now(), &self.timings)
                    }
                    None => continue, // unreachable: Renew means the lease names us
                },
                Decision::Wait { holder, .. } => return Ok(Outcome::HeldBy { holder }),
                Decision::Lost { holder } => return Ok(Outcome::Lost { holder }),
            };
            let expected = previous.map(|lease| lease.version.clone());
            if self.write(observation, expected.as_deref(), record).await? {
                return Ok(Outcome::Holding);
            }
        }
        Err(LeaseError::Conflict)
    }

    /// Gives the lease up if, as far as we know, it names us. Returns whether it did.
    pub(crate) async fn release(
        &self,
        observation: &mut Option<Observation>,
    ) -> Result<bool, LeaseError> {
        for _ in 0..MAX_CONFLICT_ROUNDS {
            let Some(lease) = observation.as_ref().and_then(|seen| seen.lease.clone()) else {
                return Ok(false);
            };
            if rules::holder_of(&lease.record) != Some(self.identity.as_str()) {
                return Ok(false);
            }
            let record = rules::released_record(&lease.record, self.clock.now());
            if self
                .write(observation, Some(&lease.version), record)
                .await?
            {
                return Ok(true);
            }
            let read = self.backend.get().await?;
            observe(observation, read, Instant::now());
        }
        Err(LeaseError::Conflict)
    }

    /// client-go's fast path: a leader writes against the version it last saw, without
    /// reading first. `false` when that version is stale (fall back to a read).
    async fn renew_fast(&self, observation: &mut Option<Observation>) -> Result<bool, LeaseError> {
        let Some(lease) = observation.as_ref().and_then(|seen| seen.lease.clone()) else {
            return Ok(false);
        };
        if rules::holder_of(&lease.record) != Some(self.identity.as_str()) {
            return Ok(false);
        }
        let record = rules::renewed_record(&lease.record, self.clock.now(), &self.timings);
        self.write(observation, Some(&lease.version), record).await
    }

    /// Compare-and-swap write. `Ok(false)` on a conflict; the observation then keeps the
    /// last read, and the caller reads again.
    async fn write(
        &self,
        observation: &mut Option<Observation>,
        expected_version: Option<&str>,
        record: LeaseRecord,
    ) -> Result<bool, LeaseError> {
        match self.backend.try_update(expected_version, &record).await {
            Ok(version) => {
                let written = VersionedLease { record, version };
                observe(observation, Some(written), Instant::now());
                Ok(true)
            }
            Err(LeaseError::Conflict) => {
                debug!(
                    backend = self.backend.kind(),
                    "lease write conflicted, reading again"
                );
                Ok(false)
            }
            Err(error) => Err(error),
        }
    }
}

/// Folds a read into the observation slot and returns the updated observation.
fn observe(
    slot: &mut Option<Observation>,
    lease: Option<VersionedLease>,
    now: Instant,
) -> &Observation {
    let observation = match slot.take() {
        Some(mut seen) => {
            seen.update(lease, now);
            seen
        }
        None => Observation::first(lease, now),
    };
    slot.insert(observation)
}
