//! Alert life cycle through the leader's monitoring: maintenance windows hold alerts back,
//! alert state survives a failover (in the database, continued by the next leader), and
//! an unchanged status is not written again.

mod monitoring_support;

use guardian_core::AlertState;
use monitoring_support::{Harness, at, listed, plus, ready};
use serde_json::json;

const NS: &str = "team-a";

fn key(monitor: &str, cronjob: &str, kind: &str) -> String {
    format!("{NS}/{monitor}/{NS}/{cronjob}/{kind}")
}

fn missed_schedule_monitor(extra: serde_json::Value) -> serde_json::Value {
    let mut spec = json!({
        "selector": {"matchLabels": {"app": "etl"}},
        "deadManSwitch": {"autoFromSchedule": {"enabled": true, "buffer": "1m"}},
    });
    if let (Some(spec), Some(extra)) = (spec.as_object_mut(), extra.as_object()) {
        spec.extend(extra.clone());
    }
    spec
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_maintenance_window_holds_an_alert_back_until_it_ends() {
    let start = at("2025-03-03T10:00:00Z");
    let harness = Harness::start(start).await;
    harness.cronjob(NS, "etl", "*/5 * * * *", &[("app", "etl")]);
    let window = json!({"maintenanceWindows": [
        {"name": "upgrade", "schedule": "0 10 * * *", "duration": "2h", "timezone": "UTC"}]});
    harness.monitor(NS, "etl-watch", missed_schedule_monitor(window));
    harness
        .status_until(NS, "etl-watch", |s| s["summary"]["totalCronJobs"] == 1)
        .await;

    harness.clock.set(plus(start, 30 * 60));
    let key = key("etl-watch", "etl", "missedSchedule");
    let held = harness
        .alert_until(&key, |a| a.state == AlertState::Pending)
        .await;
    assert_eq!(
        held.last_notified, None,
        "nothing is sent inside the window"
    );
    assert_eq!(harness.effects.notified(&key), 0);

    harness.clock.set(plus(start, 2 * 3600 + 60));
    let firing = harness
        .alert_until(&key, |a| a.state == AlertState::Firing)
        .await;
    assert_eq!(firing.since, held.since, "the alert is the one held back");
    assert_eq!(firing.last_notified, Some(plus(start, 2 * 3600 + 60)));
    assert_eq!(harness.effects.notified(&key), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_next_leader_continues_a_firing_alert_instead_of_sending_it_again() {
    let start = at("2025-03-03T10:00:00Z");
    let mut harness = Harness::start(start).await;
    harness.cronjob(NS, "etl", "*/5 * * * *", &[("app", "etl")]);
    harness.cronjob(NS, "other", "0 * * * *", &[("app", "other")]);
    harness.monitor(NS, "etl-watch", missed_schedule_monitor(json!({})));
    harness
        .status_until(NS, "etl-watch", |s| s["summary"]["totalCronJobs"] == 1)
        .await;
    harness.clock.set(plus(start, 30 * 60));
    let key = key("etl-watch", "etl", "missedSchedule");
    let before = harness
        .alert_until(&key, |a| a.state == AlertState::Firing)
        .await;
    assert_eq!(harness.effects.notified(&key), 1);

    harness.fail_over().await;
    harness.clock.set(plus(start, 31 * 60));
    // A monitor the new leader must reconcile proves it has run full passes since.
    harness.monitor(
        NS,
        "other-watch",
        json!({"selector": {"matchLabels": {"app": "other"}}}),
    );
    harness
        .status_until(NS, "other-watch", |s| ready(s).is_some())
        .await;
    let after = harness
        .alert_until(&key, |a| a.state == AlertState::Firing)
        .await;
    assert_eq!(after.since, before.since, "the same alert, not a new one");
    assert_eq!(after.last_notified, before.last_notified, "not sent again");
    assert_eq!(harness.effects.notified(&key), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unchanged_status_is_not_written_again() {
    let harness = Harness::start(at("2025-03-03T10:00:00Z")).await;
    harness.cronjob(NS, "backup", "0 * * * *", &[("app", "backup")]);
    harness.cronjob(NS, "report", "0 * * * *", &[("app", "report")]);
    harness.monitor(
        NS,
        "backup-watch",
        json!({"selector": {"matchLabels": {"app": "backup"}}}),
    );
    // Settled: ready and listing its CronJob (a first pass may run before the index has it).
    harness
        .status_until(NS, "backup-watch", |s| {
            ready(s).is_some() && listed(s) == ["backup"]
        })
        .await;
    let version = harness.resource_version(NS, "backup-watch");

    harness.monitor(
        NS,
        "report-watch",
        json!({"selector": {"matchLabels": {"app": "report"}}}),
    );
    harness
        .status_until(NS, "report-watch", |s| {
            ready(s).is_some() && listed(s) == ["report"]
        })
        .await;
    assert_eq!(
        harness.resource_version(NS, "backup-watch"),
        version,
        "passes ran, nothing changed"
    );
}

/// One health rule (`guardian_core::health`): a run that failed inside an open
/// maintenance window leaves the CronJob `warning` in the monitor's status (which
/// `/monitors` reads) as in `/cronjobs`, though its alert is held back; the alert
/// goes out once when the window ends.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failure_held_back_by_a_maintenance_window_is_still_a_warning() {
    let start = at("2025-03-03T10:00:00Z");
    let harness = Harness::start(start).await;
    let etl = harness.cronjob(NS, "etl", "0 3 * * *", &[("app", "etl")]);
    harness.monitor(
        NS,
        "etl-watch",
        json!({
            "selector": {"matchLabels": {"app": "etl"}},
            "deadManSwitch": {"enabled": false},
            "maintenanceWindows": [
                {"name": "upgrade", "schedule": "0 10 * * *", "duration": "2h", "timezone": "UTC"}],
        }),
    );
    harness.run(&etl, plus(start, 60), 30, false);
    harness.clock.set(plus(start, 5 * 60));
    let key = key("etl-watch", "etl", "jobFailed");
    let held = harness
        .alert_until(&key, |a| a.state == AlertState::Pending)
        .await;
    assert_eq!(held.last_notified, None, "held back inside the window");
    let status = harness
        .status_until(NS, "etl-watch", |s| {
            s["cronJobs"][0]["lastFailedTime"].is_string()
        })
        .await;
    assert_eq!(status["cronJobs"][0]["status"], "warning", "{status}");
    assert_eq!(status["summary"]["warning"], 1, "{status}");

    // When the window ends the held-back failure is sent once (the existing operator
    // dropped it): nobody learns of a failure that a later success has not cleared.
    harness.clock.set(plus(start, 2 * 3600 + 60));
    let firing = harness
        .alert_until(&key, |a| a.state == AlertState::Firing)
        .await;
    assert_eq!(firing.since, held.since, "the alert is the one held back");
    assert_eq!(firing.last_notified, Some(plus(start, 2 * 3600 + 60)));
    assert_eq!(harness.effects.notified(&key), 1);
}
