//! Daily figures of one CronJob for charts (duration trend, success-rate trend,
//! a year's heatmap), computed in the database so a chart never needs the runs
//! themselves: the reply is a few rows per day however many runs there were.
//!
//! Two statements, both on the `executions_by_cronjob_outcome` index:
//! - finished runs per UTC day and outcome (`COUNT(*)`);
//! - for successful runs, only the rows at the ranks P50 and P95 interpolate
//!   between (`ROW_NUMBER()` over the day's durations), so the core's
//!   `percentile_cont` computes the percentiles from two values each, exactly as
//!   it would from the whole day.

use std::collections::BTreeMap;

use guardian_core::{CronJobRef, Outcome};
use jiff::{SignedDuration, Timestamp};

use crate::bulk::Dialect;
use crate::error::Result;
use crate::limits::to_millis;
use crate::sql::{args, dynamic};
use crate::store::Store;

const DAY_MS: i64 = 86_400_000;

/// The percentiles whose neighbouring ranks the store reads, in percent.
pub const DAILY_PERCENTILES: [i64; 2] = [50, 95];

/// One UTC day of a CronJob's finished runs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DailyRuns {
    /// Days since 1970-01-01 (UTC).
    pub day: i64,
    pub succeeded: u64,
    pub failed: u64,
    /// Durations of successful runs by 0-based rank in the day's ascending order,
    /// only at the ranks of [`neighbour_ranks`] for [`DAILY_PERCENTILES`].
    pub ranked_durations: BTreeMap<u64, SignedDuration>,
}

/// The 0-based ranks `⌊p·(n−1)⌋` and `⌈p·(n−1)⌉` that `percentile_cont` of `percent`
/// reads among `n` sorted values (the statement computes the same integers).
pub fn neighbour_ranks(n: u64, percent: i64) -> (u64, u64) {
    let scaled = n.saturating_sub(1) * percent.unsigned_abs();
    (scaled / 100, scaled.div_ceil(100))
}

impl Store {
    /// Daily run counts of `cronjob` for runs started at or after `counts_since`,
    /// and duration ranks for successful runs started at or after
    /// `durations_since` (sorting a day's durations costs more than counting).
    /// Days without finished runs have no entry; oldest day first.
    pub async fn daily_runs(
        &self,
        cronjob: &CronJobRef,
        counts_since: Timestamp,
        durations_since: Timestamp,
    ) -> Result<Vec<DailyRuns>> {
        let mut days: BTreeMap<i64, DailyRuns> = BTreeMap::new();
        let mut conn = self.pool.acquire().await?;
        let sql = Integers(conn.exec().dialect());
        let day = sql.div("started_at", &DAY_MS.to_string());
        let counts = format!(
            "SELECT {day}, outcome, COUNT(*) FROM executions \
             WHERE namespace = $1 AND cronjob = $2 AND outcome IN ($3, $4) AND started_at >= $5 \
             GROUP BY {day}, outcome"
        );
        let key = args![
            cronjob.namespace.as_str(),
            cronjob.name.as_str(),
            Outcome::Succeeded.as_str(),
            Outcome::Failed.as_str(),
            to_millis(counts_since),
        ];
        let rows: Vec<(i64, String, i64)> = conn.exec().fetch_all(dynamic(counts), key).await?;
        for (day, outcome, count) in rows {
            let entry = days.entry(day).or_insert_with(|| DailyRuns {
                day,
                ..DailyRuns::default()
            });
            let count = u64::try_from(count).unwrap_or_default();
            if outcome == Outcome::Succeeded.as_str() {
                entry.succeeded = count;
            } else {
                entry.failed = count;
            }
        }
        let wanted: Vec<String> = DAILY_PERCENTILES
            .iter()
            .map(|p| {
                let low = sql.div(&format!("(n - 1) * {p}"), "100");
                let high = sql.div(&format!("((n - 1) * {p} + 99)"), "100");
                format!("rank0 IN ({low}, {high})")
            })
            .collect();
        let rank0 = sql.signed(&format!(
            "ROW_NUMBER() OVER (PARTITION BY {day} ORDER BY completed_at - started_at, id) - 1"
        ));
        let n = sql.signed(&format!("COUNT(*) OVER (PARTITION BY {day})"));
        let ranks = format!(
            "SELECT day, rank0, took FROM (SELECT {day} AS day, \
             completed_at - started_at AS took, {rank0} AS rank0, {n} AS n FROM executions \
             WHERE namespace = $1 AND cronjob = $2 AND outcome = $3 AND started_at >= $4 \
             AND completed_at IS NOT NULL) ranked WHERE {}",
            wanted.join(" OR ")
        );
        let key = args![
            cronjob.namespace.as_str(),
            cronjob.name.as_str(),
            Outcome::Succeeded.as_str(),
            to_millis(durations_since),
        ];
        let rows: Vec<(i64, i64, i64)> = conn.exec().fetch_all(dynamic(ranks), key).await?;
        for (day, rank, took_ms) in rows {
            if let (Some(entry), Ok(rank)) = (days.get_mut(&day), u64::try_from(rank)) {
                let took = SignedDuration::from_millis(took_ms).max(SignedDuration::ZERO);
                entry.ranked_durations.insert(rank, took);
            }
        }
        Ok(days.into_values().collect())
    }
}

/// Integer arithmetic spelled per dialect: MySQL's `/` yields a DECIMAL and its window
/// counts are unsigned, where PostgreSQL and SQLite stay in signed integers.
struct Integers(Dialect);

impl Integers {
    /// `a / b`, truncated, as a signed integer.
    fn div(&self, a: &str, b: &str) -> String {
        match self.0 {
            Dialect::Mysql => format!("({a} DIV {b})"),
            Dialect::Postgres | Dialect::Sqlite => format!("({a} / {b})"),
        }
    }

    /// `expr` as a signed 64-bit integer.
    fn signed(&self, expr: &str) -> String {
        match self.0 {
            Dialect::Mysql => format!("CAST({expr} AS SIGNED)"),
            Dialect::Postgres | Dialect::Sqlite => expr.to_owned(),
        }
    }
}
