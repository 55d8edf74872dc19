//! The transactional outbox: events commit with their data, rolled-back transactions
//! leave neither data nor events, and sequences have no gaps.

use anyhow::Result;
use guardian_core::{Change, Outcome, Sequence, Severity};
use guardian_store::{ExecutionFilter, StoreError};

use crate::data::{alert, backup, cronjob_record, finished, running};
use crate::fixture::Fixture;

pub async fn outbox_is_gap_free_and_matches_committed_changes(fixture: &Fixture) -> Result<()> {
    let store = &fixture.store;
    let epoch = store.acquire_epoch().await?;
    let run = running(&backup(), "uid-1", 1_000);
    let mut committed = Vec::new();

    let mut tx = store.begin_fenced(epoch).await?;
    tx.upsert_cronjob(&cronjob_record(&backup(), 900)).await?;
    tx.record_execution(&run).await?;
    assert_eq!(
        tx.pending_events().len(),
        2,
        "events are queued as changes happen"
    );
    committed.extend(tx.commit().await?);

    // Dropped without commit: rolled back, data and events alike.
    let mut abandoned = store.begin_fenced(epoch).await?;
    abandoned
        .record_execution(&running(&backup(), "ghost", 1_100))
        .await?;
    drop(abandoned);
    // Rolled back explicitly.
    let mut rolled_back = store.begin_fenced(epoch).await?;
    rolled_back
        .upsert_alert(&alert("ghost-alert", &backup(), Severity::Info))
        .await?;
    rolled_back.rollback().await?;
    // Failed on a database constraint: the transaction can only be dropped.
    let mut failed = store.begin_fenced(epoch).await?;
    failed
        .record_execution(&running(&backup(), "ghost-2", 1_200))
        .await?;
    let negative = guardian_core::Execution {
        retries: -1,
        ..running(&backup(), "bad", 1_300)
    };
    assert!(failed.record_execution(&negative).await.is_err());
    assert!(matches!(failed.commit().await, Err(StoreError::TxAborted)));

    let mut tx = store.begin_fenced(epoch).await?;
    tx.record_execution(&finished(&run, Outcome::Succeeded, 20))
        .await?;
    tx.upsert_alert(&alert(
        "ops/backup/jobFailed",
        &backup(),
        Severity::Critical,
    ))
    .await?;
    tx.delete_history(&backup()).await?;
    committed.extend(tx.commit().await?);

    let all = store.events_after(Sequence(0), 100).await?;
    assert_eq!(
        all, committed,
        "the outbox holds exactly the committed events"
    );
    let sequences: Vec<i64> = all.iter().map(|event| event.sequence.0).collect();
    assert_eq!(
        sequences,
        vec![1, 2, 3, 4, 5],
        "no gap where transactions rolled back"
    );
    assert!(matches!(
        &all[4].change,
        Change::HistoryDeleted {
            executions_deleted: 1,
            ..
        }
    ));
    assert_eq!(
        store.events_after(Sequence(2), 2).await?,
        committed[2..4].to_vec(),
        "resume mid-stream"
    );
    assert!(store.events_after(Sequence(5), 10).await?.is_empty());
    assert_eq!(store.last_sequence().await?, Sequence(5));
    assert!(store.get_execution_by_uid("ghost").await?.is_none());
    assert!(store.get_execution_by_uid("ghost-2").await?.is_none());
    assert!(store.get_alert("ghost-alert").await?.is_none());
    assert_eq!(
        store
            .list_executions(&backup(), &ExecutionFilter::default())
            .await?
            .total,
        0
    );
    Ok(())
}

/// A reader tailing the outbox while writers commit (from two stores, as two replicas
/// would) never sees a sequence before all lower ones are visible: sequence order is
/// commit order, so a cursor can never skip an event that commits later.
pub async fn a_tailer_never_sees_a_gap_while_writers_commit(fixture: &Fixture) -> Result<()> {
    const WRITERS: usize = 4;
    const TXS_PER_WRITER: usize = 15;
    let epoch = fixture.store.acquire_epoch().await?;
    let stores = [fixture.store.clone(), fixture.second_store().await?];
    let mut writers = Vec::new();
    for writer in 0..WRITERS {
        let store = stores[writer % stores.len()].clone();
        writers.push(tokio::spawn(async move {
            for round in 0..TXS_PER_WRITER {
                let mut tx = store.begin_fenced(epoch).await?;
                for run in 0..2 {
                    let uid = format!("tail-w{writer}-r{round}-{run}");
                    tx.record_execution(&running(&backup(), &uid, 1)).await?;
                }
                tx.commit().await?;
            }
            Ok::<_, StoreError>(())
        }));
    }
    let total = (WRITERS * TXS_PER_WRITER * 2) as i64;
    let tailer = stores[1].clone();
    let mut cursor = Sequence(0);
    while cursor.0 < total {
        for event in tailer.events_after(cursor, 7).await? {
            assert_eq!(
                event.sequence.0,
                cursor.0 + 1,
                "the tailer saw {} right after {}",
                event.sequence.0,
                cursor.0
            );
            cursor = event.sequence;
        }
        tokio::task::yield_now().await;
    }
    for writer in writers {
        writer.await??;
    }
    assert_eq!(tailer.last_sequence().await?, Sequence(total));
    Ok(())
}
