//! Bad data and outages give typed errors, never panics, and never half-written state.

use anyhow::{Result, anyhow};
use guardian_core::{Execution, Sequence};
use guardian_store::limits::MAX_TEXT_BYTES;
use guardian_store::{ExecutionFilter, Store, StoreError};

use crate::data::{backup, running};
use crate::fixture::Fixture;

pub async fn bad_input_gives_typed_errors_and_writes_nothing(fixture: &Fixture) -> Result<()> {
    let store = &fixture.store;
    let epoch = store.acquire_epoch().await?;
    let mut tx = store.begin_fenced(epoch).await?;

    let no_uid = Execution {
        job_uid: String::new(),
        ..running(&backup(), "x", 1)
    };
    let error = tx
        .record_execution(&no_uid)
        .await
        .err()
        .ok_or_else(|| anyhow!("empty uid accepted"))?;
    assert!(matches!(error, StoreError::Invalid { .. }) && error.certainly_aborted());

    let huge_reason = Execution {
        reason: Some("r".repeat(MAX_TEXT_BYTES + 1)),
        ..running(&backup(), "y", 2)
    };
    let batch = [running(&backup(), "fine", 3), huge_reason];
    match tx.record_executions(&batch).await {
        Err(StoreError::TooLarge {
            field: "reason",
            size,
            max,
        }) => assert!(size > max),
        other => return Err(anyhow!("expected TooLarge, got {other:?}")),
    }

    // Refused input does not spoil the transaction; oversized logs are cut, not refused.
    let max_log = fixture.config.max_log_bytes;
    let log = format!("{}final line: out of memory", "x".repeat(3 * max_log));
    let noisy = Execution {
        logs: Some(log),
        ..running(&backup(), "noisy", 4)
    };
    tx.record_execution(&noisy).await?;
    let events = tx.commit().await?;
    assert_eq!(events.len(), 1, "only the valid execution was written");

    let stored = store
        .get_execution_by_uid("noisy")
        .await?
        .ok_or_else(|| anyhow!("noisy missing"))?;
    let logs = stored.execution.logs.unwrap_or_default();
    assert!(logs.len() <= max_log, "{} bytes stored", logs.len());
    assert!(logs.starts_with("[truncated ") && logs.ends_with("final line: out of memory"));
    assert!(
        store.get_execution_by_uid("fine").await?.is_none(),
        "the refused batch wrote nothing"
    );

    // A database constraint (retries >= 0) aborts the whole transaction.
    let mut tx = store.begin_fenced(epoch).await?;
    tx.record_execution(&running(&backup(), "lost", 5)).await?;
    let negative = Execution {
        retries: -3,
        ..running(&backup(), "negative", 6)
    };
    let error = tx
        .record_execution(&negative)
        .await
        .err()
        .ok_or_else(|| anyhow!("negative accepted"))?;
    assert!(matches!(error, StoreError::Constraint { .. }), "{error:?}");
    let next = tx.record_execution(&running(&backup(), "later", 7)).await;
    assert!(matches!(next, Err(StoreError::TxAborted)));
    assert!(matches!(tx.commit().await, Err(StoreError::TxAborted)));
    assert!(
        store.get_execution_by_uid("lost").await?.is_none(),
        "nothing half-written"
    );
    assert_eq!(store.last_sequence().await?, Sequence(1));
    Ok(())
}

pub async fn undecodable_rows_are_corrupt(fixture: &Fixture) -> Result<()> {
    let store = &fixture.store;
    fixture
        .raw_execute(
            "INSERT INTO executions (job_uid, job_name, namespace, cronjob, started_at, outcome, \
             events, retries, manual) VALUES ('bad', 'bad-1', 'ops', 'broken', 1000, 'running', \
             'not json', 0, FALSE)",
        )
        .await?;
    fixture
        .raw_execute("INSERT INTO events (sequence, epoch, at, payload) VALUES (1, 1, 1000, '{\"kind\":\"nope\"}')")
        .await?;
    let broken = guardian_core::CronJobRef::new("ops", "broken");
    let listing = store
        .list_executions(&broken, &ExecutionFilter::default())
        .await;
    assert!(
        matches!(listing, Err(StoreError::Corrupt { .. })),
        "{listing:?}"
    );
    let tail = store.events_after(Sequence(0), 10).await;
    assert!(matches!(tail, Err(StoreError::Corrupt { .. })), "{tail:?}");

    // Recording over a corrupt row refuses instead of guessing.
    let epoch = store.acquire_epoch().await?;
    let mut tx = store.begin_fenced(epoch).await?;
    let replay = Execution {
        job_uid: "bad".into(),
        ..running(&broken, "bad", 1)
    };
    assert!(matches!(
        tx.record_execution(&replay).await,
        Err(StoreError::Corrupt { .. })
    ));
    Ok(())
}

pub async fn an_unreachable_database_is_unavailable(fixture: &Fixture) -> Result<()> {
    let config = fixture.unreachable()?;
    let error = Store::connect(&config)
        .await
        .err()
        .ok_or_else(|| anyhow!("connected to nothing"))?;
    assert!(matches!(error, StoreError::Unavailable { .. }), "{error:?}");
    assert!(error.certainly_aborted() && error.is_retryable());
    Ok(())
}
