//! How a replayed record combines with what is stored, so that recording is idempotent
//! per key whatever is replayed (the existing operator duplicated history on restart).
//!
//! Executions, per Job UID:
//! - stored **running**: the incoming record replaces it (progress, or running → finished),
//!   keeping stored optional details the incoming record lacks;
//! - stored **finished**: a finished row is final. Outcome and times never change; an
//!   incoming record may only fill details still empty (logs fetched later, an exit code),
//!   so a replay that lost its pod (no logs) never erases what was recorded;
//! - the caller writes (and emits an event) only when the result differs from the stored row.

use guardian_core::{CronJobRecord, Execution, Outcome};

/// The execution to store when `incoming` arrives for a stored `current` with the same UID.
pub fn execution(current: &Execution, incoming: &Execution) -> Execution {
    if current.outcome == Outcome::Running {
        fill_details(incoming.clone(), current)
    } else {
        fill_details(current.clone(), incoming)
    }
}

/// Fills `base`'s empty optional details from `other`.
fn fill_details(mut base: Execution, other: &Execution) -> Execution {
    base.cronjob_uid = base.cronjob_uid.or_else(|| other.cronjob_uid.clone());
    base.exit_code = base.exit_code.or(other.exit_code);
    base.reason = base.reason.or_else(|| other.reason.clone());
    base.logs = base.logs.or_else(|| other.logs.clone());
    if base.events.is_empty() {
        base.events = other.events.clone();
    }
    base.retries = base.retries.max(other.retries);
    base.manual = base.manual || other.manual;
    base
}

/// The CronJob record to store: `incoming` wins, but the same CronJob (same UID) keeps
/// the earliest `first_seen_at` ever recorded.
pub fn cronjob(current: &CronJobRecord, incoming: &CronJobRecord) -> CronJobRecord {
    let mut merged = incoming.clone();
    if current.uid == incoming.uid {
        merged.first_seen_at = current.first_seen_at.min(incoming.first_seen_at);
    }
    merged
}

#[cfg(test)]
mod tests {
    use guardian_core::CronJobRef;
    use jiff::Timestamp;

    use super::*;

    fn running() -> Execution {
        Execution {
            job_uid: "uid-1".into(),
            job_name: "backup-1".into(),
            cronjob: CronJobRef::new("ops", "backup"),
            cronjob_uid: Some("cj-uid".into()),
            started_at: Timestamp::from_second(1_000).unwrap_or(Timestamp::UNIX_EPOCH),
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

    fn failed() -> Execution {
        Execution {
            completed_at: Some(Timestamp::from_second(1_090).unwrap_or(Timestamp::UNIX_EPOCH)),
            outcome: Outcome::Failed,
            exit_code: Some(2),
            logs: Some("disk full".into()),
            retries: 1,
            ..running()
        }
    }

    #[test]
    fn a_running_row_becomes_finished() {
        let merged = execution(&running(), &failed());
        assert_eq!(merged, failed());
    }

    #[test]
    fn a_finished_row_never_goes_back_to_running() {
        assert_eq!(execution(&failed(), &running()), failed());
    }

    #[test]
    fn a_replay_without_logs_keeps_the_recorded_logs() {
        let replay = Execution {
            logs: None,
            ..failed()
        };
        assert_eq!(execution(&failed(), &replay), failed());
    }

    #[test]
    fn a_later_record_may_fill_missing_details_of_a_finished_row() {
        let bare = Execution {
            logs: None,
            reason: None,
            ..failed()
        };
        let enriched = Execution {
            reason: Some("OOMKilled".into()),
            ..failed()
        };
        let merged = execution(&bare, &enriched);
        assert_eq!(merged.reason.as_deref(), Some("OOMKilled"));
        assert_eq!(merged.logs.as_deref(), Some("disk full"));
        assert_eq!(merged.outcome, Outcome::Failed);
    }

    #[test]
    fn merging_is_idempotent() {
        let once = execution(&running(), &failed());
        assert_eq!(execution(&once, &failed()), once);
    }
}
