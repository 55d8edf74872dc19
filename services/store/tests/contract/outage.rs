//! A database server that goes away under a connected store and comes back: the same
//! scenario for each server back-end (`postgres_only.rs`, `mariadb_only.rs`).

use std::future::Future;
use std::time::Duration;

use anyhow::{Result, anyhow};
use guardian_store::{ExecutionFilter, PoolSettings, Store, StoreError};

use crate::data::{backup, running};

/// Pool settings that notice an outage quickly.
pub fn outage_pool() -> PoolSettings {
    PoolSettings {
        health_check_interval: Duration::ZERO, // ping every pooled connection before use
        acquire_timeout: Duration::from_secs(2), // how long an outage takes to report
        ..crate::fixture::test_pool()
    }
}

/// Writes, lets `stop` take the server away (Unavailable, nothing begun), lets
/// `restart` bring it back, and checks that the store recovers with its data.
pub async fn unavailable_then_recovered<E>(
    store: &Store,
    stop: impl Future<Output = Result<(), E>>,
    restart: impl Future<Output = Result<(), E>>,
) -> Result<()>
where
    anyhow::Error: From<E>,
{
    let epoch = store.acquire_epoch().await?;
    let mut tx = store.begin_fenced(epoch).await?;
    tx.record_execution(&running(&backup(), "before", 1))
        .await?;
    tx.commit().await?;

    stop.await?;
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

    restart.await?;
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
