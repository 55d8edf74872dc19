//! PostgreSQL outages: the server goes away under a connected store and comes back.
//! (SQLite has no server to lose; its unreachable case is in `errors.rs`.)

use std::time::Duration;

use anyhow::{Result, anyhow};
use guardian_store::{
    Backend, ExecutionFilter, PgTarget, PoolSettings, SslMode, Store, StoreConfig, StoreError,
};
use guardian_testkit::postgres::PgHarness;

use crate::data::{backup, running};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restarted_postgres_is_unavailable_and_then_the_store_recovers() -> Result<()> {
    tokio::time::timeout(crate::GUARD, restart_scenario()).await?
}

async fn restart_scenario() -> Result<()> {
    // Its own server: stopping the shared one would break every other test.
    let harness = PgHarness::start().await?;
    // Connect from parts (the Helm values' shape) rather than a URL.
    let mut config = StoreConfig::new(Backend::Postgres(PgTarget {
        host: "127.0.0.1".into(),
        port: harness.port(),
        database: "postgres".into(),
        username: "postgres".into(),
        password: None,
        ssl_mode: SslMode::Disable,
    }));
    config.pool = PoolSettings {
        health_check_interval: Duration::ZERO, // ping every pooled connection before use
        acquire_timeout: Duration::from_secs(2), // how long an outage takes to report
        ..crate::fixture::test_pool()
    };
    let store = Store::connect(&config).await?;
    let epoch = store.acquire_epoch().await?;
    let mut tx = store.begin_fenced(epoch).await?;
    tx.record_execution(&running(&backup(), "before", 1))
        .await?;
    tx.commit().await?;

    harness.stop().await?;
    let down = store
        .ping()
        .await
        .err()
        .ok_or_else(|| anyhow!("ping answered with the server down"))?;
    assert!(matches!(down, StoreError::Unavailable { .. }), "{down:?}");
    let refused = store
        .begin_fenced(epoch)
        .await
        .err()
        .ok_or_else(|| anyhow!("began a tx on nothing"))?;
    assert!(
        refused.certainly_aborted() && refused.is_retryable(),
        "{refused:?}"
    );

    harness.restart().await?;
    let mut attempts = 0;
    while let Err(error) = store.ping().await {
        attempts += 1;
        if attempts > 50 {
            return Err(anyhow!("store did not recover: {error}"));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mut tx = store.begin_fenced(epoch).await?;
    tx.record_execution(&running(&backup(), "after", 2)).await?;
    tx.commit().await?;
    let total = store
        .list_executions(&backup(), &ExecutionFilter::default())
        .await?
        .total;
    assert_eq!(total, 2, "data from before the restart is still there");
    Ok(())
}

/// A leader frozen (or cut off) inside a fenced transaction holds the control row.
/// The next leader ends that session instead of waiting for it, and the frozen
/// transaction can no longer commit.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_leader_ends_a_frozen_leaders_open_transaction() -> Result<()> {
    let fixture = crate::fixture::Fixture::postgres().await?;
    let old_leader = &fixture.store;
    let new_leader = fixture.second_store().await?;
    let old_epoch = old_leader.acquire_epoch_for("http://old").await?;
    let mut frozen = old_leader.begin_fenced(old_epoch).await?;
    frozen
        .record_execution(&running(&backup(), "frozen", 1))
        .await?;
    // Bounded by the store, not by the frozen session (whose server-side idle
    // timeout is 60 s): well inside this guard.
    let new_epoch = tokio::time::timeout(
        Duration::from_secs(30),
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
