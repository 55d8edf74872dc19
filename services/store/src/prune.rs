//! Retention: which rows a prune removes, and the counts a dry run reports.
//!
//! ```text
//!  ExecutionScope ── condition() ──► "WHERE …" + args, shared by
//!     Store::count_executions (dry run, any replica)      and
//!     FencedTx::prune_executions / clear_logs (leader, one bounded batch per call)
//! ```
//!
//! Deletes run in batches (`id IN (SELECT id … LIMIT n)` on PostgreSQL and SQLite, a
//! `DELETE … LIMIT n` on MySQL, which refuses the former), so
//! one prune never holds the write lock for long; the caller commits between batches.

use guardian_core::CronJobRef;
use jiff::Timestamp;

use crate::error::Result;
use crate::limits::{ident, to_millis};
use crate::sql::{Arg, args, dynamic};
use crate::store::Store;

/// Which executions a prune removes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExecutionScope {
    /// Finished runs that started before `before`, of one CronJob or of every CronJob.
    StartedBefore {
        cronjob: Option<CronJobRef>,
        before: Timestamp,
    },
    /// Every run of a CronJob, running ones included (a deleted CronJob purged).
    All(CronJobRef),
    /// Runs recorded for an earlier incarnation of a CronJob: another CronJob UID
    /// (`onRecreation: reset`). Runs without a recorded UID are kept.
    OtherIncarnations { cronjob: CronJobRef, uid: String },
}

impl ExecutionScope {
    /// The `WHERE` condition (placeholders from `$1`) and its arguments.
    pub(crate) fn condition(&self) -> Result<(String, Vec<Arg>)> {
        let (mut sql, mut values) = match self.cronjob() {
            Some(cronjob) => {
                ident("namespace", &cronjob.namespace)?;
                ident("cronjob name", &cronjob.name)?;
                (
                    vec!["namespace = $1".to_owned(), "cronjob = $2".to_owned()],
                    args![cronjob.namespace.as_str(), cronjob.name.as_str()],
                )
            }
            None => (Vec::new(), Vec::new()),
        };
        match self {
            ExecutionScope::StartedBefore { before, .. } => {
                values.push(Arg::from(to_millis(*before)));
                sql.push(format!("started_at < ${}", values.len()));
                sql.push("outcome <> 'running'".to_owned());
            }
            ExecutionScope::All(_) => {}
            ExecutionScope::OtherIncarnations { uid, .. } => {
                ident("cronjob uid", uid)?;
                values.push(Arg::from(uid.as_str()));
                sql.push(format!(
                    "cronjob_uid IS NOT NULL AND cronjob_uid <> ${}",
                    values.len()
                ));
            }
        }
        Ok((sql.join(" AND "), values))
    }

    /// The CronJob the scope is limited to, if any.
    pub fn cronjob(&self) -> Option<&CronJobRef> {
        match self {
            ExecutionScope::StartedBefore { cronjob, .. } => cronjob.as_ref(),
            ExecutionScope::All(cronjob) | ExecutionScope::OtherIncarnations { cronjob, .. } => {
                Some(cronjob)
            }
        }
    }
}

/// `WHERE` text for resolved alerts that resolved before `$1`.
pub(crate) const RESOLVED_ALERTS: &str = "state = 'resolved' AND resolved_at < $1";

impl Store {
    /// How many executions `scope` covers (what a prune would delete).
    pub async fn count_executions(&self, scope: &ExecutionScope) -> Result<i64> {
        let (condition, values) = scope.condition()?;
        let sql = format!("SELECT COUNT(*) FROM executions WHERE {condition}");
        let mut conn = self.pool.acquire().await?;
        let (count,): (i64,) = conn.exec().fetch_one(dynamic(sql), values).await?;
        Ok(count)
    }

    /// How many resolved alerts resolved before `before`.
    pub async fn count_resolved_alerts(&self, before: Timestamp) -> Result<i64> {
        let sql = format!("SELECT COUNT(*) FROM alerts WHERE {RESOLVED_ALERTS}");
        let mut conn = self.pool.acquire().await?;
        let (count,): (i64,) = conn
            .exec()
            .fetch_one(dynamic(sql), args![to_millis(before)])
            .await?;
        Ok(count)
    }
}
