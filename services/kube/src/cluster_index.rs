//! The watch-fed indexes of CronJobs, Jobs and Pods behind one lock, readable by anyone
//! (reconcilers, the leader, warm standbys) while the watch task is the only writer.

use std::sync::{Arc, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

use guardian_core::CronJobRef;
use tokio::sync::watch;

use crate::index::Index;
use crate::pod::PodSummary;
use crate::view::{CronJobView, JobView, ObjectKey};

/// The three indexes the watch task keeps.
#[derive(Debug, Default)]
pub struct Indexes {
    pub cronjobs: Index<CronJobView>,
    pub jobs: Index<JobView>,
    pub pods: Index<PodSummary>,
}

/// Shared read access to the watch-fed indexes; cheap to clone.
#[derive(Debug, Clone)]
pub struct ClusterIndex {
    inner: Arc<RwLock<Indexes>>,
    synced: Arc<watch::Sender<bool>>,
    lists: Arc<watch::Sender<u64>>,
}

impl Default for ClusterIndex {
    fn default() -> Self {
        Self {
            inner: Arc::default(),
            synced: Arc::new(watch::Sender::new(false)),
            lists: Arc::new(watch::Sender::new(0)),
        }
    }
}

impl ClusterIndex {
    /// Snapshot of every CronJob, ordered by namespace and name.
    pub fn cronjobs(&self) -> Vec<CronJobView> {
        self.read().cronjobs.values().collect()
    }

    pub fn cronjob(&self, cronjob: &CronJobRef) -> Option<CronJobView> {
        let key = ObjectKey::new(&cronjob.namespace, &cronjob.name);
        self.read().cronjobs.get(&key)
    }

    /// The runs of one CronJob still present in the cluster.
    pub fn jobs_of(&self, cronjob: &CronJobRef) -> Vec<JobView> {
        self.read()
            .jobs
            .values()
            .filter(|job| job.namespace == cronjob.namespace && job.cronjob == cronjob.name)
            .collect()
    }

    pub fn job(&self, key: &ObjectKey) -> Option<JobView> {
        self.read().jobs.get(key)
    }

    /// The Pods of a Job (same UID when the Pod names its owner).
    pub fn pods_of(&self, job: &JobView) -> Vec<PodSummary> {
        let key = job.key();
        let mut pods = self.read().pods.pods_of_job(&key);
        pods.retain(|pod| pod.belongs_to(&key, &job.uid));
        pods
    }

    /// Objects held, per index: (CronJobs, Jobs, Pods).
    pub fn sizes(&self) -> (usize, usize, usize) {
        let indexes = self.read();
        (
            indexes.cronjobs.len(),
            indexes.jobs.len(),
            indexes.pods.len(),
        )
    }

    /// True once every watch stream has completed its first list.
    pub fn is_synced(&self) -> bool {
        *self.synced.borrow()
    }

    /// Waits until every watch stream has completed its first list.
    pub async fn wait_synced(&self) {
        let mut synced = self.synced.subscribe();
        // The sender lives in `self`, so it cannot be dropped while we wait.
        let _ = synced.wait_for(|done| *done).await;
    }

    /// Complete lists (start-up and every relist, e.g. after `410 Gone`) over all streams.
    pub fn lists_completed(&self) -> u64 {
        *self.lists.borrow()
    }

    /// Waits until at least `count` lists have completed over all streams.
    pub async fn wait_lists(&self, count: u64) {
        let mut lists = self.lists.subscribe();
        // The sender lives in `self`, so it cannot be dropped while we wait.
        let _ = lists.wait_for(|done| *done >= count).await;
    }

    pub(crate) fn record_list(&self) {
        self.lists.send_modify(|done| *done += 1);
    }

    pub(crate) fn mark_synced(&self) {
        self.synced.send_replace(true);
    }

    pub(crate) fn read(&self) -> RwLockReadGuard<'_, Indexes> {
        // Writers never panic while holding the lock; a poisoned lock still holds
        // consistent views, so keep serving them.
        self.inner.read().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn write(&self) -> RwLockWriteGuard<'_, Indexes> {
        self.inner.write().unwrap_or_else(PoisonError::into_inner)
    }
}
