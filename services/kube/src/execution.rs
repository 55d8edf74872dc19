//! Turns a Job, and what is known of its Pods, into the one execution record kept per
//! Job UID. Pure: no I/O, so replays and relists always compute the same record.
//!
//! The outcome comes from the Job's conditions, never from the first failed Pod: a Job
//! with `backoffLimit > 0` that fails once and then succeeds is a success with a retry.
//! Failed runs get a completion time (the failure condition's transition), so they have a
//! duration. When the newer interim conditions (`FailureTarget`, `SuccessCriteriaMet`,
//! Kubernetes 1.31+) are present their time is used: they stay on the Job after the final
//! condition arrives, so the completion time is the same whenever the Job is observed.

use guardian_core::{Execution, Outcome};
use jiff::Timestamp;
use k8s_openapi::api::batch::v1::Job;

use crate::failure::{failing_container, restarts, success_exit_code};
use crate::pod::{ContainerPhase, PodSummary};
use crate::view::JobView;

/// The Job condition that marks a deadline failure; it outranks a container's own
/// termination, which the deadline caused.
const DEADLINE_EXCEEDED: &str = "DeadlineExceeded";
const OOM_KILLED: &str = "OOMKilled";

/// The execution for a Job; `None` unless the Job is a run of a CronJob (owned by one,
/// or made by hand from one).
pub fn execution_from(
    job: &Job,
    pods: &[PodSummary],
    events: &[String],
    logs: Option<String>,
) -> Option<Execution> {
    let view = JobView::from_job(job)?;
    Some(execution_for(&view, pods, events, logs))
}

/// The execution for a Job already reduced to its view. Pods of other Jobs are ignored.
pub fn execution_for(
    job: &JobView,
    pods: &[PodSummary],
    events: &[String],
    logs: Option<String>,
) -> Execution {
    let job_key = job.key();
    let own_pods: Vec<PodSummary> = pods
        .iter()
        .filter(|pod| pod.belongs_to(&job_key, &job.uid))
        .cloned()
        .collect();
    let verdict = verdict(job);
    let started_at = job.started_at.unwrap_or(job.created_at);
    let completed_at = match verdict.outcome {
        Outcome::Running => None,
        _ => Some(
            verdict
                .completed_at
                .or_else(|| last_finish(&own_pods))
                .unwrap_or(started_at)
                .max(started_at),
        ),
    };
    let (exit_code, reason) = match verdict.outcome {
        Outcome::Running => (None, None),
        Outcome::Succeeded => (success_exit_code(&own_pods), None),
        Outcome::Failed => failure_details(&own_pods, verdict.job_reason),
    };
    let failed_pods_before_end = match verdict.outcome {
        Outcome::Failed => job.failed.saturating_sub(1).max(0),
        _ => job.failed.max(0),
    };
    Execution {
        job_uid: job.uid.clone(),
        job_name: job.name.clone(),
        cronjob: job.cronjob_ref(),
        cronjob_uid: job.cronjob_uid.clone(),
        started_at,
        completed_at,
        outcome: verdict.outcome,
        exit_code,
        reason,
        logs,
        events: events.to_vec(),
        retries: failed_pods_before_end.saturating_add(restarts(&own_pods)),
        manual: job.manual,
    }
}

/// What the Job's conditions decide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub outcome: Outcome,
    pub completed_at: Option<Timestamp>,
    /// The Job-level reason of a failure (`BackoffLimitExceeded`, `DeadlineExceeded`, ...).
    pub job_reason: Option<String>,
}

/// The outcome from the Job's `True` conditions: `Failed`/`FailureTarget` mean failed,
/// `Complete`/`SuccessCriteriaMet` succeeded, anything else still running.
pub fn verdict(job: &JobView) -> Verdict {
    let time_of = |kind: &str| job.condition(kind).and_then(|c| c.transitioned_at);
    let failed = job.condition("Failed");
    let failure_target = job.condition("FailureTarget");
    if failed.is_some() || failure_target.is_some() {
        let job_reason = failed
            .and_then(|c| c.reason.clone())
            .or_else(|| failure_target.and_then(|c| c.reason.clone()));
        return Verdict {
            outcome: Outcome::Failed,
            completed_at: time_of("FailureTarget").or_else(|| time_of("Failed")),
            job_reason,
        };
    }
    if job.condition("Complete").is_some() || job.condition("SuccessCriteriaMet").is_some() {
        let completed_at = time_of("SuccessCriteriaMet")
            .or(job.completion_time)
            .or_else(|| time_of("Complete"));
        return Verdict {
            outcome: Outcome::Succeeded,
            completed_at,
            job_reason: None,
        };
    }
    Verdict {
        outcome: Outcome::Running,
        completed_at: None,
        job_reason: None,
    }
}

/// Exit code and reason of a failed run: the failing container's, else the Job's.
/// A deadline outranks the termination it caused, unless the container never started
/// (image pull, config error) or ran out of memory.
fn failure_details(
    pods: &[PodSummary],
    job_reason: Option<String>,
) -> (Option<i32>, Option<String>) {
    let Some(signal) = failing_container(pods) else {
        return (None, job_reason);
    };
    let caused_by_deadline = job_reason.as_deref() == Some(DEADLINE_EXCEEDED)
        && !signal.waiting
        && signal.reason.as_deref() != Some(OOM_KILLED);
    let reason = if caused_by_deadline {
        job_reason
    } else {
        signal.reason.or(job_reason)
    };
    (signal.exit_code, reason)
}

/// The latest container finish time across the Pods, for Jobs without a condition time.
fn last_finish(pods: &[PodSummary]) -> Option<Timestamp> {
    pods.iter()
        .flat_map(|p| p.containers.iter())
        .filter_map(|c| match &c.phase {
            ContainerPhase::Terminated(done) => done.finished_at,
            _ => None,
        })
        .max()
}

#[cfg(test)]
mod tests;
