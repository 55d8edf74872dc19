//! Acknowledged and silenced alerts through the leader's monitoring: the RPC logic writes
//! the mark while passes keep rewriting the alert, and the passes then hold back what the
//! mark says (no reminders) while an unmarked twin is reminded as usual.

mod monitoring_support;

use guardian_api::v1::{AcknowledgeAlertRequest, SilenceAlertRequest};
use guardian_controller::control::alerts::AlertControl;
use guardian_controller::leadership::{self, Leadership};
use guardian_core::AlertState;
use monitoring_support::{Harness, at, plus};
use serde_json::json;

const NS: &str = "team-a";

fn key(cronjob: &str) -> String {
    format!("{NS}/etl-watch/{NS}/{cronjob}/missedSchedule")
}

/// Two CronJobs that never run, so both get a missed-schedule alert at +30 min.
async fn two_firing_alerts(harness: &Harness) {
    harness.cronjob(NS, "etl", "*/5 * * * *", &[("app", "etl")]);
    harness.cronjob(NS, "etl-twin", "*/5 * * * *", &[("app", "etl")]);
    harness.monitor(
        NS,
        "etl-watch",
        json!({
            "selector": {"matchLabels": {"app": "etl"}},
            "deadManSwitch": {"autoFromSchedule": {"enabled": true, "buffer": "1m"}},
        }),
    );
    harness
        .status_until(NS, "etl-watch", |s| s["summary"]["totalCronJobs"] == 2)
        .await;
    let fired = plus(at("2025-03-03T10:00:00Z"), 30 * 60);
    harness.clock.set(fired);
    for cronjob in ["etl", "etl-twin"] {
        harness
            .alert_until(&key(cronjob), |a| a.state == AlertState::Firing)
            .await;
        assert_eq!(harness.effects.notified(&key(cronjob)), 1);
    }
}

/// Moves the clock to `seconds` after the start and waits until the unmarked twin has
/// been reminded: passes have run at that time.
async fn remind_twin_at(harness: &Harness, seconds: i64, reminders: usize) {
    let now = plus(at("2025-03-03T10:00:00Z"), seconds);
    harness.clock.set(now);
    harness
        .alert_until(&key("etl-twin"), |a| a.last_notified == Some(now))
        .await;
    assert_eq!(harness.effects.notified(&key("etl-twin")), 1 + reminders);
}

/// The RPC logic against the harness's store, under the current epoch.
async fn control<'a>(harness: &'a Harness, leadership: &'a Leadership) -> AlertControl<'a> {
    AlertControl {
        store: &harness.store,
        leadership,
        epoch: harness.store.current_epoch().await.expect("epoch"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_acknowledged_alert_is_not_reminded_and_keeps_its_mark() {
    let harness = Harness::start(at("2025-03-03T10:00:00Z")).await;
    two_firing_alerts(&harness).await;
    let (_tx, leadership) = leadership::channel();
    let control = control(&harness, &leadership).await;
    let request = AcknowledgeAlertRequest {
        id: key("etl"),
        acknowledged_by: "alice".into(),
        note: "on it".into(),
    };
    let response = control
        .acknowledge(&request, plus(at("2025-03-03T10:00:00Z"), 31 * 60))
        .await
        .expect("acknowledged");
    assert!(response.success && response.acknowledged_at.is_some());

    remind_twin_at(&harness, 2 * 3600, 1).await;
    remind_twin_at(&harness, 3 * 3600, 2).await;
    assert_eq!(harness.effects.notified(&key("etl")), 1, "no reminder");
    let stored = harness
        .store
        .get_alert(&key("etl"))
        .await
        .expect("read")
        .expect("alert");
    assert_eq!(stored.state, AlertState::Firing);
    let ack = stored.acknowledgement().expect("the passes kept the mark");
    assert_eq!(
        (ack.by.as_deref(), ack.note.as_deref()),
        (Some("alice"), Some("on it"))
    );

    let firing = control.acknowledge(&request, at("2025-03-03T13:00:00Z"));
    assert!(firing.await.is_ok(), "acknowledging again is harmless");
    let unknown = AcknowledgeAlertRequest {
        id: "team-a/nope".into(),
        ..request
    };
    let error = control
        .acknowledge(&unknown, at("2025-03-03T13:00:00Z"))
        .await
        .expect_err("unknown alert");
    assert_eq!(error.code(), tonic::Code::NotFound);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_silenced_alert_is_held_back_until_its_silence_ends() {
    let harness = Harness::start(at("2025-03-03T10:00:00Z")).await;
    two_firing_alerts(&harness).await;
    let (_tx, leadership) = leadership::channel();
    let control = control(&harness, &leadership).await;
    // The REST body's JSON form; the duration is "<seconds>s".
    let silence = |duration: &str| -> SilenceAlertRequest {
        serde_json::from_value(json!({
            "id": key("etl"), "duration": duration, "reason": "deploying", "silencedBy": "bob",
        }))
        .expect("a valid request body")
    };
    let now = plus(at("2025-03-03T10:00:00Z"), 31 * 60);
    let error = control
        .silence(&silence("-60s"), now)
        .await
        .expect_err("negative");
    assert_eq!(error.code(), tonic::Code::InvalidArgument);
    assert!(error.message().contains("duration"), "{}", error.message());

    let response = control
        .silence(&silence("10800s"), now)
        .await
        .expect("silenced");
    assert_eq!(
        response.silenced_until,
        Some(guardian_api::convert::timestamp(plus(now, 3 * 3600)))
    );
    remind_twin_at(&harness, 2 * 3600, 1).await;
    remind_twin_at(&harness, 3 * 3600, 2).await;
    assert_eq!(harness.effects.notified(&key("etl")), 1, "held back");

    let after = plus(at("2025-03-03T10:00:00Z"), 4 * 3600);
    harness.clock.set(after);
    let reminded = harness
        .alert_until(&key("etl"), |a| a.last_notified == Some(after))
        .await;
    assert_eq!(harness.effects.notified(&key("etl")), 2);
    assert!(reminded.silence_at(after).is_none() && reminded.silenced.is_some());
}
