//! Test data builders: plain domain values with readable defaults.

use guardian_core::{
    AlertRecord, AlertState, CronJobRecord, CronJobRef, Execution, Outcome, Severity,
};
use jiff::{SignedDuration, Timestamp};

/// `seconds` after the epoch (all test times are small and valid).
pub fn at(seconds: i64) -> Timestamp {
    Timestamp::UNIX_EPOCH + SignedDuration::from_secs(seconds)
}

pub fn backup() -> CronJobRef {
    CronJobRef::new("ops", "backup")
}

/// A running execution of `cronjob` for Job UID `uid`, started at `started` seconds.
pub fn running(cronjob: &CronJobRef, uid: &str, started: i64) -> Execution {
    Execution {
        job_uid: uid.to_owned(),
        job_name: format!("{}-{uid}", cronjob.name),
        cronjob: cronjob.clone(),
        cronjob_uid: Some(format!("{}-uid", cronjob.name)),
        started_at: at(started),
        completed_at: None,
        outcome: Outcome::Running,
        exit_code: None,
        reason: None,
        logs: None,
        events: vec![],
        retries: 0,
        manual: false,
    }
}

/// The same run, finished `took` seconds after it started.
pub fn finished(run: &Execution, outcome: Outcome, took: i64) -> Execution {
    let failed = outcome == Outcome::Failed;
    Execution {
        completed_at: Some(run.started_at + SignedDuration::from_secs(took)),
        outcome,
        exit_code: Some(if failed { 1 } else { 0 }),
        reason: failed.then(|| "Error".to_owned()),
        logs: failed.then(|| "connection refused".to_owned()),
        events: vec!["Created: created pod".to_owned()],
        ..run.clone()
    }
}

pub fn cronjob_record(cronjob: &CronJobRef, seen: i64) -> CronJobRecord {
    CronJobRecord {
        cronjob: cronjob.clone(),
        uid: format!("{}-uid", cronjob.name),
        schedule: "*/5 * * * *".to_owned(),
        time_zone: Some("Europe/Berlin".to_owned()),
        suspended: false,
        first_seen_at: at(seen),
        last_seen_at: at(seen),
        deleted_at: None,
    }
}

pub fn alert(key: &str, cronjob: &CronJobRef, severity: Severity) -> AlertRecord {
    AlertRecord {
        key: key.to_owned(),
        kind: "jobFailed".to_owned(),
        severity,
        state: AlertState::Firing,
        cronjob: cronjob.clone(),
        monitor: Some(CronJobRef::new(cronjob.namespace.clone(), "monitor")),
        title: "Job failed".to_owned(),
        message: "backup failed with \"exit 1\"\nsee logs".to_owned(),
        since: at(500),
        last_notified: Some(at(501)),
        resolved_at: None,
        exit_code: Some(1),
        reason: Some("Error".to_owned()),
        suggested_fix: None,
        acknowledged: None,
        silenced: None,
    }
}
