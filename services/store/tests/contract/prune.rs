//! Retention: bounded prune batches, the scopes of purge and reset, log clearing and
//! resolved-alert pruning; deletions are announced per CronJob on the outbox.

use anyhow::Result;
use guardian_core::{AlertState, Change, CronJobRef, Execution, Outcome, Severity};
use guardian_store::{ExecutionFilter, ExecutionScope, Store};

use crate::data::{alert, at, backup, finished, running};
use crate::fixture::Fixture;

fn report() -> CronJobRef {
    CronJobRef::new("ops", "report")
}

async fn record(store: &Store, runs: &[Execution]) -> Result<()> {
    let epoch = store.current_epoch().await?;
    let mut tx = store.begin_fenced(epoch).await?;
    tx.record_executions(runs).await?;
    tx.commit().await?;
    Ok(())
}

async fn uids(store: &Store, cronjob: &CronJobRef) -> Result<Vec<String>> {
    let page = store
        .list_executions(cronjob, &ExecutionFilter::default())
        .await?;
    let mut uids: Vec<String> = page
        .items
        .into_iter()
        .map(|stored| stored.execution.job_uid)
        .collect();
    uids.sort();
    Ok(uids)
}

/// Deleted counts per CronJob, as announced by `HistoryDeleted` events.
fn announced(changes: &[Change]) -> Vec<(CronJobRef, i64)> {
    changes
        .iter()
        .filter_map(|change| match change {
            Change::HistoryDeleted {
                cronjob,
                executions_deleted,
            } => Some((cronjob.clone(), *executions_deleted)),
            _ => None,
        })
        .collect()
}

pub async fn pruning_old_runs_goes_in_bounded_batches_and_is_announced(
    fixture: &Fixture,
) -> Result<()> {
    let store = &fixture.store;
    let epoch = store.acquire_epoch().await?;
    let done = |cronjob: &CronJobRef, uid: &str, started: i64| {
        finished(&running(cronjob, uid, started), Outcome::Succeeded, 10)
    };
    record(
        store,
        &[
            done(&backup(), "b1", 100),
            done(&backup(), "b2", 200),
            done(&backup(), "b3", 300),
            done(&backup(), "b4", 900),
            running(&backup(), "b0", 50),
            done(&report(), "r1", 150),
        ],
    )
    .await?;
    let scope = ExecutionScope::StartedBefore {
        cronjob: None,
        before: at(350),
    };
    assert_eq!(
        store.count_executions(&scope).await?,
        4,
        "running runs stay"
    );

    let mut deleted = Vec::new();
    let mut changes = Vec::new();
    loop {
        let mut tx = store.begin_fenced(epoch).await?;
        let batch = tx.prune_executions(&scope, 3).await?;
        changes.extend(tx.commit().await?.into_iter().map(|event| event.change));
        assert!(batch <= 3, "a batch deleted {batch} rows, above its limit");
        if batch == 0 {
            break;
        }
        deleted.push(batch);
    }
    assert_eq!(deleted, vec![3, 1]);
    assert_eq!(uids(store, &backup()).await?, vec!["b0", "b4"]);
    assert!(uids(store, &report()).await?.is_empty());
    let mut per_cronjob = std::collections::BTreeMap::new();
    for (cronjob, count) in announced(&changes) {
        *per_cronjob.entry(cronjob).or_insert(0) += count;
    }
    assert_eq!(per_cronjob.get(&backup()), Some(&3));
    assert_eq!(per_cronjob.get(&report()), Some(&1));
    assert_eq!(store.count_executions(&scope).await?, 0);
    Ok(())
}

pub async fn purge_and_reset_scopes_touch_only_their_cronjob(fixture: &Fixture) -> Result<()> {
    let store = &fixture.store;
    let epoch = store.acquire_epoch().await?;
    let mut old_incarnation = running(&backup(), "old", 100);
    old_incarnation.cronjob_uid = Some("previous-uid".to_owned());
    let mut unknown_incarnation = running(&backup(), "unknown", 150);
    unknown_incarnation.cronjob_uid = None;
    record(
        store,
        &[
            old_incarnation,
            unknown_incarnation,
            running(&backup(), "current", 200),
            running(&report(), "r1", 100),
        ],
    )
    .await?;

    let reset = ExecutionScope::OtherIncarnations {
        cronjob: backup(),
        uid: "backup-uid".to_owned(),
    };
    let mut tx = store.begin_fenced(epoch).await?;
    assert_eq!(tx.prune_executions(&reset, 100).await?, 1);
    let changes: Vec<Change> = tx.commit().await?.into_iter().map(|e| e.change).collect();
    assert_eq!(announced(&changes), vec![(backup(), 1)]);
    assert_eq!(uids(store, &backup()).await?, vec!["current", "unknown"]);

    let purge = ExecutionScope::All(backup());
    assert_eq!(store.count_executions(&purge).await?, 2);
    let mut tx = store.begin_fenced(epoch).await?;
    assert_eq!(tx.prune_executions(&purge, 100).await?, 2);
    tx.commit().await?;
    assert!(uids(store, &backup()).await?.is_empty());
    assert_eq!(uids(store, &report()).await?, vec!["r1"]);
    Ok(())
}

pub async fn clearing_logs_and_pruning_resolved_alerts_keep_the_rest(
    fixture: &Fixture,
) -> Result<()> {
    let store = &fixture.store;
    let epoch = store.acquire_epoch().await?;
    let failed =
        |uid: &str, started: i64| finished(&running(&backup(), uid, started), Outcome::Failed, 5);
    record(store, &[failed("old", 100), failed("new", 900)]).await?;
    let mut resolved_old = alert("resolved-old", &backup(), Severity::Warning);
    resolved_old.state = AlertState::Resolved;
    resolved_old.resolved_at = Some(at(200));
    let mut resolved_new = alert("resolved-new", &backup(), Severity::Warning);
    resolved_new.state = AlertState::Resolved;
    resolved_new.resolved_at = Some(at(950));
    let firing = alert("firing", &backup(), Severity::Critical);
    let mut tx = store.begin_fenced(epoch).await?;
    for record in [&resolved_old, &resolved_new, &firing] {
        tx.upsert_alert(record).await?;
    }
    tx.commit().await?;

    let scope = ExecutionScope::StartedBefore {
        cronjob: Some(backup()),
        before: at(500),
    };
    assert_eq!(store.count_resolved_alerts(at(500)).await?, 1);
    let mut tx = store.begin_fenced(epoch).await?;
    assert_eq!(tx.clear_logs(&scope, 100).await?, 1);
    assert_eq!(tx.clear_logs(&scope, 100).await?, 0, "already cleared");
    assert_eq!(tx.prune_resolved_alerts(at(500), 100).await?, 1);
    assert!(
        tx.commit().await?.is_empty(),
        "log and alert pruning emit nothing"
    );

    let logs = |uid: &'static str| async move {
        let stored = store.get_execution_by_uid(uid).await?;
        Ok::<_, anyhow::Error>(stored.and_then(|stored| stored.execution.logs))
    };
    assert_eq!(logs("old").await?, None);
    assert_eq!(logs("new").await?.as_deref(), Some("connection refused"));
    assert!(store.get_alert("resolved-old").await?.is_none());
    assert!(store.get_alert("resolved-new").await?.is_some());
    assert!(store.get_alert("firing").await?.is_some());
    Ok(())
}

pub async fn old_outbox_events_are_pruned_and_sequences_continue(fixture: &Fixture) -> Result<()> {
    let store = &fixture.store;
    let epoch = store.acquire_epoch().await?;
    for (uid, started) in [("a", 100), ("b", 200), ("c", 300)] {
        record(store, &[running(&backup(), uid, started)]).await?;
    }
    let all = store.events_after(guardian_core::Sequence(0), 100).await?;
    assert_eq!(all.len(), 3);
    // Everything committed so far is older than a cutoff just after the last event.
    let cutoff = all[2].at + jiff::SignedDuration::from_millis(1);
    let mut tx = store.begin_fenced(epoch).await?;
    assert_eq!(tx.prune_events(cutoff, 2).await?, 2, "bounded by the limit");
    tx.commit().await?;
    let left = store.events_after(guardian_core::Sequence(0), 100).await?;
    assert_eq!(
        left.iter().map(|event| event.sequence).collect::<Vec<_>>(),
        vec![all[2].sequence],
        "the oldest go first"
    );
    let mut tx = store.begin_fenced(epoch).await?;
    assert_eq!(tx.prune_events(cutoff, 2).await?, 1);
    tx.commit().await?;
    record(store, &[running(&backup(), "d", 400)]).await?;
    let next = store.events_after(guardian_core::Sequence(0), 100).await?;
    assert_eq!(
        next.iter()
            .map(|event| event.sequence.0)
            .collect::<Vec<_>>(),
        vec![all[2].sequence.0 + 1],
        "new events continue the sequence"
    );
    Ok(())
}
