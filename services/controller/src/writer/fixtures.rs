//! Runs and CronJob records for the writer's tests.

use guardian_core::{CronJobRecord, CronJobRef, Execution, Outcome};
use jiff::Timestamp;

pub(super) fn at(second: i64) -> Timestamp {
    Timestamp::from_second(second).expect("a valid test timestamp")
}

/// A run of `ops/backup` that started and is still going.
pub(super) fn running(uid: &str) -> Execution {
    Execution {
        job_uid: uid.into(),
        job_name: format!("job-{uid}"),
        cronjob: CronJobRef::new("ops", "backup"),
        cronjob_uid: Some("cj-uid".into()),
        started_at: at(1_000),
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

/// The same run, finished successfully a minute later.
pub(super) fn succeeded(uid: &str) -> Execution {
    Execution {
        completed_at: Some(at(1_060)),
        outcome: Outcome::Succeeded,
        exit_code: Some(0),
        ..running(uid)
    }
}

pub(super) fn record(name: &str, first_seen: i64) -> CronJobRecord {
    CronJobRecord {
        cronjob: CronJobRef::new("ops", name),
        uid: format!("uid-{name}"),
        schedule: "*/5 * * * *".into(),
        time_zone: None,
        suspended: false,
        first_seen_at: at(first_seen),
        last_seen_at: at(first_seen),
        deleted_at: None,
    }
}
