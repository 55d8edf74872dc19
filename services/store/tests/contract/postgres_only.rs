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
/// transaction can no longer commit (the same on MariaDB: `mariadb_only.rs`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_leader_ends_a_frozen_leaders_open_transaction() -> Result<()> {
    let fixture = crate::fixture::Fixture::postgres().await?;
    crate::fencing::a_new_leader_ends_a_frozen_leaders_open_transaction(&fixture).await
}
