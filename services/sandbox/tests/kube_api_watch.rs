//! Watch semantics of the Kubernetes API stand-in as kube-rs's real `watcher`,
//! `reflector` and `Api::watch` see them: initial list then live events,
//! resuming from a resourceVersion, 410 Gone recovery, bookmarks, selector
//! transitions and clean shutdown.

mod common;

use std::time::Duration;

use common::{guard, next, pod};
use futures::StreamExt;
use guardian_sandbox::kube_api::{KubeApi, KubeApiConfig};
use k8s_openapi::api::core::v1::Pod;
use kube::ResourceExt;
use kube::api::{
    Api, DeleteParams, ListParams, Patch, PatchParams, PostParams, WatchEvent, WatchParams,
};
use kube::runtime::watcher::Event;
use kube::runtime::{reflector, watcher};
use serde_json::json;

async fn start(bookmark_interval: Duration) -> (KubeApi, Api<Pod>) {
    let config = KubeApiConfig {
        bookmark_interval,
        ..KubeApiConfig::default()
    };
    let server = KubeApi::start_with(config).await.expect("server starts");
    let pods = Api::namespaced(server.client().expect("client"), "default");
    (server, pods)
}

fn describe(ev: &Event<Pod>) -> String {
    match ev {
        Event::Init => "Init".into(),
        Event::InitApply(p) => format!("InitApply({})", p.name_any()),
        Event::InitDone => "InitDone".into(),
        Event::Apply(p) => format!("Apply({})", p.name_any()),
        Event::Delete(p) => format!("Delete({})", p.name_any()),
    }
}

#[tokio::test]
async fn watcher_lists_then_streams_live_changes() {
    let (_server, pods) = start(Duration::from_secs(60)).await;
    let pp = PostParams::default();
    pods.create(&pp, &pod("p1", &[])).await.expect("create");
    let mut stream = watcher(pods.clone(), watcher::Config::default()).boxed();
    let mut seen = Vec::new();
    for _ in 0..3 {
        seen.push(describe(
            &next("initial list", &mut stream).await.expect("event"),
        ));
    }
    assert_eq!(seen, ["Init", "InitApply(p1)", "InitDone"]);
    pods.create(&pp, &pod("p2", &[])).await.expect("create");
    let added = next("p2 added", &mut stream).await.expect("event");
    assert_eq!(describe(&added), "Apply(p2)");
    let labels = json!({"metadata": {"labels": {"stage": "two"}}});
    pods.patch("p2", &PatchParams::default(), &Patch::Merge(&labels))
        .await
        .expect("patch");
    match next("p2 modified", &mut stream).await.expect("event") {
        Event::Apply(p) => assert_eq!(p.labels().get("stage").map(String::as_str), Some("two")),
        other => panic!("expected Apply, got {}", describe(&other)),
    }
    pods.delete("p2", &DeleteParams::default())
        .await
        .expect("delete");
    let deleted = next("p2 deleted", &mut stream).await.expect("event");
    assert_eq!(describe(&deleted), "Delete(p2)");
}

#[tokio::test]
async fn watch_resumes_after_a_resource_version_without_replaying_older_events() {
    let (_server, pods) = start(Duration::from_secs(60)).await;
    let pp = PostParams::default();
    pods.create(&pp, &pod("old1", &[])).await.expect("create");
    pods.create(&pp, &pod("old2", &[])).await.expect("create");
    let list = pods.list(&ListParams::default()).await.expect("list");
    let rv = list.metadata.resource_version.expect("list rv");
    pods.create(&pp, &pod("new", &[])).await.expect("create");
    let touch = json!({"metadata": {"annotations": {"touched": "yes"}}});
    pods.patch("old1", &PatchParams::default(), &Patch::Merge(&touch))
        .await
        .expect("patch");
    let mut events = pods
        .watch(&WatchParams::default(), &rv)
        .await
        .expect("watch")
        .boxed();
    match next("replayed add", &mut events).await.expect("event") {
        WatchEvent::Added(p) => assert_eq!(p.name_any(), "new"),
        other => panic!("expected ADDED new, got {other:?}"),
    }
    match next("replayed modify", &mut events).await.expect("event") {
        WatchEvent::Modified(p) => assert_eq!(p.name_any(), "old1"),
        other => panic!("expected MODIFIED old1, got {other:?}"),
    }
    pods.create(&pp, &pod("live", &[])).await.expect("create");
    match next("live add", &mut events).await.expect("event") {
        WatchEvent::Added(p) => assert_eq!(p.name_any(), "live", "nothing older is replayed"),
        other => panic!("expected ADDED live, got {other:?}"),
    }
}

#[tokio::test]
async fn reflector_recovers_from_a_forced_410_by_relisting() {
    let (server, pods) = start(Duration::from_secs(60)).await;
    let pp = PostParams::default();
    pods.create(&pp, &pod("keep", &[])).await.expect("create");
    pods.create(&pp, &pod("drop", &[])).await.expect("create");
    let (reader, writer) = reflector::store();
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    let mut rx = tokio_stream::wrappers::UnboundedReceiverStream::new(rx);
    let stream = reflector(writer, watcher(pods.clone(), watcher::Config::default()));
    let driver = tokio::spawn(async move {
        let mut stream = stream.boxed();
        while let Some(item) = stream.next().await {
            let report = item.map(|ev| describe(&ev)).map_err(|e| e.to_string());
            if tx.send(report).is_err() {
                break;
            }
        }
    });
    guard("reflector ready", reader.wait_until_ready())
        .await
        .expect("ready");
    while next("initial events", &mut rx).await != Ok("InitDone".into()) {}
    guard("watch open", server.wait_for_watches(1)).await;

    server.expire_watches();
    let err = next("410 error", &mut rx)
        .await
        .expect_err("watch fails with 410");
    assert!(
        err.contains("410") || err.to_lowercase().contains("expired"),
        "{err}"
    );
    assert_eq!(next("relist", &mut rx).await, Ok("Init".into()));
    // Changes made while the watcher relists must still land in the store.
    server
        .delete("v1", "Pod", "default", "drop")
        .expect("direct delete");
    pods.create(&pp, &pod("late", &[])).await.expect("create");
    guard("store converges", async {
        loop {
            let mut names: Vec<String> = reader.state().iter().map(|p| p.name_any()).collect();
            names.sort();
            if names == ["keep", "late"] {
                break;
            }
            let _ = rx.next().await;
        }
    })
    .await;
    driver.abort();
}

#[tokio::test]
async fn expired_resource_versions_get_410_gone() {
    let (server, pods) = start(Duration::from_secs(60)).await;
    let created = pods
        .create(&PostParams::default(), &pod("a", &[]))
        .await
        .expect("create");
    let old_rv = created.resource_version().expect("rv");
    pods.create(&PostParams::default(), &pod("b", &[]))
        .await
        .expect("create");
    server.expire_watches();
    let mut events = pods
        .watch(&WatchParams::default(), &old_rv)
        .await
        .expect("watch")
        .boxed();
    match next("410", &mut events).await.expect("event") {
        WatchEvent::Error(status) => {
            assert_eq!((status.code, status.reason.as_str()), (410, "Expired"))
        }
        other => panic!("expected ERROR 410, got {other:?}"),
    }
    let current = server.resource_version().to_string();
    let mut fresh = pods
        .watch(&WatchParams::default(), &current)
        .await
        .expect("watch")
        .boxed();
    pods.create(&PostParams::default(), &pod("c", &[]))
        .await
        .expect("create");
    match next("live after expiry", &mut fresh).await.expect("event") {
        WatchEvent::Added(p) => assert_eq!(p.name_any(), "c"),
        other => panic!("expected ADDED c, got {other:?}"),
    }
}

#[tokio::test]
async fn bookmarks_carry_the_latest_resource_version() {
    let (server, pods) = start(Duration::from_millis(50)).await;
    pods.create(&PostParams::default(), &pod("a", &[]))
        .await
        .expect("create");
    let rv = server.resource_version();
    // Another resource moves the global version; the pod watch's bookmark follows it.
    server
        .apply(json!({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s"}}))
        .expect("secret");
    let wp = WatchParams::default();
    assert!(wp.bookmarks, "kube-rs asks for bookmarks by default");
    let mut events = pods
        .watch(&wp, &rv.to_string())
        .await
        .expect("watch")
        .boxed();
    let bookmark_rv = guard("bookmark", async {
        loop {
            match next("event", &mut events).await.expect("event") {
                WatchEvent::Bookmark(b) => break b.metadata.resource_version,
                WatchEvent::Added(p) | WatchEvent::Modified(p) => {
                    panic!("unexpected {}", p.name_any())
                }
                _ => {}
            }
        }
    })
    .await;
    assert_eq!(bookmark_rv, (rv + 1).to_string());
}
