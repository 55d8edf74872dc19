//! The leader's pruner and the Prune request against real PostgreSQL and SQLite: each
//! monitor's `dataRetention` over the global defaults, purge of a deleted CronJob with the
//! policy it had when last seen, resolved alerts aged out, deletions announced.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod retention_support;

use guardian_api::input::PruneInput;
use guardian_controller::retention::{cutoff, prune_now};
use guardian_core::{Change, CronJobRef, Sequence};
use guardian_store::Store;
use retention_support::{Fixture, days_ago, now, ops, record, resolved_alert, run};
use serde_json::json;
use tokio_util::sync::CancellationToken;

async fn pruner_applies_monitor_retention_and_purges_deleted_cronjobs(fixture: Fixture) {
    fixture
        .seed(
            &[record("short"), record("plain"), record("gone")],
            &[
                run("short", days_ago(10)),
                run("short", days_ago(3)),
                run("plain", days_ago(40)),
                run("plain", days_ago(10)),
                run("gone", days_ago(2)),
            ],
            &[
                resolved_alert("old", days_ago(31)),
                resolved_alert("recent", days_ago(1)),
            ],
        )
        .await;
    fixture
        .monitor(
            "weekly",
            json!({"retentionDays": 7, "logRetentionDays": 1}),
            &["short"],
        )
        .await;
    fixture
        .monitor("purging", json!({"onCronJobDeletion": "purge"}), &["gone"])
        .await;
    let before = fixture.store.last_sequence().await.unwrap();
    let mut pruner = fixture.pruner(1);
    let stop = CancellationToken::new();

    let counts = pruner.cycle(&stop).await.unwrap();
    assert_eq!(counts.executions, 2, "{counts:?}");
    assert_eq!(counts.alerts, 1, "{counts:?}");
    assert_eq!(counts.logs, 1, "the 3-day-old short run loses its logs");
    assert_eq!(fixture.started(&ops("short")).await, vec![days_ago(3)]);
    assert_eq!(fixture.started(&ops("plain")).await, vec![days_ago(10)]);
    assert_eq!(
        fixture.started(&ops("gone")).await,
        vec![days_ago(2)],
        "live: kept"
    );
    assert!(fixture.store.get_alert("old").await.unwrap().is_none());
    assert!(fixture.store.get_alert("recent").await.unwrap().is_some());
    let announced = deleted_since(&fixture.store, before).await;
    assert_eq!(announced, vec![(ops("plain"), 1), (ops("short"), 1)]);

    // The CronJob goes; the monitoring drops it from the monitor's status. The pruner
    // still purges it with the policy it had when last seen.
    let mut gone = record("gone");
    gone.deleted_at = Some(days_ago(0));
    fixture.seed(&[gone], &[], &[]).await;
    fixture
        .monitor("purging", json!({"onCronJobDeletion": "purge"}), &[])
        .await;
    let counts = pruner.cycle(&stop).await.unwrap();
    assert_eq!(counts.executions, 1, "{counts:?}");
    assert!(fixture.started(&ops("gone")).await.is_empty());
    assert_eq!(fixture.started(&ops("short")).await, vec![days_ago(3)]);
}

/// `(cronjob, executions_deleted)` of every `HistoryDeleted` after `after`, summed.
async fn deleted_since(store: &Store, after: Sequence) -> Vec<(CronJobRef, i64)> {
    let mut sums = std::collections::BTreeMap::new();
    for event in store.events_after(after, 1000).await.unwrap() {
        if let Change::HistoryDeleted {
            cronjob,
            executions_deleted,
        } = event.change
        {
            *sums.entry(cronjob).or_insert(0) += executions_deleted;
        }
    }
    sums.into_iter().collect()
}

async fn a_prune_request_counts_in_a_dry_run_and_deletes_otherwise(fixture: Fixture) {
    fixture
        .seed(
            &[record("plain")],
            &[
                run("plain", days_ago(20)),
                run("plain", days_ago(12)),
                run("plain", days_ago(2)),
            ],
            &[resolved_alert("old", days_ago(11))],
        )
        .await;
    let input = |dry_run| PruneInput {
        older_than_days: 10,
        dry_run,
    };
    let (store, leadership, epoch) = (&fixture.store, &fixture.leadership, fixture.epoch);

    let dry = prune_now(store, leadership, epoch, input(true), now())
        .await
        .unwrap();
    assert!(dry.success && dry.dry_run);
    assert_eq!(dry.records_pruned, 3, "two runs and one alert: {dry:?}");
    assert_eq!(dry.older_than_days, 10);
    let expected_cutoff = cutoff(now(), 10);
    assert_eq!(
        dry.cutoff.map(|at| at.seconds),
        Some(expected_cutoff.as_second())
    );
    assert_eq!(
        fixture.started(&ops("plain")).await.len(),
        3,
        "nothing deleted"
    );

    let done = prune_now(store, leadership, epoch, input(false), now())
        .await
        .unwrap();
    assert!(!done.dry_run);
    assert_eq!(done.records_pruned, 3, "{done:?}");
    assert_eq!(fixture.started(&ops("plain")).await, vec![days_ago(2)]);
    assert!(store.get_alert("old").await.unwrap().is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_pruner_applies_monitor_retention_and_purges_deleted_cronjobs() {
    pruner_applies_monitor_retention_and_purges_deleted_cronjobs(Fixture::postgres().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_pruner_applies_monitor_retention_and_purges_deleted_cronjobs() {
    pruner_applies_monitor_retention_and_purges_deleted_cronjobs(Fixture::sqlite().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_prune_request_counts_in_a_dry_run_and_deletes_otherwise() {
    a_prune_request_counts_in_a_dry_run_and_deletes_otherwise(Fixture::postgres().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_prune_request_counts_in_a_dry_run_and_deletes_otherwise() {
    a_prune_request_counts_in_a_dry_run_and_deletes_otherwise(Fixture::sqlite().await).await;
}
