//! Writing imported history through the controller's own fenced path.
//!
//! The import does not take an epoch (a new epoch would fence out the running leader,
//! which then stands by until its lease term ends: an outage). It writes under the
//! current epoch instead, read from the control row, in ordinary [`FencedTx`]s: each
//! batch locks the control row, so it is serialised with the leader's transactions and
//! its outbox events take the next sequences like any other. If a failover bumps the
//! epoch, `begin_fenced` refuses before anything is written and the batch is retried
//! under the new epoch. Nothing here can clash with the leader's rows: every key the
//! import writes starts with [`crate::rows::KEY_PREFIX`], which the controller never uses.
//!
//! [`FencedTx`]: guardian_store::FencedTx

use guardian_core::{AlertRecord, Epoch, Execution};
use guardian_store::{FencedTx, RecordOutcome, Store, StoreError, WriteOutcome};

use crate::error::{ImportError, Result};

/// Epoch changes in a row after which the import gives up.
const MAX_EPOCH_CHASES: u32 = 5;

/// What one batch did to the store.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
}

/// Where batches go: the store, or nowhere in a dry run.
pub(crate) trait Target<T> {
    async fn write(&mut self, batch: &[T]) -> Result<Tally>;
}

/// Counts what would be written (dry run).
#[derive(Debug, Default)]
pub(crate) struct DryRun;

impl<T> Target<T> for DryRun {
    async fn write(&mut self, batch: &[T]) -> Result<Tally> {
        Ok(Tally {
            inserted: batch.len() as u64,
            ..Tally::default()
        })
    }
}

/// Writes batches in fenced transactions under the current epoch.
#[derive(Debug)]
pub struct HistoryWriter {
    store: Store,
    epoch: Epoch,
}

impl HistoryWriter {
    pub async fn new(store: Store) -> Result<Self> {
        let epoch = store.current_epoch().await?;
        Ok(Self { store, epoch })
    }

    /// Opens a transaction under the current epoch, following it if it moved.
    async fn begin(&mut self) -> Result<FencedTx> {
        for _ in 0..MAX_EPOCH_CHASES {
            match self.store.begin_fenced(self.epoch).await {
                Err(StoreError::Fenced { current, .. }) => {
                    tracing::info!(%current, "the store's epoch moved; import follows it");
                    self.epoch = current;
                }
                other => return Ok(other?),
            }
        }
        Err(ImportError::EpochUnstable(MAX_EPOCH_CHASES))
    }
}

impl Target<Execution> for HistoryWriter {
    async fn write(&mut self, batch: &[Execution]) -> Result<Tally> {
        self.executions(batch).await
    }
}

impl Target<AlertRecord> for HistoryWriter {
    async fn write(&mut self, batch: &[AlertRecord]) -> Result<Tally> {
        self.alerts(batch).await
    }
}

impl HistoryWriter {
    /// Records one batch of executions in one transaction.
    pub async fn executions(&mut self, batch: &[Execution]) -> Result<Tally> {
        let mut tx = self.begin().await?;
        let outcomes = tx.record_executions(batch).await?;
        tx.commit().await?;
        let mut tally = Tally::default();
        for outcome in outcomes {
            match outcome {
                RecordOutcome::Inserted(_) => tally.inserted += 1,
                RecordOutcome::Updated(_) => tally.updated += 1,
                RecordOutcome::Unchanged(_) => tally.unchanged += 1,
            }
        }
        Ok(tally)
    }

    /// Upserts one batch of alerts in one transaction.
    pub async fn alerts(&mut self, batch: &[AlertRecord]) -> Result<Tally> {
        let mut tx = self.begin().await?;
        let mut tally = Tally::default();
        for alert in batch {
            match tx.upsert_alert(alert).await? {
                WriteOutcome::Inserted => tally.inserted += 1,
                WriteOutcome::Updated => tally.updated += 1,
                WriteOutcome::Unchanged => tally.unchanged += 1,
            }
        }
        tx.commit().await?;
        Ok(tally)
    }
}
