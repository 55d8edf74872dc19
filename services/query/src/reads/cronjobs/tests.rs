//! Health, schedule and summary rules of the CronJob views, on hand-built facts.

use guardian_core::{AlertState, Severity};

use super::*;

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_second(1_700_000_000 + seconds).expect("valid time")
}

fn execution(job: &str, started: i64, outcome: Outcome) -> Execution {
    Execution {
        job_uid: format!("uid-{job}"),
        job_name: job.into(),
        cronjob: CronJobRef::new("ops", "backup"),
        cronjob_uid: None,
        started_at: at(started),
        completed_at: (outcome != Outcome::Running).then(|| at(started + 30)),
        outcome,
        exit_code: None,
        reason: None,
        logs: None,
        events: Vec::new(),
        retries: 0,
        manual: false,
    }
}

fn alert(severity: Severity) -> AlertRecord {
    AlertRecord {
        key: "k".into(),
        kind: "jobFailed".into(),
        severity,
        state: AlertState::Firing,
        cronjob: CronJobRef::new("ops", "backup"),
        monitor: None,
        title: String::new(),
        message: String::new(),
        since: at(0),
        last_notified: None,
        resolved_at: None,
        exit_code: None,
        reason: None,
        suggested_fix: None,
        acknowledged: None,
        silenced: None,
    }
}

fn facts() -> CronJobFacts {
    let record = CronJobRecord {
        cronjob: CronJobRef::new("ops", "backup"),
        uid: "uid".into(),
        schedule: "*/10 * * * *".into(),
        time_zone: None,
        suspended: false,
        first_seen_at: at(0),
        last_seen_at: at(0),
        deleted_at: None,
    };
    CronJobFacts::new(
        record,
        RecentRuns::default(),
        RunCounts::default(),
        Vec::new(),
    )
}

#[test]
fn health_is_suspended_then_critical_then_warning_then_healthy() {
    let mut facts = facts();
    assert_eq!(facts.health(), HealthStatus::Healthy, "no runs, no alerts");
    facts.last_success = Some(execution("new", 600, Outcome::Succeeded));
    facts.last_failure = Some(execution("old", 0, Outcome::Failed));
    assert_eq!(
        facts.health(),
        HealthStatus::Healthy,
        "an older failure was fixed"
    );
    facts.last_failure = Some(execution("newer", 1200, Outcome::Failed));
    assert_eq!(
        facts.health(),
        HealthStatus::Warning,
        "the newest finished run failed"
    );
    facts.alerts.push(alert(Severity::Critical));
    assert_eq!(facts.health(), HealthStatus::Critical);
    facts.record.suspended = true;
    assert_eq!(facts.health(), HealthStatus::Suspended);
}

#[test]
fn next_run_walks_the_schedule_and_stops_while_suspended() {
    let mut facts = facts();
    facts.running.push(execution("now", 1800, Outcome::Running));
    assert_eq!(
        facts.last_execution().map(|run| run.job_name.as_str()),
        Some("now"),
        "a running job is the newest execution"
    );
    let next = facts.next_run(at(65)).expect("a next fire time");
    assert!(next > at(65) && next <= at(65 + 600), "{next}");
    facts.record.suspended = true;
    assert_eq!(facts.next_run(at(65)), None);
}

#[test]
fn summary_counts_health_and_cronjobs_with_running_jobs() {
    let mut running = facts();
    running.running.push(execution("now", 10, Outcome::Running));
    let mut suspended = facts();
    suspended.record.suspended = true;
    let summary = summarize(&[running, suspended, facts()]);
    assert_eq!(
        (
            summary.healthy,
            summary.suspended,
            summary.running,
            summary.warning
        ),
        (2, 1, 1, 0)
    );
}
