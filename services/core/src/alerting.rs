//! The alert life cycle as a step function: the persisted [`AlertRecord`] (or none), an
//! [`Observation`] of its problem, `now` and a [`Policy`] in; the next record and the
//! [`Effect`]s to carry out come back as data.
//!
//! ```text
//!   (none) ──present──▶ Pending ──delay passed, not quiet──▶ Firing ──absent──▶ Resolved
//!                          │ absent: forgotten, nothing was ever sent          (Resolve sent)
//! ```
//! - A problem that goes away inside `alertDelay` is never sent.
//! - While quiet (open maintenance window, startup grace) nothing is sent; a problem still
//!   present when the quiet ends waits `alertDelay` again from that end (a job that could not
//!   run during maintenance gets its chance). Resolve notices are still sent when quiet.
//! - A repeat of a firing problem within `suppressDuplicatesFor` of the last notice is
//!   suppressed; after it, the repeat is sent again as a reminder. A changed signature (reason,
//!   exit-code category, or higher severity) is sent at once, as in the Go operator.
//! - The record keeps what was last *sent*, so a change seen while quiet is still noticed.
//! - An acknowledged firing alert is not re-sent (no reminders, no changes) until it
//!   resolves; a silenced alert sends nothing before its silence ends, as if quiet. Both
//!   still send their resolve notice. The record carries both through every transition
//!   (the store owns them); whether they hold is decided by time (see [`AlertRecord`]).
//!
//! Keys are stable across failovers (PagerDuty dedup key) and per monitor, so each monitor
//! alerts on its own. Sending, retrying and rate limiting ([`rate_limit`]) are the caller's.

pub mod mute;
pub mod rate_limit;

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use crate::model::{AlertRecord, AlertState, CronJobRef, Severity};
use crate::time_math::add;

/// Alert type names of the existing operator.
pub mod kinds {
    pub const JOB_FAILED: &str = "jobFailed";
    pub const DEAD_MAN_TRIGGERED: &str = "deadManTriggered";
    pub const MISSED_SCHEDULE: &str = "missedSchedule";
    pub const SLA_BREACHED: &str = "slaBreached";
    pub const DURATION_REGRESSION: &str = "durationRegression";
    pub const SUSPENDED_TOO_LONG: &str = "suspendedTooLong";
    pub const STUCK_JOB: &str = "stuckJob";
}

/// The stable key of one monitor's alert of one kind for one CronJob.
pub fn alert_key(monitor: Option<&CronJobRef>, cronjob: &CronJobRef, kind: &str) -> String {
    match monitor {
        Some(monitor) => format!("{monitor}/{cronjob}/{kind}"),
        None => format!("{cronjob}/{kind}"),
    }
}

/// A problem as currently observed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    pub key: String,
    pub kind: String,
    pub severity: Severity,
    pub cronjob: CronJobRef,
    pub monitor: Option<CronJobRef>,
    pub title: String,
    pub message: String,
    pub exit_code: Option<i32>,
    pub reason: Option<String>,
    pub suggested_fix: Option<String>,
}

/// Whether the problem behind an alert is there right now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Observation {
    /// Boxed: a problem is large and the absent case carries nothing.
    Present(Box<Problem>),
    Absent,
}

impl Observation {
    pub fn present(problem: Problem) -> Self {
        Self::Present(Box::new(problem))
    }
}

/// Timing settings for one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Policy {
    /// `alerting.alertDelay` (default 0).
    pub alert_delay: SignedDuration,
    /// `alerting.suppressDuplicatesFor` (default 1h).
    pub suppress_duplicates_for: SignedDuration,
    /// Nothing may be sent before this instant (open maintenance window, startup grace).
    pub quiet_until: Option<Timestamp>,
    /// End of the most recent quiet period that is over.
    pub quiet_ended_at: Option<Timestamp>,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            alert_delay: SignedDuration::ZERO,
            suppress_duplicates_for: SignedDuration::from_hours(1),
            quiet_until: None,
            quiet_ended_at: None,
        }
    }
}

/// Why a notice goes out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotifyReason {
    New,
    Changed,
    Reminder,
}

/// What the caller must do after a step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "effect", rename_all = "snake_case")]
pub enum Effect {
    Notify {
        alert: AlertRecord,
        reason: NotifyReason,
    },
    Resolve {
        alert: AlertRecord,
    },
    /// Step this alert again at `at` even if nothing is observed in between.
    ScheduleCheck {
        key: String,
        at: Timestamp,
    },
}

/// The outcome of one step: persist `record` (delete the row when `None`), then run `effects`.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub record: Option<AlertRecord>,
    pub effects: Vec<Effect>,
}

/// Advances one alert.
pub fn step(
    current: Option<&AlertRecord>,
    observation: Observation,
    now: Timestamp,
    policy: &Policy,
) -> Step {
    let live = current.filter(|record| record.state != AlertState::Resolved);
    match (live, observation) {
        (None, Observation::Absent) => Step {
            record: current.cloned(),
            effects: Vec::new(),
        },
        (Some(record), Observation::Absent) if record.state == AlertState::Pending => Step {
            record: None,
            effects: Vec::new(),
        },
        (Some(record), Observation::Absent) => {
            let resolved = AlertRecord {
                state: AlertState::Resolved,
                resolved_at: Some(now),
                ..record.clone()
            };
            Step {
                record: Some(resolved.clone()),
                effects: vec![Effect::Resolve { alert: resolved }],
            }
        }
        (None, Observation::Present(problem)) => {
            pending(renewed(*problem, now, current), now, policy)
        }
        (Some(record), Observation::Present(problem)) if record.state == AlertState::Pending => {
            pending(
                AlertRecord {
                    since: record.since,
                    ..renewed(*problem, now, Some(record))
                },
                now,
                policy,
            )
        }
        (Some(record), Observation::Present(problem)) => firing(record, *problem, now, policy),
    }
}

fn new_record(problem: Problem, now: Timestamp) -> AlertRecord {
    AlertRecord {
        key: problem.key,
        kind: problem.kind,
        severity: problem.severity,
        state: AlertState::Pending,
        cronjob: problem.cronjob,
        monitor: problem.monitor,
        title: problem.title,
        message: problem.message,
        since: now,
        last_notified: None,
        resolved_at: None,
        exit_code: problem.exit_code,
        reason: problem.reason,
        suggested_fix: problem.suggested_fix,
        acknowledged: None,
        silenced: None,
    }
}

/// A record for `problem` that keeps the acknowledgement and silence of `previous`.
fn renewed(problem: Problem, now: Timestamp, previous: Option<&AlertRecord>) -> AlertRecord {
    AlertRecord {
        acknowledged: previous.and_then(|record| record.acknowledged.clone()),
        silenced: previous.and_then(|record| record.silenced.clone()),
        ..new_record(problem, now)
    }
}

/// A pending alert fires once its delay has passed outside any quiet period and silence.
fn pending(record: AlertRecord, now: Timestamp, policy: &Policy) -> Step {
    let mut due = add(record.since, policy.alert_delay);
    if let Some(ended) = policy.quiet_ended_at.filter(|ended| *ended > record.since) {
        due = due.max(add(ended, policy.alert_delay));
    }
    let mut held = now < due;
    if let Some(quiet_until) = policy.quiet_until.filter(|until| now < *until) {
        due = due.max(add(quiet_until, policy.alert_delay));
        held = true;
    }
    if let Some(silence) = record.silence_at(now) {
        due = due.max(silence.until);
        held = true;
    }
    if held {
        let key = record.key.clone();
        return Step {
            record: Some(record),
            effects: vec![Effect::ScheduleCheck { key, at: due }],
        };
    }
    let firing = AlertRecord {
        state: AlertState::Firing,
        last_notified: Some(now),
        ..record
    };
    Step {
        record: Some(firing.clone()),
        effects: vec![Effect::Notify {
            alert: firing,
            reason: NotifyReason::New,
        }],
    }
}

/// A firing alert is re-sent when its signature changes or as a reminder after the window,
/// unless it is acknowledged; while quiet or silenced a change waits for the end.
fn firing(record: &AlertRecord, problem: Problem, now: Timestamp, policy: &Policy) -> Step {
    if record.acknowledgement().is_some() {
        return Step {
            record: Some(record.clone()),
            effects: Vec::new(),
        };
    }
    let changed = signature_changed(record, &problem);
    let quiet = policy.quiet_until.filter(|until| now < *until);
    let silenced = record.silence_at(now).map(|silence| silence.until);
    if let Some(quiet_until) = quiet.max(silenced) {
        let effects = if changed {
            vec![Effect::ScheduleCheck {
                key: record.key.clone(),
                at: quiet_until,
            }]
        } else {
            Vec::new()
        };
        return Step {
            record: Some(record.clone()),
            effects,
        };
    }
    let last_sent = record.last_notified.unwrap_or(record.since);
    let reason = if changed {
        NotifyReason::Changed
    } else if now >= add(last_sent, policy.suppress_duplicates_for) {
        NotifyReason::Reminder
    } else {
        return Step {
            record: Some(record.clone()),
            effects: Vec::new(),
        };
    };
    let sent = AlertRecord {
        state: AlertState::Firing,
        since: record.since,
        last_notified: Some(now),
        ..renewed(problem, now, Some(record))
    };
    Step {
        record: Some(sent.clone()),
        effects: vec![Effect::Notify {
            alert: sent,
            reason,
        }],
    }
}

/// The Go operator's "error signature changed": a different reason or exit-code category.
/// We also count a rise in severity.
fn signature_changed(sent: &AlertRecord, problem: &Problem) -> bool {
    let reason_changed =
        matches!((&sent.reason, &problem.reason), (Some(old), Some(new)) if old != new);
    let category_changed = matches!((sent.exit_code, problem.exit_code), (Some(old), Some(new)) if exit_category(old) != exit_category(new));
    reason_changed || category_changed || problem.severity > sent.severity
}

fn exit_category(code: i32) -> u8 {
    match code {
        0 => 0,
        137 => 1,
        143 => 2,
        128.. => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests;
