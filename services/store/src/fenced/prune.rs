//! Fenced retention writes: one bounded batch per call, so the leader's pruner commits
//! (and releases the write lock) between batches.
//!
//! Deleted executions are announced like `delete_history` does: one `HistoryDeleted`
//! event per CronJob with the count deleted, so followers that keep runs (the leader's
//! history cache, stream clients) reload or drop them. Cleared logs and deleted resolved
//! alerts emit nothing: `Change` has no variant for them, and readers take both from the
//! tables. Old outbox events can be pruned too; followers already treat a gap below
//! their cursor as "reload from the tables".

use std::collections::BTreeMap;

use guardian_core::{Change, CronJobRef};
use jiff::Timestamp;

use super::FencedTx;
use crate::error::Result;
use crate::limits::to_millis;
use crate::prune::{ExecutionScope, RESOLVED_ALERTS};
use crate::sql::{Arg, args, dynamic};

impl FencedTx {
    /// Deletes at most `limit` executions of `scope`; returns how many went.
    pub async fn prune_executions(&mut self, scope: &ExecutionScope, limit: u32) -> Result<i64> {
        self.ensure_usable()?;
        let (condition, mut values) = scope.condition()?;
        values.push(Arg::from(i64::from(limit)));
        let sql = format!(
            "DELETE FROM executions WHERE id IN (SELECT id FROM executions WHERE {condition} \
             LIMIT ${}) RETURNING namespace, cronjob",
            values.len()
        );
        let result = self
            .tx
            .exec()
            .fetch_all::<(String, String)>(dynamic(sql), values)
            .await;
        let deleted = self.poison_on_error(result)?;
        let mut per_cronjob: BTreeMap<CronJobRef, i64> = BTreeMap::new();
        for (namespace, name) in &deleted {
            *per_cronjob
                .entry(CronJobRef::new(namespace.as_str(), name.as_str()))
                .or_default() += 1;
        }
        self.queue(
            per_cronjob
                .into_iter()
                .map(|(cronjob, executions_deleted)| Change::HistoryDeleted {
                    cronjob,
                    executions_deleted,
                }),
        );
        Ok(i64::try_from(deleted.len()).unwrap_or(i64::MAX))
    }

    /// Clears the stored logs of at most `limit` executions of `scope` (the runs stay);
    /// returns how many were cleared.
    pub async fn clear_logs(&mut self, scope: &ExecutionScope, limit: u32) -> Result<i64> {
        self.ensure_usable()?;
        let (condition, mut values) = scope.condition()?;
        values.push(Arg::from(i64::from(limit)));
        let sql = format!(
            "UPDATE executions SET logs = NULL WHERE id IN (SELECT id FROM executions \
             WHERE {condition} AND logs IS NOT NULL LIMIT ${})",
            values.len()
        );
        let result = self.tx.exec().execute(dynamic(sql), values).await;
        let cleared = self.poison_on_error(result)?;
        Ok(i64::try_from(cleared).unwrap_or(i64::MAX))
    }

    /// Deletes at most `limit` outbox events committed before `before`, oldest first.
    /// Sequences stay gap-free for new events (the counter lives in the control row); a
    /// follower whose cursor is older sees the gap and reloads from the tables.
    pub async fn prune_events(&mut self, before: Timestamp, limit: u32) -> Result<i64> {
        self.ensure_usable()?;
        let sql = "DELETE FROM events WHERE sequence IN (SELECT sequence FROM events \
                   WHERE at < $1 ORDER BY sequence LIMIT $2)";
        let values = args![to_millis(before), i64::from(limit)];
        let result = self.tx.exec().execute(sql, values).await;
        let deleted = self.poison_on_error(result)?;
        Ok(i64::try_from(deleted).unwrap_or(i64::MAX))
    }

    /// Deletes at most `limit` resolved alerts that resolved before `before`; returns
    /// how many went. Pending and firing alerts are never pruned.
    pub async fn prune_resolved_alerts(&mut self, before: Timestamp, limit: u32) -> Result<i64> {
        self.ensure_usable()?;
        let sql = format!(
            "DELETE FROM alerts WHERE key IN (SELECT key FROM alerts WHERE {RESOLVED_ALERTS} \
             LIMIT $2)"
        );
        let values = args![to_millis(before), i64::from(limit)];
        let result = self.tx.exec().execute(dynamic(sql), values).await;
        let deleted = self.poison_on_error(result)?;
        Ok(i64::try_from(deleted).unwrap_or(i64::MAX))
    }
}
