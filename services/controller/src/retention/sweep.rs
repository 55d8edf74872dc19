//! Deleting in bounded batches: each batch is one fenced transaction of at most `batch`
//! rows, committed and announced before the next, with a yield in between, so a large
//! prune never holds the database's write lock (or the runtime) for long.

use guardian_core::Epoch;
use guardian_store::{ExecutionScope, FencedTx, Store, StoreError};
use jiff::Timestamp;
use tokio_util::sync::CancellationToken;

use crate::leadership::Leadership;

/// Metric: records removed by retention, by kind (executions, logs, alerts).
pub const PRUNED: &str = "cronjob_guardian_pruned_records_total";

/// What a prune removed (or, in a dry run, would remove).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PruneCounts {
    pub executions: i64,
    /// Executions whose stored logs were cleared (the runs stay).
    pub logs: i64,
    /// Resolved alerts.
    pub alerts: i64,
    /// Outbox events (the pruner's cycle only).
    pub events: i64,
}

impl PruneCounts {
    /// Rows deleted: executions and resolved alerts.
    pub fn records(&self) -> i64 {
        self.executions.saturating_add(self.alerts)
    }

    pub(crate) fn add(&mut self, other: PruneCounts) {
        self.executions += other.executions;
        self.logs += other.logs;
        self.alerts += other.alerts;
        self.events += other.events;
    }
}

/// The fenced writer of one prune, for one epoch.
pub(crate) struct Sweeper<'a> {
    pub store: &'a Store,
    pub leadership: &'a Leadership,
    pub epoch: Epoch,
    pub batch: u32,
    pub stop: &'a CancellationToken,
}

/// One kind of batch delete.
enum Batch<'a> {
    Executions(&'a ExecutionScope),
    Logs(&'a ExecutionScope),
    ResolvedAlerts(Timestamp),
    Events(Timestamp),
}

impl Batch<'_> {
    async fn run(&self, tx: &mut FencedTx, limit: u32) -> Result<i64, StoreError> {
        match self {
            Batch::Executions(scope) => tx.prune_executions(scope, limit).await,
            Batch::Logs(scope) => tx.clear_logs(scope, limit).await,
            Batch::ResolvedAlerts(before) => tx.prune_resolved_alerts(*before, limit).await,
            Batch::Events(before) => tx.prune_events(*before, limit).await,
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            Batch::Executions(_) => "executions",
            Batch::Logs(_) => "logs",
            Batch::ResolvedAlerts(_) => "alerts",
            Batch::Events(_) => "events",
        }
    }
}

impl Sweeper<'_> {
    /// Deletes every execution of `scope`.
    pub(crate) async fn executions(&self, scope: &ExecutionScope) -> Result<i64, StoreError> {
        self.drain(Batch::Executions(scope)).await
    }

    /// Clears the logs of every execution of `scope`.
    pub(crate) async fn logs(&self, scope: &ExecutionScope) -> Result<i64, StoreError> {
        self.drain(Batch::Logs(scope)).await
    }

    /// Deletes resolved alerts that resolved before `before`.
    pub(crate) async fn alerts(&self, before: Timestamp) -> Result<i64, StoreError> {
        self.drain(Batch::ResolvedAlerts(before)).await
    }

    /// Deletes outbox events committed before `before`.
    pub(crate) async fn events(&self, before: Timestamp) -> Result<i64, StoreError> {
        self.drain(Batch::Events(before)).await
    }

    /// Runs batches until one comes back short (nothing left) or `stop` fires.
    async fn drain(&self, batch: Batch<'_>) -> Result<i64, StoreError> {
        let limit = self.batch.max(1);
        let mut total = 0;
        while !self.stop.is_cancelled() {
            let mut tx = self.store.begin_fenced(self.epoch).await?;
            let done = batch.run(&mut tx, limit).await?;
            let events = tx.commit().await?;
            self.leadership.announce(&events);
            total += done;
            metrics::counter!(PRUNED, "kind" => batch.kind())
                .increment(u64::try_from(done).unwrap_or(0));
            if done < i64::from(limit) {
                break;
            }
            // Let the writer and monitoring take the write lock between batches.
            tokio::task::yield_now().await;
        }
        Ok(total)
    }

    /// Everything older than `cutoff`, across all CronJobs (the Prune RPC).
    pub(crate) async fn older_than(&self, cutoff: Timestamp) -> Result<PruneCounts, StoreError> {
        Ok(PruneCounts {
            executions: self.executions(&everything_before(cutoff)).await?,
            alerts: self.alerts(cutoff).await?,
            ..PruneCounts::default()
        })
    }
}

/// What [`Sweeper::older_than`] would remove, counted without deleting (a dry run).
pub(crate) async fn count_older_than(
    store: &Store,
    cutoff: Timestamp,
) -> Result<PruneCounts, StoreError> {
    Ok(PruneCounts {
        executions: store.count_executions(&everything_before(cutoff)).await?,
        alerts: store.count_resolved_alerts(cutoff).await?,
        ..PruneCounts::default()
    })
}

/// Finished runs of every CronJob that started before `cutoff`.
fn everything_before(cutoff: Timestamp) -> ExecutionScope {
    ExecutionScope::StartedBefore {
        cronjob: None,
        before: cutoff,
    }
}
