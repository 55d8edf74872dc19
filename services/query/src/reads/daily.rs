//! Daily figures of one CronJob for the dashboard's charts: run counts per UTC
//! day and the day's P50/P95 duration, from `guardian_store::reads_daily` (a
//! few rows per day, whatever the number of runs) and the core's one
//! percentile definition.

use guardian_api::input::DailyStatsQuery;
use guardian_api::v1::{DailyStats, GetDailyStatsRequest, GetDailyStatsResponse};
use guardian_core::sla::percentile_cont;
use guardian_store::reads_daily::{DailyRuns, neighbour_ranks};
use jiff::{SignedDuration, Timestamp};

use super::Reads;
use crate::error::{QueryError, Result};

/// Days of duration percentiles at most: sorting durations costs more than counting runs.
pub const MAX_DURATION_DAYS: i64 = 90;
const DAY_SECONDS: i64 = 86_400;

impl Reads {
    pub async fn daily_stats(
        &self,
        request: &GetDailyStatsRequest,
    ) -> Result<GetDailyStatsResponse> {
        let query = DailyStatsQuery::try_from(request)?;
        let today = self.now().as_second().div_euclid(DAY_SECONDS);
        let first_day = |days: i64| {
            Timestamp::from_second((today - days + 1) * DAY_SECONDS)
                .unwrap_or(Timestamp::UNIX_EPOCH)
        };
        let days = i64::from(query.days);
        let runs = self
            .store
            .daily_runs(
                &query.cronjob,
                first_day(days),
                first_day(days.min(MAX_DURATION_DAYS)),
            )
            .await?;
        if runs.is_empty() && self.store.get_cronjob(&query.cronjob).await?.is_none() {
            return Err(QueryError::not_found("cronjob", &query.cronjob));
        }
        Ok(GetDailyStatsResponse {
            days: runs.iter().map(daily_stats).collect(),
        })
    }
}

/// One day's reply entry.
pub fn daily_stats(runs: &DailyRuns) -> DailyStats {
    let day = Timestamp::from_second(runs.day * DAY_SECONDS)
        .map(|start| start.strftime("%Y-%m-%d").to_string())
        .unwrap_or_default();
    let clamp = |count: u64| i32::try_from(count).unwrap_or(i32::MAX);
    DailyStats {
        day,
        total: clamp(runs.succeeded + runs.failed),
        succeeded: clamp(runs.succeeded),
        failed: clamp(runs.failed),
        p50_duration_seconds: percentile(runs, 50),
        p95_duration_seconds: percentile(runs, 95),
    }
}

/// `percentile_cont` of the day's successful durations, from the two ranks around it.
fn percentile(runs: &DailyRuns, percent: i64) -> Option<f64> {
    if runs.ranked_durations.is_empty() {
        return None;
    }
    let (low, high) = neighbour_ranks(runs.succeeded, percent);
    let pair: [SignedDuration; 2] = [
        *runs.ranked_durations.get(&low)?,
        *runs.ranked_durations.get(&high)?,
    ];
    let position = runs.succeeded.saturating_sub(1) as f64 * percent as f64 / 100.0;
    percentile_cont(&pair, position - position.floor()).map(|took| took.as_secs_f64())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn a_day_reads_as_its_date_and_percentiles_interpolate_between_ranks() {
        // Four successes of 10, 20, 30, 40 s: P50 rank 1.5 → 25 s; P95 rank 2.85 → 38.5 s.
        let ranked = BTreeMap::from([
            (1, SignedDuration::from_secs(20)),
            (2, SignedDuration::from_secs(30)),
            (3, SignedDuration::from_secs(40)),
        ]);
        let runs = DailyRuns {
            day: 20_430,
            succeeded: 4,
            failed: 1,
            ranked_durations: ranked,
        };
        let stats = daily_stats(&runs);
        assert_eq!(stats.day, "2025-12-08");
        assert_eq!((stats.total, stats.succeeded, stats.failed), (5, 4, 1));
        assert_eq!(stats.p50_duration_seconds, Some(25.0));
        assert_eq!(stats.p95_duration_seconds, Some(38.5));
    }

    #[test]
    fn a_day_without_durations_has_no_percentiles() {
        let runs = DailyRuns {
            day: 0,
            succeeded: 0,
            failed: 3,
            ranked_durations: BTreeMap::new(),
        };
        let stats = daily_stats(&runs);
        assert_eq!(stats.day, "1970-01-01");
        assert_eq!(stats.p50_duration_seconds, None);
    }
}
