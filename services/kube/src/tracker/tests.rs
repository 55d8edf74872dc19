use guardian_core::{CronJobRef, Outcome};
use jiff::Timestamp;
use serde_json::json;

use super::*;
use crate::fixtures::{
    CRONJOB_UID, complete_status, cronjob, failed_status, job, pod, running_status, terminated,
    waiting,
};

struct FixedClock;

impl Clock for FixedClock {
    fn now(&self) -> Timestamp {
        Timestamp::from_second(1_735_700_000).expect("a valid second")
    }
}

const JOB: &str = "backup-29000000";
const JOB_UID: &str = "job-uid-1";

fn tracker() -> (Tracker, ClusterIndex) {
    let index = ClusterIndex::default();
    (
        Tracker::new(index.clone(), Arc::new(FixedClock), &[None]),
        index,
    )
}

fn cronjob_view(schedule: &str) -> CronJobView {
    CronJobView::from_cronjob(&cronjob("backup", CRONJOB_UID, schedule))
        .expect("fixture is complete")
}

fn job_view(status: serde_json::Value) -> JobView {
    JobView::from_job(&job(JOB, JOB_UID, status)).expect("fixture is owned by a CronJob")
}

fn executions(steps: &[Step]) -> Vec<&Execution> {
    steps
        .iter()
        .filter_map(|step| match step {
            Step::Emit(Update::Execution(execution)) => Some(execution),
            _ => None,
        })
        .collect()
}

fn fetches(steps: &[Step]) -> Vec<&FetchRequest> {
    steps
        .iter()
        .filter_map(|step| match step {
            Step::Fetch(request) => Some(request),
            _ => None,
        })
        .collect()
}

#[test]
fn first_sight_of_a_cronjob_emits_its_record_but_status_changes_do_not() {
    let (mut tracker, _) = tracker();
    let first = tracker.on_cronjob(WatchEvent::Apply(cronjob_view("0 2 * * *")));
    assert!(
        matches!(&first[..], [Step::Emit(Update::CronJob(record))] if record.schedule == "0 2 * * *")
    );
    let mut status_only = cronjob_view("0 2 * * *");
    status_only.active_jobs.clear();
    assert!(
        tracker
            .on_cronjob(WatchEvent::Apply(status_only))
            .is_empty()
    );
}

#[test]
fn a_new_schedule_emits_the_cronjob_again() {
    let (mut tracker, _) = tracker();
    tracker.on_cronjob(WatchEvent::Apply(cronjob_view("0 2 * * *")));
    let steps = tracker.on_cronjob(WatchEvent::Apply(cronjob_view("0 3 * * *")));
    assert!(
        matches!(&steps[..], [Step::Emit(Update::CronJob(record))] if record.schedule == "0 3 * * *")
    );
}

#[test]
fn deleting_a_cronjob_emits_its_deletion_once() {
    let (mut tracker, index) = tracker();
    tracker.on_cronjob(WatchEvent::Apply(cronjob_view("0 2 * * *")));
    let steps = tracker.on_cronjob(WatchEvent::Delete(cronjob_view("0 2 * * *")));
    let gone = CronJobRef::new("ops", "backup");
    assert_eq!(steps, vec![Step::Emit(Update::CronJobDeleted(gone))]);
    assert!(
        tracker
            .on_cronjob(WatchEvent::Delete(cronjob_view("0 2 * * *")))
            .is_empty()
    );
    assert!(index.cronjobs().is_empty());
}

#[test]
fn a_cronjob_missing_from_a_relist_is_deleted_and_a_listed_one_is_not_reemitted() {
    let (mut tracker, _) = tracker();
    let other = CronJobView {
        name: "report".into(),
        uid: "uid-r".into(),
        ..cronjob_view("0 2 * * *")
    };
    tracker.on_cronjob(WatchEvent::Apply(cronjob_view("0 2 * * *")));
    tracker.on_cronjob(WatchEvent::Apply(other));
    tracker.on_cronjob(WatchEvent::Init(None));
    let relisted = tracker.on_cronjob(WatchEvent::InitApply(None, cronjob_view("0 2 * * *")));
    assert!(relisted.is_empty());
    let done = tracker.on_cronjob(WatchEvent::InitDone(None));
    assert_eq!(
        done,
        vec![Step::Emit(Update::CronJobDeleted(CronJobRef::new(
            "ops", "report"
        )))]
    );
}

#[test]
fn a_running_job_is_emitted_once_however_often_it_is_replayed() {
    let (mut tracker, _) = tracker();
    let first = tracker.on_job(WatchEvent::Apply(job_view(running_status())));
    assert_eq!(executions(&first).len(), 1);
    assert_eq!(executions(&first)[0].outcome, Outcome::Running);
    assert!(
        tracker
            .on_job(WatchEvent::Apply(job_view(running_status())))
            .is_empty()
    );
    tracker.on_job(WatchEvent::Init(None));
    assert!(
        tracker
            .on_job(WatchEvent::InitApply(None, job_view(running_status())))
            .is_empty()
    );
    assert!(tracker.on_job(WatchEvent::InitDone(None)).is_empty());
}

#[test]
fn a_failed_job_asks_for_context_once_then_stays_final() {
    let (mut tracker, _) = tracker();
    let failed = job_view(failed_status("BackoffLimitExceeded", 3));
    let steps = tracker.on_job(WatchEvent::Apply(failed.clone()));
    assert_eq!(fetches(&steps).len(), 1);
    assert!(
        executions(&steps).is_empty(),
        "a failed run waits for its context"
    );
    assert!(
        tracker.on_job(WatchEvent::Apply(failed.clone())).is_empty(),
        "one fetch in flight"
    );
    let with_context = execution_for(
        &failed,
        &[],
        &["BackoffLimitExceeded: limit".into()],
        Some("boom".into()),
    );
    let emitted = tracker.on_fetched(&failed, with_context);
    assert_eq!(executions(&emitted)[0].logs.as_deref(), Some("boom"));
    assert!(tracker.on_job(WatchEvent::Apply(failed)).is_empty());
}

#[test]
fn a_pod_arriving_after_its_job_completed_updates_the_exit_code() {
    let (mut tracker, _) = tracker();
    let complete = job_view(complete_status(0));
    let before = tracker.on_job(WatchEvent::Apply(complete));
    assert_eq!(executions(&before)[0].exit_code, None);
    let succeeded = pod(
        "p1",
        JOB,
        JOB_UID,
        "2025-01-01T02:00:06Z",
        json!({
            "phase": "Succeeded", "containerStatuses": [terminated("main", 0, "Completed")]
        }),
    );
    let after = tracker.on_pod(WatchEvent::Apply(succeeded));
    assert_eq!(executions(&after)[0].exit_code, Some(0));
}

#[test]
fn a_deleted_failing_pod_still_explains_the_failure_of_its_job() {
    let (mut tracker, _) = tracker();
    tracker.on_job(WatchEvent::Apply(job_view(running_status())));
    let stuck = pod(
        "p1",
        JOB,
        JOB_UID,
        "2025-01-01T02:00:06Z",
        json!({
            "phase": "Pending", "containerStatuses": [waiting("main", "ImagePullBackOff", None)]
        }),
    );
    tracker.on_pod(WatchEvent::Apply(stuck.clone()));
    tracker.on_pod(WatchEvent::Delete(stuck));
    let failed = job_view(failed_status("DeadlineExceeded", 1));
    let steps = tracker.on_job(WatchEvent::Apply(failed.clone()));
    let request = fetches(&steps)[0];
    let execution = execution_for(&failed, &request.pods, &[], None);
    assert_eq!(execution.reason.as_deref(), Some("ImagePullBackOff"));
}

#[test]
fn a_deleted_job_is_forgotten_so_a_new_one_with_its_name_is_emitted() {
    let (mut tracker, index) = tracker();
    tracker.on_job(WatchEvent::Apply(job_view(running_status())));
    tracker.on_job(WatchEvent::Delete(job_view(running_status())));
    assert!(index.job(&ObjectKey::new("ops", JOB)).is_none());
    let again = tracker.on_job(WatchEvent::Apply(job_view(running_status())));
    assert_eq!(executions(&again).len(), 1);
}

#[test]
fn resync_emits_every_indexed_cronjob_and_execution_again() {
    let (mut tracker, _) = tracker();
    tracker.on_cronjob(WatchEvent::Apply(cronjob_view("0 2 * * *")));
    tracker.on_job(WatchEvent::Apply(job_view(running_status())));
    let steps = tracker.resync();
    assert_eq!(executions(&steps).len(), 1);
    assert!(
        steps
            .iter()
            .any(|s| matches!(s, Step::Emit(Update::CronJob(_))))
    );
}

#[test]
fn the_index_is_synced_once_every_stream_has_listed() {
    let (mut tracker, index) = tracker();
    tracker.on_cronjob(WatchEvent::InitDone(None));
    tracker.on_job(WatchEvent::InitDone(None));
    assert!(!index.is_synced());
    tracker.on_pod(WatchEvent::InitDone(None));
    assert!(index.is_synced());
}

#[test]
fn a_job_deleted_while_running_closes_its_run_once_as_deleted() {
    let (mut tracker, _) = tracker();
    tracker.on_job(WatchEvent::Apply(job_view(running_status())));
    let steps = tracker.on_job(WatchEvent::Delete(job_view(running_status())));
    let closed = executions(&steps);
    assert_eq!(closed.len(), 1);
    assert_eq!(closed[0].outcome, Outcome::Failed);
    assert_eq!(closed[0].reason.as_deref(), Some(JOB_DELETED));
    assert_eq!(closed[0].completed_at, Some(FixedClock.now()));
    let started: Timestamp = "2025-01-01T02:00:05Z".parse().expect("valid time");
    assert_eq!(closed[0].started_at, started);
    assert!(
        tracker
            .on_job(WatchEvent::Delete(job_view(running_status())))
            .is_empty(),
        "a repeated deletion records nothing more"
    );
}

#[test]
fn a_finished_job_deleted_by_history_clean_up_keeps_its_own_outcome() {
    let (mut deleted, _) = tracker();
    let (mut relisted, _) = tracker();
    for watch in [&mut deleted, &mut relisted] {
        let first = watch.on_job(WatchEvent::Apply(job_view(complete_status(0))));
        assert_eq!(executions(&first)[0].outcome, Outcome::Succeeded);
    }
    let steps = deleted.on_job(WatchEvent::Delete(job_view(complete_status(0))));
    assert!(
        executions(&steps).is_empty(),
        "already recorded as succeeded: {steps:?}"
    );
    relisted.on_job(WatchEvent::Init(None));
    assert!(relisted.on_job(WatchEvent::InitDone(None)).is_empty());
}

#[test]
fn a_running_job_missing_from_a_relist_is_closed_as_deleted() {
    let (mut tracker, index) = tracker();
    tracker.on_job(WatchEvent::Apply(job_view(running_status())));
    tracker.on_job(WatchEvent::Init(None));
    let steps = tracker.on_job(WatchEvent::InitDone(None));
    let closed = executions(&steps);
    assert_eq!(closed.len(), 1, "{steps:?}");
    assert_eq!(closed[0].outcome, Outcome::Failed);
    assert_eq!(closed[0].reason.as_deref(), Some(JOB_DELETED));
    assert!(index.job(&ObjectKey::new("ops", JOB)).is_none());
    tracker.on_job(WatchEvent::Init(None));
    assert!(tracker.on_job(WatchEvent::InitDone(None)).is_empty());
}

#[test]
fn a_failed_job_deleted_while_its_context_is_fetched_is_left_to_the_fetch() {
    let (mut tracker, _) = tracker();
    let failed = job_view(failed_status("BackoffLimitExceeded", 1));
    assert_eq!(
        fetches(&tracker.on_job(WatchEvent::Apply(failed.clone()))).len(),
        1
    );
    assert!(tracker.on_job(WatchEvent::Delete(failed)).is_empty());
}
