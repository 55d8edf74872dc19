//! PagerDuty Events API v2: a real HTTP receiver on 127.0.0.1 stands in for
//! `/v2/enqueue` and checks trigger and resolve events.

mod common;

use common::{Receiver, Reply, options, resolve, trigger};
use guardian_notify::pagerduty::{PagerDutySeverity, PagerDutyTarget};
use guardian_notify::{
    Channel, ChannelTarget, Notifier, RetryPolicy, SecretString, deliver_with_retry,
};
use std::time::Duration;

const ROUTING_KEY: &str = "R0UT1NGKEY0123456789abcdefABCDEF";
const ACCEPTED: &str = r#"{"status":"success","message":"Event processed","dedup_key":"ops/nightly/ops/backup/jobFailed"}"#;

fn pagerduty(receiver: &Receiver, severity: Option<PagerDutySeverity>) -> Channel {
    let target = PagerDutyTarget {
        routing_key: SecretString::new(ROUTING_KEY),
        severity,
        endpoint: receiver.url("/v2/enqueue"),
    };
    Channel::build("pd", ChannelTarget::PagerDuty(target), &options()).expect("valid channel")
}

#[tokio::test]
async fn trigger_and_resolve_share_the_alert_key_as_dedup_key() {
    let receiver = Receiver::start(Vec::new(), Reply::Status(202, ACCEPTED)).await;
    let channel = pagerduty(&receiver, None);
    let delivery = channel.send(&trigger()).await.expect("trigger accepted");
    assert_eq!(delivery.code, 202);
    assert_eq!(
        delivery.remote_id.as_deref(),
        Some("ops/nightly/ops/backup/jobFailed")
    );
    channel.send(&resolve()).await.expect("resolve accepted");

    let requests = receiver.received();
    assert_eq!(requests.len(), 2);
    assert!(
        requests
            .iter()
            .all(|request| request.method == "POST" && request.path == "/v2/enqueue")
    );
    let event = requests[0].json();
    assert_eq!(event["routing_key"], ROUTING_KEY);
    assert_eq!(event["event_action"], "trigger");
    assert_eq!(event["dedup_key"], "ops/nightly/ops/backup/jobFailed");
    let payload = &event["payload"];
    assert_eq!(payload["summary"], "CronJob ops/backup failed");
    assert_eq!(payload["severity"], "critical");
    assert_eq!(payload["source"], "ops/backup");
    assert_eq!(payload["component"], "backup");
    assert_eq!(payload["group"], "ops");
    assert_eq!(payload["class"], "jobFailed");
    assert_eq!(payload["timestamp"], "2024-03-05T07:08:09Z");
    let details = &payload["custom_details"];
    assert_eq!(details["exit_code"], 137);
    assert_eq!(details["reason"], "OOMKilled");
    assert_eq!(details["message"], common::failed_alert().message);
    assert_eq!(
        details["suggested_fix"],
        "Raise the memory limit of container \"dump\""
    );

    let resolve = requests[1].json();
    assert_eq!(resolve["event_action"], "resolve");
    assert_eq!(resolve["dedup_key"], "ops/nightly/ops/backup/jobFailed");
    assert_eq!(resolve["routing_key"], ROUTING_KEY);
}

#[tokio::test]
async fn severities_map_unless_the_channel_fixes_one() {
    let receiver = Receiver::start(Vec::new(), Reply::Status(202, ACCEPTED)).await;
    let mut warning = trigger();
    warning.alert.severity = guardian_core::Severity::Warning;
    let mut info = trigger();
    info.alert.severity = guardian_core::Severity::Info;
    pagerduty(&receiver, None)
        .send(&warning)
        .await
        .expect("accepted");
    pagerduty(&receiver, None)
        .send(&info)
        .await
        .expect("accepted");
    pagerduty(&receiver, Some(PagerDutySeverity::Error))
        .send(&info)
        .await
        .expect("accepted");
    let severities: Vec<String> = receiver
        .received()
        .iter()
        .map(|request| {
            request.json()["payload"]["severity"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    assert_eq!(severities, ["warning", "info", "error"]);
}

#[tokio::test]
async fn a_500_then_202_is_retried_with_the_same_dedup_key() {
    let receiver = Receiver::start(
        vec![Reply::Status(500, "boom")],
        Reply::Status(202, ACCEPTED),
    )
    .await;
    let channel = pagerduty(&receiver, None);
    let policy = RetryPolicy {
        max_attempts: 3,
        initial_backoff: Duration::from_millis(20),
        max_backoff: Duration::from_millis(50),
    };
    let report = deliver_with_retry(&channel, &trigger(), &policy).await;
    assert_eq!(report.attempts, 2);
    assert!(report.result.is_ok());
    let requests = receiver.received();
    assert_eq!(requests.len(), 2);
    assert_eq!(
        requests[0].json()["dedup_key"],
        requests[1].json()["dedup_key"]
    );
    assert_eq!(
        requests[0].body, requests[1].body,
        "a retry sends the very same event"
    );
}

#[tokio::test]
async fn an_invalid_event_is_permanent_and_never_shows_the_routing_key() {
    let receiver = Receiver::start(
        Vec::new(),
        Reply::Status(400, r#"{"status":"invalid event","errors":["routing_key R0UT1NGKEY0123456789abcdefABCDEF is unknown"]}"#),
    )
    .await;
    let error = pagerduty(&receiver, None)
        .send(&trigger())
        .await
        .expect_err("400");
    assert_eq!(error.kind(), guardian_notify::FailureKind::Permanent);
    assert!(!error.to_string().contains(ROUTING_KEY), "{error}");
    assert!(error.to_string().contains("[redacted]"), "{error}");
    let channel = pagerduty(&receiver, None);
    assert!(!format!("{channel:?}").contains(ROUTING_KEY));
}
