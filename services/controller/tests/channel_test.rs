//! Test alerts: the `TestChannel` RPC's logic (clear errors for an unknown channel or a bad
//! secret) and `testOnSave`, which tests once per change of a channel's spec, also across
//! a failover, and never on every reconcile.

mod dispatch_support;
#[path = "../../notify/tests/common/mod.rs"]
mod receivers;

use dispatch_support::{Harness, wait_for};
use guardian_api::v1::TestChannelRequest;
use guardian_api::v1::control_service_server::ControlService;
use guardian_controller::dispatch::test_channel::test_channel;
use guardian_controller::grpc::control_service::ControlRpc;
use guardian_controller::leadership;
use guardian_core::Epoch;
use jiff::Timestamp;
use receivers::{Receiver, Reply};
use serde_json::{Value, json};

const NS: &str = "team-a";

fn start() -> Timestamp {
    "2025-03-03T10:05:00Z".parse().expect("valid time")
}

fn hook_spec(secret: &str, extra: Value) -> Value {
    let mut spec = json!({"type": "webhook", "webhook": {
        "urlSecretRef": {"name": secret, "namespace": NS, "key": "url"}}});
    if let (Some(spec), Some(extra)) = (spec.as_object_mut(), extra.as_object()) {
        spec.extend(extra.clone());
    }
    spec
}

fn tested(status: &Value) -> Option<(i64, String)> {
    let condition = status["conditions"]
        .as_array()?
        .iter()
        .find(|condition| condition["type"] == "Tested")?;
    Some((
        condition["observedGeneration"].as_i64()?,
        condition["status"].as_str()?.to_owned(),
    ))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn test_channel_sends_a_test_alert_and_names_what_is_wrong() {
    let ok_rx = Receiver::always(200).await;
    let down_rx = Receiver::always(500).await;
    let harness = Harness::start(start(), None).await;
    let client = harness.api.client().expect("client");
    harness.secret(NS, "ok-secret", "url", &ok_rx.url("/hook"));
    harness.secret(NS, "down-secret", "url", &down_rx.url("/hook"));
    harness.channel(NS, "ok", hook_spec("ok-secret", json!({})));
    harness.channel(NS, "down", hook_spec("down-secret", json!({})));
    harness.channel(NS, "no-secret", hook_spec("missing-secret", json!({})));
    let settings = harness.settings.clone();

    let unknown = test_channel(&client, NS, "nope", &settings, start()).await;
    assert_eq!(unknown.expect_err("unknown").code(), tonic::Code::NotFound);
    let bad = test_channel(&client, NS, "no-secret", &settings, start())
        .await
        .expect_err("a missing secret is a precondition");
    assert_eq!(bad.code(), tonic::Code::FailedPrecondition);
    assert!(
        bad.message().contains("SecretNotFound"),
        "{}",
        bad.message()
    );

    // Found by its cluster-wide unique name, without a namespace.
    let sent = test_channel(&client, "", "ok", &settings, start()).await;
    assert_eq!(sent.expect("answered"), Ok(()));
    let call = ok_rx.received().remove(0);
    assert_eq!(call.header("x-guardian-event"), Some("test"));
    assert!(
        !call.body.contains(&ok_rx.url("/hook")),
        "the secret URL is not in the payload"
    );
    let failed = test_channel(&client, NS, "down", &settings, start())
        .await
        .expect("answered");
    assert!(failed.expect_err("500").contains("500"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn test_channel_rpc_sends_pagerduty_tests_where_real_alerts_go() {
    let pd_rx = Receiver::start(Vec::new(), Reply::Status(202, r#"{"status":"success"}"#)).await;
    let harness = Harness::start(start(), Some(pd_rx.url("/v2/enqueue"))).await;
    harness.secret(NS, "pd-secret", "routing-key", "R0UTINGKEY");
    harness.channel(
        NS,
        "pager",
        json!({"type": "pagerduty", "pagerduty": {
        "routingKeySecretRef": {"name": "pd-secret", "namespace": NS, "key": "routing-key"}}}),
    );
    let (leadership_tx, leadership) = leadership::channel();
    leadership_tx.lead(Epoch(1));
    let rpc = ControlRpc::new(
        harness.api.client().expect("client"),
        harness.store.clone(),
        leadership,
        harness.settings.clone(),
    );

    let request = TestChannelRequest {
        namespace: NS.to_owned(),
        name: "pager".to_owned(),
    };
    let answer = rpc
        .test_channel(tonic::Request::new(request))
        .await
        .expect("answered")
        .into_inner();
    assert!(answer.success, "{answer:?}");
    // The configured PagerDuty URL got it, not the public Events API.
    let event = wait_for("the test event", || pd_rx.received().into_iter().next()).await;
    assert_eq!(event.json()["routing_key"], "R0UTINGKEY");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn test_on_save_tests_once_per_spec_change_and_not_again_after_failover() {
    let hook_rx = Receiver::always(200).await;
    let other_rx = Receiver::always(200).await;
    let mut harness = Harness::start(start(), None).await;
    harness.secret(NS, "hook-secret", "url", &hook_rx.url("/hook"));
    harness.secret(NS, "other-secret", "url", &other_rx.url("/hook"));
    let on_save = json!({"testOnSave": true});
    harness.channel(NS, "hook", hook_spec("hook-secret", on_save.clone()));
    let status = harness
        .channel_status_until(NS, "hook", |s| tested(s).is_some())
        .await;
    assert_eq!(tested(&status), Some((1, "True".to_owned())));
    assert_eq!(status["lastTestResult"], "success");
    assert_eq!(status["ready"], true);

    // The same spec again: no new generation, no new test.
    harness.channel(NS, "hook", hook_spec("hook-secret", on_save.clone()));
    let changed = json!({"testOnSave": true, "rateLimiting": {"maxAlertsPerHour": 50}});
    harness.channel(NS, "hook", hook_spec("hook-secret", changed));
    harness
        .channel_status_until(NS, "hook", |s| tested(s).is_some_and(|(g, _)| g == 2))
        .await;
    assert_eq!(hook_rx.received().len(), 2, "one test per spec change");

    harness.fail_over().await;
    // A channel the new leader tests proves it has gone through every channel.
    harness.channel(NS, "other", hook_spec("other-secret", on_save));
    wait_for("the new leader's test", || {
        (!other_rx.received().is_empty()).then_some(())
    })
    .await;
    harness
        .channel_status_until(NS, "other", |s| tested(s).is_some())
        .await;
    assert_eq!(
        hook_rx.received().len(),
        2,
        "not tested again by the new leader"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_channel_is_not_ready_until_its_secret_exists_and_never_shows_it() {
    let hook_rx = Receiver::always(200).await;
    let harness = Harness::start(start(), None).await;
    harness.channel(NS, "hook", hook_spec("late-secret", json!({})));
    let status = harness
        .channel_status_until(NS, "hook", |s| s["ready"] == false)
        .await;
    let ready = ready_condition(&status);
    assert_eq!(ready["reason"], "SecretNotFound");
    assert!(
        ready["message"]
            .as_str()
            .is_some_and(|m| m.contains("late-secret"))
    );

    let url = hook_rx.url("/very/secret/path");
    harness.secret(NS, "late-secret", "url", &url);
    let status = harness
        .channel_status_until(NS, "hook", |s| s["ready"] == true)
        .await;
    assert_eq!(ready_condition(&status)["reason"], "Configured");
    assert!(!status.to_string().contains("very/secret"), "{status}");
}

fn ready_condition(status: &Value) -> Value {
    status["conditions"]
        .as_array()
        .and_then(|all| all.iter().find(|c| c["type"] == "Ready"))
        .cloned()
        .expect("a Ready condition")
}
