//! Generic webhooks: a real HTTP receiver on 127.0.0.1 checks method, headers and JSON.

mod common;

use std::collections::BTreeMap;
use std::time::Duration;

use common::{Receiver, Reply, failed_alert, options, resolve, trigger};
use guardian_notify::webhook::{WebhookMethod, WebhookTarget};
use guardian_notify::{
    Channel, ChannelTarget, Notifier, RetryPolicy, SecretString, deliver_with_retry,
};
use serde_json::{Value, json};

fn webhook(receiver: &Receiver, method: WebhookMethod, template: Option<&str>) -> Channel {
    let headers = BTreeMap::from([
        ("Authorization".to_owned(), "Bearer s3cr3t-token".to_owned()),
        ("X-Team".to_owned(), "ops".to_owned()),
    ]);
    let target = WebhookTarget {
        url: SecretString::new(receiver.url("/hooks/alerts?token=abc123")),
        method,
        headers,
        payload_template: template.map(str::to_owned),
    };
    Channel::build("hook", ChannelTarget::Webhook(target), &options()).expect("valid channel")
}

#[tokio::test]
async fn default_payload_is_valid_json_with_keys_and_custom_headers() {
    let receiver = Receiver::always(204).await;
    let notification = trigger();
    webhook(&receiver, WebhookMethod::Post, None)
        .send(&notification)
        .await
        .expect("delivered");
    let request = &receiver.received()[0];
    assert_eq!(request.method, "POST");
    assert_eq!(request.path, "/hooks/alerts");
    assert_eq!(request.header("content-type"), Some("application/json"));
    assert_eq!(request.header("authorization"), Some("Bearer s3cr3t-token"));
    assert_eq!(request.header("x-team"), Some("ops"));
    assert_eq!(
        request.header("idempotency-key"),
        Some(notification.delivery_id.as_str())
    );
    assert_eq!(
        request.header("idempotency-key"),
        Some("ops/nightly/ops/backup/jobFailed#trigger@2024-03-05T07:08:09Z")
    );
    assert_eq!(
        request.header("x-guardian-alert-key"),
        Some("ops/nightly/ops/backup/jobFailed")
    );
    assert_eq!(request.header("x-guardian-event"), Some("trigger"));

    let body = request.json();
    assert_eq!(body["key"], "ops/nightly/ops/backup/jobFailed");
    assert_eq!(body["status"], "firing");
    assert_eq!(body["type"], "jobFailed");
    assert_eq!(body["severity"], "critical");
    assert_eq!(
        body["message"],
        failed_alert().message,
        "quotes and newlines survive"
    );
    assert_eq!(
        body["cronjob"],
        json!({ "namespace": "ops", "name": "backup" })
    );
    assert_eq!(
        body["monitor"],
        json!({ "namespace": "ops", "name": "nightly" })
    );
    assert_eq!(body["context"]["exit_code"], 137);
    assert_eq!(body["context"]["success_rate"], 87.5);
    assert_eq!(
        body["context"]["logs"],
        common::failure_context().logs.unwrap_or_default()
    );
    assert_eq!(body["timestamp"], "2024-03-05T07:08:09Z");
}

#[tokio::test]
async fn put_resolve_carries_a_different_idempotency_key_and_the_same_alert_key() {
    let receiver = Receiver::always(200).await;
    let channel = webhook(&receiver, WebhookMethod::Put, None);
    channel.send(&trigger()).await.expect("delivered");
    channel.send(&resolve()).await.expect("delivered");
    let requests = receiver.received();
    assert!(requests.iter().all(|request| request.method == "PUT"));
    let resolve = &requests[1];
    assert_eq!(resolve.json()["status"], "resolved");
    assert_eq!(resolve.json()["resolved_at"], "2024-03-05T09:00:00Z");
    assert_eq!(resolve.header("x-guardian-event"), Some("resolve"));
    assert_eq!(
        resolve.header("x-guardian-alert-key"),
        requests[0].header("x-guardian-alert-key")
    );
    assert_ne!(
        resolve.header("idempotency-key"),
        requests[0].header("idempotency-key")
    );
}

#[tokio::test]
async fn payload_template_escapes_values_so_the_body_stays_valid_json() {
    let receiver = Receiver::always(200).await;
    let template = r#"{"text": "{{ .Title }}: {{ .Message }}", "exit": {{ .Context.ExitCode }},
        "logs": {{ jsonEscape .Context.Logs }}, "events": {{ .Context.Events }},
        "fix": "{{ .Context.SuggestedFix | upper }}"}"#;
    let channel = webhook(&receiver, WebhookMethod::Post, Some(template));
    channel.send(&trigger()).await.expect("delivered");
    let body: Value = receiver.received()[0].json();
    let alert = failed_alert();
    assert_eq!(body["text"], format!("{}: {}", alert.title, alert.message));
    assert_eq!(body["exit"], 137);
    assert_eq!(
        body["logs"],
        common::failure_context().logs.unwrap_or_default()
    );
    assert_eq!(
        body["events"][0],
        "BackoffLimitExceeded: Job has reached the specified backoff limit"
    );
    assert_eq!(body["fix"], "RAISE THE MEMORY LIMIT OF CONTAINER \"DUMP\"");
}

#[tokio::test]
async fn a_template_that_cannot_produce_json_is_a_configuration_error() {
    let target = WebhookTarget {
        url: SecretString::new("http://127.0.0.1:9/hook"),
        method: WebhookMethod::Post,
        headers: BTreeMap::new(),
        payload_template: Some(r#"{"text": {{ .Title }"#.to_owned()),
    };
    let error =
        Channel::build("hook", ChannelTarget::Webhook(target), &options()).expect_err("not JSON");
    assert!(
        error
            .to_string()
            .starts_with("spec.webhook.payloadTemplate:"),
        "{error}"
    );
}

#[tokio::test]
async fn a_500_then_200_is_retried_with_the_same_idempotency_key_and_body() {
    let receiver =
        Receiver::start(vec![Reply::Status(500, "down")], Reply::Status(200, "ok")).await;
    let channel = webhook(&receiver, WebhookMethod::Post, None);
    let policy = RetryPolicy {
        max_attempts: 3,
        initial_backoff: Duration::from_millis(20),
        max_backoff: Duration::from_millis(50),
    };
    let report = deliver_with_retry(&channel, &trigger(), &policy).await;
    assert_eq!(report.attempts, 2);
    assert_eq!(report.result.map(|delivery| delivery.code), Ok(200));
    let requests = receiver.received();
    assert_eq!(requests.len(), 2);
    assert_eq!(
        requests[0].header("idempotency-key"),
        requests[1].header("idempotency-key")
    );
    assert_eq!(requests[0].body, requests[1].body);
}

#[tokio::test]
async fn errors_and_debug_output_hide_the_url_and_header_values() {
    let receiver = Receiver::start(
        Vec::new(),
        Reply::Status(401, "bad token Bearer s3cr3t-token"),
    )
    .await;
    let channel = webhook(&receiver, WebhookMethod::Post, None);
    let error = channel.send(&trigger()).await.expect_err("401");
    assert_eq!(error.kind(), guardian_notify::FailureKind::Permanent);
    let shown = format!("{error} {error:?} {channel:?}");
    for secret in ["s3cr3t-token", "abc123", "/hooks/alerts"] {
        assert!(!shown.contains(secret), "{secret} leaked in {shown}");
    }
}
