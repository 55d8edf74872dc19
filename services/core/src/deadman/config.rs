//! The dead-man's switch settings of a monitor, with the CRD defaults, and the persisted
//! suspension timers. Absent blocks mean defaults, so nothing downstream handles `None`.

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

/// `spec.deadManSwitch`, defaults applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadManConfig {
    pub enabled: bool,
    pub max_time_since_last_success: Option<SignedDuration>,
    pub auto_from_schedule: Option<AutoSchedule>,
}

impl Default for DeadManConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            max_time_since_last_success: None,
            auto_from_schedule: None,
        }
    }
}

/// `spec.deadManSwitch.autoFromSchedule`, defaults applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutoSchedule {
    pub enabled: bool,
    pub buffer: SignedDuration,
    pub missed_schedule_threshold: i32,
}

impl Default for AutoSchedule {
    fn default() -> Self {
        Self {
            enabled: false,
            buffer: SignedDuration::from_hours(1),
            missed_schedule_threshold: 1,
        }
    }
}

/// `spec.suspendedHandling`, defaults applied (also when the block is absent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuspendedHandling {
    pub pause_monitoring: bool,
    pub alert_if_suspended_for: Option<SignedDuration>,
}

impl Default for SuspendedHandling {
    fn default() -> Self {
        Self {
            pause_monitoring: true,
            alert_if_suspended_for: None,
        }
    }
}

/// Persisted suspension timers (kept in the database so a failover continues them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Suspension {
    pub suspended_since: Option<Timestamp>,
    pub resumed_at: Option<Timestamp>,
}

impl Suspension {
    /// The timers after seeing the CronJob's `spec.suspend` at `now`.
    pub fn observe(self, suspended: bool, now: Timestamp) -> Self {
        match (self.suspended_since, suspended) {
            (None, true) => Self {
                suspended_since: Some(now),
                ..self
            },
            (Some(_), false) => Self {
                suspended_since: None,
                resumed_at: Some(now),
            },
            _ => self,
        }
    }
}
