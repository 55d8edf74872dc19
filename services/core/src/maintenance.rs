//! Maintenance windows: a cron start, a duration and a time zone. While one with
//! `suppressAlerts` is open, no alert of the monitor is sent (every path, not only the
//! dead-man's switch as in the Go operator).
//!
//! A window is open at `now` when its latest start at or before `now` is less than
//! `duration` ago. Only the latest start matters (an earlier start ends no later), so a
//! 48-hour window that began 30 hours ago is found however long ago it began — the Go
//! operator only looked back 24 hours.

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use crate::duration::{self, DurationError};
use crate::schedule::{Schedule, ScheduleError};
use crate::time_math::add;

/// `spec.maintenanceWindows[]` as written (strings unparsed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaintenanceWindowSpec {
    pub name: String,
    pub schedule: String,
    pub duration: String,
    /// IANA zone; `None` or empty means UTC.
    pub timezone: Option<String>,
    /// Default true.
    pub suppress_alerts: bool,
}

/// Why a maintenance window is unusable (surfaced as a status condition).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MaintenanceError {
    #[error("maintenance window {name:?}: {source}")]
    Schedule { name: String, source: ScheduleError },
    #[error("maintenance window {name:?}: {source}")]
    Duration { name: String, source: DurationError },
    #[error("maintenance window {name:?}: duration must be positive")]
    EmptyDuration { name: String },
}

/// A parsed maintenance window.
#[derive(Debug, Clone, PartialEq)]
pub struct MaintenanceWindow {
    pub name: String,
    schedule: Schedule,
    length: SignedDuration,
    suppress_alerts: bool,
}

/// A window open at some instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenWindow {
    pub name: String,
    pub started_at: Timestamp,
    pub ends_at: Timestamp,
    pub suppress_alerts: bool,
}

impl MaintenanceWindow {
    /// Parses one window; the zone is `timezone` unless the schedule has a `CRON_TZ=` prefix.
    pub fn compile(spec: &MaintenanceWindowSpec) -> Result<Self, MaintenanceError> {
        let name = spec.name.clone();
        let schedule =
            Schedule::parse(&spec.schedule, spec.timezone.as_deref()).map_err(|source| {
                MaintenanceError::Schedule {
                    name: name.clone(),
                    source,
                }
            })?;
        let length =
            duration::parse(&spec.duration).map_err(|source| MaintenanceError::Duration {
                name: name.clone(),
                source,
            })?;
        if !length.is_positive() {
            return Err(MaintenanceError::EmptyDuration { name });
        }
        Ok(Self {
            name,
            schedule,
            length,
            suppress_alerts: spec.suppress_alerts,
        })
    }

    /// The occurrence open at `now`, if any (a start exactly at `now` is open; the end is not).
    pub fn open_at(&self, now: Timestamp) -> Option<OpenWindow> {
        let started_at = self.schedule.last_at_or_before(now)?;
        let ends_at = add(started_at, self.length);
        (now < ends_at).then(|| OpenWindow {
            name: self.name.clone(),
            started_at,
            ends_at,
            suppress_alerts: self.suppress_alerts,
        })
    }

    /// When the most recent occurrence that is over by `now` ended: the latest start at or
    /// before `now - duration`, plus the duration.
    fn last_end_by(&self, now: Timestamp) -> Option<Timestamp> {
        let start = self
            .schedule
            .last_at_or_before(crate::time_math::sub(now, self.length))?;
        Some(add(start, self.length))
    }
}

/// All maintenance windows of one monitor.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MaintenanceWindows {
    windows: Vec<MaintenanceWindow>,
}

impl MaintenanceWindows {
    /// Parses every window, collecting every error rather than stopping at the first.
    pub fn compile(specs: &[MaintenanceWindowSpec]) -> Result<Self, Vec<MaintenanceError>> {
        let (windows, errors): (Vec<_>, Vec<_>) = specs
            .iter()
            .map(MaintenanceWindow::compile)
            .partition(Result::is_ok);
        if errors.is_empty() {
            Ok(Self {
                windows: windows.into_iter().flatten().collect(),
            })
        } else {
            Err(errors.into_iter().filter_map(Result::err).collect())
        }
    }

    /// Every window open at `now`.
    pub fn open_at(&self, now: Timestamp) -> Vec<OpenWindow> {
        self.windows
            .iter()
            .filter_map(|window| window.open_at(now))
            .collect()
    }

    /// Whether alerts are suppressed at `now`.
    pub fn is_suppressed(&self, now: Timestamp) -> bool {
        self.suppressed_until(now).is_some()
    }

    /// If suppressed at `now`, when suppression ends — following windows that overlap or
    /// touch, so the answer is the first instant at which alerts may go out again. Windows
    /// that overlap without end (`*/5` lasting an hour) are followed for a bounded number of
    /// occurrences; the caller simply checks again at the instant returned.
    pub fn suppressed_until(&self, now: Timestamp) -> Option<Timestamp> {
        const MAX_CHAINED: usize = 64;
        let mut until = self.suppressing_end(now)?;
        for _ in 0..MAX_CHAINED {
            match self.suppressing_end(until) {
                Some(later) if later > until => until = later,
                _ => break,
            }
        }
        Some(until)
    }

    /// The latest end of a suppressing window that was over by `now`: alerts that survived
    /// it wait `alertDelay` again from there.
    pub fn last_suppression_end(&self, now: Timestamp) -> Option<Timestamp> {
        self.windows
            .iter()
            .filter(|window| window.suppress_alerts)
            .filter_map(|window| window.last_end_by(now))
            .max()
    }

    fn suppressing_end(&self, now: Timestamp) -> Option<Timestamp> {
        self.open_at(now)
            .into_iter()
            .filter(|open| open.suppress_alerts)
            .map(|open| open.ends_at)
            .max()
    }
}

#[cfg(test)]
mod tests;
