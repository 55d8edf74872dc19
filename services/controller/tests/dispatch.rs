//! The alert delivery pipeline end to end: a failed Job, the leader's monitoring, the
//! delivery outbox in PostgreSQL, the dispatcher and real HTTP receivers on 127.0.0.1
//! standing in for Slack, PagerDuty and a webhook.

mod dispatch_support;
#[path = "../../notify/tests/common/mod.rs"]
mod receivers;

use dispatch_support::{Harness, plus};
use guardian_store::DeliveryState;
use jiff::Timestamp;
use receivers::{Receiver, Reply};
use serde_json::{Value, json};

const NS: &str = "team-a";
const KEY: &str = "team-a/watch/team-a/backup/jobFailed";

fn start() -> Timestamp {
    "2025-03-03T10:05:00Z".parse().expect("valid time")
}

/// A monitor of `cronjobs` whose only alerts are failed runs, sent to `channels`.
fn monitor(cronjobs: &[&str], channels: &[&str]) -> Value {
    let refs: Vec<Value> = channels.iter().map(|name| json!({"name": name})).collect();
    json!({
        "selector": {"matchNames": cronjobs},
        "deadManSwitch": {"enabled": false},
        "sla": {"enabled": false},
        "alerting": {"channelRefs": refs, "suppressDuplicatesFor": "24h"},
    })
}

fn webhook(harness: &Harness, name: &str, receiver: &Receiver, extra: Value) {
    harness.secret(NS, &format!("{name}-secret"), "url", &receiver.url("/hook"));
    let mut spec = json!({"type": "webhook", "webhook": {
        "urlSecretRef": {"name": format!("{name}-secret"), "namespace": NS, "key": "url"}}});
    if let (Some(spec), Some(extra)) = (spec.as_object_mut(), extra.as_object()) {
        spec.extend(extra.clone());
    }
    harness.channel(NS, name, spec);
}

fn slack(harness: &Harness, receiver: &Receiver) {
    harness.secret(
        NS,
        "slack-secret",
        "url",
        &receiver.url("/services/T1/B2/XYZ"),
    );
    harness.channel(
        NS,
        "slack",
        json!({"type": "slack", "slack": {
        "webhookSecretRef": {"name": "slack-secret", "namespace": NS, "key": "url"}}}),
    );
}

fn pagerduty(harness: &Harness) {
    harness.secret(NS, "pd-secret", "routing-key", "R0UTINGKEY");
    harness.channel(
        NS,
        "pager",
        json!({"type": "pagerduty", "pagerduty": {
        "routingKeySecretRef": {"name": "pd-secret", "namespace": NS, "key": "routing-key"}}}),
    );
}

async fn requests(receiver: &Receiver, count: usize) -> Vec<receivers::Received> {
    dispatch_support::wait_for(&format!("{count} requests"), || {
        let received = receiver.received();
        (received.len() >= count).then_some(received)
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_job_reaches_slack_pagerduty_and_a_webhook_once_each_then_resolves() {
    let slack_rx = Receiver::always(200).await;
    let pd_rx = Receiver::start(Vec::new(), Reply::Status(202, r#"{"status":"success"}"#)).await;
    let hook_rx = Receiver::always(200).await;
    let harness = Harness::start(start(), Some(pd_rx.url("/v2/enqueue"))).await;
    slack(&harness, &slack_rx);
    pagerduty(&harness);
    webhook(&harness, "hook", &hook_rx, json!({}));
    let backup = harness.cronjob(NS, "backup");
    harness.monitor(
        NS,
        "watch",
        monitor(&["backup"], &["slack", "pager", "hook"]),
    );
    harness.run(&backup, plus(start(), -300), false);

    let slack_msg = requests(&slack_rx, 1).await.remove(0);
    let pd_event = requests(&pd_rx, 1).await.remove(0).json();
    let hook_call = requests(&hook_rx, 1).await.remove(0);
    assert!(
        slack_msg.json()["text"]
            .as_str()
            .is_some_and(|t| t.contains("backup"))
    );
    assert_eq!(pd_event["event_action"], "trigger");
    assert_eq!(pd_event["dedup_key"], KEY);
    assert_eq!(pd_event["routing_key"], "R0UTINGKEY");
    assert_eq!(hook_call.header("x-guardian-alert-key"), Some(KEY));
    let trigger_key = hook_call
        .header("idempotency-key")
        .expect("idempotency key")
        .to_owned();
    let payload = hook_call.json();
    assert_eq!(
        (&payload["type"], &payload["event"]),
        (&json!("jobFailed"), &json!("trigger"))
    );
    assert_eq!(
        payload["context"]["reason"], "BackoffLimitExceeded",
        "context is on by default"
    );
    let sent = harness
        .deliveries_until(KEY, |rows| {
            rows.len() == 3 && rows.iter().all(|r| r.state == DeliveryState::Sent)
        })
        .await;
    assert!(sent.iter().all(|row| row.attempts == 1));

    // A later success resolves the alert: one resolve notice per channel.
    harness.clock.set(plus(start(), 600));
    harness.run(&backup, plus(start(), 300), true);
    assert_resolved_once_each(&harness, [&slack_rx, &pd_rx, &hook_rx], &trigger_key).await;
}

/// Each receiver (Slack, PagerDuty, webhook) got exactly one trigger and one resolve.
async fn assert_resolved_once_each(
    harness: &Harness,
    receivers: [&Receiver; 3],
    trigger_key: &str,
) {
    let [slack_rx, pd_rx, hook_rx] = receivers;
    let pd_resolve = requests(pd_rx, 2).await.remove(1).json();
    assert_eq!(pd_resolve["event_action"], "resolve");
    assert_eq!(
        pd_resolve["dedup_key"], KEY,
        "the resolve closes the same incident"
    );
    let hook_resolve = requests(hook_rx, 2).await.remove(1);
    assert_eq!(hook_resolve.header("x-guardian-event"), Some("resolve"));
    assert_ne!(hook_resolve.header("idempotency-key"), Some(trigger_key));
    requests(slack_rx, 2).await;
    harness
        .deliveries_until(KEY, |rows| {
            rows.len() == 6 && rows.iter().all(|r| r.state == DeliveryState::Sent)
        })
        .await;
    assert_eq!(
        (
            slack_rx.received().len(),
            pd_rx.received().len(),
            hook_rx.received().len()
        ),
        (2, 2, 2),
        "nothing was sent twice"
    );
    let status = harness
        .channel_status_until(NS, "pager", |s| s["alertsSentTotal"] == 2)
        .await;
    assert_eq!(status["ready"], true);
    assert_eq!(status["consecutiveFailures"], 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hanging_or_failing_channel_does_not_delay_another() {
    let slack_rx = Receiver::always(200).await;
    let hung_rx = Receiver::start(vec![Reply::Hang], Reply::Status(200, "ok")).await;
    let broken_rx = Receiver::always(503).await;
    let harness = Harness::start(start(), None).await;
    slack(&harness, &slack_rx);
    webhook(&harness, "hung", &hung_rx, json!({}));
    webhook(&harness, "broken", &broken_rx, json!({}));
    let backup = harness.cronjob(NS, "backup");
    harness.monitor(
        NS,
        "watch",
        monitor(&["backup"], &["hung", "broken", "slack"]),
    );
    harness.run(&backup, plus(start(), -300), false);

    hung_rx.wait_for_request().await;
    requests(&slack_rx, 1).await;
    requests(&broken_rx, 1).await;
    harness.delivery_in(KEY, "slack", DeliveryState::Sent).await;
    let hung = harness
        .delivery_in(KEY, "hung", DeliveryState::Sending)
        .await;
    assert_eq!(hung.attempts, 1, "still waiting for its answer");

    // The broken channel is retried with backoff until it gives up; status says so.
    for step in 1..=2 {
        harness.clock.set(plus(start(), 11 * step));
        requests(&broken_rx, 1 + step as usize).await;
    }
    let broken = harness
        .delivery_in(KEY, "broken", DeliveryState::Failed)
        .await;
    assert_eq!(broken.attempts, 3);
    assert!(
        broken
            .last_error
            .as_deref()
            .is_some_and(|e| e.contains("503")),
        "{broken:?}"
    );
    let status = harness
        .channel_status_until(NS, "broken", |s| s["consecutiveFailures"] == 3)
        .await;
    let delivering = status["conditions"]
        .as_array()
        .and_then(|all| all.iter().find(|c| c["type"] == "Delivering"))
        .expect("Delivering condition");
    assert_eq!(delivering["status"], "False");
    assert_eq!(delivering["reason"], "PersistentFailure");
    assert_eq!(status["alertsFailedTotal"], 1);

    hung_rx.release();
    harness.delivery_in(KEY, "hung", DeliveryState::Sent).await;
    assert_eq!(slack_rx.received().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_leader_resends_an_uncertain_delivery_with_the_same_key_and_nothing_else() {
    let slack_rx = Receiver::always(200).await;
    let hook_rx = Receiver::start(vec![Reply::Hang], Reply::Status(200, "ok")).await;
    let mut harness = Harness::start(start(), None).await;
    slack(&harness, &slack_rx);
    webhook(&harness, "hook", &hook_rx, json!({}));
    let backup = harness.cronjob(NS, "backup");
    harness.monitor(NS, "watch", monitor(&["backup"], &["hook", "slack"]));
    harness.run(&backup, plus(start(), -300), false);
    hook_rx.wait_for_request().await;
    harness.delivery_in(KEY, "slack", DeliveryState::Sent).await;
    harness
        .delivery_in(KEY, "hook", DeliveryState::Sending)
        .await;

    // The leader dies while the webhook's answer is outstanding.
    harness.fail_over().await;
    let calls = requests(&hook_rx, 2).await;
    let first = calls[0].header("idempotency-key").expect("key");
    assert_eq!(
        calls[1].header("idempotency-key"),
        Some(first),
        "same delivery id"
    );
    assert_eq!(calls[1].body, calls[0].body, "the same notification");
    let rows = harness
        .deliveries_until(KEY, |rows| {
            rows.iter().all(|r| r.state == DeliveryState::Sent)
        })
        .await;
    assert_eq!(
        rows.len(),
        2,
        "the new leader queued nothing new: {rows:#?}"
    );
    let hook = rows
        .iter()
        .find(|r| r.channel.name == "hook")
        .expect("hook row");
    assert_eq!(hook.attempts, 2);
    assert_eq!(
        slack_rx.received().len(),
        1,
        "a finished delivery is never resent"
    );
    assert_eq!(hook_rx.received().len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_channel_rate_limit_holds_an_alert_back_and_sends_it_later() {
    let hook_rx = Receiver::always(200).await;
    let harness = Harness::start(start(), None).await;
    let limit = json!({"rateLimiting": {"maxAlertsPerHour": 1, "burstLimit": 1}});
    webhook(&harness, "hook", &hook_rx, limit);
    let backup = harness.cronjob(NS, "backup");
    let report = harness.cronjob(NS, "report");
    harness.monitor(NS, "watch", monitor(&["backup", "report"], &["hook"]));
    harness.run(&backup, plus(start(), -300), false);
    harness.run(&report, plus(start(), -300), false);
    let report_key = "team-a/watch/team-a/report/jobFailed";

    requests(&hook_rx, 1).await;
    let deadline = tokio::time::Instant::now() + dispatch_support::PATIENCE;
    let pending = loop {
        let mut rows = Vec::new();
        for key in [KEY, report_key] {
            rows.extend(harness.store.deliveries_of_alert(key).await.expect("read"));
        }
        let held: Vec<_> = rows
            .into_iter()
            .filter(|r| r.state == DeliveryState::Pending && r.next_attempt_at > start())
            .collect();
        if !held.is_empty() {
            break held;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "nothing was held back"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    };
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].attempts, 0, "held back, not failed");
    assert_eq!(hook_rx.received().len(), 1);

    harness.clock.set(plus(start(), 3600 + 60));
    requests(&hook_rx, 2).await;
    let alerts: Vec<String> = hook_rx
        .received()
        .iter()
        .filter_map(|call| call.header("x-guardian-alert-key").map(str::to_owned))
        .collect();
    assert!(alerts.contains(&KEY.to_owned()) && alerts.contains(&report_key.to_owned()));
}
