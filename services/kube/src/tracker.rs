//! Turns watch events into index changes and domain updates, synchronously: no I/O.
//! The watch task feeds it and performs what it asks (send an update, fetch context).
//!
//! Duplicates within one process are avoided by remembering a fingerprint of the last
//! execution emitted per Job UID; the memory lives only as long as the Job is indexed,
//! so it is bounded by the cluster's Jobs. A failed run is emitted once, after its log
//! tail and events were fetched; the store keeps finished rows final anyway.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use guardian_core::model::uid_digest;
use guardian_core::{Clock, Execution, Outcome};

use crate::cluster_index::ClusterIndex;
use crate::execution::execution_for;
use crate::failure::pod_signal;
use crate::index::{Indexed, Target};
use crate::pod::PodSummary;
use crate::update::{FetchRequest, Step, Update, WatchEvent};
use crate::view::{CronJobView, JobView, ObjectKey};

mod gone;

pub use gone::{JOB_DELETED, closed_by_deletion};

/// Failed Pods remembered per Job after they left the API (deadline clean-up deletes
/// them before the Job reports its failure).
const DEPARTED_PODS_PER_JOB: usize = 4;

/// Which watch a relist completed on, for the synced signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Resource {
    CronJob,
    Job,
    Pod,
}

#[derive(Debug, Clone, Copy)]
struct Emitted {
    fingerprint: u64,
    /// A failed run emitted with its context: final.
    closed: bool,
}

/// The synchronous heart of the watch: indexes in, updates out.
pub struct Tracker {
    index: ClusterIndex,
    clock: Arc<dyn Clock>,
    /// Keyed by the Job UID's digest: 100k UIDs as `String`s were ~8 MiB. Two UIDs sharing
    /// a digest would share one memory: a re-emit, or an update hidden behind the other's
    /// closed failed run.
    emitted: HashMap<u64, Emitted>,
    fetching: HashSet<String>,
    departed: HashMap<ObjectKey, Vec<PodSummary>>,
    streams: usize,
    listed: HashSet<(Resource, Target)>,
}

impl Tracker {
    /// `targets` are the streams per resource; the index is synced once all have listed.
    pub fn new(index: ClusterIndex, clock: Arc<dyn Clock>, targets: &[Target]) -> Self {
        if targets.is_empty() {
            index.mark_synced();
        }
        Self {
            index,
            clock,
            emitted: HashMap::new(),
            fetching: HashSet::new(),
            departed: HashMap::new(),
            streams: targets.len() * 3,
            listed: HashSet::new(),
        }
    }

    pub fn on_cronjob(&mut self, event: WatchEvent<CronJobView>) -> Vec<Step> {
        match event {
            WatchEvent::Apply(view) => {
                let previous = self.index.write().cronjobs.apply(view.clone());
                self.cronjob_seen(previous, &view)
            }
            WatchEvent::InitApply(target, view) => {
                let previous = self
                    .index
                    .write()
                    .cronjobs
                    .relist_apply(&target, view.clone());
                self.cronjob_seen(previous, &view)
            }
            WatchEvent::Delete(view) => {
                let removed = self.index.write().cronjobs.delete(&view.key());
                removed.into_iter().map(|gone| deleted(&gone)).collect()
            }
            WatchEvent::Init(target) => {
                self.index.write().cronjobs.begin_relist(&target);
                Vec::new()
            }
            WatchEvent::InitDone(target) => {
                let removed = self.index.write().cronjobs.finish_relist(&target);
                self.listed(Resource::CronJob, target);
                removed.iter().map(deleted).collect()
            }
        }
    }

    pub fn on_job(&mut self, event: WatchEvent<JobView>) -> Vec<Step> {
        match event {
            WatchEvent::Apply(job) => {
                self.index.write().jobs.apply(job.clone());
                self.evaluate(&job)
            }
            WatchEvent::InitApply(target, job) => {
                self.index.write().jobs.relist_apply(&target, job.clone());
                self.evaluate(&job)
            }
            WatchEvent::Delete(job) => {
                // The deleted object carries the Job's last state: record it, then
                // forget. A Job no longer indexed was already recorded as gone.
                let Some(indexed) = self.index.write().jobs.delete(&job.key()) else {
                    return Vec::new();
                };
                let steps = self.job_gone(&job);
                self.forget(&indexed);
                steps
            }
            WatchEvent::Init(target) => {
                self.index.write().jobs.begin_relist(&target);
                Vec::new()
            }
            WatchEvent::InitDone(target) => {
                let removed = self.index.write().jobs.finish_relist(&target);
                // Deleted while the watch was away: close what was still running.
                let mut steps = Vec::new();
                for job in &removed {
                    steps.extend(self.job_gone(job));
                    self.forget(job);
                }
                self.listed(Resource::Job, target);
                steps
            }
        }
    }

    pub fn on_pod(&mut self, event: WatchEvent<PodSummary>) -> Vec<Step> {
        match event {
            WatchEvent::Apply(pod) => {
                self.index.write().pods.apply(pod.clone());
                self.evaluate_job_of(&pod)
            }
            WatchEvent::InitApply(target, pod) => {
                self.index.write().pods.relist_apply(&target, pod.clone());
                self.evaluate_job_of(&pod)
            }
            WatchEvent::Delete(pod) => {
                self.index.write().pods.delete(&pod.index_key());
                self.pod_departed(pod)
            }
            WatchEvent::Init(target) => {
                self.index.write().pods.begin_relist(&target);
                Vec::new()
            }
            WatchEvent::InitDone(target) => {
                let removed = self.index.write().pods.finish_relist(&target);
                self.listed(Resource::Pod, target);
                removed
                    .into_iter()
                    .flat_map(|pod| self.pod_departed(pod))
                    .collect()
            }
        }
    }

    /// A fetch for the failed run of `job` finished, with or without context.
    pub fn on_fetched(&mut self, job: &JobView, execution: Execution) -> Vec<Step> {
        self.fetching.remove(&job.uid);
        let still_indexed = self
            .index
            .read()
            .jobs
            .get(&job.key())
            .is_some_and(|j| j.uid == job.uid);
        if still_indexed {
            let memory = Emitted {
                fingerprint: fingerprint(&execution),
                closed: true,
            };
            self.emitted.insert(uid_digest(&job.uid), memory);
        }
        vec![Step::Emit(Update::Execution(execution))]
    }

    /// Forgets what was emitted and emits everything indexed again (a new leader's
    /// consumer missed what was emitted before it took over).
    pub fn resync(&mut self) -> Vec<Step> {
        self.emitted.clear();
        let (cronjobs, jobs) = {
            let indexes = self.index.read();
            let cronjobs: Vec<CronJobView> = indexes.cronjobs.values().collect();
            let jobs: Vec<JobView> = indexes.jobs.values().collect();
            (cronjobs, jobs)
        };
        let now = self.clock.now();
        let records = cronjobs
            .iter()
            .map(|view| Step::Emit(Update::CronJob(view.to_record(now))));
        let mut steps: Vec<Step> = records.collect();
        for job in &jobs {
            steps.extend(self.evaluate(job));
        }
        steps
    }

    fn cronjob_seen(&self, previous: Option<CronJobView>, view: &CronJobView) -> Vec<Step> {
        match previous {
            Some(old) if old.same_record(view) => Vec::new(),
            _ => vec![Step::Emit(Update::CronJob(
                view.to_record(self.clock.now()),
            ))],
        }
    }

    /// The execution of `job` now, emitted if it changed; a failed run asks for context.
    fn evaluate(&mut self, job: &JobView) -> Vec<Step> {
        let memory = self.emitted.get(&uid_digest(&job.uid)).copied();
        if memory.is_some_and(|m| m.closed) || self.fetching.contains(&job.uid) {
            return Vec::new();
        }
        let pods = self.pods_for(job);
        let execution = execution_for(job, &pods, &[], None);
        if execution.outcome == Outcome::Failed {
            self.fetching.insert(job.uid.clone());
            return vec![Step::Fetch(FetchRequest {
                job: job.clone(),
                pods,
            })];
        }
        let fingerprint = fingerprint(&execution);
        if memory.is_some_and(|m| m.fingerprint == fingerprint) {
            return Vec::new();
        }
        self.emitted.insert(
            uid_digest(&job.uid),
            Emitted {
                fingerprint,
                closed: false,
            },
        );
        vec![Step::Emit(Update::Execution(execution))]
    }

    fn job_of(&self, pod: &PodSummary) -> Option<JobView> {
        let key = pod.job_key()?;
        let job = self.index.read().jobs.get(&key)?;
        pod.belongs_to(&key, &job.uid).then_some(job)
    }

    fn evaluate_job_of(&mut self, pod: &PodSummary) -> Vec<Step> {
        match self.job_of(pod) {
            Some(job) => self.evaluate(&job),
            None => Vec::new(),
        }
    }

    /// A Pod left the API: keep it if it shows why its Job failed, then re-evaluate.
    fn pod_departed(&mut self, pod: PodSummary) -> Vec<Step> {
        let Some(job) = self.job_of(&pod) else {
            return Vec::new();
        };
        if pod_signal(&pod).is_some() {
            let kept = self.departed.entry(job.key()).or_default();
            kept.retain(|known| known.name != pod.name);
            kept.push(pod);
            if kept.len() > DEPARTED_PODS_PER_JOB {
                kept.remove(0);
            }
        }
        self.evaluate(&job)
    }

    /// Live Pods of the Job, plus remembered failed Pods that are gone.
    fn pods_for(&self, job: &JobView) -> Vec<PodSummary> {
        let mut pods = self.index.pods_of(job);
        if let Some(gone) = self.departed.get(&job.key()) {
            let missing: Vec<PodSummary> = gone
                .iter()
                .filter(|old| pods.iter().all(|live| live.name != old.name))
                .cloned()
                .collect();
            pods.extend(missing);
        }
        pods
    }

    fn forget(&mut self, job: &JobView) {
        self.emitted.remove(&uid_digest(&job.uid));
        self.departed.remove(&job.key());
    }

    fn listed(&mut self, resource: Resource, target: Target) {
        self.index.record_list();
        self.listed.insert((resource, target));
        if self.listed.len() >= self.streams {
            self.index.mark_synced();
        }
    }
}

fn deleted(view: &CronJobView) -> Step {
    Step::Emit(Update::CronJobDeleted(view.cronjob_ref()))
}

/// A stable digest of an execution, to skip re-emitting the same state. Every
/// field is hashed in place (no serialization: this runs per watch event); the
/// destructuring has no `..`, so a new field fails to compile until it is hashed.
fn fingerprint(execution: &Execution) -> u64 {
    let Execution {
        job_uid,
        job_name,
        cronjob,
        cronjob_uid,
        started_at,
        completed_at,
        outcome,
        exit_code,
        reason,
        logs,
        events,
        retries,
        manual,
    } = execution;
    let mut hasher = DefaultHasher::new();
    (job_uid, job_name, cronjob, cronjob_uid).hash(&mut hasher);
    (started_at, completed_at, outcome, exit_code).hash(&mut hasher);
    (reason, logs, events, retries, manual).hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests;
