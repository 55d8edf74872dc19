//! Executions per CronJob, in memory, kept current from the outbox instead of rescanning.
//!
//! ```text
//!  first need of a CronJob ── bounded, paged load of its window (+ newest success ever)
//!  every pass ── events_after(cursor): Change::Execution merges by Job UID (a finished run
//!                is final), CronJob records say when tracking began, HistoryDeleted drops
//!                the CronJob; a gap in sequences (outbox pruned) drops every CronJob,
//!                which then loads again
//! ```
//! Runs are slim (no logs, no events); the failure context of the latest failed run is
//! fetched once, when a suggested fix is needed.

use std::collections::HashMap;

use guardian_core::fixes::FailureContext;
use guardian_core::sla::Sample;
use guardian_core::{Change, CronJobRef, Execution, Outcome, Sequence};
use guardian_store::{ExecutionFilter, Store, StoreError};
use jiff::{SignedDuration, Timestamp};

/// Executions per page when loading, and events per outbox read.
const PAGE: u32 = 1000;

/// What the analysis needs of one execution.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Run {
    pub job_uid: String,
    pub job_name: String,
    pub started_at: Timestamp,
    pub completed_at: Option<Timestamp>,
    pub outcome: Outcome,
    pub exit_code: Option<i32>,
    pub reason: Option<String>,
}

impl Run {
    fn of(execution: &Execution) -> Self {
        Self {
            job_uid: execution.job_uid.clone(),
            job_name: execution.job_name.clone(),
            started_at: execution.started_at,
            completed_at: execution.completed_at,
            outcome: execution.outcome,
            exit_code: execution.exit_code,
            reason: execution.reason.clone(),
        }
    }

    pub(crate) fn is_finished(&self) -> bool {
        self.outcome != Outcome::Running
    }

    /// When it ended: completion, else (a failure without one) its start.
    pub(crate) fn ended_at(&self) -> Timestamp {
        self.completed_at.unwrap_or(self.started_at)
    }

    pub(crate) fn duration(&self) -> Option<SignedDuration> {
        let done = self.completed_at?;
        Some(
            done.duration_since(self.started_at)
                .max(SignedDuration::ZERO),
        )
    }

    fn sample(&self) -> Option<Sample> {
        self.is_finished().then(|| Sample {
            finished_at: self.ended_at(),
            succeeded: self.outcome == Outcome::Succeeded,
            duration: self.duration().unwrap_or(SignedDuration::ZERO),
        })
    }
}

/// One CronJob's runs since `loaded_since`.
#[derive(Debug, Default)]
pub(crate) struct CronJobHistory {
    runs: HashMap<String, Run>,
    loaded_since: Option<Timestamp>,
    /// The newest success ever recorded (may be older than the window).
    pub last_success: Option<Run>,
    /// When the store first saw the CronJob.
    pub first_seen: Option<Timestamp>,
    /// Bumped on every change, so derived figures know when to recompute.
    pub version: u64,
    failure: Option<(String, FailureContext)>,
}

impl CronJobHistory {
    pub(crate) fn samples(&self) -> Vec<Sample> {
        self.runs.values().filter_map(Run::sample).collect()
    }

    /// Start of the oldest run held.
    pub(crate) fn oldest_start(&self) -> Option<Timestamp> {
        self.runs.values().map(|run| run.started_at).min()
    }

    /// The finished run that ended last.
    pub(crate) fn latest_finished(&self) -> Option<&Run> {
        self.runs
            .values()
            .filter(|run| run.is_finished())
            .max_by_key(|run| (run.ended_at(), run.started_at))
    }

    pub(crate) fn latest_failed(&self) -> Option<&Run> {
        self.runs
            .values()
            .filter(|run| run.outcome == Outcome::Failed)
            .max_by_key(|run| (run.ended_at(), run.started_at))
    }

    /// The failure context of `job_uid`, if it was fetched.
    pub(crate) fn failure(&self, job_uid: &str) -> Option<&FailureContext> {
        self.failure
            .as_ref()
            .filter(|(uid, _)| uid == job_uid)
            .map(|(_, context)| context)
    }

    /// Takes in a recorded execution (a finished run is final).
    pub(crate) fn record(&mut self, execution: &Execution) {
        let incoming = Run::of(execution);
        let finished = self
            .runs
            .get(&incoming.job_uid)
            .is_some_and(Run::is_finished);
        if !finished && self.runs.get(&incoming.job_uid) != Some(&incoming) {
            self.runs.insert(incoming.job_uid.clone(), incoming.clone());
            self.version += 1;
        }
        let newer = |best: &Run| incoming.ended_at() > best.ended_at();
        if incoming.outcome == Outcome::Succeeded && self.last_success.as_ref().is_none_or(newer) {
            self.last_success = Some(incoming);
            self.version += 1;
        }
    }
}

/// Every loaded CronJob's history and the outbox cursor.
pub(crate) struct HistoryCache {
    store: Store,
    cronjobs: HashMap<CronJobRef, CronJobHistory>,
    cursor: Sequence,
    max_runs: usize,
}

impl HistoryCache {
    /// Starts following the outbox at its current end; loads happen on demand.
    pub(crate) async fn start(store: Store, max_runs: usize) -> Result<Self, StoreError> {
        let cursor = store.last_sequence().await?;
        Ok(Self {
            store,
            cronjobs: HashMap::new(),
            cursor,
            max_runs: max_runs.max(1),
        })
    }

    /// Applies new outbox events; returns the CronJobs whose runs changed.
    pub(crate) async fn follow(&mut self) -> Result<Vec<CronJobRef>, StoreError> {
        let mut changed = Vec::new();
        loop {
            let events = self.store.events_after(self.cursor, PAGE).await?;
            let Some(last) = events.last().map(|event| event.sequence) else {
                return Ok(changed);
            };
            if events[0].sequence.0 != self.cursor.0 + 1 {
                tracing::info!(after = %self.cursor, "outbox events were pruned; reloading history");
                self.cronjobs.clear();
            }
            for event in &events {
                match &event.change {
                    Change::Execution(execution) => {
                        if let Some(history) = self.cronjobs.get_mut(&execution.cronjob) {
                            history.record(execution);
                            changed.push(execution.cronjob.clone());
                        }
                    }
                    Change::HistoryDeleted { cronjob, .. } => {
                        self.cronjobs.remove(cronjob);
                        changed.push(cronjob.clone());
                    }
                    // A CronJob recorded after its history was loaded: tracking starts then.
                    Change::CronJob(record) => {
                        if let Some(history) = self.cronjobs.get_mut(&record.cronjob)
                            && history.first_seen != Some(record.first_seen_at)
                        {
                            history.first_seen = Some(record.first_seen_at);
                            history.version += 1;
                        }
                    }
                    Change::Alert(_) => {}
                }
            }
            self.cursor = last;
        }
    }

    /// The history of `cronjob` covering at least `since`, loading it when needed.
    pub(crate) async fn ensure(
        &mut self,
        cronjob: &CronJobRef,
        since: Timestamp,
    ) -> Result<&mut CronJobHistory, StoreError> {
        let covered = self
            .cronjobs
            .get(cronjob)
            .and_then(|history| history.loaded_since)
            .is_some_and(|loaded| loaded <= since);
        if !covered {
            let loaded = self.load(cronjob, since).await?;
            self.cronjobs.insert(cronjob.clone(), loaded);
        }
        let history = self.cronjobs.entry(cronjob.clone()).or_default();
        // Forget runs that fell out of every window, so memory stays bounded.
        let before = history.runs.len();
        history
            .runs
            .retain(|_, run| run.started_at >= since || !run.is_finished());
        if history.runs.len() != before {
            history.version += 1;
        }
        history.loaded_since = history.loaded_since.map(|loaded| loaded.max(since));
        Ok(history)
    }

    async fn load(
        &self,
        cronjob: &CronJobRef,
        since: Timestamp,
    ) -> Result<CronJobHistory, StoreError> {
        let mut history = CronJobHistory {
            loaded_since: Some(since),
            ..CronJobHistory::default()
        };
        let mut runs = HashMap::new();
        let mut filter = ExecutionFilter {
            limit: PAGE,
            since: Some(since),
            ..Default::default()
        };
        while runs.len() < self.max_runs {
            let page = self.store.list_executions(cronjob, &filter).await?;
            let full = page.items.len() == PAGE as usize;
            for stored in page.items {
                let run = Run::of(&stored.execution);
                runs.insert(run.job_uid.clone(), run);
            }
            if !full {
                break;
            }
            filter.offset += u64::from(PAGE);
        }
        history.runs = runs;
        let successes = ExecutionFilter {
            limit: 1,
            status: Some(Outcome::Succeeded),
            ..Default::default()
        };
        let last = self.store.list_executions(cronjob, &successes).await?;
        history.last_success = last.items.first().map(|stored| Run::of(&stored.execution));
        history.first_seen = self
            .store
            .get_cronjob(cronjob)
            .await?
            .map(|record| record.first_seen_at);
        Ok(history)
    }

    /// Fetches the failure context of a CronJob's failed run once.
    pub(crate) async fn fetch_failure(
        &mut self,
        cronjob: &CronJobRef,
        job_uid: &str,
    ) -> Result<(), StoreError> {
        let Some(history) = self.cronjobs.get(cronjob) else {
            return Ok(());
        };
        if history.failure(job_uid).is_some() {
            return Ok(());
        }
        let Some(stored) = self.store.get_execution_by_uid(job_uid).await? else {
            return Ok(());
        };
        let context = FailureContext::from_execution(&stored.execution);
        if let Some(history) = self.cronjobs.get_mut(cronjob) {
            history.failure = Some((job_uid.to_owned(), context));
        }
        Ok(())
    }

    pub(crate) fn get(&self, cronjob: &CronJobRef) -> Option<&CronJobHistory> {
        self.cronjobs.get(cronjob)
    }
}
