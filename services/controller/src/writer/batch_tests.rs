use super::*;
use crate::writer::fixtures::{at, record, running, succeeded};

fn executions(updates: &[Update]) -> Vec<&Execution> {
    updates
        .iter()
        .filter_map(|update| match update {
            Update::Execution(execution) => Some(execution),
            _ => None,
        })
        .collect()
}

#[test]
fn running_then_finished_for_one_job_becomes_one_finished_write() {
    let mut batch = Coalesced::new(500);
    batch.push(Update::Execution(running("a")));
    batch.push(Update::Execution(succeeded("a")));
    assert_eq!((batch.len(), batch.received()), (1, 2));
    let updates = batch.into_updates(at(2_000));
    assert_eq!(executions(&updates), vec![&succeeded("a")]);
}

#[test]
fn an_older_running_state_never_replaces_a_finished_one() {
    let mut batch = Coalesced::new(500);
    batch.push(Update::Execution(succeeded("a")));
    batch.push(Update::Execution(running("a")));
    let updates = batch.into_updates(at(2_000));
    assert_eq!(executions(&updates), vec![&succeeded("a")]);
}

#[test]
fn distinct_jobs_stay_separate_in_first_seen_order() {
    let mut batch = Coalesced::new(500);
    for uid in ["a", "b", "c"] {
        batch.push(Update::Execution(running(uid)));
    }
    batch.push(Update::Execution(succeeded("b")));
    let updates = batch.into_updates(at(2_000));
    let expected = [running("a"), succeeded("b"), running("c")];
    assert_eq!(executions(&updates), expected.iter().collect::<Vec<_>>());
}

#[test]
fn a_later_sighting_of_a_cronjob_keeps_its_first_sighting() {
    let mut batch = Coalesced::new(500);
    batch.push(Update::CronJob(record("backup", 100)));
    let mut later = record("backup", 300);
    later.schedule = "0 * * * *".into();
    batch.push(Update::CronJob(later.clone()));
    let updates = batch.into_updates(at(2_000));
    let expected = CronJobRecord {
        first_seen_at: at(100),
        ..later
    };
    assert_eq!(updates, vec![Update::CronJob(expected)]);
}

#[test]
fn a_cronjob_seen_then_deleted_in_one_batch_is_written_deleted() {
    let mut batch = Coalesced::new(500);
    batch.push(Update::CronJob(record("backup", 100)));
    batch.push(Update::CronJobDeleted(CronJobRef::new("ops", "backup")));
    let updates = batch.into_updates(at(2_000));
    let expected = CronJobRecord {
        deleted_at: Some(at(2_000)),
        ..record("backup", 100)
    };
    assert_eq!(updates, vec![Update::CronJob(expected)]);
}

#[test]
fn a_deletion_of_an_unseen_cronjob_is_left_to_the_store() {
    let mut batch = Coalesced::new(500);
    let cronjob = CronJobRef::new("ops", "gone");
    batch.push(Update::CronJobDeleted(cronjob.clone()));
    batch.push(Update::CronJobDeleted(cronjob.clone()));
    assert_eq!(
        batch.into_updates(at(2_000)),
        vec![Update::CronJobDeleted(cronjob)]
    );
}

#[test]
fn a_cronjob_seen_again_after_its_deletion_is_present() {
    let mut batch = Coalesced::new(500);
    batch.push(Update::CronJobDeleted(CronJobRef::new("ops", "backup")));
    batch.push(Update::CronJob(record("backup", 100)));
    assert_eq!(
        batch.into_updates(at(2_000)),
        vec![Update::CronJob(record("backup", 100))]
    );
}

#[test]
fn a_batch_is_full_at_its_limit_of_distinct_writes() {
    let mut batch = Coalesced::new(3);
    batch.push(Update::Execution(running("a")));
    batch.push(Update::Execution(running("b")));
    assert!(!batch.is_full());
    batch.push(Update::Execution(running("c")));
    assert!(batch.is_full());
}

#[test]
fn repeats_of_one_job_fill_a_batch_too() {
    let mut batch = Coalesced::new(3);
    for _ in 0..3 * RECEIVED_PER_KEY {
        assert!(!batch.is_full());
        batch.push(Update::Execution(running("a")));
    }
    assert_eq!(batch.len(), 1);
    assert!(batch.is_full());
}
