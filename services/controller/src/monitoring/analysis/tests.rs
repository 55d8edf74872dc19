//! The analysis on hand-made inputs: which kinds are present, and that a quiet
//! (suspended, paused) CronJob observes its other problems as absent.

use std::collections::BTreeMap;

use guardian_core::alerting::{Observation, kinds};
use guardian_core::deadman::Suspension;
use guardian_core::fixes::FailureContext;
use guardian_core::{CronJobRef, Execution, Outcome};
use guardian_kube::crd::CronJobMonitorSpec;
use guardian_kube::crd::convert::{MonitorPolicy, monitor_policy};
use guardian_kube::view::CronJobView;
use jiff::{SignedDuration, Timestamp};
use serde_json::json;

use super::*;

fn at(text: &str) -> Timestamp {
    text.parse().expect("valid timestamp")
}

fn policy(spec: serde_json::Value) -> MonitorPolicy {
    let spec: CronJobMonitorSpec = serde_json::from_value(spec).expect("spec decodes");
    monitor_policy(&spec, "ops").expect("valid spec")
}

fn view(suspend: bool) -> CronJobView {
    CronJobView {
        uid: "cj-1".into(),
        namespace: "ops".into(),
        name: "backup".into(),
        labels: BTreeMap::new(),
        schedule: "0 * * * *".into(),
        time_zone: None,
        suspend,
        last_schedule_time: None,
        last_successful_time: None,
        active_jobs: Vec::new(),
        generation: Some(1),
    }
}

fn run(
    uid: &str,
    started: &str,
    seconds: i64,
    outcome: Outcome,
    exit_code: Option<i32>,
) -> Execution {
    let started_at = at(started);
    Execution {
        job_uid: uid.into(),
        job_name: format!("backup-{uid}"),
        cronjob: CronJobRef::new("ops", "backup"),
        cronjob_uid: Some("cj-1".into()),
        started_at,
        completed_at: started_at
            .checked_add(SignedDuration::from_secs(seconds))
            .ok(),
        outcome,
        exit_code,
        reason: None,
        logs: None,
        events: Vec::new(),
        retries: 0,
        manual: false,
    }
}

struct Case {
    policy: MonitorPolicy,
    view: CronJobView,
    history: CronJobHistory,
    running: Vec<RunningJob>,
    suspension: Suspension,
    failure: Option<FailureContext>,
}

impl Case {
    fn new(spec: serde_json::Value, executions: &[Execution]) -> Self {
        let mut history = CronJobHistory::default();
        history.first_seen = Some(at("2025-03-01T00:00:00Z"));
        for execution in executions {
            history.record(execution);
        }
        Self {
            policy: policy(spec),
            view: view(false),
            history,
            running: Vec::new(),
            suspension: Suspension::default(),
            failure: None,
        }
    }

    fn present(&self, now: Timestamp) -> Vec<(String, Option<String>)> {
        let findings = self.findings(now);
        assert_eq!(findings.observations.len(), 7, "every kind is observed");
        findings
            .observations
            .into_iter()
            .filter_map(|(_, observation)| match observation {
                Observation::Present(problem) => Some((problem.kind, problem.suggested_fix)),
                Observation::Absent => None,
            })
            .collect()
    }

    fn findings(&self, now: Timestamp) -> Findings {
        let monitor = CronJobRef::new("ops", "watch");
        let figures = figures(&self.policy, &self.history, now);
        let subject = Subject {
            monitor: &monitor,
            policy: &self.policy,
            cronjob: &self.view,
            history: &self.history,
            running: &self.running,
            suspension: self.suspension,
            grace_until: None,
            figures: &figures,
            failure: self.failure.as_ref(),
        };
        analyze(&subject, now)
    }
}

#[test]
fn a_failed_latest_run_is_job_failed_with_a_suggested_fix() {
    let executions = [run(
        "1",
        "2025-03-02T10:00:00Z",
        30,
        Outcome::Failed,
        Some(137),
    )];
    let mut case = Case::new(json!({}), &executions);
    case.failure = Some(FailureContext::from_execution(&executions[0]));
    let present = case.present(at("2025-03-02T10:05:00Z"));
    let failed = present
        .iter()
        .find(|(kind, _)| kind == kinds::JOB_FAILED)
        .expect("jobFailed");
    assert!(
        failed.1.as_deref().is_some_and(|fix| fix.contains("137")),
        "{failed:?}"
    );
}

#[test]
fn a_success_after_a_failure_clears_job_failed() {
    let executions = [
        run("1", "2025-03-02T09:00:00Z", 30, Outcome::Failed, Some(1)),
        run("2", "2025-03-02T10:00:00Z", 30, Outcome::Succeeded, None),
    ];
    let present = Case::new(json!({}), &executions).present(at("2025-03-02T10:05:00Z"));
    assert!(
        present.iter().all(|(kind, _)| kind != kinds::JOB_FAILED),
        "{present:?}"
    );
}

#[test]
fn a_run_longer_than_max_duration_is_stuck_even_with_sla_off() {
    let spec = json!({"sla": {"enabled": false, "maxDuration": "10m"}});
    let mut case = Case::new(spec, &[]);
    case.running = vec![RunningJob {
        name: "backup-9".into(),
        started_at: at("2025-03-02T10:00:00Z"),
        pod_name: None,
        pod_phase: None,
        ready: None,
    }];
    let early = case.present(at("2025-03-02T10:09:00Z"));
    assert!(early.is_empty(), "{early:?}");
    let late = case.present(at("2025-03-02T10:11:00Z"));
    assert_eq!(late, vec![(kinds::STUCK_JOB.to_owned(), None)]);
}

#[test]
fn a_running_job_schedules_a_wake_up_for_when_it_turns_stuck() {
    let spec = json!({"deadManSwitch": {"enabled": false}, "sla": {"maxDuration": "10m"}});
    let mut case = Case::new(spec, &[]);
    case.running = vec![RunningJob {
        name: "backup-9".into(),
        started_at: at("2025-03-02T10:00:00Z"),
        pod_name: None,
        pod_phase: None,
        ready: None,
    }];
    let turns_stuck = at("2025-03-02T10:10:00.001Z");
    let before = case.findings(at("2025-03-02T10:03:00Z"));
    assert_eq!(
        before.recheck_at,
        Some(turns_stuck),
        "no dead-man check to wake for"
    );
    assert_eq!(
        case.present(turns_stuck),
        vec![(kinds::STUCK_JOB.to_owned(), None)],
        "stuck at the wake-up"
    );
}

#[test]
fn a_paused_suspended_cronjob_only_reports_how_long_it_is_suspended() {
    let spec = json!({
        "deadManSwitch": {"maxTimeSinceLastSuccess": "1h"},
        "suspendedHandling": {"alertIfSuspendedFor": "2h"},
    });
    let executions = [run(
        "1",
        "2025-03-02T00:00:00Z",
        30,
        Outcome::Failed,
        Some(1),
    )];
    let mut case = Case::new(spec, &executions);
    case.view = view(true);
    case.suspension = Suspension {
        suspended_since: Some(at("2025-03-02T01:00:00Z")),
        resumed_at: None,
    };
    assert!(case.present(at("2025-03-02T02:00:00Z")).is_empty());
    let long = case.present(at("2025-03-02T03:30:00Z"));
    assert_eq!(long, vec![(kinds::SUSPENDED_TOO_LONG.to_owned(), None)]);
}

#[test]
fn no_success_within_the_limit_trips_the_dead_man_switch_even_when_runs_fail() {
    let spec = json!({"deadManSwitch": {"maxTimeSinceLastSuccess": "2h"}});
    let executions = [
        run("1", "2025-03-02T00:00:00Z", 30, Outcome::Succeeded, None),
        run("2", "2025-03-02T01:00:00Z", 30, Outcome::Failed, Some(1)),
        run("3", "2025-03-02T02:00:00Z", 30, Outcome::Failed, Some(1)),
    ];
    let present = Case::new(spec, &executions).present(at("2025-03-02T02:10:00Z"));
    let kinds_present: Vec<&str> = present.iter().map(|(kind, _)| kind.as_str()).collect();
    assert!(
        kinds_present.contains(&kinds::DEAD_MAN_TRIGGERED),
        "{kinds_present:?}"
    );
    assert!(
        kinds_present.contains(&kinds::JOB_FAILED),
        "{kinds_present:?}"
    );
}
