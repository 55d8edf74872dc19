//! The writer against a real (SQLite) store: what bursts of updates leave in the
//! executions table and the outbox.

use std::sync::Arc;

use guardian_core::{Change, Outcome, Sequence, SystemClock};
use guardian_store::{Backend, StoreConfig};
use tempfile::TempDir;

use super::*;
use crate::leadership;
use crate::writer::fixtures::{running, succeeded};

struct Fixture {
    store: Store,
    writer: Writer,
    _dir: TempDir,
}

async fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let config = StoreConfig::new(Backend::Sqlite {
        path: dir.path().join("guardian.db"),
    });
    let store = Store::connect(&config).await.expect("the store opens");
    let epoch = store.acquire_epoch().await.expect("an epoch");
    let (leadership_tx, leadership) = leadership::channel();
    leadership_tx.lead(epoch);
    let writer = Writer::new(store.clone(), leadership, epoch, Arc::new(SystemClock));
    Fixture {
        store,
        writer,
        _dir: dir,
    }
}

/// Queues `updates`, closes the channel, and lets the writer write them all.
async fn write_all(writer: &Writer, updates: Vec<Update>) {
    let (sender, mut receiver) = mpsc::channel(updates.len().max(1));
    for update in updates {
        sender.try_send(update).expect("the channel has room");
    }
    drop(sender);
    let stopped = writer.run(&mut receiver, &CancellationToken::new()).await;
    assert!(matches!(stopped, WriterStopped::Closed), "{stopped:?}");
}

async fn execution_events(store: &Store) -> Vec<Execution> {
    let events = store
        .events_after(Sequence(0), 10_000)
        .await
        .expect("outbox read");
    events
        .into_iter()
        .filter_map(|event| match event.change {
            Change::Execution(execution) => Some(execution),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn a_burst_of_started_and_finished_jobs_writes_each_job_once_finished() {
    let fixture = fixture().await;
    let uids: Vec<String> = (0..60).map(|n| format!("uid-{n}")).collect();
    let mut updates: Vec<Update> = uids
        .iter()
        .map(|uid| Update::Execution(running(uid)))
        .collect();
    updates.extend(uids.iter().map(|uid| Update::Execution(succeeded(uid))));

    write_all(&fixture.writer, updates).await;

    for uid in &uids {
        let stored = fixture.store.get_execution_by_uid(uid).await;
        let stored = stored.expect("read").expect("one row per Job");
        assert_eq!(stored.execution, succeeded(uid));
    }
    let events = execution_events(&fixture.store).await;
    let finished: Vec<Execution> = uids.iter().map(|uid| succeeded(uid)).collect();
    assert_eq!(
        events, finished,
        "one finished event per Job, in arrival order"
    );
}

#[tokio::test]
async fn a_run_finished_in_a_later_batch_updates_its_row_and_emits_both_states() {
    let fixture = fixture().await;
    write_all(&fixture.writer, vec![Update::Execution(running("a"))]).await;
    write_all(&fixture.writer, vec![Update::Execution(succeeded("a"))]).await;

    let stored = fixture.store.get_execution_by_uid("a").await;
    assert_eq!(
        stored.expect("read").map(|stored| stored.execution),
        Some(succeeded("a"))
    );
    let outcomes: Vec<Outcome> = execution_events(&fixture.store)
        .await
        .iter()
        .map(|execution| execution.outcome)
        .collect();
    assert_eq!(outcomes, vec![Outcome::Running, Outcome::Succeeded]);
}

#[tokio::test]
async fn a_stale_running_replay_after_the_finish_changes_nothing() {
    let fixture = fixture().await;
    write_all(&fixture.writer, vec![Update::Execution(succeeded("a"))]).await;
    let replay = vec![
        Update::Execution(running("a")),
        Update::Execution(succeeded("a")),
        Update::Execution(running("a")),
    ];
    write_all(&fixture.writer, replay).await;

    let stored = fixture.store.get_execution_by_uid("a").await;
    assert_eq!(
        stored.expect("read").map(|stored| stored.execution),
        Some(succeeded("a"))
    );
    assert_eq!(execution_events(&fixture.store).await, vec![succeeded("a")]);
}

fn queued(uids: &[&str]) -> (mpsc::Sender<Update>, mpsc::Receiver<Update>) {
    let (sender, receiver) = mpsc::channel(16);
    for uid in uids {
        let update = Update::Execution(running(uid));
        sender.try_send(update).expect("the channel has room");
    }
    (sender, receiver)
}

#[tokio::test]
async fn a_filling_batch_stops_at_its_limit_and_leaves_the_rest_queued() {
    let (_sender, mut receiver) = queued(&["a", "b", "c", "d", "e"]);
    let mut batch = Coalesced::new(3);
    fill(&mut batch, &mut receiver).await;
    assert_eq!(batch.len(), 3);
    assert_eq!(receiver.len(), 2, "the rest waits for the next batch");
}

#[tokio::test]
async fn a_filling_batch_takes_everything_sent_before_the_channel_closed() {
    let (sender, mut receiver) = queued(&["a", "b", "a", "c"]);
    drop(sender);
    let mut batch = Coalesced::new(BATCH);
    fill(&mut batch, &mut receiver).await;
    assert_eq!((batch.received(), batch.len()), (4, 3));
}
