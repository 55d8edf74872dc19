//! Runs whose Job left the cluster before it finished. Kubernetes never sets a
//! completion on a deleted Job, so without this the run would stay "running"
//! forever; it is closed instead as failed with reason [`JOB_DELETED`] and a
//! duration up to the moment the deletion was noticed.
//!
//! The tracker closes runs whose deletion it sees (watch event or relist); the
//! controller closes runs recorded running whose Job vanished while no watch
//! was looking. Whichever comes first wins: the store keeps a finished run final.

use guardian_core::{Execution, Outcome};
use jiff::Timestamp;

use super::{Step, Tracker, Update};
use crate::execution::execution_for;
use crate::view::JobView;

/// The reason recorded on a run whose Job was deleted while it ran.
pub const JOB_DELETED: &str = "JobDeleted";

/// `execution` closed because its Job is gone at `now`; a finished run is
/// returned unchanged.
pub fn closed_by_deletion(mut execution: Execution, now: Timestamp) -> Execution {
    if execution.outcome != Outcome::Running {
        return execution;
    }
    execution.outcome = Outcome::Failed;
    execution.completed_at = Some(now.max(execution.started_at));
    execution.reason = Some(JOB_DELETED.to_owned());
    execution
}

impl Tracker {
    /// What to record when the indexed `job` left the cluster: its final run as
    /// usual, or — when it was still running — the run closed as deleted.
    pub(super) fn job_gone(&mut self, job: &JobView) -> Vec<Step> {
        let memory = self
            .emitted
            .get(&guardian_core::model::uid_digest(&job.uid))
            .copied();
        // A closed run is final, and a failed run being fetched is emitted by the fetch.
        if memory.is_some_and(|m| m.closed) || self.fetching.contains(&job.uid) {
            return Vec::new();
        }
        let execution = execution_for(job, &self.pods_for(job), &[], None);
        if execution.outcome != Outcome::Running {
            return self.evaluate(job);
        }
        let closed = closed_by_deletion(execution, self.clock.now());
        vec![Step::Emit(Update::Execution(closed))]
    }
}

#[cfg(test)]
mod tests {
    use jiff::SignedDuration;

    use super::*;
    use crate::fixtures::{complete_status, job, running_status};

    fn run(status: serde_json::Value) -> Execution {
        let view = JobView::from_job(&job("backup-1", "uid-1", status)).expect("a CronJob's Job");
        execution_for(&view, &[], &[], None)
    }

    fn started() -> Timestamp {
        "2025-01-01T02:00:05Z".parse().expect("valid time")
    }

    #[test]
    fn a_running_run_is_closed_as_failed_with_the_time_it_ran() {
        let now = started() + SignedDuration::from_secs(90);
        let closed = closed_by_deletion(run(running_status()), now);
        assert_eq!(closed.outcome, Outcome::Failed);
        assert_eq!(closed.reason.as_deref(), Some(JOB_DELETED));
        assert_eq!(closed.duration(), Some(SignedDuration::from_secs(90)));
    }

    #[test]
    fn a_finished_run_is_left_as_it_was() {
        let done = run(complete_status(0));
        let now = started() + SignedDuration::from_secs(3_600);
        assert_eq!(closed_by_deletion(done.clone(), now), done);
    }

    #[test]
    fn a_clock_behind_the_start_gives_a_zero_duration_not_a_negative_one() {
        let now = started() - SignedDuration::from_secs(100);
        let closed = closed_by_deletion(run(running_status()), now);
        assert_eq!(closed.duration(), Some(SignedDuration::ZERO));
    }
}
