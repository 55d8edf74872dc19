//! Runs recorded "running" whose Job vanished while no watch of ours saw it go:
//! the controller was down, or only a standby saw the deletion (standbys drop
//! updates). Each time this replica starts leading — after its caches synced —
//! such runs are closed as deleted ([`closed_by_deletion`]), once: the store
//! keeps a finished run final, so a later or concurrent close changes nothing.
//!
//! ```text
//!  store: running runs ─► not in the synced index? ─► GET the Job: gone? ─► close
//! ```
//!
//! The API server has the last word: a Job the index has not caught up with
//! yet (another replica recorded it moments ago) is still found by the GET.

use std::sync::Arc;
use std::time::Duration;

use guardian_core::{Clock, Execution, Outcome};
use guardian_kube::cluster_index::ClusterIndex;
use guardian_kube::scope::WatchScope;
use guardian_kube::tracker::closed_by_deletion;
use guardian_kube::update::Update;
use guardian_kube::view::ObjectKey;
use guardian_store::filter::MAX_PAGE;
use guardian_store::{CronJobFilter, ExecutionFilter, Store, StoreError};
use k8s_openapi::api::batch::v1::Job;
use kube::Api;
use tokio::sync::{Notify, mpsc};

/// Attempts per request when the database or the API server fails.
const ATTEMPTS: u32 = 5;
const FIRST_RETRY: Duration = Duration::from_millis(500);

#[derive(Debug, thiserror::Error)]
pub enum SweepError {
    #[error("cannot read running runs: {0}")]
    Store(#[from] StoreError),
    #[error("cannot check the Job: {0}")]
    Kube(#[from] kube::Error),
}

/// Closes runs whose Job vanished, on request.
pub(crate) struct Sweeper {
    pub store: Store,
    pub client: kube::Client,
    pub index: ClusterIndex,
    pub scope: WatchScope,
    pub clock: Arc<dyn Clock>,
    pub requests: Arc<Notify>,
    pub updates: mpsc::Sender<Update>,
}

impl Sweeper {
    /// Sweeps once per request (requests made during a sweep coalesce) until
    /// the update channel closes.
    pub(crate) async fn run(self) {
        loop {
            self.requests.notified().await;
            self.index.wait_synced().await;
            let Some(closed) = self.sweep_with_retry().await else {
                continue;
            };
            for execution in closed {
                tracing::info!(job = %execution.job_name, namespace = %execution.cronjob.namespace,
                    "closing the run of a Job deleted while nobody watched");
                if self
                    .updates
                    .send(Update::Execution(execution))
                    .await
                    .is_err()
                {
                    return;
                }
            }
        }
    }

    async fn sweep_with_retry(&self) -> Option<Vec<Execution>> {
        let mut delay = FIRST_RETRY;
        for attempt in 1..=ATTEMPTS {
            match self.vanished_runs().await {
                Ok(closed) => return Some(closed),
                Err(error) => tracing::warn!(%error, attempt, "sweep for vanished Jobs failed"),
            }
            tokio::time::sleep(delay).await;
            delay *= 2;
        }
        None
    }

    /// Running runs in scope whose Job is neither indexed nor in the API, closed.
    pub(crate) async fn vanished_runs(&self) -> Result<Vec<Execution>, SweepError> {
        let mut closed = Vec::new();
        for execution in self.running_runs().await? {
            let namespace = execution.cronjob.namespace.as_str();
            if !self.scope.watches(namespace) || self.indexed(&execution) {
                continue;
            }
            if self.exists(&execution).await? {
                continue;
            }
            closed.push(closed_by_deletion(execution, self.clock.now()));
        }
        Ok(closed)
    }

    /// Every run the store holds as running, CronJob by CronJob.
    async fn running_runs(&self) -> Result<Vec<Execution>, StoreError> {
        let mut running = Vec::new();
        let mut offset = 0;
        loop {
            let filter = CronJobFilter {
                include_deleted: true,
                offset,
                ..CronJobFilter::default()
            };
            let page = self.store.list_cronjobs(&filter).await?;
            for record in &page.items {
                let runs = ExecutionFilter {
                    status: Some(Outcome::Running),
                    limit: MAX_PAGE,
                    ..ExecutionFilter::default()
                };
                let found = self.store.list_executions(&record.cronjob, &runs).await?;
                running.extend(found.items.into_iter().map(|stored| stored.execution));
            }
            offset += page.items.len() as u64;
            if page.items.is_empty() || offset >= page.total {
                return Ok(running);
            }
        }
    }

    fn indexed(&self, execution: &Execution) -> bool {
        let key = ObjectKey::new(&execution.cronjob.namespace, &execution.job_name);
        self.index
            .job(&key)
            .is_some_and(|job| job.uid == execution.job_uid)
    }

    /// Whether the API server still has this run's Job (same UID).
    async fn exists(&self, execution: &Execution) -> Result<bool, kube::Error> {
        let jobs: Api<Job> = Api::namespaced(self.client.clone(), &execution.cronjob.namespace);
        let found = jobs.get_opt(&execution.job_name).await?;
        Ok(found.is_some_and(|job| job.metadata.uid.as_deref() == Some(&execution.job_uid)))
    }
}
