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
        let cronjob = &self.list[n % self.list.len().max(1)];
        let minute = (n / self.list.len().max(1)) as i64;
        let scheduled = self.base + SignedDuration::from_mins(minute);
        let job = kube.start_job(cronjob, scheduled)?;
        let name = job.metadata.name.clone().unwrap_or_default();
        let namespace = job.metadata.namespace.clone().unwrap_or_default();
        let uid = job.metadata.uid.clone().unwrap_or_default();
        kube.finish_job(
            &namespace,
            &name,
            &JobEnd::succeeded(scheduled + SignedDuration::from_secs(5)),
        )?;
        Ok(Completed {
            uid,
            at: Instant::now(),
        })
    }
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

/// Completes Jobs `range` as fast as the stand-in takes them.
pub async fn flood(
    kube: &KubeApi,
    cronjobs: &Cronjobs,
    range: std::ops::Range<usize>,
) -> anyhow::Result<Vec<Completed>> {
    let mut done = Vec::with_capacity(range.len());
    let mut next = range.start;
    while next < range.end {
        let end = (next + SLICE).min(range.end);
        let slice = tokio::task::block_in_place(|| {
            (next..end)
                .map(|n| cronjobs.complete(kube, n))
                .collect::<anyhow::Result<Vec<_>>>()
        })?;
        done.extend(slice);
        next = end;
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
