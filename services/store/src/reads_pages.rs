//! Set-based reads for views that show many CronJobs at once (the CronJob list, the
//! stats summary) and for the detail view: a fixed number of statements per chunk of
//! CronJobs instead of several per CronJob.
//!
//! The chunk's CronJobs travel as a `VALUES` list in a `WITH page(...)` clause that is
//! joined to `executions`, so each CronJob is an index seek on
//! `executions_by_cronjob_outcome`. Only counts are aggregated in SQL; durations come
//! back as rows and the core computes every percentile, as elsewhere in the store.

use std::collections::HashMap;

use guardian_core::{CronJobRef, Execution, Outcome};
use jiff::{SignedDuration, Timestamp};

use crate::bulk::Dialect;
use crate::codec::{EXECUTION_COLUMNS, ExecutionRow};
use crate::error::Result;
use crate::filter::MAX_PAGE;
use crate::limits::{from_millis, to_millis};
use crate::sql::{Arg, args, dynamic};
use crate::store::Store;

/// The newest runs of one CronJob that the list and detail views show.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecentRuns {
    /// Running executions, newest first, at most the `max_running` asked for.
    pub running: Vec<Execution>,
    pub last_success: Option<Execution>,
    pub last_failure: Option<Execution>,
}

/// Finished runs of one window by outcome (runs *started* in the window).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutcomeCounts {
    pub succeeded: u64,
    pub failed: u64,
}

/// The `WITH page(namespace, cronjob) AS (VALUES ...)` clause for `cronjobs`, its
/// placeholders numbered from `$1`.
fn page_clause(dialect: Dialect, cronjobs: &[CronJobRef]) -> (String, Vec<Arg>) {
    let mut args = Vec::with_capacity(cronjobs.len() * 2);
    let mut rows = Vec::with_capacity(cronjobs.len());
    for cronjob in cronjobs {
        args.push(Arg::from(cronjob.namespace.as_str()));
        args.push(Arg::from(cronjob.name.as_str()));
        let (namespace, name) = (args.len() - 1, args.len());
        rows.push(match dialect {
            // MySQL spells a row constructor `ROW(…)` and MariaDB does not accept
            // that; both accept a union of one-row selects.
            Dialect::Mysql => format!("SELECT ${namespace}, ${name}"),
            Dialect::Postgres | Dialect::Sqlite => format!("(${namespace}, ${name})"),
        });
    }
    let rows = match dialect {
        Dialect::Mysql => rows.join(" UNION ALL "),
        Dialect::Postgres | Dialect::Sqlite => format!("VALUES {}", rows.join(", ")),
    };
    let sql = format!("WITH page(namespace, cronjob) AS ({rows}) ");
    (sql, args)
}

fn newest_id(outcome: usize) -> String {
    format!(
        "SELECT (SELECT e.id FROM executions e WHERE e.namespace = page.namespace \
         AND e.cronjob = page.cronjob AND e.outcome = ${outcome} \
         ORDER BY e.started_at DESC, e.id DESC LIMIT 1) FROM page"
    )
}

impl Store {
    /// Running, last successful and last failed runs of each of `cronjobs`: one
    /// statement per [`MAX_PAGE`] CronJobs. CronJobs without runs have no entry.
    pub async fn recent_runs(
        &self,
        cronjobs: &[CronJobRef],
        max_running: u32,
    ) -> Result<HashMap<CronJobRef, RecentRuns>> {
        let mut runs: HashMap<CronJobRef, RecentRuns> = HashMap::new();
        let mut conn = self.pool.acquire().await?;
        for chunk in cronjobs.chunks(MAX_PAGE as usize) {
            let (with, mut args) = page_clause(conn.exec().dialect(), chunk);
            let first = args.len() + 1;
            args.extend(args![
                Outcome::Succeeded.as_str(),
                Outcome::Failed.as_str(),
                Outcome::Running.as_str(),
                i64::from(max_running),
            ]);
            let (success, failure) = (newest_id(first), newest_id(first + 1));
            let (running, limit) = (first + 2, first + 3);
            let sql = format!(
                "{with}SELECT {EXECUTION_COLUMNS} FROM executions WHERE id IN (\
                 SELECT id FROM (SELECT e.id, ROW_NUMBER() OVER (PARTITION BY e.namespace, \
                 e.cronjob ORDER BY e.started_at DESC, e.id DESC) AS rank FROM page \
                 JOIN executions e ON e.namespace = page.namespace AND e.cronjob = page.cronjob \
                 WHERE e.outcome = ${running}) ranked WHERE rank <= ${limit} \
                 UNION ALL {success} UNION ALL {failure}) \
                 ORDER BY namespace, cronjob, started_at DESC, id DESC"
            );
            // The ranked part comes first: placed after the scalar subqueries, SQLite
            // builds an automatic index over the whole table instead of using ours.
            let rows: Vec<ExecutionRow> = conn.exec().fetch_all(dynamic(sql), args).await?;
            for row in rows {
                let execution = row.decode()?.execution;
                let entry = runs.entry(execution.cronjob.clone()).or_default();
                match execution.outcome {
                    Outcome::Running => entry.running.push(execution),
                    Outcome::Succeeded => entry.last_success = Some(execution),
                    Outcome::Failed => entry.last_failure = Some(execution),
                }
            }
        }
        Ok(runs)
    }

    /// Finished runs of each of `cronjobs` started at or after each of `windows`, in
    /// the order of `windows`: one statement per [`MAX_PAGE`] CronJobs. CronJobs
    /// without such runs have no entry.
    pub async fn outcome_counts(
        &self,
        cronjobs: &[CronJobRef],
        windows: &[Timestamp],
    ) -> Result<HashMap<CronJobRef, Vec<OutcomeCounts>>> {
        let mut counts: HashMap<CronJobRef, Vec<OutcomeCounts>> = HashMap::new();
        if windows.is_empty() {
            return Ok(counts);
        }
        let mut conn = self.pool.acquire().await?;
        for chunk in cronjobs.chunks(MAX_PAGE as usize) {
            let (with, mut args) = page_clause(conn.exec().dialect(), chunk);
            args.extend(args![Outcome::Succeeded.as_str(), Outcome::Failed.as_str()]);
            let (success, failure) = (args.len() - 1, args.len());
            let mut selects = Vec::with_capacity(windows.len());
            // PostgreSQL types a bare integer literal as int4; MySQL has no BIGINT cast.
            let bigint = match conn.exec().dialect() {
                Dialect::Mysql => "SIGNED",
                Dialect::Postgres | Dialect::Sqlite => "BIGINT",
            };
            for (index, since) in windows.iter().enumerate() {
                args.push(Arg::from(to_millis(*since)));
                selects.push(format!(
                    "SELECT e.namespace, e.cronjob, e.outcome, CAST({index} AS {bigint}), \
                     COUNT(*) FROM page JOIN executions e ON e.namespace = page.namespace \
                     AND e.cronjob = page.cronjob WHERE e.outcome IN (${success}, ${failure}) \
                     AND e.started_at >= ${} GROUP BY e.namespace, e.cronjob, e.outcome",
                    args.len()
                ));
            }
            let sql = format!("{with}{}", selects.join(" UNION ALL "));
            let rows: Vec<(String, String, String, i64, i64)> =
                conn.exec().fetch_all(dynamic(sql), args).await?;
            for (namespace, cronjob, outcome, window, count) in rows {
                let entry = counts
                    .entry(CronJobRef::new(namespace, cronjob))
                    .or_insert_with(|| vec![OutcomeCounts::default(); windows.len()]);
                let (Ok(window), Ok(count)) = (usize::try_from(window), u64::try_from(count))
                else {
                    continue;
                };
                if let Some(slot) = entry.get_mut(window) {
                    if outcome == Outcome::Succeeded.as_str() {
                        slot.succeeded = count;
                    } else {
                        slot.failed = count;
                    }
                }
            }
        }
        Ok(counts)
    }

    /// Durations of the newest `limit` successful runs of `cronjob` started at or after
    /// `since`, newest first (completion minus start, never negative): the SLA
    /// percentiles' input, without the rest of each row.
    pub async fn success_durations(
        &self,
        cronjob: &CronJobRef,
        since: Timestamp,
        limit: u32,
    ) -> Result<Vec<SignedDuration>> {
        let sql = "SELECT started_at, completed_at FROM executions WHERE namespace = $1 \
                   AND cronjob = $2 AND outcome = $3 AND started_at >= $4 \
                   AND completed_at IS NOT NULL ORDER BY started_at DESC, id DESC LIMIT $5";
        let key = args![
            cronjob.namespace.as_str(),
            cronjob.name.as_str(),
            Outcome::Succeeded.as_str(),
            to_millis(since),
            i64::from(limit),
        ];
        let mut conn = self.pool.acquire().await?;
        let rows: Vec<(i64, i64)> = conn.exec().fetch_all(sql, key).await?;
        rows.into_iter()
            .map(|(started_at, completed_at)| {
                let took = from_millis(completed_at)?.duration_since(from_millis(started_at)?);
                Ok(took.max(SignedDuration::ZERO))
            })
            .collect()
    }
}
