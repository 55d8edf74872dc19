//! A monitor whose `alerting.channelRefs` names an AlertChannel that does not exist keeps
//! monitoring, carries a condition naming the channel, and loses it once the channel is
//! created (through the Kubernetes stand-in, watched like a real API server).

mod monitoring_support;

use guardian_testkit::kube_api::{GUARDIAN_GROUP, GUARDIAN_VERSION};
use monitoring_support::{Harness, at};
use serde_json::{Value, json};

const NS: &str = "team-a";

fn condition<'a>(status: &'a Value, kind: &str) -> Option<&'a Value> {
    status["conditions"]
        .as_array()?
        .iter()
        .find(|condition| condition["type"] == kind)
}

fn slack_channel(name: &str) -> Value {
    json!({
        "apiVersion": format!("{GUARDIAN_GROUP}/{GUARDIAN_VERSION}"),
        "kind": "AlertChannel",
        "metadata": {"name": name, "namespace": NS},
        "spec": {"type": "slack", "slack": {"webhookSecretRef": {
            "name": "slack", "namespace": NS, "key": "url"}}},
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_channel_is_a_condition_that_clears_when_the_channel_appears() {
    let harness = Harness::start(at("2025-03-03T10:00:00Z")).await;
    harness.cronjob(NS, "etl", "*/5 * * * *", &[("app", "etl")]);
    harness
        .api
        .apply(slack_channel("team-slack"))
        .expect("channel applied");
    harness.monitor(
        NS,
        "etl-watch",
        json!({
            "selector": {"matchLabels": {"app": "etl"}},
            "alerting": {"channelRefs": [
                {"name": "team-slack"},
                {"name": "ops-pager", "namespace": "ops"}
            ]},
        }),
    );

    let status = harness
        .status_until(NS, "etl-watch", |status| {
            condition(status, "ChannelsResolved").is_some()
                && status["summary"]["totalCronJobs"] == 1
        })
        .await;
    let missing = condition(&status, "ChannelsResolved").expect("condition present");
    assert_eq!(missing["status"], "False");
    assert_eq!(missing["reason"], "ChannelNotFound");
    let message = missing["message"].as_str().unwrap_or_default();
    assert!(message.contains("ops/ops-pager"), "{message}");
    assert!(
        !message.contains("team-slack"),
        "an existing channel is not reported: {message}"
    );
    let ready = condition(&status, "Ready").expect("Ready condition");
    assert_eq!(ready["status"], "True", "the monitor keeps monitoring");

    harness.api.create_namespace("ops").expect("namespace");
    let mut pager = slack_channel("ops-pager");
    pager["metadata"]["namespace"] = json!("ops");
    harness.api.apply(pager).expect("channel applied");
    let status = harness
        .status_until(NS, "etl-watch", |status| {
            status["conditions"].is_array() && condition(status, "ChannelsResolved").is_none()
        })
        .await;
    assert_eq!(
        condition(&status, "Ready").map(|ready| &ready["status"]),
        Some(&json!("True"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_channel_name_in_several_other_namespaces_is_an_ambiguous_condition() {
    let harness = Harness::start(at("2025-03-03T10:00:00Z")).await;
    harness.cronjob(NS, "etl", "*/5 * * * *", &[("app", "etl")]);
    for namespace in ["team-x", "team-y"] {
        harness.api.create_namespace(namespace).expect("namespace");
        let mut pager = slack_channel("pager");
        pager["metadata"]["namespace"] = json!(namespace);
        harness.api.apply(pager).expect("channel applied");
    }
    harness.monitor(
        NS,
        "etl-watch",
        json!({
            "selector": {"matchLabels": {"app": "etl"}},
            "alerting": {"channelRefs": [{"name": "pager"}]},
        }),
    );
    let status = harness
        .status_until(NS, "etl-watch", |status| {
            condition(status, "ChannelsResolved").is_some()
        })
        .await;
    let ambiguous = condition(&status, "ChannelsResolved").expect("condition present");
    assert_eq!(ambiguous["status"], "False");
    assert_eq!(ambiguous["reason"], "AmbiguousChannel");
    let message = ambiguous["message"].as_str().unwrap_or_default();
    assert!(message.contains("team-x, team-y"), "{message}");
    assert!(message.contains("no alert is delivered to it"), "{message}");
}
