//! Migrations, CronJobs, alerts and monitors.

use anyhow::Result;
use guardian_core::{AlertState, Change, CronJobRef, Severity};
use guardian_store::{AlertFilter, CronJobFilter, MonitorRecord, WriteOutcome};
use serde_json::json;

use crate::data::{alert, at, backup, cronjob_record};
use crate::fixture::Fixture;

pub async fn migrations_are_idempotent(fixture: &Fixture) -> Result<()> {
    let store = &fixture.store;
    let epoch = store.acquire_epoch().await?;
    let mut tx = store.begin_fenced(epoch).await?;
    tx.upsert_cronjob(&cronjob_record(&backup(), 100)).await?;
    tx.commit().await?;

    store.migrate().await?;
    store.migrate().await?;
    let second = fixture.second_store().await?; // connecting migrates again
    second.ping().await?;

    let applied = fixture
        .raw_count("SELECT COUNT(*) FROM _sqlx_migrations")
        .await?;
    assert_eq!(
        applied,
        fixture.migration_files()?,
        "each migration is recorded once"
    );
    assert!(
        second.get_cronjob(&backup()).await?.is_some(),
        "data survives re-migration"
    );
    assert_eq!(second.current_epoch().await?, epoch);
    let (open, _idle) = second.pool_sizes();
    assert!(open >= 1, "the pool holds the connection it just used");
    second.report_pool_metrics();
    Ok(())
}

pub async fn cronjob_upserts_keep_first_seen_and_list_by_filter(fixture: &Fixture) -> Result<()> {
    let store = &fixture.store;
    let nightly = CronJobRef::new("ops", "Nightly_Backup");
    let other = CronJobRef::new("billing", "invoice");
    let epoch = store.acquire_epoch().await?;
    let mut tx = store.begin_fenced(epoch).await?;
    assert_eq!(
        tx.upsert_cronjob(&cronjob_record(&backup(), 100)).await?,
        WriteOutcome::Inserted
    );
    tx.upsert_cronjob(&cronjob_record(&nightly, 100)).await?;
    tx.upsert_cronjob(&cronjob_record(&other, 100)).await?;
    assert_eq!(
        tx.upsert_cronjob(&cronjob_record(&backup(), 100)).await?,
        WriteOutcome::Unchanged
    );
    // Seen again later by a replica that did not know the first sighting.
    let mut later = cronjob_record(&backup(), 900);
    later.suspended = true;
    assert_eq!(tx.upsert_cronjob(&later).await?, WriteOutcome::Updated);
    let mut gone = cronjob_record(&other, 950);
    gone.deleted_at = Some(at(950));
    tx.upsert_cronjob(&gone).await?;
    let events = tx.commit().await?;
    assert_eq!(
        events.len(),
        5,
        "one event per change, none for the unchanged upsert"
    );

    let stored = store
        .get_cronjob(&backup())
        .await?
        .ok_or_else(|| anyhow::anyhow!("backup missing"))?;
    assert_eq!(stored.first_seen_at, at(100), "first sighting is kept");
    assert_eq!(stored.last_seen_at, at(900));
    assert!(stored.suspended);
    assert!(matches!(&events[3].change, Change::CronJob(record) if *record == stored));

    let ops = store
        .list_cronjobs(&CronJobFilter {
            namespace: Some("ops".into()),
            ..Default::default()
        })
        .await?;
    let names: Vec<&str> = ops
        .items
        .iter()
        .map(|record| record.cronjob.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["Nightly_Backup", "backup"],
        "ordered by name, byte order"
    );
    assert_eq!(ops.total, 2);
    let search = |text: &str| CronJobFilter {
        search: Some(text.into()),
        ..Default::default()
    };
    assert_eq!(
        store.list_cronjobs(&search("BACKUP")).await?.total,
        2,
        "search ignores case"
    );
    assert_eq!(
        store.list_cronjobs(&search("y_b")).await?.total,
        1,
        "underscore is literal"
    );
    assert_eq!(
        store.list_cronjobs(&search("%")).await?.total,
        0,
        "percent is literal"
    );
    assert_eq!(
        store.list_cronjobs(&CronJobFilter::default()).await?.total,
        2,
        "deleted hidden"
    );
    let with_deleted = CronJobFilter {
        include_deleted: true,
        limit: 1,
        ..Default::default()
    };
    let page = store.list_cronjobs(&with_deleted).await?;
    assert_eq!((page.items.len(), page.total), (1, 3));
    Ok(())
}

pub async fn alerts_upsert_by_key_and_filter_in_sql(fixture: &Fixture) -> Result<()> {
    let store = &fixture.store;
    let other = CronJobRef::new("billing", "invoice");
    let epoch = store.acquire_epoch().await?;
    let mut tx = store.begin_fenced(epoch).await?;
    let firing = alert("ops/backup/jobFailed", &backup(), Severity::Critical);
    assert_eq!(tx.upsert_alert(&firing).await?, WriteOutcome::Inserted);
    assert_eq!(tx.upsert_alert(&firing).await?, WriteOutcome::Unchanged);
    tx.upsert_alert(&alert(
        "billing/invoice/jobFailed",
        &other,
        Severity::Warning,
    ))
    .await?;
    let mut resolved = firing.clone();
    resolved.state = AlertState::Resolved;
    resolved.resolved_at = Some(at(700));
    assert_eq!(tx.upsert_alert(&resolved).await?, WriteOutcome::Updated);
    let events = tx.commit().await?;
    assert_eq!(events.len(), 3);
    assert!(matches!(&events[2].change, Change::Alert(record) if *record == resolved));

    assert_eq!(
        store.get_alert(&firing.key).await?,
        Some(resolved.clone()),
        "round trip is exact"
    );
    let by_state = AlertFilter {
        state: Some(AlertState::Resolved),
        ..Default::default()
    };
    assert_eq!(store.list_alerts(&by_state).await?.items, vec![resolved]);
    let by_cronjob = AlertFilter {
        cronjob: Some(other.clone()),
        ..Default::default()
    };
    assert_eq!(store.list_alerts(&by_cronjob).await?.total, 1);
    let by_severity = AlertFilter {
        severity: Some(Severity::Info),
        ..Default::default()
    };
    assert_eq!(store.list_alerts(&by_severity).await?.total, 0);
    assert_eq!(store.list_alerts(&AlertFilter::default()).await?.total, 2);
    Ok(())
}

pub async fn monitors_upsert_list_and_delete(fixture: &Fixture) -> Result<()> {
    let store = &fixture.store;
    let mut monitor = MonitorRecord {
        monitor: CronJobRef::new("ops", "critical-jobs"),
        generation: 1,
        spec: json!({"selector": {"matchLabels": {"tier": "critical"}}, "deadManSwitch": {"enabled": true}}),
        status: None,
    };
    let epoch = store.acquire_epoch().await?;
    let mut tx = store.begin_fenced(epoch).await?;
    assert_eq!(tx.upsert_monitor(&monitor).await?, WriteOutcome::Inserted);
    assert_eq!(tx.upsert_monitor(&monitor).await?, WriteOutcome::Unchanged);
    monitor.status = Some(json!({"summary": {"healthy": 3}}));
    assert_eq!(tx.upsert_monitor(&monitor).await?, WriteOutcome::Updated);
    let elsewhere = MonitorRecord {
        monitor: CronJobRef::new("billing", "all"),
        ..monitor.clone()
    };
    tx.upsert_monitor(&elsewhere).await?;
    tx.commit().await?;

    assert_eq!(
        store.list_monitors(Some("ops")).await?,
        vec![monitor.clone()]
    );
    assert_eq!(store.list_monitors(None).await?.len(), 2);
    let mut tx = store.begin_fenced(epoch).await?;
    assert!(tx.delete_monitor(&monitor.monitor).await?);
    assert!(
        !tx.delete_monitor(&monitor.monitor).await?,
        "deleting twice finds nothing"
    );
    tx.commit().await?;
    assert_eq!(store.list_monitors(None).await?, vec![elsewhere]);
    Ok(())
}
