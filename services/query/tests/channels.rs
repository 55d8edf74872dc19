//! Alert channels and the running configuration on a query replica with no leader:
//! served from what the last leader published to the store.

mod support;

use guardian_api::v1::query_service_client::QueryServiceClient;
use guardian_api::v1::{GetChannelRequest, ListChannelsRequest};
use guardian_store::documents::{CHANNEL_SCOPE, CONFIG_SCOPE, RUNNING_CONFIG_KEY};
use jiff::Timestamp;
use serde_json::json;
use support::{TestPlane, TestStore, fast_config};
use tonic::Code;

fn channel(namespace: &str, name: &str, ready: bool, sent: i64) -> serde_json::Value {
    json!({
        "name": name,
        "namespace": namespace,
        "type": "slack",
        "ready": ready,
        "config": {"slack": {"webhookSecretRef": {"name": "hook", "namespace": namespace, "key": "url"}}},
        "stats": {
            "alertsSentTotal": sent.to_string(),
            "alertsFailedTotal": "2",
            "consecutiveFailures": 1,
            "lastFailedError": "503 from slack",
            "lastFailedTime": "2026-01-02T03:04:05Z"
        },
        "lastTest": {"time": "2026-01-01T00:00:00Z", "result": "success"}
    })
}

/// A store where a (now gone) leader published three channels and its configuration.
async fn published_store() -> TestStore {
    let test_store = TestStore::sqlite().await;
    let epoch = test_store.store.acquire_epoch().await.expect("epoch");
    let mut tx = test_store.store.begin_fenced(epoch).await.expect("tx");
    let now = Timestamp::now();
    for (namespace, name, ready, sent) in [
        ("ops", "slack-main", true, 7),
        ("team-a", "pager", false, 0),
        ("team-b", "pager", true, 1),
    ] {
        let document = channel(namespace, name, ready, sent).to_string();
        tx.put_document(
            CHANNEL_SCOPE,
            &format!("{namespace}/{name}"),
            &document,
            now,
        )
        .await
        .expect("published");
    }
    let config = json!({"storage": {"type": "postgres", "postgres": {"password": "[REDACTED]"}}});
    tx.put_document(CONFIG_SCOPE, RUNNING_CONFIG_KEY, &config.to_string(), now)
        .await
        .expect("published");
    tx.commit().await.expect("commit");
    test_store
}

#[tokio::test]
async fn channels_and_config_are_served_from_the_store_without_a_leader() {
    let test_store = published_store().await;
    let plane = TestPlane::start(&test_store.store, &fast_config(&test_store.config)).await;
    let rest = plane.http();

    let list = rest.get("/api/v1/channels").await;
    assert_eq!(list.status, 200, "{}", list.body);
    let list = list.json();
    assert_eq!(
        list["summary"],
        json!({"total": 3, "ready": 2, "notReady": 1})
    );
    assert_eq!(list["items"][0]["name"], "slack-main");
    // int64 renders as a number or a string, depending on the REST options.
    let sent = list["items"][0]["stats"]["alertsSentTotal"].to_string();
    assert_eq!(sent.trim_matches('"'), "7");
    assert_eq!(list["items"][0]["stats"]["consecutiveFailures"], 1);
    assert_eq!(
        list["items"][0]["stats"]["lastFailedError"],
        "503 from slack"
    );
    assert_eq!(list["items"][0]["lastTest"]["result"], "success");

    let one = rest.get("/api/v1/channels/slack-main").await;
    assert_eq!(one.status, 200, "{}", one.body);
    assert_eq!(one.json()["namespace"], "ops");
    let scoped = rest.get("/api/v1/channels/pager?namespace=team-b").await;
    assert_eq!(scoped.status, 200, "{}", scoped.body);
    assert_eq!(scoped.json()["ready"], true);
    let ambiguous = rest.get("/api/v1/channels/pager").await;
    assert_eq!(ambiguous.status, 400, "{}", ambiguous.body);
    assert!(
        ambiguous.body.contains("give the namespace"),
        "{}",
        ambiguous.body
    );
    assert_eq!(rest.get("/api/v1/channels/nope").await.status, 404);
    assert_eq!(rest.get("/api/v1/channels/Bad_Name").await.status, 400);

    let config = rest.get("/api/v1/config").await;
    assert_eq!(config.status, 200, "{}", config.body);
    assert_eq!(config.json()["storage"]["type"], "postgres");
    assert_eq!(
        config.json()["storage"]["postgres"]["password"],
        "[REDACTED]"
    );

    let mut grpc = QueryServiceClient::new(plane.grpc().await);
    let listed = grpc
        .list_channels(ListChannelsRequest {})
        .await
        .expect("listed")
        .into_inner();
    assert_eq!(listed.items.len(), 3);
    let missing = grpc
        .get_channel(GetChannelRequest {
            name: "pager".into(),
            namespace: "team-c".into(),
        })
        .await
        .expect_err("not published");
    assert_eq!(missing.code(), Code::NotFound);
    plane.stop().await;
}
