//! SLA figures and breach decisions for one CronJob over a window of finished runs.
//!
//! Definitions, used by every view so back-ends and pages agree:
//! - **Runs** are finished executions (succeeded or failed); running ones are not counted.
//! - **Success rate** is `100 · succeeded / (succeeded + failed)`. With no finished run it is
//!   [`SuccessRate::NoData`], never 100 and never 0, and it breaches nothing.
//! - **Duration figures** (average, P50/P95/P99, max) cover *successful* runs only: a failure's
//!   duration says how long it took to fail, not how long the work takes.
//! - **Percentiles** are [`percentile_cont`] (linear interpolation, as PostgreSQL's).
//! - **maxDuration** is checked against the latest finished run of any outcome (the Go
//!   operator's rule) and against a run still in progress (a stuck run breaches early).
//!
//! [`summary::History`] keeps per-day buckets that merge, so figures for a window do not
//! rescan history.

mod percentile;
pub mod summary;

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use crate::model::{Execution, Outcome};
pub use percentile::percentile_cont;

/// One finished run as the SLA sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sample {
    pub finished_at: Timestamp,
    pub succeeded: bool,
    pub duration: SignedDuration,
}

impl Sample {
    /// The sample for a finished execution; `None` while it is still running.
    pub fn from_execution(execution: &Execution) -> Option<Self> {
        let finished_at = execution.completed_at?;
        let succeeded = match execution.outcome {
            Outcome::Running => return None,
            Outcome::Succeeded => true,
            Outcome::Failed => false,
        };
        let duration = finished_at
            .duration_since(execution.started_at)
            .max(SignedDuration::ZERO);
        Some(Self {
            finished_at,
            succeeded,
            duration,
        })
    }
}

/// A success rate that keeps "no data" distinct from any number.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "percent", rename_all = "snake_case")]
pub enum SuccessRate {
    NoData,
    Percent(f64),
}

impl SuccessRate {
    /// The rate for these counts; `NoData` when both are zero.
    pub fn from_counts(succeeded: u64, failed: u64) -> Self {
        let total = succeeded + failed;
        if total == 0 {
            Self::NoData
        } else {
            Self::Percent(100.0 * succeeded as f64 / total as f64)
        }
    }

    /// The percentage, if there was any run.
    pub fn percent(self) -> Option<f64> {
        match self {
            Self::NoData => None,
            Self::Percent(value) => Some(value),
        }
    }
}

/// Duration figures of successful runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DurationStats {
    pub samples: u64,
    pub average: SignedDuration,
    pub p50: SignedDuration,
    pub p95: SignedDuration,
    pub p99: SignedDuration,
    pub max: SignedDuration,
}

/// SLA figures for one window.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SlaStats {
    pub total_runs: u64,
    pub succeeded: u64,
    pub failed: u64,
    pub success_rate: SuccessRate,
    /// `None` when no run succeeded in the window.
    pub durations: Option<DurationStats>,
}

/// The instants `from < t <= until`; adjacent windows never count a run twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    pub from: Timestamp,
    pub until: Timestamp,
}

impl Window {
    /// The `length` ending at `until`.
    pub fn ending_at(until: Timestamp, length: SignedDuration) -> Self {
        Self {
            from: crate::time_math::sub(until, length),
            until,
        }
    }

    /// The `days` (of 24 hours) ending at `now`, as `windowDays` asks.
    pub fn last_days(now: Timestamp, days: i32) -> Self {
        Self::ending_at(now, SignedDuration::from_hours(24 * i64::from(days.max(0))))
    }

    pub fn contains(&self, at: Timestamp) -> bool {
        self.from < at && at <= self.until
    }
}

impl SlaStats {
    /// Exact figures for the samples that finished inside `window`.
    pub fn from_samples(samples: &[Sample], window: Window) -> Self {
        let inside = samples
            .iter()
            .filter(|sample| window.contains(sample.finished_at));
        let (successes, failures): (Vec<&Sample>, Vec<&Sample>) =
            inside.partition(|sample| sample.succeeded);
        let mut durations: Vec<SignedDuration> =
            successes.iter().map(|sample| sample.duration).collect();
        durations.sort_unstable();
        Self::from_parts(
            successes.len() as u64,
            failures.len() as u64,
            duration_stats(&durations),
        )
    }

    pub(crate) fn from_parts(
        succeeded: u64,
        failed: u64,
        durations: Option<DurationStats>,
    ) -> Self {
        Self {
            total_runs: succeeded + failed,
            succeeded,
            failed,
            success_rate: SuccessRate::from_counts(succeeded, failed),
            durations,
        }
    }
}

/// Figures of sorted successful durations; `None` when empty.
pub fn duration_stats(sorted: &[SignedDuration]) -> Option<DurationStats> {
    let max = *sorted.last()?;
    let sum: i128 = sorted.iter().map(SignedDuration::as_nanos).sum();
    let samples = sorted.len() as u64;
    let at = |fraction| percentile_cont(sorted, fraction).unwrap_or(max);
    Some(DurationStats {
        samples,
        average: percentile::nanos_to_duration((sum / i128::from(samples)) as f64),
        p50: at(0.50),
        p95: at(0.95),
        p99: at(0.99),
        max,
    })
}

/// SLA thresholds of a monitor (`spec.sla`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SlaPolicy {
    /// Percent, default 95.
    pub min_success_rate: f64,
    pub max_duration: Option<SignedDuration>,
}

impl Default for SlaPolicy {
    fn default() -> Self {
        Self {
            min_success_rate: 95.0,
            max_duration: None,
        }
    }
}

/// Runs the duration checks look at besides the window's figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LatestRuns {
    /// Duration of the most recent finished run, whatever its outcome.
    pub last_finished: Option<SignedDuration>,
    /// Start of the oldest run still in progress.
    pub oldest_running_since: Option<Timestamp>,
}

/// One way the SLA is broken.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Breach {
    SuccessRate {
        percent: f64,
        minimum: f64,
        failed: u64,
        total: u64,
    },
    LastRunTooLong {
        took: SignedDuration,
        max: SignedDuration,
    },
    RunningTooLong {
        running_for: SignedDuration,
        max: SignedDuration,
    },
}

/// Every breach of `policy` by the window figures and the latest runs (empty = SLA met).
pub fn evaluate(
    stats: &SlaStats,
    latest: LatestRuns,
    policy: &SlaPolicy,
    now: Timestamp,
) -> Vec<Breach> {
    let mut breaches = Vec::new();
    if let SuccessRate::Percent(percent) = stats.success_rate
        && percent < policy.min_success_rate
    {
        breaches.push(Breach::SuccessRate {
            percent,
            minimum: policy.min_success_rate,
            failed: stats.failed,
            total: stats.total_runs,
        });
    }
    let Some(max) = policy.max_duration else {
        return breaches;
    };
    if let Some(took) = latest.last_finished.filter(|took| *took > max) {
        breaches.push(Breach::LastRunTooLong { took, max });
    }
    if let Some(since) = latest.oldest_running_since {
        let running_for = now.duration_since(since);
        if running_for > max {
            breaches.push(Breach::RunningTooLong { running_for, max });
        }
    }
    breaches
}

#[cfg(test)]
mod tests;
