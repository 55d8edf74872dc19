//! Duration regression: is the recent P95 of successful runs at least
//! `durationRegressionThreshold` percent above the baseline P95?
//!
//! Windows (half-open, as [`Window`]): *recent* is the last `recent_window` (one day, as in the
//! Go operator); *baseline* is the `durationBaselineWindowDays` before it. Unlike the Go
//! operator the baseline excludes the recent window, so a slowdown does not dilute its own
//! baseline. Both windows need a minimum number of successful runs; the recent minimum
//! defaults to one so daily jobs can be judged. Percentiles are
//! [`percentile_cont`](crate::sla::percentile_cont). A zero baseline P95 is not compared
//! (any increase would be infinite percent).

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use crate::sla::{Sample, Window, percentile_cont};

/// Regression settings (`spec.sla` plus sample minimums), defaults applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegressionPolicy {
    /// `durationRegressionThreshold`, percent (default 50).
    pub threshold_percent: i32,
    /// `durationBaselineWindowDays` (default 14).
    pub baseline_days: i32,
    pub recent_window: SignedDuration,
    pub min_baseline_samples: usize,
    pub min_recent_samples: usize,
}

impl Default for RegressionPolicy {
    fn default() -> Self {
        Self {
            threshold_percent: 50,
            baseline_days: 14,
            recent_window: SignedDuration::from_hours(24),
            min_baseline_samples: 5,
            min_recent_samples: 1,
        }
    }
}

/// The outcome of one regression check.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RegressionVerdict {
    /// Too few successful runs in a window to judge.
    InsufficientData {
        baseline_samples: usize,
        recent_samples: usize,
    },
    /// The baseline P95 is zero; no percentage can be computed.
    NotComparable { recent_p95: SignedDuration },
    Stable {
        baseline_p95: SignedDuration,
        recent_p95: SignedDuration,
        change_percent: f64,
    },
    Regressed {
        baseline_p95: SignedDuration,
        recent_p95: SignedDuration,
        increase_percent: f64,
        threshold_percent: i32,
    },
}

impl RegressionVerdict {
    pub fn is_regressed(&self) -> bool {
        matches!(self, Self::Regressed { .. })
    }
}

/// The two windows a check compares, ending at `now`.
pub fn windows(policy: &RegressionPolicy, now: Timestamp) -> (Window, Window) {
    let recent = Window::ending_at(now, policy.recent_window);
    let baseline_length = SignedDuration::from_hours(24 * i64::from(policy.baseline_days.max(0)));
    (Window::ending_at(recent.from, baseline_length), recent)
}

/// Checks the successful runs among `samples` for a regression at `now`.
pub fn detect(samples: &[Sample], policy: &RegressionPolicy, now: Timestamp) -> RegressionVerdict {
    let (baseline_window, recent_window) = windows(policy, now);
    let durations_in = |window: Window| {
        let mut durations: Vec<SignedDuration> = samples
            .iter()
            .filter(|sample| sample.succeeded && window.contains(sample.finished_at))
            .map(|sample| sample.duration)
            .collect();
        durations.sort_unstable();
        durations
    };
    compare(
        &durations_in(baseline_window),
        &durations_in(recent_window),
        policy,
    )
}

/// Compares sorted successful durations of the baseline and recent windows.
pub fn compare(
    baseline: &[SignedDuration],
    recent: &[SignedDuration],
    policy: &RegressionPolicy,
) -> RegressionVerdict {
    let insufficient = RegressionVerdict::InsufficientData {
        baseline_samples: baseline.len(),
        recent_samples: recent.len(),
    };
    if baseline.len() < policy.min_baseline_samples.max(1)
        || recent.len() < policy.min_recent_samples.max(1)
    {
        return insufficient;
    }
    let (Some(baseline_p95), Some(recent_p95)) = (
        percentile_cont(baseline, 0.95),
        percentile_cont(recent, 0.95),
    ) else {
        return insufficient;
    };
    if baseline_p95 <= SignedDuration::ZERO {
        return RegressionVerdict::NotComparable { recent_p95 };
    }
    let change_percent = 100.0 * (recent_p95.as_secs_f64() - baseline_p95.as_secs_f64())
        / baseline_p95.as_secs_f64();
    let threshold_percent = policy.threshold_percent.max(0);
    // Exact integer comparison: recent ≥ baseline · (100 + threshold) / 100, and slower.
    let reaches_threshold = recent_p95.as_nanos() * 100
        >= baseline_p95.as_nanos() * (100 + i128::from(threshold_percent));
    if recent_p95 > baseline_p95 && reaches_threshold {
        RegressionVerdict::Regressed {
            baseline_p95,
            recent_p95,
            increase_percent: change_percent,
            threshold_percent,
        }
    } else {
        RegressionVerdict::Stable {
            baseline_p95,
            recent_p95,
            change_percent,
        }
    }
}

#[cfg(test)]
mod tests;
