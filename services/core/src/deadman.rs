//! Dead-man's switch: has this CronJob *succeeded* recently enough?
//!
//! Two independent checks (the Go operator used one or the other and measured from the last
//! run of any outcome, so a job failing every time never tripped it):
//! - **stale** (`maxTimeSinceLastSuccess`): now is past the last success's completion plus
//!   the limit. A run in progress does not reset it.
//! - **missed** (`autoFromSchedule`): walks the real schedule (zone, descriptors, DST) from
//!   the start of the last success and counts fire times that passed more than `buffer` ago
//!   without a success. A weekday schedule has no fire times at the weekend, so it cannot
//!   alarm then. The fire time of a run still in progress, and every later one, is not
//!   missed. Triggers at `missedScheduleThreshold` (at least 1).
//!
//! Without any recorded success both measure from `tracked_since` (the CronJob's creation,
//! or when history for it begins). Suspension: with `pauseMonitoring` (default) a suspended
//! CronJob is not checked and the time it spent suspended never counts against it;
//! `alertIfSuspendedFor` is checked whatever `pauseMonitoring` says. Missing configuration
//! means the CRD defaults, never a crash. During the startup grace period nothing triggers.

mod config;

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

pub use config::{AutoSchedule, DeadManConfig, SuspendedHandling, Suspension};

use crate::schedule::Schedule;
use crate::time_math::{add, earliest, sub};

/// Most missed fire times counted; beyond it the verdict says `capped`.
pub const MAX_COUNTED_MISSES: u32 = 1000;

/// The most recent successful run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastSuccess {
    pub started_at: Timestamp,
    pub finished_at: Timestamp,
}

/// What is known about one CronJob.
#[derive(Debug, Clone)]
pub struct JobFacts<'a> {
    pub schedule: &'a Schedule,
    pub last_success: Option<LastSuccess>,
    /// Start times of runs still in progress.
    pub running_since: Vec<Timestamp>,
    /// Creation time of the CronJob, or when its history begins.
    pub tracked_since: Timestamp,
    pub suspension: Suspension,
}

/// The switch's settings for one monitor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Policy {
    pub dead_man: DeadManConfig,
    pub suspended: SuspendedHandling,
    /// End of the controller's startup grace period: nothing triggers before it.
    pub grace_until: Option<Timestamp>,
}

/// No success within `maxTimeSinceLastSuccess`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stale {
    pub last_success: Option<Timestamp>,
    pub since_success: SignedDuration,
    pub limit: SignedDuration,
}

/// Fire times without a success, older than the buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Missed {
    pub count: u32,
    pub threshold: u32,
    pub first_missed: Timestamp,
    pub last_missed: Timestamp,
    /// The count stopped at [`MAX_COUNTED_MISSES`].
    pub capped: bool,
}

/// Suspended for at least `alertIfSuspendedFor`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuspendedTooLong {
    pub since: Timestamp,
    pub suspended_for: SignedDuration,
    pub limit: SignedDuration,
}

/// Everything the switch decided at one instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Verdict {
    pub stale: Option<Stale>,
    pub missed: Option<Missed>,
    pub suspended_too_long: Option<SuspendedTooLong>,
    /// Suspended with `pauseMonitoring`: stale and missed were not evaluated.
    pub paused: bool,
    /// Still inside the startup grace period: stale and missed were not evaluated.
    pub in_grace: bool,
    /// The next instant at which the verdict can change with no new data.
    pub recheck_at: Option<Timestamp>,
}

/// Runs every check of the switch for one CronJob at `now`.
pub fn check(facts: &JobFacts<'_>, policy: &Policy, now: Timestamp) -> Verdict {
    let mut verdict = Verdict::default();
    check_suspension(facts, policy, now, &mut verdict);
    if facts.suspension.suspended_since.is_some() && policy.suspended.pause_monitoring {
        verdict.paused = true;
        return verdict;
    }
    if !policy.dead_man.enabled {
        return verdict;
    }
    if let Some(grace_until) = policy.grace_until.filter(|until| now < *until) {
        verdict.in_grace = true;
        verdict.recheck_at = earliest(verdict.recheck_at, Some(grace_until));
        return verdict;
    }
    // Suspended time is not held against the job when monitoring pauses for it.
    let resumed = facts
        .suspension
        .resumed_at
        .filter(|_| policy.suspended.pause_monitoring);
    if let Some(limit) = policy.dead_man.max_time_since_last_success {
        check_stale(facts, limit, resumed, now, &mut verdict);
    }
    if let Some(auto) = policy
        .dead_man
        .auto_from_schedule
        .filter(|auto| auto.enabled)
    {
        let anchor = not_before(
            facts
                .last_success
                .map_or(facts.tracked_since, |success| success.started_at),
            resumed,
        );
        let (missed, recheck) = count_missed(facts, &auto, anchor, now);
        verdict.missed = missed;
        verdict.recheck_at = earliest(verdict.recheck_at, recheck);
    }
    verdict
}

/// `maxTimeSinceLastSuccess`: measured from the last success's completion (or tracking
/// start), never earlier than a resume from a paused suspension.
fn check_stale(
    facts: &JobFacts<'_>,
    limit: SignedDuration,
    resumed: Option<Timestamp>,
    now: Timestamp,
    verdict: &mut Verdict,
) {
    let last_success = facts.last_success.map(|success| success.finished_at);
    let since = not_before(last_success.unwrap_or(facts.tracked_since), resumed);
    let deadline = add(since, limit);
    if now > deadline {
        let since_success = now.duration_since(since);
        verdict.stale = Some(Stale {
            last_success,
            since_success,
            limit,
        });
    } else {
        let after_deadline = add(deadline, SignedDuration::from_nanos(1));
        verdict.recheck_at = earliest(verdict.recheck_at, Some(after_deadline));
    }
}

fn check_suspension(facts: &JobFacts<'_>, policy: &Policy, now: Timestamp, verdict: &mut Verdict) {
    let (Some(since), Some(limit)) = (
        facts.suspension.suspended_since,
        policy.suspended.alert_if_suspended_for,
    ) else {
        return;
    };
    let suspended_for = now.duration_since(since);
    if suspended_for >= limit {
        verdict.suspended_too_long = Some(SuspendedTooLong {
            since,
            suspended_for,
            limit,
        });
    } else {
        verdict.recheck_at = earliest(verdict.recheck_at, Some(add(since, limit)));
    }
}

/// Counts fire times in `(anchor, now - buffer]` not covered by a run in progress.
fn count_missed(
    facts: &JobFacts<'_>,
    auto: &AutoSchedule,
    anchor: Timestamp,
    now: Timestamp,
) -> (Option<Missed>, Option<Timestamp>) {
    let schedule = facts.schedule;
    let mut cutoff = sub(now, auto.buffer);
    // The earliest run in progress since the anchor covers its own fire time and later ones.
    let covering_run = facts
        .running_since
        .iter()
        .copied()
        .filter(|started| *started > anchor)
        .min();
    let covered_from = covering_run.and_then(|started| schedule.last_at_or_before(started));
    if let Some(covered) = covered_from {
        cutoff = cutoff.min(sub(covered, SignedDuration::from_nanos(1)));
    }
    let mut fires = schedule
        .fire_times(anchor, cutoff)
        .take(MAX_COUNTED_MISSES as usize + 1);
    let first_missed = fires.next();
    let (mut count, mut last_missed) = (u32::from(first_missed.is_some()), first_missed);
    for fire in fires {
        count += 1;
        last_missed = Some(fire);
    }
    let capped = count > MAX_COUNTED_MISSES;
    let count = count.min(MAX_COUNTED_MISSES);
    let threshold = u32::try_from(auto.missed_schedule_threshold.max(1)).unwrap_or(1);
    // While a run is in progress only its completion changes the verdict.
    let recheck = if covering_run.is_some() {
        None
    } else {
        schedule
            .next_after(last_missed.unwrap_or(anchor).max(cutoff))
            .map(|fire| add(fire, auto.buffer))
    };
    let missed = match (first_missed, last_missed) {
        (Some(first_missed), Some(last_missed)) if count >= threshold => Some(Missed {
            count,
            threshold,
            first_missed,
            last_missed,
            capped,
        }),
        _ => None,
    };
    (missed, recheck)
}

/// `at`, moved forward to `floor` when that is later.
fn not_before(at: Timestamp, floor: Option<Timestamp>) -> Timestamp {
    floor.map_or(at, |floor| at.max(floor))
}

#[cfg(test)]
mod tests;
