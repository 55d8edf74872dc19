//! The leader publishes its AlertChannels (readiness, redacted settings, delivery
//! counts) and its running configuration to the store, where every query replica
//! reads them.

mod dispatch_support;
#[path = "../../notify/tests/common/mod.rs"]
mod receivers;

use std::time::Duration;

use dispatch_support::{Harness, plus};
use guardian_store::documents::{CHANNEL_SCOPE, CONFIG_SCOPE, RUNNING_CONFIG_KEY};
use guardian_store::{DeliveryState, Store};
use jiff::Timestamp;
use receivers::Receiver;
use serde_json::{Value, json};

const NS: &str = "team-a";
const KEY: &str = "team-a/watch/team-a/backup/jobFailed";
const HEADER_SECRET: &str = "Bearer sk-live-do-not-publish";

fn start() -> Timestamp {
    "2025-03-03T10:05:00Z".parse().expect("valid time")
}

/// The published documents of `scope` once `check` accepts them.
async fn documents_until(
    store: &Store,
    scope: &str,
    check: impl Fn(&[Value]) -> bool,
) -> Vec<Value> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let documents: Vec<Value> = store
            .documents(scope)
            .await
            .expect("documents read")
            .iter()
            .map(|document| serde_json::from_str(&document.json).expect("JSON document"))
            .collect();
        if check(&documents) {
            return documents;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "documents of {scope} never matched: {documents:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn channels_with_their_counts_and_the_config_are_published_without_secrets() {
    let receiver = Receiver::always(200).await;
    let harness = Harness::start(start(), None).await;
    harness.secret(NS, "hook-secret", "url", &receiver.url("/hook"));
    harness.channel(
        NS,
        "hook",
        json!({"type": "webhook", "webhook": {
            "urlSecretRef": {"name": "hook-secret", "namespace": NS, "key": "url"},
            "headers": {"Authorization": HEADER_SECRET}}}),
    );
    let backup = harness.cronjob(NS, "backup");
    harness.monitor(
        NS,
        "watch",
        json!({
            "selector": {"matchNames": ["backup"]},
            "deadManSwitch": {"enabled": false},
            "sla": {"enabled": false},
            "alerting": {"channelRefs": [{"name": "hook"}]},
        }),
    );
    harness.run(&backup, plus(start(), -300), false);
    harness.delivery_in(KEY, "hook", DeliveryState::Sent).await;

    let channels = documents_until(&harness.store, CHANNEL_SCOPE, |documents| {
        documents
            .first()
            .is_some_and(|channel| channel["stats"]["alertsSentTotal"] == "1")
    })
    .await;
    let hook = &channels[0];
    assert_eq!(
        (hook["namespace"].as_str(), hook["name"].as_str()),
        (Some(NS), Some("hook"))
    );
    assert_eq!(hook["type"], "webhook");
    assert_eq!(hook["ready"], true);
    assert_eq!(
        hook["config"]["webhook"]["headers"]["Authorization"],
        "[REDACTED]"
    );
    assert_eq!(
        hook["config"]["webhook"]["urlSecretRef"]["name"],
        "hook-secret"
    );
    let published = serde_json::to_string(&channels).expect("JSON");
    assert!(!published.contains(HEADER_SECRET), "{published}");
    assert!(!published.contains(&receiver.url("/hook")), "{published}");

    let config = harness
        .store
        .document(CONFIG_SCOPE, RUNNING_CONFIG_KEY)
        .await
        .expect("read")
        .expect("the leader published its configuration");
    let config: Value = serde_json::from_str(&config.json).expect("JSON");
    assert_eq!(config, harness.settings.running_config);
}
