//! The leader's writer: what the watchers observed becomes fenced rows and
//! outbox events.
//!
//! ```text
//!   watch updates ──► batch (coalesced per key, up to BATCH) ──► FencedTx
//!        ▲                                                          │ commit
//!        └── retried with backoff while the database is away        ▼
//!                                          Leadership::announce(events) → followers
//! ```
//!
//! A batch takes what is queued (what arrived during the last commit); in a
//! burst it keeps taking for up to FILL, or while updates are ready when FILL
//! is zero (the setting kept, see FILL), while a lone update commits at once.
//! Updates for the same key are merged first ([`batch`]), so a Job seen
//! running then finished is written once.
//!
//! Writes are idempotent per Job UID, so re-sending an update (after an
//! uncertain commit, a relist or a new leader's resync) never duplicates a run.
//! A `Fenced` or `LeaseLapsed` refusal ends the writer: a newer leader exists, or
//! this one's claim ran out (it was frozen) and it must not commit late.

use std::time::{Duration, Instant};

use guardian_core::{Clock, CronJobRecord, Execution};
use guardian_kube::update::Update;
use guardian_store::{RecordOutcome, Store, StoreError};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use crate::leadership::Leadership;
use crate::metrics;

mod batch;
#[cfg(test)]
mod fixtures;
mod pause;
#[cfg(test)]
mod tests;

use batch::Coalesced;

/// Changes per transaction: large enough to amortise the commit, small enough
/// to keep latency low.
const BATCH: usize = 500;
/// How long a burst's batch keeps filling. A/B on the e2e ingest bench (one
/// run each, same machine, back to back): 5 ms gave flood completion → commit
/// p50/p99 38/265 ms and burst 4.7k/s; zero gave 29/124 ms and 4.5k/s. The
/// queue already batches a burst (the writer takes what waited during the
/// last commit), so waiting longer mostly adds latency.
const FILL: Duration = Duration::ZERO;
const RETRY_FIRST: Duration = Duration::from_millis(100);
const RETRY_MAX: Duration = Duration::from_secs(5);

/// Why the writer stopped.
#[derive(Debug, thiserror::Error)]
pub enum WriterStopped {
    #[error("fenced off: a newer epoch exists or this leadership lapsed")]
    Fenced,
    #[error("the update channel closed")]
    Closed,
    #[error("stopped on request")]
    Stopped,
}

pub struct Writer {
    store: Store,
    leadership: Leadership,
    epoch: guardian_core::Epoch,
    clock: std::sync::Arc<dyn Clock>,
    storage: crate::retention::StoragePolicies,
    finished: crate::finished_runs::FinishedRuns,
    pause: Option<pause::PausePoint>,
}

impl Writer {
    pub fn new(
        store: Store,
        leadership: Leadership,
        epoch: guardian_core::Epoch,
        clock: std::sync::Arc<dyn Clock>,
    ) -> Self {
        Self {
            store,
            leadership,
            epoch,
            clock,
            storage: crate::retention::StoragePolicies::default(),
            finished: Default::default(),
            pause: pause::PausePoint::from_env(),
        }
    }

    /// Applies the monitors' storage policies to every run before it is written.
    pub fn with_storage(mut self, storage: crate::retention::StoragePolicies) -> Self {
        self.storage = storage;
        self
    }

    /// Writes updates until `stop`, then writes what is already queued (in-flight
    /// work is finished, not dropped) and returns.
    pub async fn run(
        &self,
        updates: &mut mpsc::Receiver<Update>,
        stop: &CancellationToken,
    ) -> WriterStopped {
        loop {
            let first = tokio::select! {
                biased;
                () = stop.cancelled() => return self.drain(updates).await,
                update = updates.recv() => update,
            };
            let Some(first) = first else {
                return WriterStopped::Closed;
            };
            let mut batch = Coalesced::new(BATCH);
            batch.push(first);
            fill(&mut batch, updates).await;
            let batch = batch.into_updates(self.clock.now());
            if let Err(stopped) = self.write_with_retry(&batch, stop).await {
                return stopped;
            }
        }
    }

    async fn drain(&self, updates: &mut mpsc::Receiver<Update>) -> WriterStopped {
        // Everything queued, coalesced as one; written below in chunks of BATCH.
        let mut queued = Coalesced::new(BATCH);
        while let Ok(update) = updates.try_recv() {
            queued.push(update);
        }
        let batch = queued.into_updates(self.clock.now());
        if !batch.is_empty() {
            // Shutdown: one attempt per chunk, nothing is retried forever.
            for chunk in batch.chunks(BATCH) {
                if let Err(error) = self.write_batch(chunk).await {
                    tracing::warn!(%error, pending = chunk.len(), "could not write queued changes during shutdown");
                }
            }
        }
        WriterStopped::Stopped
    }

    async fn write_with_retry(
        &self,
        batch: &[Update],
        stop: &CancellationToken,
    ) -> Result<(), WriterStopped> {
        let mut delay = RETRY_FIRST;
        loop {
            let error = match self.write_batch(batch).await {
                Ok(()) => return Ok(()),
                Err(error) => error,
            };
            ::metrics::counter!(metrics::WRITE_FAILURES, "reason" => error.metric_label())
                .increment(1);
            if error.ends_leadership() {
                tracing::warn!(%error, "writes fenced off");
                return Err(WriterStopped::Fenced);
            }
            if !error.is_retryable() {
                // One bad change must not hold back the rest: write them one by one.
                self.write_individually(batch).await?;
                return Ok(());
            }
            tracing::warn!(%error, retry_in = ?delay, "write failed; retrying");
            tokio::select! {
                () = stop.cancelled() => return Err(WriterStopped::Stopped),
                () = tokio::time::sleep(delay) => {}
            }
            delay = (delay * 2).min(RETRY_MAX);
        }
    }

    async fn write_individually(&self, batch: &[Update]) -> Result<(), WriterStopped> {
        for update in batch {
            match self.write_batch(std::slice::from_ref(update)).await {
                Ok(()) => {}
                Err(error) if error.ends_leadership() => return Err(WriterStopped::Fenced),
                Err(error) => {
                    tracing::error!(%error, ?update, "change refused by the database; skipped")
                }
            }
        }
        Ok(())
    }

    async fn write_batch(&self, batch: &[Update]) -> Result<(), StoreError> {
        let started = Instant::now();
        let (executions, cronjobs) = self.split(batch).await?;
        let mut tx = self.store.begin_fenced(self.epoch).await?;
        for cronjob in &cronjobs {
            tx.upsert_cronjob(cronjob).await?;
        }
        let outcomes = tx.record_executions(&executions).await?;
        if let Some(pause) = &self.pause {
            pause.hold().await;
        }
        let events = tx.commit().await?;
        self.leadership.announce(&events);
        count_writes(&executions, &outcomes, cronjobs.len(), &self.finished);
        ::metrics::histogram!(metrics::WRITE_BATCH_SECONDS).record(started.elapsed().as_secs_f64());
        Ok(())
    }

    /// Separates executions from CronJob records; a deleted CronJob becomes its
    /// stored record with `deleted_at` set (unknown ones need no record).
    async fn split(
        &self,
        batch: &[Update],
    ) -> Result<(Vec<Execution>, Vec<CronJobRecord>), StoreError> {
        let mut executions = Vec::new();
        let mut cronjobs = Vec::new();
        for update in batch {
            match update {
                Update::Execution(execution) => {
                    let mut execution = execution.clone();
                    self.storage.shape(&mut execution);
                    executions.push(execution);
                }
                Update::CronJob(record) => cronjobs.push(record.clone()),
                Update::CronJobDeleted(cronjob) => {
                    if let Some(mut record) = self.store.get_cronjob(cronjob).await? {
                        record.deleted_at.get_or_insert(self.clock.now());
                        cronjobs.push(record);
                    }
                }
            }
        }
        Ok((executions, cronjobs))
    }
}

/// Takes what is queued into `batch`; when that was more than the first update
/// (a burst is under way), keeps taking for up to [`FILL`] or until it is full.
async fn fill(batch: &mut Coalesced, updates: &mut mpsc::Receiver<Update>) {
    take_queued(batch, updates);
    if batch.received() == 1 {
        return;
    }
    let deadline = tokio::time::Instant::now() + FILL;
    while !batch.is_full() {
        match tokio::time::timeout_at(deadline, updates.recv()).await {
            Ok(Some(update)) => {
                batch.push(update);
                take_queued(batch, updates);
            }
            // Closed: write this batch; the next receive reports the end.
            Ok(None) | Err(_) => return,
        }
    }
}

fn take_queued(batch: &mut Coalesced, updates: &mut mpsc::Receiver<Update>) {
    while !batch.is_full() {
        match updates.try_recv() {
            Ok(update) => batch.push(update),
            Err(_) => return,
        }
    }
}

fn count_writes(
    executions: &[Execution],
    outcomes: &[RecordOutcome],
    cronjobs: usize,
    finished: &crate::finished_runs::FinishedRuns,
) {
    ::metrics::counter!(metrics::WRITES, "kind" => "cronjob").increment(cronjobs as u64);
    let mut written = 0;
    for (execution, outcome) in executions.iter().zip(outcomes) {
        if matches!(outcome, RecordOutcome::Unchanged(_)) {
            continue;
        }
        written += 1;
        finished.observe(execution);
    }
    // One registry look-up per batch, not per execution.
    ::metrics::counter!(metrics::WRITES, "kind" => "execution").increment(written);
}
