//! The leader's monitoring end to end: monitors applied to the HTTP Kubernetes stand-in,
//! runs recorded by the real watch and writer into PostgreSQL, a fake clock jumped by hand;
//! what is checked is what users see: monitor status and alert records.

mod monitoring_support;

use guardian_core::AlertState;
use monitoring_support::{Harness, active_types, at, listed, plus, ready};
use serde_json::json;

const NS: &str = "team-a";

fn key(monitor: &str, cronjob: &str, kind: &str) -> String {
    format!("{NS}/{monitor}/{NS}/{cronjob}/{kind}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unworkable_monitor_gets_a_clear_condition_and_the_others_keep_working() {
    let harness = Harness::start(at("2025-03-03T10:00:00Z")).await;
    harness.cronjob(NS, "backup", "0 * * * *", &[("app", "backup")]);
    harness.monitor(
        NS,
        "broken",
        json!({"maintenanceWindows": [
        {"name": "patching", "schedule": "61 * * * *", "duration": "1h"}]}),
    );
    harness.monitor(NS, "garbled", json!({"selector": "everything"}));
    harness.monitor(
        NS,
        "good",
        json!({"selector": {"matchLabels": {"app": "backup"}}}),
    );

    let broken = harness
        .status_until(NS, "broken", |s| ready(s).is_some())
        .await;
    let condition = ready(&broken).expect("ready condition");
    assert_eq!(condition["status"], "False");
    assert_eq!(condition["reason"], "InvalidMaintenanceWindow");
    let message = condition["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("patching") && message.contains("minute"),
        "unclear message: {message}"
    );
    assert_eq!(broken["phase"], "Error");
    assert_eq!(broken["observedGeneration"], 1);
    assert!(
        listed(&broken).is_empty(),
        "an invalid monitor watches nothing"
    );

    let garbled = harness
        .status_until(NS, "garbled", |s| ready(s).is_some())
        .await;
    let condition = ready(&garbled).expect("condition");
    assert_eq!(condition["reason"], "MalformedSpec");
    let message = condition["message"].as_str().unwrap_or_default();
    assert!(
        message.starts_with("spec.selector: invalid type"),
        "unclear message: {message}"
    );

    let good = harness
        .status_until(NS, "good", |s| {
            ready(s).is_some_and(|c| c["status"] == "True")
        })
        .await;
    assert_eq!(listed(&good), vec!["backup"]);
    let stored = harness
        .store
        .list_monitors(Some(NS))
        .await
        .expect("monitors");
    let names: Vec<&str> = stored.iter().map(|m| m.monitor.name.as_str()).collect();
    assert_eq!(
        names,
        vec!["broken", "garbled", "good"],
        "every monitor is served to the query plane"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_monitor_lists_the_cronjobs_it_selects_and_follows_label_changes() {
    let harness = Harness::start(at("2025-03-03T10:00:00Z")).await;
    harness.cronjob(NS, "backup", "0 * * * *", &[("tier", "critical")]);
    harness.cronjob(NS, "report", "0 * * * *", &[("tier", "low")]);
    harness.cronjob("team-b", "backup", "0 * * * *", &[("tier", "critical")]);
    harness.monitor(
        NS,
        "critical",
        json!({"selector": {"matchLabels": {"tier": "critical"}}}),
    );

    let status = harness
        .status_until(NS, "critical", |s| !listed(s).is_empty())
        .await;
    assert_eq!(
        listed(&status),
        vec!["backup"],
        "only its own namespace by default"
    );
    assert_eq!(status["summary"]["totalCronJobs"], 1);
    assert_eq!(status["cronJobs"][0]["status"], "healthy");

    harness.cronjob(NS, "report", "0 * * * *", &[("tier", "critical")]);
    let status = harness
        .status_until(NS, "critical", |s| listed(s).len() == 2)
        .await;
    assert_eq!(listed(&status), vec!["backup", "report"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missed_schedules_alert_and_a_later_success_resolves_them() {
    let start = at("2025-03-03T10:00:00Z");
    let harness = Harness::start(start).await;
    let etl = harness.cronjob(NS, "etl", "*/5 * * * *", &[("app", "etl")]);
    harness.run(&etl, plus(start, 300), 10, true);
    harness.clock.set(plus(start, 360));
    harness.monitor(NS, "etl-watch", json!({
        "selector": {"matchLabels": {"app": "etl"}},
        "deadManSwitch": {"maxTimeSinceLastSuccess": "20m",
            "autoFromSchedule": {"enabled": true, "buffer": "2m", "missedScheduleThreshold": 2}},
    }));
    harness
        .status_until(NS, "etl-watch", |s| {
            s["cronJobs"][0]["lastSuccessfulTime"] == "2025-03-03T10:05:10Z"
        })
        .await;

    // Nothing runs for 35 minutes: six fire times pass their buffer.
    harness.clock.set(plus(start, 40 * 60));
    let missed = harness
        .alert_until(&key("etl-watch", "etl", "missedSchedule"), |a| {
            a.state == AlertState::Firing
        })
        .await;
    assert!(
        missed.message.starts_with("6 scheduled run(s) missed"),
        "{}",
        missed.message
    );
    let dead = harness
        .alert_until(&key("etl-watch", "etl", "deadManTriggered"), |a| {
            a.state == AlertState::Firing
        })
        .await;
    assert!(
        dead.message.contains("2025-03-03T10:05:10Z"),
        "{}",
        dead.message
    );
    let status = harness
        .status_until(NS, "etl-watch", |s| active_types(s).len() == 2)
        .await;
    assert_eq!(status["cronJobs"][0]["status"], "critical");
    assert_eq!(status["summary"]["activeAlerts"], 2);
    assert_eq!(status["phase"], "Degraded");

    harness.clock.set(plus(start, 41 * 60));
    harness.run(&etl, plus(start, 40 * 60), 10, true);
    for kind in ["missedSchedule", "deadManTriggered"] {
        let resolved = harness
            .alert_until(&key("etl-watch", "etl", kind), |a| {
                a.state == AlertState::Resolved
            })
            .await;
        assert_eq!(resolved.resolved_at, Some(plus(start, 41 * 60)));
    }
    let status = harness
        .status_until(NS, "etl-watch", |s| active_types(s).is_empty())
        .await;
    assert_eq!(status["cronJobs"][0]["status"], "healthy");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn runs_four_times_slower_than_their_baseline_are_a_duration_regression() {
    let start = at("2025-03-01T00:00:00Z");
    let harness = Harness::start(start).await;
    let nightly = harness.cronjob(NS, "nightly", "0 0 * * *", &[("app", "nightly")]);
    for day in 1..=8 {
        harness.run(&nightly, plus(start, day * 86_400), 10, true);
    }
    harness.run(&nightly, plus(start, 12 * 86_400), 40, true);
    harness.clock.set(plus(start, 12 * 86_400 + 300));
    harness.monitor(
        NS,
        "nightly-watch",
        json!({"selector": {"matchLabels": {"app": "nightly"}}}),
    );

    let regression = harness
        .alert_until(
            &key("nightly-watch", "nightly", "durationRegression"),
            |a| a.state == AlertState::Firing,
        )
        .await;
    assert!(
        regression
            .message
            .starts_with("P95 duration 40s is 300% above the baseline P95 10s"),
        "{}",
        regression.message
    );
    let status = harness
        .status_until(NS, "nightly-watch", |s| !active_types(s).is_empty())
        .await;
    assert_eq!(active_types(&status), vec!["durationRegression"]);
    assert_eq!(status["cronJobs"][0]["status"], "warning");
    assert_eq!(status["cronJobs"][0]["lastRunDuration"], "40s");
}
