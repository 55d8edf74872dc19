use guardian_core::{CronJobRef, Outcome};
use jiff::{SignedDuration, Timestamp};
use serde_json::json;

use super::*;
use crate::fixtures::{
    CRONJOB, CRONJOB_UID, NAMESPACE, complete_status, failed_status, from, job, job_json, pod,
    running_status, terminated, waiting,
};

const JOB: &str = "backup-29000000";
const JOB_UID: &str = "job-uid-1";

fn at(text: &str) -> Timestamp {
    text.parse().expect("test timestamps are RFC 3339")
}

fn run(status: serde_json::Value, pods: &[PodSummary]) -> Execution {
    execution_from(&job(JOB, JOB_UID, status), pods, &[], None)
        .expect("the fixture Job is owned by a CronJob")
}

fn failed_pod(name: &str, started: &str, container: serde_json::Value) -> PodSummary {
    pod(
        name,
        JOB,
        JOB_UID,
        started,
        json!({"phase": "Failed", "containerStatuses": [container]}),
    )
}

#[test]
fn job_without_a_cronjob_owner_is_not_an_execution() {
    let mut plain = job_json(JOB, JOB_UID, running_status());
    plain["metadata"]["ownerReferences"] = json!([]);
    assert_eq!(execution_from(&from(plain), &[], &[], None), None);
}

#[test]
fn job_made_by_hand_from_a_cronjob_is_a_manual_execution() {
    let mut manual = job_json("backup-manual-x7", "job-uid-9", running_status());
    manual["metadata"]["annotations"] = json!({"cronjob.kubernetes.io/instantiate": "manual"});
    let execution =
        execution_from(&from(manual), &[], &[], None).expect("a manual run is recorded");
    assert!(execution.manual);
    assert_eq!(execution.cronjob, CronJobRef::new(NAMESPACE, CRONJOB));
    assert_eq!(execution.cronjob_uid.as_deref(), Some(CRONJOB_UID));
}

#[test]
fn manual_job_without_owner_takes_the_cronjob_name_from_its_marker() {
    let mut manual = job_json("backup-now", "job-uid-8", running_status());
    manual["metadata"]["ownerReferences"] = json!([]);
    manual["metadata"]["labels"] = json!({"cronjob.kubernetes.io/instantiate": "manual"});
    manual["metadata"]["annotations"] = json!({"guardian.illenium.net/cronjob": "nightly"});
    let execution =
        execution_from(&from(manual), &[], &[], None).expect("a manual run is recorded");
    assert_eq!(execution.cronjob, CronJobRef::new(NAMESPACE, "nightly"));
    assert_eq!(execution.cronjob_uid, None);
    assert!(execution.manual);
}

#[test]
fn scheduled_job_is_not_manual_and_keys_on_the_job_uid() {
    let execution = run(running_status(), &[]);
    assert!(!execution.manual);
    assert_eq!(execution.job_uid, JOB_UID);
    assert_eq!(execution.job_name, JOB);
}

#[test]
fn running_job_has_a_start_but_no_completion_exit_code_or_reason() {
    let crashing = pod(
        "p1",
        JOB,
        JOB_UID,
        "2025-01-01T02:00:06Z",
        json!({
            "containerStatuses": [waiting("main", "CrashLoopBackOff", Some(1))]
        }),
    );
    let execution = run(running_status(), &[crashing]);
    assert_eq!(execution.outcome, Outcome::Running);
    assert_eq!(execution.started_at, at("2025-01-01T02:00:05Z"));
    assert_eq!(execution.duration(), None);
    assert_eq!(
        (
            execution.completed_at,
            execution.exit_code,
            execution.reason
        ),
        (None, None, None)
    );
}

#[test]
fn start_falls_back_to_creation_when_the_job_has_no_start_time() {
    let execution = run(json!({}), &[]);
    assert_eq!(execution.started_at, at("2025-01-01T02:00:00Z"));
}

#[test]
fn success_after_a_failed_attempt_is_a_success_with_one_retry() {
    let first = failed_pod("p1", "2025-01-01T02:00:06Z", terminated("main", 1, "Error"));
    let second = pod(
        "p2",
        JOB,
        JOB_UID,
        "2025-01-01T02:00:30Z",
        json!({
            "phase": "Succeeded", "containerStatuses": [terminated("main", 0, "Completed")]
        }),
    );
    let execution = run(complete_status(1), &[first, second]);
    assert_eq!(execution.outcome, Outcome::Succeeded);
    assert_eq!(execution.retries, 1);
    assert_eq!(execution.exit_code, Some(0));
    assert_eq!(execution.reason, None);
    assert_eq!(execution.duration(), Some(SignedDuration::from_secs(60)));
}

#[test]
fn oom_killed_run_fails_with_exit_137_and_has_a_duration() {
    let oom = failed_pod(
        "p3",
        "2025-01-01T02:01:00Z",
        terminated("main", 137, "OOMKilled"),
    );
    let execution = run(failed_status("BackoffLimitExceeded", 3), &[oom]);
    assert_eq!(execution.outcome, Outcome::Failed);
    assert_eq!(execution.exit_code, Some(137));
    assert_eq!(execution.reason.as_deref(), Some("OOMKilled"));
    assert_eq!(execution.retries, 2);
    assert_eq!(execution.completed_at, Some(at("2025-01-01T02:03:05Z")));
    assert_eq!(execution.duration(), Some(SignedDuration::from_secs(180)));
}

#[test]
fn failure_without_any_pod_reports_the_job_reason() {
    let execution = run(failed_status("BackoffLimitExceeded", 3), &[]);
    assert_eq!(execution.reason.as_deref(), Some("BackoffLimitExceeded"));
    assert_eq!(execution.exit_code, None);
    assert!(execution.completed_at.is_some());
}

#[test]
fn deadline_outranks_the_termination_it_caused() {
    let killed = failed_pod(
        "p1",
        "2025-01-01T02:00:06Z",
        terminated("main", 143, "Error"),
    );
    let execution = run(failed_status("DeadlineExceeded", 1), &[killed]);
    assert_eq!(execution.reason.as_deref(), Some("DeadlineExceeded"));
    assert_eq!(execution.exit_code, Some(143));
}

#[test]
fn image_pull_failure_explains_a_run_that_hit_its_deadline() {
    let stuck = pod(
        "p1",
        JOB,
        JOB_UID,
        "2025-01-01T02:00:06Z",
        json!({
            "phase": "Pending", "containerStatuses": [waiting("main", "ImagePullBackOff", None)]
        }),
    );
    let execution = run(failed_status("DeadlineExceeded", 1), &[stuck]);
    assert_eq!(execution.reason.as_deref(), Some("ImagePullBackOff"));
    assert_eq!(execution.exit_code, None);
}

#[test]
fn crash_loop_reports_its_reason_and_the_previous_exit_code() {
    let looping = pod(
        "p1",
        JOB,
        JOB_UID,
        "2025-01-01T02:00:06Z",
        json!({
            "containerStatuses": [waiting("main", "CrashLoopBackOff", Some(3))]
        }),
    );
    let execution = run(failed_status("BackoffLimitExceeded", 1), &[looping]);
    assert_eq!(execution.reason.as_deref(), Some("CrashLoopBackOff"));
    assert_eq!(execution.exit_code, Some(3));
    assert_eq!(execution.retries, 3, "container restarts are retries");
}

#[test]
fn failing_init_container_is_blamed_before_the_waiting_main_container() {
    let blocked = pod(
        "p1",
        JOB,
        JOB_UID,
        "2025-01-01T02:00:06Z",
        json!({
            "phase": "Failed",
            "initContainerStatuses": [terminated("migrate", 2, "Error")],
            "containerStatuses": [waiting("main", "PodInitializing", None)]
        }),
    );
    let execution = run(failed_status("BackoffLimitExceeded", 1), &[blocked]);
    assert_eq!(
        (execution.exit_code, execution.reason.as_deref()),
        (Some(2), Some("Error"))
    );
}

#[test]
fn config_error_in_a_pending_pod_is_the_reason() {
    let misconfigured = pod(
        "p1",
        JOB,
        JOB_UID,
        "2025-01-01T02:00:06Z",
        json!({
            "phase": "Pending", "containerStatuses": [waiting("main", "CreateContainerConfigError", None)]
        }),
    );
    let execution = run(failed_status("BackoffLimitExceeded", 1), &[misconfigured]);
    assert_eq!(
        execution.reason.as_deref(),
        Some("CreateContainerConfigError")
    );
}

#[test]
fn newest_attempt_decides_exit_code_and_reason() {
    let older = failed_pod(
        "p1",
        "2025-01-01T02:00:06Z",
        terminated("main", 137, "OOMKilled"),
    );
    let newer = failed_pod("p2", "2025-01-01T02:01:06Z", terminated("main", 1, "Error"));
    let execution = run(failed_status("BackoffLimitExceeded", 2), &[newer, older]);
    assert_eq!(
        (execution.exit_code, execution.reason.as_deref()),
        (Some(1), Some("Error"))
    );
}

#[test]
fn pods_of_another_job_are_ignored() {
    let stranger = pod(
        "x1",
        "other-job",
        "other-uid",
        "2025-01-01T02:00:06Z",
        json!({
            "phase": "Failed", "containerStatuses": [terminated("main", 137, "OOMKilled")]
        }),
    );
    let execution = run(failed_status("BackoffLimitExceeded", 1), &[stranger]);
    assert_eq!(execution.reason.as_deref(), Some("BackoffLimitExceeded"));
}

#[test]
fn interim_failure_target_alone_already_decides_failure() {
    let status = json!({"startTime": "2025-01-01T02:00:05Z", "failed": 1, "conditions": [
        {"type": "FailureTarget", "status": "True", "reason": "PodFailurePolicy",
         "lastTransitionTime": "2025-01-01T02:00:45Z"}
    ]});
    let execution = run(status, &[]);
    assert_eq!(execution.outcome, Outcome::Failed);
    assert_eq!(execution.reason.as_deref(), Some("PodFailurePolicy"));
    assert_eq!(execution.completed_at, Some(at("2025-01-01T02:00:45Z")));
}

#[test]
fn interim_success_criteria_met_decides_success_with_its_time() {
    let status = json!({"startTime": "2025-01-01T02:00:05Z", "succeeded": 1, "conditions": [
        {"type": "SuccessCriteriaMet", "status": "True", "lastTransitionTime": "2025-01-01T02:00:35Z"}
    ]});
    let execution = run(status, &[]);
    assert_eq!(execution.outcome, Outcome::Succeeded);
    assert_eq!(execution.completed_at, Some(at("2025-01-01T02:00:35Z")));
}

#[test]
fn conditions_that_are_not_true_decide_nothing() {
    let status = json!({"startTime": "2025-01-01T02:00:05Z", "conditions": [
        {"type": "Failed", "status": "False", "lastTransitionTime": "2025-01-01T02:00:45Z"}
    ]});
    assert_eq!(run(status, &[]).outcome, Outcome::Running);
}

#[test]
fn failed_job_without_condition_times_ends_at_its_last_container_finish() {
    let status = json!({"startTime": "2025-01-01T02:00:05Z", "failed": 1,
                        "conditions": [{"type": "Failed", "status": "True", "reason": "BackoffLimitExceeded"}]});
    let dead = failed_pod("p1", "2025-01-01T02:00:06Z", terminated("main", 1, "Error"));
    assert_eq!(
        run(status, &[dead]).completed_at,
        Some(at("2025-01-01T02:00:50Z"))
    );
}

#[test]
fn events_and_log_excerpt_are_carried_into_the_execution() {
    let events =
        vec!["BackoffLimitExceeded: Job has reached the specified backoff limit".to_owned()];
    let job = job(JOB, JOB_UID, failed_status("BackoffLimitExceeded", 1));
    let execution = execution_from(&job, &[], &events, Some("out of memory\n".into()))
        .expect("the fixture Job is owned by a CronJob");
    assert_eq!(execution.events, events);
    assert_eq!(execution.logs.as_deref(), Some("out of memory\n"));
}

#[test]
fn evicted_pod_without_container_state_gives_the_pod_reason() {
    let evicted = pod(
        "p1",
        JOB,
        JOB_UID,
        "2025-01-01T02:00:06Z",
        json!({"phase": "Failed", "reason": "Evicted"}),
    );
    let execution = run(failed_status("BackoffLimitExceeded", 1), &[evicted]);
    assert_eq!(execution.reason.as_deref(), Some("Evicted"));
}
