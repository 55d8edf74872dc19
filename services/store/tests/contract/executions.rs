//! Executions: one row per Job UID whatever is replayed, listing in SQL, history deletion.

use anyhow::{Result, anyhow};
use guardian_core::sla::Sample;
use guardian_core::{Change, CronJobRef, Outcome};
use guardian_store::{ExecutionFilter, RecordOutcome};

use crate::data::{at, backup, finished, running};
use crate::fixture::Fixture;

pub async fn recording_is_idempotent_per_job_uid(fixture: &Fixture) -> Result<()> {
    let store = &fixture.store;
    let epoch = store.acquire_epoch().await?;
    let started = running(&backup(), "uid-1", 1_000);
    let done = finished(&started, Outcome::Failed, 90);

    let mut tx = store.begin_fenced(epoch).await?;
    let RecordOutcome::Inserted(id) = tx.record_execution(&started).await? else {
        return Err(anyhow!("first record must insert"));
    };
    assert_eq!(tx.commit().await?.len(), 1);

    let mut tx = store.begin_fenced(epoch).await?;
    assert_eq!(
        tx.record_execution(&started).await?,
        RecordOutcome::Unchanged(id)
    );
    assert!(
        tx.commit().await?.is_empty(),
        "an identical replay emits nothing"
    );

    let mut tx = store.begin_fenced(epoch).await?;
    assert_eq!(
        tx.record_execution(&done).await?,
        RecordOutcome::Updated(id)
    );
    let events = tx.commit().await?;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].change, Change::Execution(done.clone()));

    // Restart/failover replays: the finished run again, and a stale "running" snapshot.
    let mut tx = store.begin_fenced(epoch).await?;
    assert_eq!(
        tx.record_execution(&done).await?,
        RecordOutcome::Unchanged(id)
    );
    assert_eq!(
        tx.record_execution(&started).await?,
        RecordOutcome::Unchanged(id)
    );
    let without_logs = guardian_core::Execution {
        logs: None,
        ..done.clone()
    };
    assert_eq!(
        tx.record_execution(&without_logs).await?,
        RecordOutcome::Unchanged(id)
    );
    assert!(tx.commit().await?.is_empty());

    let page = store
        .list_executions(&backup(), &ExecutionFilter::default())
        .await?;
    assert_eq!(page.total, 1, "never a second row for one Job UID");
    assert_eq!(page.items[0].id, id);
    assert_eq!(page.items[0].execution, done, "stored exactly, logs kept");
    let by_uid = store
        .get_execution_by_uid("uid-1")
        .await?
        .ok_or_else(|| anyhow!("by uid"))?;
    assert_eq!(
        by_uid.execution.duration(),
        Some(jiff::SignedDuration::from_secs(90))
    );
    Ok(())
}

pub async fn a_batch_folds_duplicates_and_replays_write_nothing(fixture: &Fixture) -> Result<()> {
    let store = &fixture.store;
    let epoch = store.acquire_epoch().await?;
    // More than one multi-row chunk (1000), and one UID twice: running, then finished.
    let mut batch: Vec<_> = (0..2_500)
        .map(|n| {
            finished(
                &running(&backup(), &format!("uid-{n}"), 10 * n),
                Outcome::Succeeded,
                5,
            )
        })
        .collect();
    let first = running(&backup(), "uid-dup", 99_999);
    batch.insert(0, first.clone());
    batch.push(finished(&first, Outcome::Succeeded, 7));

    let mut tx = store.begin_fenced(epoch).await?;
    let outcomes = tx.record_executions(&batch).await?;
    let events = tx.commit().await?;
    assert_eq!(outcomes.len(), batch.len());
    assert!(matches!(outcomes[0], RecordOutcome::Inserted(_)));
    assert_eq!(
        outcomes.last().copied(),
        Some(RecordOutcome::Updated(outcomes[0].id()))
    );
    assert_eq!(
        events.len(),
        batch.len(),
        "one event per state change, in input order"
    );
    assert_eq!(
        events.last().map(|event| &event.change),
        Some(&Change::Execution(batch[2_501].clone()))
    );
    let mut ids: Vec<i64> = outcomes.iter().map(|outcome| outcome.id()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 2_501, "distinct ids per Job UID");

    let mut tx = store.begin_fenced(epoch).await?;
    let replay = tx.record_executions(&batch).await?;
    assert!(
        replay
            .iter()
            .all(|outcome| matches!(outcome, RecordOutcome::Unchanged(_)))
    );
    assert!(tx.commit().await?.is_empty());
    let total = store
        .list_executions(&backup(), &ExecutionFilter::default())
        .await?
        .total;
    assert_eq!(total, 2_501);
    let dup = store
        .get_execution_by_uid("uid-dup")
        .await?
        .ok_or_else(|| anyhow!("uid-dup"))?;
    assert_eq!(
        dup.execution.outcome,
        Outcome::Succeeded,
        "the batch's final state was stored"
    );
    Ok(())
}

pub async fn listing_filters_and_pages_in_the_database(fixture: &Fixture) -> Result<()> {
    let store = &fixture.store;
    let other = CronJobRef::new("ops", "report");
    let mut batch = Vec::new();
    for n in 0..30 {
        let outcome = if n % 2 == 0 {
            Outcome::Succeeded
        } else {
            Outcome::Failed
        };
        batch.push(finished(
            &running(&backup(), &format!("b-{n}"), 1_000 + 60 * n),
            outcome,
            30,
        ));
    }
    for n in 0..5 {
        batch.push(running(&other, &format!("r-{n}"), 1_000 + n));
    }
    let epoch = store.acquire_epoch().await?;
    let mut tx = store.begin_fenced(epoch).await?;
    tx.record_executions(&batch).await?;
    tx.commit().await?;

    let first = store
        .list_executions(
            &backup(),
            &ExecutionFilter {
                limit: 10,
                ..Default::default()
            },
        )
        .await?;
    assert_eq!((first.items.len(), first.total), (10, 30));
    let starts: Vec<_> = first
        .items
        .iter()
        .map(|item| item.execution.started_at)
        .collect();
    assert_eq!(starts[0], at(1_000 + 60 * 29), "newest first");
    assert!(starts.windows(2).all(|pair| pair[0] > pair[1]));
    let tail = ExecutionFilter {
        limit: 10,
        offset: 25,
        ..Default::default()
    };
    let last = store.list_executions(&backup(), &tail).await?;
    assert_eq!((last.items.len(), last.total), (5, 30));
    assert_eq!(last.items[4].execution.started_at, at(1_000));

    let failed = ExecutionFilter {
        status: Some(Outcome::Failed),
        limit: 100,
        ..Default::default()
    };
    let failed = store.list_executions(&backup(), &failed).await?;
    assert_eq!(failed.total, 15);
    assert!(
        failed
            .items
            .iter()
            .all(|item| item.execution.outcome == Outcome::Failed)
    );
    let recent = ExecutionFilter {
        since: Some(at(1_000 + 60 * 20)),
        ..Default::default()
    };
    assert_eq!(store.list_executions(&backup(), &recent).await?.total, 10);
    let running_only = ExecutionFilter {
        status: Some(Outcome::Running),
        ..Default::default()
    };
    assert_eq!(store.list_executions(&other, &running_only).await?.total, 5);
    assert_eq!(
        store.list_executions(&backup(), &running_only).await?.total,
        0
    );

    let job = store
        .get_execution(&backup(), "backup-b-7")
        .await?
        .ok_or_else(|| anyhow!("b-7"))?;
    assert_eq!(job.execution.job_uid, "b-7");
    assert!(
        store.get_execution(&other, "backup-b-7").await?.is_none(),
        "scoped to the cronjob"
    );
    Ok(())
}

pub async fn deleting_history_removes_only_that_cronjob(fixture: &Fixture) -> Result<()> {
    let store = &fixture.store;
    let other = CronJobRef::new("ops", "report");
    let batch = vec![
        running(&backup(), "a", 1),
        running(&backup(), "b", 2),
        running(&backup(), "c", 3),
        running(&other, "d", 4),
        running(&other, "e", 5),
    ];
    let epoch = store.acquire_epoch().await?;
    let mut tx = store.begin_fenced(epoch).await?;
    tx.record_executions(&batch).await?;
    tx.commit().await?;

    let mut tx = store.begin_fenced(epoch).await?;
    assert_eq!(tx.delete_history(&backup()).await?, 3);
    let events = tx.commit().await?;
    let expected = Change::HistoryDeleted {
        cronjob: backup(),
        executions_deleted: 3,
    };
    assert_eq!(
        events.iter().map(|event| &event.change).collect::<Vec<_>>(),
        vec![&expected]
    );
    assert_eq!(
        store
            .list_executions(&backup(), &ExecutionFilter::default())
            .await?
            .total,
        0
    );
    assert_eq!(
        store
            .list_executions(&other, &ExecutionFilter::default())
            .await?
            .total,
        2
    );

    let mut tx = store.begin_fenced(epoch).await?;
    assert_eq!(tx.delete_history(&backup()).await?, 0);
    assert!(
        tx.commit().await?.is_empty(),
        "nothing deleted, nothing to announce"
    );
    // The UID may be recorded again after its history was deleted.
    let mut tx = store.begin_fenced(epoch).await?;
    assert!(matches!(
        tx.record_execution(&batch[0]).await?,
        RecordOutcome::Inserted(_)
    ));
    tx.commit().await?;
    Ok(())
}

pub async fn sla_samples_follow_the_core_definition(fixture: &Fixture) -> Result<()> {
    let store = &fixture.store;
    let old = finished(&running(&backup(), "old", 100), Outcome::Succeeded, 10);
    let ok = finished(&running(&backup(), "ok", 1_000), Outcome::Succeeded, 42);
    let bad = finished(&running(&backup(), "bad", 2_000), Outcome::Failed, 7);
    let skewed = guardian_core::Execution {
        completed_at: Some(at(2_999)), // clock skew: completed before it started
        ..finished(&running(&backup(), "skewed", 3_000), Outcome::Succeeded, 1)
    };
    let still_running = running(&backup(), "running", 4_000);
    let elsewhere = finished(
        &running(&CronJobRef::new("ops", "report"), "x", 1_500),
        Outcome::Failed,
        3,
    );
    let all = [old, ok, bad, skewed, still_running, elsewhere];
    let epoch = store.acquire_epoch().await?;
    let mut tx = store.begin_fenced(epoch).await?;
    tx.record_executions(&all).await?;
    tx.commit().await?;

    let samples = store.sla_samples(&backup(), at(500)).await?;
    let expected: Vec<Sample> = all[1..4]
        .iter()
        .filter_map(Sample::from_execution)
        .collect();
    assert_eq!(
        samples, expected,
        "finished runs in the window, oldest first, as core defines them"
    );
    assert_eq!(
        samples[2].duration,
        jiff::SignedDuration::ZERO,
        "negative durations clamp to zero"
    );
    Ok(())
}
