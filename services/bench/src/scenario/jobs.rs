//! Driving the stand-in the way a cluster would: CronJobs spread over
//! namespaces, and Jobs that start and finish (the CronJob and Job
//! controllers' parts, via the stand-in's scenario helpers). Every Job gets a
//! distinct scheduled minute, so names never collide.

use std::time::Instant;

use guardian_testkit::kube_api::KubeApi;
use guardian_testkit::kube_api::scenario::{JobEnd, PodEnd};
use jiff::{SignedDuration, Timestamp};
use k8s_openapi::api::batch::v1::CronJob;

use crate::data::{PER_NAMESPACE, Shape, namespace};

/// CronJobs created in the stand-in, in creation order.
pub struct Cronjobs {
    pub list: Vec<CronJob>,
    /// Scheduled time of minute 0; Jobs are scheduled after it, all in the past.
    base: Timestamp,
}

/// A Job that finished, and when the stand-in stored its completion.
#[derive(Debug, Clone)]
pub struct Completed {
    pub uid: String,
    pub at: Instant,
}

impl Cronjobs {
    /// Creates `count` CronJobs (`ns-0000/cj-00000`, …) and their namespaces.
    pub fn create(kube: &KubeApi, count: usize) -> anyhow::Result<Cronjobs> {
        let shape = Shape { cronjobs: count };
        for index in 0..count.div_ceil(PER_NAMESPACE) {
            kube.create_namespace(&namespace(index))?;
        }
        let list = (0..count)
            .map(|index| {
                let cronjob = shape.cronjob(index);
                kube.create_cronjob(
                    &cronjob.namespace,
                    &cronjob.name,
                    "*/5 * * * *",
                    &[("app", "bench")],
                )
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Cronjobs {
            list,
            base: Timestamp::now() - SignedDuration::from_hours(48),
        })
    }

    /// Job number `n`: CronJob `n % len`, scheduled minute `n / len`; started
    /// and finished successfully five seconds later.
    pub fn complete(&self, kube: &KubeApi, n: usize) -> anyhow::Result<Completed> {
        let started = self.start(kube, n)?;
        finish(kube, &started)
    }

    /// Starts Job number `n` (running, listed in its CronJob's `status.active`).
    pub fn start(&self, kube: &KubeApi, n: usize) -> anyhow::Result<Started> {
        let cronjob = &self.list[n % self.list.len().max(1)];
        let minute = (n / self.list.len().max(1)) as i64;
        let scheduled = self.base + SignedDuration::from_mins(minute);
        let job = kube.start_job(cronjob, scheduled)?;
        Ok(Started {
            namespace: job.metadata.namespace.unwrap_or_default(),
            name: job.metadata.name.unwrap_or_default(),
            uid: job.metadata.uid.unwrap_or_default(),
            scheduled,
        })
    }
}

/// A running Job.
#[derive(Debug, Clone)]
pub struct Started {
    namespace: String,
    name: String,
    uid: String,
    scheduled: Timestamp,
}

/// Finishes a started Job successfully, five seconds after it was scheduled.
pub fn finish(kube: &KubeApi, job: &Started) -> anyhow::Result<Completed> {
    let end = JobEnd::succeeded(job.scheduled + SignedDuration::from_secs(5));
    kube.finish_job(&job.namespace, &job.name, &end)?;
    Ok(Completed {
        uid: job.uid.clone(),
        at: Instant::now(),
    })
}

impl Cronjobs {
    /// Like [`Cronjobs::complete`], with the Job's Pod started and ended too
    /// (the kubelet's part), as a real cluster keeps it until the Job is deleted.
    pub fn complete_with_pod(&self, kube: &KubeApi, n: usize) -> anyhow::Result<()> {
        let cronjob = &self.list[n % self.list.len().max(1)];
        let minute = (n / self.list.len().max(1)) as i64;
        let scheduled = self.base + SignedDuration::from_mins(minute);
        let ended = scheduled + SignedDuration::from_secs(5);
        let job = kube.start_job(cronjob, scheduled)?;
        let namespace = job.metadata.namespace.clone().unwrap_or_default();
        let pod = kube.start_pod(&job, scheduled)?;
        let pod_name = pod.metadata.name.unwrap_or_default();
        kube.finish_pod(&namespace, &pod_name, &PodEnd::exited(ended, 0))?;
        let name = job.metadata.name.unwrap_or_default();
        kube.finish_job(&namespace, &name, &JobEnd::succeeded(ended))?;
        Ok(())
    }
}

/// Jobs completed per `block_in_place` slice before the runtime gets the
/// thread back (the stand-in's HTTP server runs on the same runtime).
const SLICE: usize = 50;

/// Applies `step` to every item as fast as the stand-in takes it, a slice at
/// a time, yielding the thread between slices.
pub async fn flood<I, O>(
    items: &[I],
    step: impl Fn(&I) -> anyhow::Result<O>,
) -> anyhow::Result<Vec<O>> {
    let mut done = Vec::with_capacity(items.len());
    for slice in items.chunks(SLICE) {
        let outputs = tokio::task::block_in_place(|| {
            slice.iter().map(&step).collect::<anyhow::Result<Vec<_>>>()
        })?;
        done.extend(outputs);
        tokio::task::yield_now().await;
    }
    Ok(done)
}

/// Completes Jobs `range` at about `per_second`, evenly spaced.
pub async fn paced(
    kube: &KubeApi,
    cronjobs: &Cronjobs,
    range: std::ops::Range<usize>,
    per_second: f64,
) -> anyhow::Result<Vec<Completed>> {
    let gap = std::time::Duration::from_secs_f64(1.0 / per_second.max(0.001));
    let mut ticks = tokio::time::interval(gap);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    let mut done = Vec::with_capacity(range.len());
    for n in range {
        ticks.tick().await;
        done.push(cronjobs.complete(kube, n)?);
    }
    Ok(done)
}
