//! Fencing: a deposed leader's transaction is refused whole; one leader's concurrent
//! writers are serialised into strictly ordered, gap-free sequences.

use std::collections::BTreeSet;

use anyhow::{Result, anyhow};
use guardian_core::{Change, Epoch, Sequence};
use guardian_store::{ExecutionFilter, StoreError};

use crate::data::{backup, running};
use crate::fixture::Fixture;

pub async fn a_deposed_leader_cannot_write_after_a_newer_epoch(fixture: &Fixture) -> Result<()> {
    let old_leader = &fixture.store;
    let new_leader = fixture.second_store().await?;
    let old_epoch = old_leader.acquire_epoch().await?;

    // A transaction the old leader opened before the takeover commits first: the
    // takeover waits on the control row (PostgreSQL) or write lock (SQLite).
    let mut in_flight = old_leader.begin_fenced(old_epoch).await?;
    in_flight
        .record_execution(&running(&backup(), "before", 1))
        .await?;
    let takeover = tokio::spawn(async move {
        new_leader
            .acquire_epoch()
            .await
            .map(|epoch| (new_leader, epoch))
    });
    let committed = in_flight.commit().await?;
    let (new_leader, new_epoch) = takeover.await??;
    assert!(new_epoch > old_epoch, "epochs strictly increase");
    assert_eq!(committed[0].epoch, old_epoch);

    let refused = old_leader.begin_fenced(old_epoch).await;
    match refused {
        Err(ref error @ StoreError::Fenced { ours, current }) => {
            assert_eq!((ours, current), (old_epoch, new_epoch));
            assert!(error.certainly_aborted());
        }
        other => return Err(anyhow!("expected Fenced, got {other:?}")),
    }
    // A made-up future epoch is refused too: only acquire_epoch hands them out.
    let invented = Epoch(new_epoch.0 + 5);
    assert!(matches!(
        old_leader.begin_fenced(invented).await,
        Err(StoreError::Fenced { .. })
    ));

    let before = old_leader.last_sequence().await?;
    let mut tx = new_leader.begin_fenced(new_epoch).await?;
    tx.record_execution(&running(&backup(), "after", 2)).await?;
    let events = tx.commit().await?;
    assert_eq!(events[0].epoch, new_epoch);
    assert_eq!(
        events[0].sequence,
        Sequence(before.0 + 1),
        "refusals consumed no sequence"
    );
    let total = old_leader
        .list_executions(&backup(), &ExecutionFilter::default())
        .await?
        .total;
    assert_eq!(total, 2, "the refused leader wrote nothing");
    Ok(())
}

pub async fn concurrent_fenced_writers_commit_in_sequence_order(fixture: &Fixture) -> Result<()> {
    const WRITERS: usize = 8;
    const TXS_PER_WRITER: usize = 10;
    const RUNS_PER_TX: usize = 3;
    let epoch = fixture.store.acquire_epoch().await?;
    let mut tasks = Vec::new();
    for writer in 0..WRITERS {
        let store = fixture.store.clone();
        tasks.push(tokio::spawn(async move {
            let mut committed = Vec::new();
            for round in 0..TXS_PER_WRITER {
                let mut tx = store.begin_fenced(epoch).await?;
                for run in 0..RUNS_PER_TX {
                    let uid = format!("w{writer}-r{round}-{run}");
                    tx.record_execution(&running(&backup(), &uid, 1)).await?;
                }
                committed.push(tx.commit().await?);
            }
            Ok::<_, StoreError>(committed)
        }));
    }
    let mut transactions = Vec::new();
    for task in tasks {
        transactions.extend(task.await??);
    }

    let total = WRITERS * TXS_PER_WRITER * RUNS_PER_TX;
    let sequences: BTreeSet<i64> = transactions
        .iter()
        .flatten()
        .map(|event| event.sequence.0)
        .collect();
    assert_eq!(sequences.len(), total, "no sequence handed out twice");
    assert_eq!(
        sequences.iter().copied().collect::<Vec<_>>(),
        (1..=total as i64).collect::<Vec<_>>(),
        "gap-free"
    );
    for events in &transactions {
        let block: Vec<i64> = events.iter().map(|event| event.sequence.0).collect();
        assert!(
            block.windows(2).all(|pair| pair[1] == pair[0] + 1),
            "a transaction's events are contiguous"
        );
    }

    let tailed = fixture.store.events_after(Sequence(0), 1000).await?;
    assert_eq!(tailed.len(), total);
    let committed: Vec<_> = {
        let mut all: Vec<_> = transactions.into_iter().flatten().collect();
        all.sort_by_key(|event| event.sequence);
        all
    };
    assert_eq!(
        tailed, committed,
        "what tailers read is exactly what was committed, in order"
    );
    assert!(
        tailed
            .iter()
            .all(|event| matches!(event.change, Change::Execution(_)) && event.epoch == epoch)
    );
    assert_eq!(fixture.store.last_sequence().await?, Sequence(total as i64));
    Ok(())
}

/// A leader whose claim ran out (frozen past its renew deadline) abandons the
/// transaction it has open instead of committing it late, and opens no other.
pub async fn a_lapsed_claim_abandons_the_open_transaction(fixture: &Fixture) -> Result<()> {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    let claim = Arc::new(AtomicBool::new(true));
    let store = fixture.store.clone().with_commit_guard({
        let claim = claim.clone();
        move || claim.load(Ordering::SeqCst)
    });
    let epoch = store.acquire_epoch().await?;
    let mut tx = store.begin_fenced(epoch).await?;
    tx.record_execution(&running(&backup(), "late", 1)).await?;
    claim.store(false, Ordering::SeqCst);
    match tx.commit().await {
        Err(ref error @ StoreError::LeaseLapsed { ours }) => {
            assert_eq!(ours, epoch);
            assert!(error.ends_leadership() && error.certainly_aborted());
        }
        other => return Err(anyhow!("a lapsed claim committed: {other:?}")),
    }
    let refused = store.begin_fenced(epoch).await.err();
    assert!(
        matches!(refused, Some(StoreError::LeaseLapsed { .. })),
        "{refused:?}"
    );
    let total = store
        .list_executions(&backup(), &ExecutionFilter::default())
        .await?
        .total;
    assert_eq!(total, 0, "nothing of the abandoned transaction was written");
    // The epoch is untouched: the same leader writes again once its claim holds.
    claim.store(true, Ordering::SeqCst);
    let mut tx = store.begin_fenced(epoch).await?;
    tx.record_execution(&running(&backup(), "renewed", 2))
        .await?;
    tx.commit().await?;
    Ok(())
}

/// A leader frozen (or cut off) inside a fenced transaction holds the control row.
/// The next leader ends that session instead of waiting for it, and the frozen
/// transaction can no longer commit. (Server back-ends only: SQLite has one process.)
pub async fn a_new_leader_ends_a_frozen_leaders_open_transaction(fixture: &Fixture) -> Result<()> {
    let old_leader = &fixture.store;
    let new_leader = fixture.second_store().await?;
    let old_epoch = old_leader.acquire_epoch_for("http://old").await?;
    let mut frozen = old_leader.begin_fenced(old_epoch).await?;
    frozen
        .record_execution(&running(&backup(), "frozen", 1))
        .await?;
    // InnoDB serves `information_schema.INNODB_TRX` from a cache refreshed at most
    // every 100 ms, and the old leader's epoch call just read it: let it age, as any
    // real freeze (past a whole lease) does.
    tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    // Bounded by the store, not by the frozen session (whose server-side idle
    // timeout is 60 s): well inside this guard.
    let new_epoch = tokio::time::timeout(
        std::time::Duration::from_secs(30),
        new_leader.acquire_epoch_for("http://new"),
    )
    .await
    .map_err(|_| anyhow!("the new leader waited on the frozen transaction"))??;
    assert!(new_epoch > old_epoch);
    let late = frozen.commit().await;
    assert!(
        late.is_err(),
        "the frozen transaction committed late: {late:?}"
    );
    let total = new_leader
        .list_executions(&backup(), &ExecutionFilter::default())
        .await?
        .total;
    assert_eq!(total, 0, "nothing of the frozen transaction was written");
    let endpoint = new_leader.leader_endpoint().await?;
    assert_eq!(endpoint.map(|e| e.address).as_deref(), Some("http://new"));
    Ok(())
}
