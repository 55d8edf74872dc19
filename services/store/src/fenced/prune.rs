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
use crate::bulk::Dialect;
use crate::error::Result;
use crate::limits::to_millis;
use crate::prune::{ExecutionScope, RESOLVED_ALERTS};
use crate::sql::{Arg, args, dynamic};

impl FencedTx {
    /// Deletes at most `limit` executions of `scope`; returns how many went.
    pub async fn prune_executions(&mut self, scope: &ExecutionScope, limit: u32) -> Result<i64> {
        self.ensure_usable()?;
        let result = self.delete_executions(scope, limit).await;
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
        let condition = format!("{condition} AND logs IS NOT NULL");
        let batch = Batch::new("executions", "id", &condition, "", values.len());
        let sql = format!(
            "UPDATE executions SET logs = NULL {}",
            batch.of(self.tx.exec().dialect())
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
        let batch = Batch::new("events", "sequence", "at < $1", " ORDER BY sequence", 2);
        let sql = format!("DELETE FROM events {}", batch.of(self.tx.exec().dialect()));
        let values = args![to_millis(before), i64::from(limit)];
        let result = self.tx.exec().execute(dynamic(sql), values).await;
        let deleted = self.poison_on_error(result)?;
        Ok(i64::try_from(deleted).unwrap_or(i64::MAX))
    }

    /// Deletes at most `limit` resolved alerts that resolved before `before`; returns
    /// how many went. Pending and firing alerts are never pruned.
    pub async fn prune_resolved_alerts(&mut self, before: Timestamp, limit: u32) -> Result<i64> {
        self.ensure_usable()?;
        let batch = Batch::new("alerts", "key", RESOLVED_ALERTS, "", 2);
        let sql = format!("DELETE FROM alerts {}", batch.of(self.tx.exec().dialect()));
        let values = args![to_millis(before), i64::from(limit)];
        let result = self.tx.exec().execute(dynamic(sql), values).await;
        let deleted = self.poison_on_error(result)?;
        Ok(i64::try_from(deleted).unwrap_or(i64::MAX))
    }
}

impl FencedTx {
    /// Deletes one batch of `scope`'s executions; their (namespace, cronjob), one per row.
    async fn delete_executions(
        &mut self,
        scope: &ExecutionScope,
        limit: u32,
    ) -> Result<Vec<(String, String)>> {
        let (condition, mut values) = scope.condition()?;
        values.push(Arg::from(i64::from(limit)));
        let limit_at = values.len();
        let mut exec = self.tx.exec();
        if exec.dialect() != Dialect::Mysql {
            let batch = Batch::new("executions", "id", &condition, "", limit_at);
            let sql = format!(
                "DELETE FROM executions {} RETURNING namespace, cronjob",
                batch.of(exec.dialect())
            );
            return exec.fetch_all(dynamic(sql), values).await;
        }
        // MySQL has no RETURNING: lock and read the batch, then delete it by id.
        let select = format!(
            "SELECT id, namespace, cronjob FROM executions WHERE {condition} \
             LIMIT ${limit_at} FOR UPDATE"
        );
        let rows: Vec<(i64, String, String)> = exec.fetch_all(dynamic(select), values).await?;
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<Arg> = rows.iter().map(|(id, _, _)| Arg::from(*id)).collect();
        let list = vec!["?"; ids.len()].join(", ");
        let delete = format!("DELETE FROM executions WHERE id IN ({list})");
        exec.execute(dynamic(delete), ids).await?;
        Ok(rows
            .into_iter()
            .map(|(_, namespace, cronjob)| (namespace, cronjob))
            .collect())
    }
}

/// The `WHERE` of a bounded batch over `table`: PostgreSQL and SQLite pick the batch's
/// keys in a subquery (`key IN (SELECT key … LIMIT n)`); MySQL refuses `LIMIT` there
/// and limits the `DELETE`/`UPDATE` itself.
struct Batch<'a> {
    table: &'a str,
    key: &'a str,
    condition: &'a str,
    order: &'a str,
    limit_at: usize,
}

impl<'a> Batch<'a> {
    fn new(
        table: &'a str,
        key: &'a str,
        condition: &'a str,
        order: &'a str,
        limit_at: usize,
    ) -> Self {
        Self {
            table,
            key,
            condition,
            order,
            limit_at,
        }
    }

    fn of(&self, dialect: Dialect) -> String {
        let Batch {
            table,
            key,
            condition,
            order,
            limit_at,
        } = self;
        match dialect {
            Dialect::Mysql => format!("WHERE {condition}{order} LIMIT ${limit_at}"),
            Dialect::Postgres | Dialect::Sqlite => format!(
                "WHERE {key} IN (SELECT {key} FROM {table} WHERE {condition}{order} LIMIT ${limit_at})"
            ),
        }
    }
}
