//! Acknowledgement and silence of alerts: stored exactly, announced on the outbox, and
//! kept when the monitoring loop upserts a record that does not know of them.

use anyhow::Result;
use guardian_core::{Acknowledgement, AlertRecord, Change, Severity, Silence};
use guardian_store::{StoreError, WriteOutcome};
use jiff::Timestamp;

use crate::data::{alert, at, backup};
use crate::fixture::Fixture;

fn marked(record: &AlertRecord) -> AlertRecord {
    AlertRecord {
        acknowledged: Some(Box::new(Acknowledgement {
            // Sub-millisecond precision is dropped on the way in.
            at: Timestamp::from_nanosecond(at(600).as_nanosecond() + 1_500).expect("in range"),
            by: Some("alice".to_owned()),
            note: Some("on it, \"really\"".to_owned()),
        })),
        silenced: Some(Box::new(Silence {
            until: at(4_200),
            at: at(600),
            by: None,
            reason: Some("maintenance".to_owned()),
        })),
        ..record.clone()
    }
}

pub async fn acknowledgement_and_silence_round_trip_and_survive_upserts(
    fixture: &Fixture,
) -> Result<()> {
    let store = &fixture.store;
    let epoch = store.acquire_epoch().await?;
    let firing = alert("ops/backup/jobFailed", &backup(), Severity::Critical);
    let mut tx = store.begin_fenced(epoch).await?;
    tx.upsert_alert(&firing).await?;
    tx.commit().await?;

    let mut tx = store.begin_fenced(epoch).await?;
    let wanted = marked(&firing);
    assert_eq!(tx.set_alert_mutes(&wanted).await?, WriteOutcome::Updated);
    let read_back = tx.alert(&firing.key).await?.expect("alert exists");
    assert_eq!(
        tx.set_alert_mutes(&read_back).await?,
        WriteOutcome::Unchanged
    );
    let events = tx.commit().await?;
    assert_eq!(events.len(), 1, "one change announced");
    let Change::Alert(announced) = &events[0].change else {
        anyhow::bail!("expected an alert change, got {:?}", events[0].change);
    };
    assert_eq!(announced, &read_back);
    let ack = read_back.acknowledged.as_deref().expect("acknowledged");
    assert_eq!(ack.at, at(600), "stored to the millisecond");
    assert_eq!(ack.note.as_deref(), Some("on it, \"really\""));
    assert_eq!(store.get_alert(&firing.key).await?, Some(read_back.clone()));

    // A monitoring pass that loaded the alert before the acknowledgement rewrites it.
    let mut stale = firing.clone();
    stale.message = "failed again".to_owned();
    let mut tx = store.begin_fenced(epoch).await?;
    assert_eq!(tx.upsert_alert(&stale).await?, WriteOutcome::Updated);
    let events = tx.commit().await?;
    let stored = store.get_alert(&firing.key).await?.expect("alert exists");
    assert_eq!(stored.message, "failed again");
    assert_eq!(
        (&stored.acknowledged, &stored.silenced),
        (&read_back.acknowledged, &read_back.silenced),
        "the upsert kept both"
    );
    assert!(matches!(&events[0].change, Change::Alert(record) if *record == stored));

    let mut tx = store.begin_fenced(epoch).await?;
    let cleared = AlertRecord {
        acknowledged: None,
        silenced: None,
        ..stored
    };
    assert_eq!(tx.set_alert_mutes(&cleared).await?, WriteOutcome::Updated);
    tx.commit().await?;
    assert_eq!(store.get_alert(&firing.key).await?, Some(cleared));
    Ok(())
}

pub async fn marking_an_unknown_alert_is_not_found_and_writes_nothing(
    fixture: &Fixture,
) -> Result<()> {
    let store = &fixture.store;
    let epoch = store.acquire_epoch().await?;
    let before = store.last_sequence().await?;
    let mut tx = store.begin_fenced(epoch).await?;
    let ghost = marked(&alert("ops/ghost/jobFailed", &backup(), Severity::Warning));
    let error = tx.set_alert_mutes(&ghost).await.expect_err("no such alert");
    assert!(
        matches!(error, StoreError::NotFound { what: "alert", .. }),
        "{error:?}"
    );
    assert!(tx.alert(&ghost.key).await?.is_none());
    assert!(tx.commit().await?.is_empty());
    assert_eq!(store.last_sequence().await?, before);
    Ok(())
}
