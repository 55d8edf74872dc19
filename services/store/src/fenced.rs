//! Fencing is a type: [`FencedTx`] is the only value with write methods, and the only
//! way to get one is [`crate::Store::begin_fenced`], which checks the caller's epoch
//! against the control row inside the transaction. A deposed leader therefore cannot
//! express a write, let alone commit one.
//!
//! ```text
//!  begin_fenced(epoch) ── BEGIN (SQLite: IMMEDIATE) ── SELECT control … FOR UPDATE
//!        (PostgreSQL, MySQL)
//!        │ epoch ≠ current → Fenced{ours, current}, rolled back
//!        ▼
//!  writes … each state change queues an outbox event (sequence = last + n)
//!        ▼
//!  commit() ── INSERT events ── UPDATE control.last_sequence ── COMMIT → Vec<Event>
//! ```
//!
//! The control row stays locked until commit, so fenced transactions run one at a time:
//! commit order equals sequence order and a rolled-back transaction leaves no gap.

use std::sync::Arc;

use guardian_core::{
    AlertRecord, Change, Clock, CronJobRecord, CronJobRef, Epoch, Event, Execution, Sequence,
};

use crate::bulk::{bounded_chunks, rows_source};
use crate::codec::{MonitorRecord, event_args};
use crate::error::{Result, StoreError};
use crate::sql::{Arg, DbTx, dynamic};
use crate::{limits, metrics, writes};

mod deliveries;
mod documents;
mod monitoring;
mod mutes;

pub use deliveries::AttemptOutcome;
mod prune;

/// Outbox rows per bulk `INSERT` (4 values each).
const EVENT_CHUNK: usize = 1000;

/// What recording one execution did. The id is the execution's row id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordOutcome {
    /// A new row for a Job UID never seen before.
    Inserted(i64),
    /// The row changed (running → finished, or details filled in).
    Updated(i64),
    /// A replay that changed nothing; nothing was written and no event emitted.
    Unchanged(i64),
}

impl RecordOutcome {
    /// The execution's row id.
    pub fn id(self) -> i64 {
        match self {
            RecordOutcome::Inserted(id)
            | RecordOutcome::Updated(id)
            | RecordOutcome::Unchanged(id) => id,
        }
    }
}

/// What an upsert did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteOutcome {
    Inserted,
    Updated,
    Unchanged,
}

/// A write transaction that holds the current epoch. Dropped without [`FencedTx::commit`],
/// it rolls back.
pub struct FencedTx {
    tx: DbTx,
    epoch: Epoch,
    last_sequence: i64,
    pending: Vec<Event>,
    poisoned: bool,
    clock: Arc<dyn Clock>,
    max_log_bytes: usize,
    commit_guard: Option<crate::CommitGuard>,
}

impl std::fmt::Debug for FencedTx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FencedTx")
            .field("epoch", &self.epoch)
            .field("last_sequence", &self.last_sequence)
            .field("pending_events", &self.pending.len())
            .field("poisoned", &self.poisoned)
            .finish()
    }
}

impl FencedTx {
    /// Opens the transaction and checks `epoch` against the locked control row.
    pub(crate) async fn begin(
        mut tx: DbTx,
        epoch: Epoch,
        clock: Arc<dyn Clock>,
        max_log_bytes: usize,
    ) -> Result<FencedTx> {
        let lock_control = match tx {
            // The session is marked while it holds the control row, so that a new
            // leader can find and end it if this process freezes before committing
            // (see `Store::acquire_epoch_for`). The mark ends with the transaction.
            DbTx::Postgres(_) => {
                "SELECT epoch, last_sequence FROM control, \
                 set_config('application_name', 'cronjob-guardian fenced', true) \
                 WHERE id = 1 FOR UPDATE OF control"
            }
            // InnoDB: an exclusive record lock on the primary key (no gap lock), held
            // until commit or rollback, as on PostgreSQL.
            DbTx::Mysql(_) => "SELECT epoch, last_sequence FROM control WHERE id = 1 FOR UPDATE",
            // BEGIN IMMEDIATE already holds the database's write lock.
            DbTx::Sqlite(_) => "SELECT epoch, last_sequence FROM control WHERE id = 1",
        };
        let (current, last_sequence): (i64, i64) =
            tx.exec().fetch_one(lock_control, vec![]).await?;
        if current != epoch.0 {
            metrics::fenced_write_rejected();
            return Err(StoreError::Fenced {
                ours: epoch,
                current: Epoch(current),
            });
        }
        Ok(FencedTx {
            tx,
            epoch,
            last_sequence,
            pending: Vec::new(),
            poisoned: false,
            clock,
            max_log_bytes,
            commit_guard: None,
        })
    }

    pub(crate) fn guarded_by(mut self, guard: Option<crate::CommitGuard>) -> FencedTx {
        self.commit_guard = guard;
        self
    }

    /// The epoch this transaction writes under.
    pub fn epoch(&self) -> Epoch {
        self.epoch
    }

    /// Events queued so far (they get their sequence now, and commit with the data).
    pub fn pending_events(&self) -> &[Event] {
        &self.pending
    }

    /// Records one execution, idempotent per Job UID (rules in [`crate::merge`]).
    pub async fn record_execution(&mut self, execution: &Execution) -> Result<RecordOutcome> {
        let mut outcomes = self
            .record_executions(std::slice::from_ref(execution))
            .await?;
        outcomes
            .pop()
            .ok_or_else(|| StoreError::corrupt("a batch of one recorded nothing"))
    }

    /// Records many executions with a few multi-row statements; one outcome per input,
    /// in order. Validation happens first: an invalid item refuses the whole batch.
    pub async fn record_executions(&mut self, batch: &[Execution]) -> Result<Vec<RecordOutcome>> {
        self.ensure_usable()?;
        let stored = batch
            .iter()
            .map(|execution| limits::execution(execution, self.max_log_bytes))
            .collect::<Result<Vec<_>>>()?;
        let result = writes::executions::record(&mut self.tx.exec(), &stored).await;
        let recorded = self.poison_on_error(result)?;
        self.queue(recorded.changes);
        Ok(recorded.outcomes)
    }

    /// Inserts or updates what the store knows of a CronJob.
    pub async fn upsert_cronjob(&mut self, record: &CronJobRecord) -> Result<WriteOutcome> {
        self.ensure_usable()?;
        let stored = limits::cronjob(record)?;
        let result = writes::upsert_cronjob(&mut self.tx.exec(), &stored).await;
        let (outcome, change) = self.poison_on_error(result)?;
        self.queue(change);
        Ok(outcome)
    }

    /// Inserts or updates an alert by its key.
    pub async fn upsert_alert(&mut self, alert: &AlertRecord) -> Result<WriteOutcome> {
        self.ensure_usable()?;
        let stored = limits::alert(alert)?;
        let result = writes::upsert_alert(&mut self.tx.exec(), &stored).await;
        let (outcome, change) = self.poison_on_error(result)?;
        self.queue(change);
        Ok(outcome)
    }

    /// Inserts or updates a monitor. Monitors mirror Kubernetes objects and emit no
    /// outbox event (`Change` has no monitor variant).
    pub async fn upsert_monitor(&mut self, monitor: &MonitorRecord) -> Result<WriteOutcome> {
        self.ensure_usable()?;
        let texts = limits::monitor(monitor)?;
        let result = writes::upsert_monitor(&mut self.tx.exec(), monitor, texts).await;
        self.poison_on_error(result)
    }

    /// Deletes a monitor; true when one existed.
    pub async fn delete_monitor(&mut self, monitor: &CronJobRef) -> Result<bool> {
        self.ensure_usable()?;
        let result = writes::delete_monitor(&mut self.tx.exec(), monitor).await;
        self.poison_on_error(result)
    }

    /// Deletes every execution of a CronJob; returns how many went.
    pub async fn delete_history(&mut self, cronjob: &CronJobRef) -> Result<i64> {
        self.ensure_usable()?;
        let result = writes::delete_history(&mut self.tx.exec(), cronjob).await;
        let (deleted, change) = self.poison_on_error(result)?;
        self.queue(change);
        Ok(deleted)
    }

    /// Writes the queued outbox rows and the new last sequence, then commits.
    /// Returns the committed events in sequence order.
    pub async fn commit(self) -> Result<Vec<Event>> {
        let FencedTx {
            mut tx,
            pending,
            poisoned,
            epoch,
            commit_guard,
            ..
        } = self;
        if poisoned {
            return Err(StoreError::TxAborted);
        }
        if let Some(last) = pending.last() {
            let rows = pending.iter().map(event_args).collect::<Result<Vec<_>>>()?;
            let dialect = tx.exec().dialect();
            for rows in bounded_chunks(dialect, rows, EVENT_CHUNK) {
                let (source, args) = rows_source(dialect, rows, 4)?;
                let sql = format!("INSERT INTO events (sequence, epoch, at, payload) {source}");
                tx.exec().execute(dynamic(sql), args).await?;
            }
            let update = "UPDATE control SET last_sequence = $1 WHERE id = 1";
            tx.exec()
                .execute(update, vec![Arg::from(last.sequence.0)])
                .await?;
        }
        // Asked last, right before COMMIT; dropping `tx` rolls everything back.
        if commit_guard.is_some_and(|may_commit| !may_commit()) {
            metrics::fenced_write_rejected();
            return Err(StoreError::LeaseLapsed { ours: epoch });
        }
        tx.commit().await?;
        if let Some(last) = pending.last() {
            metrics::outbox_sequence(last.sequence);
        }
        Ok(pending)
    }

    /// Abandons every write of this transaction.
    pub async fn rollback(self) -> Result<()> {
        self.tx.rollback().await
    }

    fn ensure_usable(&self) -> Result<()> {
        if self.poisoned {
            Err(StoreError::TxAborted)
        } else {
            Ok(())
        }
    }

    /// A failed statement may have left the transaction half-done (PostgreSQL aborts it
    /// outright), so after any database error only a rollback remains.
    fn poison_on_error<T>(&mut self, result: Result<T>) -> Result<T> {
        if result.is_err() {
            self.poisoned = true;
        }
        result
    }

    fn queue(&mut self, changes: impl IntoIterator<Item = Change>) {
        let at = limits::at_millis(self.clock.now()).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        for change in changes {
            let sequence = Sequence(self.last_sequence + self.pending.len() as i64 + 1);
            self.pending.push(Event {
                sequence,
                epoch: self.epoch,
                at,
                change,
            });
        }
    }
}
