//! The alert delivery outbox: queued in a fenced transaction, due in order, attempts
//! recorded before and after sending, uncertain attempts visible to the next epoch, and
//! finished deliveries never due again.

use anyhow::Result;
use guardian_core::CronJobRef;
use guardian_store::{AttemptOutcome, DeliveryKind, DeliveryState, NewDelivery};
use jiff::{SignedDuration, Timestamp};

use crate::fixture::Fixture;

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_second(1_700_000_000 + seconds).expect("valid time")
}

fn delivery(id: &str, channel: &str, created: i64) -> NewDelivery {
    NewDelivery {
        id: id.to_owned(),
        alert_key: "ops/watch/ops/backup/jobFailed".to_owned(),
        kind: DeliveryKind::Notify,
        channel: CronJobRef::new("ops", channel),
        notification: r#"{"key":"ops/watch/ops/backup/jobFailed"}"#.to_owned(),
        created_at: at(created),
    }
}

pub async fn deliveries_are_queued_attempted_and_resumed_by_the_next_epoch(
    fixture: &Fixture,
) -> Result<()> {
    let store = &fixture.store;
    let first = store.acquire_epoch().await?;
    let mut tx = store.begin_fenced(first).await?;
    assert!(tx.insert_delivery(&delivery("a|slack", "slack", 0)).await?);
    assert!(tx.insert_delivery(&delivery("a|hook", "hook", 0)).await?);
    assert!(
        !tx.insert_delivery(&delivery("a|hook", "hook", 5)).await?,
        "the same delivery id is queued once"
    );
    tx.commit().await?;

    let due = store.due_deliveries(first, at(1), 100).await?;
    let ids: Vec<&str> = due.iter().map(|row| row.id.as_str()).collect();
    assert_eq!(ids, ["a|hook", "a|slack"]);
    assert!(due.iter().all(|row| row.state == DeliveryState::Pending));
    assert_eq!(store.next_delivery_due().await?, Some(at(0)));

    // slack: delivered. hook: attempt started, then the leader dies mid-send.
    let mut tx = store.begin_fenced(first).await?;
    assert!(tx.begin_attempt("a|slack", at(2)).await?);
    assert!(
        tx.finish_attempt("a|slack", &AttemptOutcome::Sent, at(3))
            .await?
    );
    assert!(tx.begin_attempt("a|hook", at(2)).await?);
    tx.commit().await?;
    assert!(
        store.due_deliveries(first, at(10), 100).await?.is_empty(),
        "the own epoch's attempt in flight is not due again"
    );

    let second = store.acquire_epoch().await?;
    let resumed = store.due_deliveries(second, at(10), 100).await?;
    assert_eq!(resumed.len(), 1, "only the uncertain attempt: {resumed:?}");
    let hook = &resumed[0];
    assert_eq!(
        (hook.id.as_str(), hook.state),
        ("a|hook", DeliveryState::Sending)
    );
    assert_eq!((hook.attempts, hook.attempt_epoch), (1, Some(first)));

    let mut tx = store.begin_fenced(second).await?;
    assert!(tx.begin_attempt("a|hook", at(11)).await?);
    let retry_at = at(11)
        .checked_add(SignedDuration::from_secs(30))
        .expect("in range");
    let retry = AttemptOutcome::Retry {
        at: retry_at,
        error: "not delivered: 503".to_owned(),
    };
    assert!(tx.finish_attempt("a|hook", &retry, at(12)).await?);
    assert!(
        !tx.begin_attempt("a|slack", at(12)).await?,
        "a sent delivery is never attempted again"
    );
    tx.commit().await?;
    assert!(store.due_deliveries(second, at(20), 100).await?.is_empty());
    let again = store.due_deliveries(second, retry_at, 100).await?;
    assert_eq!(again[0].attempts, 2);
    assert_eq!(again[0].last_error.as_deref(), Some("not delivered: 503"));

    let mut tx = store.begin_fenced(second).await?;
    assert!(tx.hold_delivery("a|hook", at(100)).await?);
    assert!(tx.begin_attempt("a|hook", at(100)).await?);
    let failed = AttemptOutcome::Failed {
        error: "rejected: 400".to_owned(),
    };
    assert!(tx.finish_attempt("a|hook", &failed, at(101)).await?);
    tx.commit().await?;
    let all = store
        .deliveries_of_alert("ops/watch/ops/backup/jobFailed")
        .await?;
    let states: Vec<(&str, DeliveryState, u32)> = all
        .iter()
        .map(|row| (row.id.as_str(), row.state, row.attempts))
        .collect();
    assert_eq!(
        states,
        [
            ("a|hook", DeliveryState::Failed, 3),
            ("a|slack", DeliveryState::Sent, 1)
        ]
    );
    assert_eq!(store.next_delivery_due().await?, None);
    assert!(
        store
            .due_deliveries(second, at(1_000), 100)
            .await?
            .is_empty()
    );
    Ok(())
}

pub async fn a_rolled_back_pass_leaves_no_delivery(fixture: &Fixture) -> Result<()> {
    let store = &fixture.store;
    let epoch = store.acquire_epoch().await?;
    let mut tx = store.begin_fenced(epoch).await?;
    tx.insert_delivery(&delivery("b|slack", "slack", 0)).await?;
    tx.rollback().await?;
    assert_eq!(store.get_delivery("b|slack").await?, None);
    let newer = store.acquire_epoch().await?;
    assert!(
        store.begin_fenced(epoch).await.is_err(),
        "a deposed leader cannot queue deliveries"
    );
    assert!(store.due_deliveries(newer, at(10), 10).await?.is_empty());
    Ok(())
}
