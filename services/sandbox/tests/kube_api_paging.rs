//! Paged lists as a real API server serves them: every page of one list comes from
//! the snapshot of its first page, and the watch that follows starts there.

mod common;

use common::{api_error, next, pod};
use futures::StreamExt;
use guardian_sandbox::kube_api::KubeApi;
use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, DeleteParams, ListParams, PostParams, WatchEvent, WatchParams};
use serde_json::json;

fn names(list: &kube::core::ObjectList<Pod>) -> Vec<String> {
    list.items
        .iter()
        .filter_map(|p| p.metadata.name.clone())
        .collect()
}

#[tokio::test]
async fn pages_come_from_the_first_pages_snapshot_and_the_watch_replays_the_rest() {
    let server = KubeApi::start().await.expect("server starts");
    let pods: Api<Pod> = Api::namespaced(server.client().expect("client"), "default");
    let pp = PostParams::default();
    for name in ["a", "b", "c", "d", "e"] {
        pods.create(&pp, &pod(name, &[])).await.expect("create");
    }
    let first = pods
        .list(&ListParams::default().limit(2))
        .await
        .expect("first page");
    assert_eq!(names(&first), ["a", "b"]);
    let snapshot = first.metadata.resource_version.clone().expect("version");
    let token = first.metadata.continue_.clone().expect("more pages");

    // Changes while the list is being paged: one on a later page, one deleted from
    // a later page, one added after the snapshot.
    let changed = json!({"metadata": {"labels": {"phase": "done"}}});
    pods.patch("d", &Default::default(), &kube::api::Patch::Merge(&changed))
        .await
        .expect("patch d");
    pods.delete("e", &DeleteParams::default())
        .await
        .expect("delete e");
    pods.create(&pp, &pod("f", &[])).await.expect("create f");

    let second = pods
        .list(&ListParams::default().limit(2).continue_token(&token))
        .await
        .expect("second page");
    assert_eq!(names(&second), ["c", "d"]);
    assert_eq!(
        second.metadata.resource_version.as_deref(),
        Some(snapshot.as_str())
    );
    let d = &second.items[1];
    assert!(
        d.metadata
            .labels
            .as_ref()
            .is_none_or(|l| !l.contains_key("phase")),
        "d as it was at the snapshot"
    );
    let token = second.metadata.continue_.clone().expect("more pages");
    let third = pods
        .list(&ListParams::default().limit(2).continue_token(&token))
        .await
        .expect("third page");
    assert_eq!(names(&third), ["e"], "e existed at the snapshot; f did not");
    assert!(third.metadata.continue_.as_deref().unwrap_or("").is_empty());

    // The watch from the snapshot replays exactly what the pages did not show.
    let stream = pods
        .watch(&WatchParams::default(), &snapshot)
        .await
        .expect("watch");
    let mut stream = stream.boxed();
    let mut seen = Vec::new();
    for _ in 0..3 {
        match next("a replayed change", &mut stream).await.expect("event") {
            WatchEvent::Modified(p) => {
                seen.push(format!("modified {}", p.metadata.name.unwrap_or_default()))
            }
            WatchEvent::Deleted(p) => {
                seen.push(format!("deleted {}", p.metadata.name.unwrap_or_default()))
            }
            WatchEvent::Added(p) => {
                seen.push(format!("added {}", p.metadata.name.unwrap_or_default()))
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(seen, ["modified d", "deleted e", "added f"]);
}

#[tokio::test]
async fn a_continue_token_older_than_the_history_is_expired() {
    let server = KubeApi::start().await.expect("server starts");
    let pods: Api<Pod> = Api::namespaced(server.client().expect("client"), "default");
    for name in ["a", "b", "c"] {
        pods.create(&PostParams::default(), &pod(name, &[]))
            .await
            .expect("create");
    }
    let first = pods
        .list(&ListParams::default().limit(1))
        .await
        .expect("first page");
    let token = first.metadata.continue_.clone().expect("more pages");
    pods.delete("c", &DeleteParams::default())
        .await
        .expect("delete");
    server.expire_watches();
    let error = pods
        .list(&ListParams::default().limit(1).continue_token(&token))
        .await
        .expect_err("the snapshot is gone");
    assert_eq!(api_error(error).code, 410);
    let garbage = pods
        .list(&ListParams::default().limit(1).continue_token("not-a-token"))
        .await
        .expect_err("a token the server never gave");
    assert_eq!(api_error(garbage).code, 400);
}
