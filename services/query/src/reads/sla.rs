//! SLA figures of one CronJob, computed with `guardian_core::sla` (the one
//! definition of success rate and percentiles) over bounded store reads:
//!
//! - run counts are `COUNT(*)` of the window (runs *started* in it), so they are
//!   exact however many runs there are;
//! - duration figures come from the successful runs of the 7-day window, newest
//!   first, at most [`MAX_DURATION_SAMPLES`] of them (a once-a-minute CronJob
//!   makes about 10 000 a week; the newest 5 000 are three and a half days).
//!
//! A window without finished runs has no success rate (`SuccessRate::NoData`);
//! the REST field is a plain number, so it shows [`NO_DATA_SUCCESS_RATE`], and
//! `totalRuns7d: 0` tells the two apart.

use guardian_api::v1::CronJobMetrics;
use guardian_core::sla::{DurationStats, SuccessRate, Window, duration_stats};
use guardian_core::{CronJobRef, Outcome};
use guardian_store::ExecutionFilter;
use jiff::{SignedDuration, Timestamp};

use super::Reads;
use crate::error::Result;

/// Most successful runs read for duration percentiles.
pub const MAX_DURATION_SAMPLES: usize = 5000;
/// The success rate shown when a window has no finished run (nothing failed).
pub const NO_DATA_SUCCESS_RATE: f64 = 100.0;
/// The short SLA window of the REST API (`successRate7d`, `totalRuns7d`, percentiles).
pub const SHORT_WINDOW_DAYS: i32 = 7;
/// The long SLA window (`successRate30d`).
pub const LONG_WINDOW_DAYS: i32 = 30;

/// Finished runs of a window by outcome.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunCounts {
    pub succeeded: u64,
    pub failed: u64,
}

impl RunCounts {
    pub fn total(self) -> u64 {
        self.succeeded + self.failed
    }

    /// The success rate in percent, [`NO_DATA_SUCCESS_RATE`] without runs.
    pub fn percent(self) -> f64 {
        SuccessRate::from_counts(self.succeeded, self.failed)
            .percent()
            .unwrap_or(NO_DATA_SUCCESS_RATE)
    }
}

/// The first instant of the `days` ending at `now`.
pub fn window_start(now: Timestamp, days: i32) -> Timestamp {
    Window::last_days(now, days).from
}

impl Reads {
    /// `COUNT(*)` of runs matching the window and outcome (a zero-row page).
    pub(super) async fn count_runs(
        &self,
        cronjob: &CronJobRef,
        since: Option<Timestamp>,
        status: Option<Outcome>,
    ) -> Result<u64> {
        let filter = ExecutionFilter {
            limit: 0,
            offset: 0,
            since,
            status,
        };
        Ok(self.store.list_executions(cronjob, &filter).await?.total)
    }

    /// Duration figures of the newest successful runs started at or after `since`
    /// (one read of durations only, at most [`MAX_DURATION_SAMPLES`]).
    pub(super) async fn success_durations(
        &self,
        cronjob: &CronJobRef,
        since: Timestamp,
    ) -> Result<Option<DurationStats>> {
        let limit = u32::try_from(MAX_DURATION_SAMPLES).unwrap_or(u32::MAX);
        let mut durations = self.store.success_durations(cronjob, since, limit).await?;
        durations.sort_unstable();
        Ok(duration_stats(&durations))
    }
}

/// The detail view's figures from the run counts of both windows and the durations
/// of the short one.
pub fn cronjob_metrics(
    runs_7d: RunCounts,
    runs_30d: RunCounts,
    durations: Option<&DurationStats>,
) -> CronJobMetrics {
    let seconds = |pick: fn(&DurationStats) -> SignedDuration| {
        durations.map_or(0.0, |stats| pick(stats).as_secs_f64())
    };
    CronJobMetrics {
        success_rate_7d: runs_7d.percent(),
        success_rate_30d: runs_30d.percent(),
        total_runs_7d: clamp(runs_7d.total()),
        successful_runs_7d: clamp(runs_7d.succeeded),
        failed_runs_7d: clamp(runs_7d.failed),
        avg_duration_seconds: seconds(|stats| stats.average),
        p50_duration_seconds: seconds(|stats| stats.p50),
        p95_duration_seconds: seconds(|stats| stats.p95),
        p99_duration_seconds: seconds(|stats| stats.p99),
    }
}

/// A count as the API's `int32`.
pub fn clamp(count: u64) -> i32 {
    i32::try_from(count).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn success_rate_without_runs_is_the_documented_no_data_value() {
        assert_eq!(RunCounts::default().percent(), NO_DATA_SUCCESS_RATE);
        let counts = RunCounts {
            succeeded: 3,
            failed: 1,
        };
        assert_eq!((counts.total(), counts.percent()), (4, 75.0));
        assert_eq!(clamp(u64::MAX), i32::MAX);
    }
}
