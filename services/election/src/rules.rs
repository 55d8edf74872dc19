//! Pure election rules, client-go semantics: what to do with the lease we just read.
//!
//! Expiry is judged on the *local* monotonic clock, never on the timestamps in the
//! record: a standby notes when it last saw the record change ([`Observation`]) and
//! treats the lease as expired once `lease_duration` has passed since then. Clock skew
//! between replicas therefore cannot make a live lease look expired (client-go's
//! `observedTime`). A leader measures its renew deadline from the *start* of its last
//! successful renewal, which precedes the moment anyone can have seen that write, so
//! it always steps down before a standby's view of the lease expires.
//!
//! ```text
//!   read ─► Observation::update ─► decide ─► Acquire | Renew  ─► write (CAS on version)
//!                                          └► Wait { holder }  (standby, lease valid)
//!                                          └► Lost { holder }  (leader, lease not ours)
//! ```

use std::time::Duration;

use jiff::Timestamp;
use tokio::time::Instant;

use crate::{LeaseRecord, LeaseTimings, VersionedLease};

/// The lease as last read, and the local time at which it last changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observation {
    /// `None` when the lease does not exist.
    pub lease: Option<VersionedLease>,
    /// Local monotonic time at which `lease` was first seen in its current form.
    pub changed_at: Instant,
}

impl Observation {
    /// The first read of the lease, at local time `now`.
    pub fn first(lease: Option<VersionedLease>, now: Instant) -> Self {
        Self {
            lease,
            changed_at: now,
        }
    }

    /// Folds a fresh read in. The local expiry clock restarts only when the record or its
    /// version changed; rereading an unchanged lease keeps the original `changed_at`.
    pub fn update(&mut self, lease: Option<VersionedLease>, now: Instant) {
        if self.lease != lease {
            self.lease = lease;
            self.changed_at = now;
        }
    }

    /// The holder of the lease as observed, `None` when absent or released.
    pub fn holder(&self) -> Option<&str> {
        self.lease
            .as_ref()
            .and_then(|lease| holder_of(&lease.record))
    }

    /// Local time at which a holder's lease, as observed here, runs out.
    pub fn expires_at(&self, timings: &LeaseTimings) -> Instant {
        let duration = self
            .lease
            .as_ref()
            .map_or(Duration::ZERO, |lease| lease.record.lease_duration);
        // A record without a duration (written by another tool) gets ours, never zero:
        // zero would let anyone take a live lease at once.
        let duration = if duration.is_zero() {
            timings.lease_duration
        } else {
            duration
        };
        self.changed_at + duration
    }
}

/// What the elector should do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// The lease is absent, released or expired: write a record naming us.
    Acquire,
    /// The lease names us: write a fresh renew time.
    Renew,
    /// Another replica holds a valid lease: read again at `until`.
    Wait {
        holder: String,
        expires_at: Instant,
        until: Instant,
    },
    /// We were leading but the lease no longer names us: step down now.
    Lost { holder: Option<String> },
}

/// Decides from the observed lease, our identity, whether we currently lead, and `now`.
pub fn decide(
    observation: &Observation,
    identity: &str,
    leading: bool,
    now: Instant,
    timings: &LeaseTimings,
) -> Decision {
    let holder = observation.holder();
    if holder == Some(identity) {
        return Decision::Renew;
    }
    if leading {
        // Someone else wrote the lease (or removed it): whatever its state, we are no
        // longer the holder of record, so leader work must stop before anything else.
        return Decision::Lost {
            holder: holder.map(str::to_owned),
        };
    }
    let Some(holder) = holder else {
        return Decision::Acquire;
    };
    let expires_at = observation.expires_at(timings);
    if now >= expires_at {
        return Decision::Acquire;
    }
    Decision::Wait {
        holder: holder.to_owned(),
        expires_at,
        until: now + timings.retry_period,
    }
}

/// The local time by which a leader must have renewed, given the start of its last
/// successful renewal (or acquisition).
pub fn renew_deadline(last_renewal_started: Instant, timings: &LeaseTimings) -> Instant {
    last_renewal_started + timings.renew_deadline
}

/// The record to write when taking the lease over from `previous` (if any).
pub fn acquired_record(
    previous: Option<&LeaseRecord>,
    identity: &str,
    now: Timestamp,
    timings: &LeaseTimings,
) -> LeaseRecord {
    LeaseRecord {
        holder: Some(identity.to_owned()),
        lease_duration: timings.lease_duration,
        acquired_at: now,
        renewed_at: now,
        // client-go: creating starts at 0, every change of holder counts one.
        transitions: previous.map_or(0, |record| record.transitions.saturating_add(1)),
    }
}

/// The record to write when renewing `previous`, which names us.
pub fn renewed_record(
    previous: &LeaseRecord,
    now: Timestamp,
    timings: &LeaseTimings,
) -> LeaseRecord {
    LeaseRecord {
        lease_duration: timings.lease_duration,
        renewed_at: now,
        ..previous.clone()
    }
}

/// The record that gives the lease up: no holder, so any standby acquires it at its
/// next attempt. The one-second duration matches client-go's `ReleaseOnCancel`, for
/// other readers of a Kubernetes Lease.
pub fn released_record(previous: &LeaseRecord, now: Timestamp) -> LeaseRecord {
    LeaseRecord {
        holder: None,
        lease_duration: Duration::from_secs(1),
        acquired_at: now,
        renewed_at: now,
        transitions: previous.transitions,
    }
}

/// The holder named by a record; an empty name counts as released (client-go).
pub fn holder_of(record: &LeaseRecord) -> Option<&str> {
    record.holder.as_deref().filter(|holder| !holder.is_empty())
}

#[cfg(test)]
mod tests;
