//! Less common watch modes of the Kubernetes API stand-in: streaming lists
//! (`sendInitialEvents`), `timeoutSeconds`, selector transitions and server
//! shutdown, all through kube-rs.

mod common;

use std::time::Duration;

use common::{guard, next, pod};
use futures::StreamExt;
use guardian_sandbox::kube_api::{KubeApi, KubeApiConfig};
use k8s_openapi::api::core::v1::Pod;
use kube::ResourceExt;
use kube::api::{Api, Patch, PatchParams, PostParams, WatchEvent, WatchParams};
use kube::runtime::watcher;
use kube::runtime::watcher::Event;
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

#[tokio::test]
async fn streaming_list_watchers_get_initial_events_then_live_ones() {
    let (_server, pods) = start(Duration::from_secs(60)).await;
    pods.create(&PostParams::default(), &pod("seed", &[]))
        .await
        .expect("create");
    let config = watcher::Config::default().streaming_lists();
    let mut stream = watcher(pods.clone(), config).boxed();
    assert!(matches!(next("init", &mut stream).await, Ok(Event::Init)));
    match next("initial object", &mut stream).await.expect("event") {
        Event::InitApply(p) => assert_eq!(p.name_any(), "seed"),
        other => panic!("expected InitApply, got {other:?}"),
    }
    assert!(matches!(
        next("init done", &mut stream).await,
        Ok(Event::InitDone)
    ));
    pods.create(&PostParams::default(), &pod("live", &[]))
        .await
        .expect("create");
    match next("live object", &mut stream).await.expect("event") {
        Event::Apply(p) => assert_eq!(p.name_any(), "live"),
        other => panic!("expected Apply, got {other:?}"),
    }
}

#[tokio::test]
async fn watches_end_after_their_timeout_seconds() {
    let (server, pods) = start(Duration::from_secs(60)).await;
    let rv = server.resource_version().to_string();
    let wp = WatchParams::default().timeout(1);
    let mut events = pods.watch(&wp, &rv).await.expect("watch").boxed();
    let end = guard("timeout end", events.next()).await;
    assert!(end.is_none(), "stream ends without events, got {end:?}");
}

#[tokio::test]
async fn label_watch_sees_objects_enter_and_leave_the_selector() {
    let (_server, pods) = start(Duration::from_secs(60)).await;
    let pp = PostParams::default();
    let created = pods.create(&pp, &pod("p", &[])).await.expect("create");
    let rv = created.resource_version().expect("rv");
    let wp = WatchParams::default().labels("tier=web");
    let mut events = pods.watch(&wp, &rv).await.expect("watch").boxed();
    let set = |v: Option<&str>| json!({"metadata": {"labels": {"tier": v}}});
    let patch = PatchParams::default();
    pods.patch("p", &patch, &Patch::Merge(&set(Some("web"))))
        .await
        .expect("patch");
    assert!(matches!(
        next("enter", &mut events).await,
        Ok(WatchEvent::Added(_))
    ));
    pods.patch("p", &patch, &Patch::Merge(&set(Some("db"))))
        .await
        .expect("patch");
    assert!(matches!(
        next("leave", &mut events).await,
        Ok(WatchEvent::Deleted(_))
    ));
}

#[tokio::test]
async fn dropping_the_server_ends_open_watch_streams() {
    let (server, pods) = start(Duration::from_secs(60)).await;
    let rv = server.resource_version().to_string();
    let mut events = pods
        .watch(&WatchParams::default(), &rv)
        .await
        .expect("watch")
        .boxed();
    drop(server);
    let end = guard("stream end", events.next()).await;
    assert!(end.is_none(), "stream ends cleanly, got {end:?}");
}
