//! Object lifecycle and read-side extras of the Kubernetes API stand-in through
//! kube-rs: garbage collection of owned objects, finalizers, pod logs and
//! discovery.

mod common;

use common::{api_error, next, pod};
use futures::StreamExt;
use guardian_sandbox::kube_api::KubeApi;
use jiff::Timestamp;
use k8s_openapi::api::batch::v1::{CronJob, Job};
use k8s_openapi::api::core::v1::Pod;
use kube::ResourceExt;
use kube::api::{
    Api, DeleteParams, GroupVersionKind, ListParams, LogParams, Patch, PatchParams, PostParams,
    WatchEvent, WatchParams,
};
use serde_json::json;

fn at(s: &str) -> Timestamp {
    s.parse().expect("valid timestamp")
}

async fn start() -> KubeApi {
    KubeApi::start().await.expect("server starts")
}

async fn pods() -> (KubeApi, Api<Pod>) {
    let server = start().await;
    let client = server.client().expect("client builds");
    (server, Api::namespaced(client, "default"))
}

#[tokio::test]
async fn deleting_a_cronjob_garbage_collects_its_jobs_and_pods() {
    let server = start().await;
    let client = server.client().expect("client");
    let cj = server
        .create_cronjob("ns", "gc", "* * * * *", &[])
        .expect("cronjob");
    let job = server
        .start_job(&cj, at("2025-06-01T12:01:00Z"))
        .expect("job");
    let pod = server
        .start_pod(&job, at("2025-06-01T12:01:01Z"))
        .expect("pod");
    let pods: Api<Pod> = Api::namespaced(client.clone(), "ns");
    let rv = server.resource_version().to_string();
    let mut events = pods
        .watch(&WatchParams::default(), &rv)
        .await
        .expect("watch")
        .boxed();
    let cronjobs: Api<CronJob> = Api::namespaced(client.clone(), "ns");
    cronjobs
        .delete("gc", &DeleteParams::background())
        .await
        .expect("delete");
    match next("pod deleted", &mut events).await.expect("event") {
        WatchEvent::Deleted(p) => assert_eq!(p.name_any(), pod.name_any()),
        other => panic!("expected DELETED, got {other:?}"),
    }
    let jobs: Api<Job> = Api::all(client);
    assert!(
        jobs.list(&ListParams::default())
            .await
            .expect("list")
            .items
            .is_empty()
    );
    server.delete_pod("ns", "ghost").expect_err("already gone");
}

#[tokio::test]
async fn finalizers_hold_deletion_until_removed() {
    let server = start().await;
    let pods: Api<Pod> = Api::namespaced(server.client().expect("client"), "default");
    let mut p = pod("guarded", &[]);
    p.metadata.finalizers = Some(vec!["guardian.illenium.net/cleanup".into()]);
    let created = server.apply_obj(&p).expect("apply");
    let mut events = pods
        .watch(
            &WatchParams::default(),
            &created.resource_version().expect("rv"),
        )
        .await
        .expect("watch")
        .boxed();
    pods.delete("guarded", &DeleteParams::default())
        .await
        .expect("delete");
    match next("deletion marked", &mut events).await.expect("event") {
        WatchEvent::Modified(p) => assert!(p.metadata.deletion_timestamp.is_some()),
        other => panic!("expected MODIFIED, got {other:?}"),
    }
    assert!(
        pods.get_opt("guarded").await.expect("get").is_some(),
        "finalizer holds the object"
    );
    let clear = json!({"metadata": {"finalizers": null}});
    pods.patch("guarded", &PatchParams::default(), &Patch::Merge(&clear))
        .await
        .expect("patch");
    assert!(matches!(
        next("deleted", &mut events).await,
        Ok(WatchEvent::Deleted(_))
    ));
    assert!(pods.get_opt("guarded").await.expect("get").is_none());
}
#[tokio::test]
async fn pod_logs_honour_container_and_tail_lines() {
    let (server, pods) = pods().await;
    let mut p = pod("runner", &[]);
    let spec = p.spec.as_mut().expect("spec");
    spec.containers
        .push(serde_json::from_value(json!({"name": "sidecar"})).expect("container"));
    pods.create(&PostParams::default(), &p)
        .await
        .expect("create");
    server.set_pod_log("default", "runner", "main", "one\ntwo\nthree\n");
    server.set_pod_log("default", "runner", "sidecar", "side\n");
    let lp = |container: &str, tail: Option<i64>| LogParams {
        container: Some(container.to_owned()),
        tail_lines: tail,
        ..LogParams::default()
    };
    assert_eq!(
        pods.logs("runner", &lp("main", Some(2)))
            .await
            .expect("logs"),
        "two\nthree\n"
    );
    assert_eq!(
        pods.logs("runner", &lp("main", None)).await.expect("logs"),
        "one\ntwo\nthree\n"
    );
    assert_eq!(
        pods.logs("runner", &lp("sidecar", None))
            .await
            .expect("logs"),
        "side\n"
    );
    let ambiguous = pods.logs("runner", &LogParams::default()).await;
    assert_eq!(api_error(ambiguous.expect_err("two containers")).code, 400);
    let missing = pods.logs("ghost", &LogParams::default()).await;
    assert_eq!(api_error(missing.expect_err("no pod")).code, 404);
}

#[tokio::test]
async fn discovery_lists_builtin_kinds_and_the_product_crds() {
    let server = KubeApi::start().await.expect("server starts");
    let client = server.client().expect("client");
    let version = client.apiserver_version().await.expect("version");
    assert_eq!(
        (version.major.as_str(), version.minor.as_str()),
        ("1", "33")
    );
    for discovery in [
        kube::Discovery::new(client.clone())
            .run()
            .await
            .expect("discovery"),
        kube::Discovery::new(client.clone())
            .run_aggregated()
            .await
            .expect("aggregated"),
    ] {
        let gvk = GroupVersionKind::gvk("guardian.illenium.net", "v1alpha1", "AlertChannel");
        let (ar, caps) = discovery.resolve_gvk(&gvk).expect("CRD discovered");
        assert_eq!(ar.plural, "alertchannels");
        assert_eq!(caps.scope, kube::discovery::Scope::Namespaced);
        let gvk = GroupVersionKind::gvk("", "v1", "Namespace");
        let (_, caps) = discovery.resolve_gvk(&gvk).expect("namespaces discovered");
        assert_eq!(caps.scope, kube::discovery::Scope::Cluster);
        assert!(discovery.has_group("batch") && discovery.has_group("coordination.k8s.io"));
    }
    // client-go (kubectl) only reads aggregated discovery with this content type.
    let accept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
    let request = axum::http::Request::get("/apis")
        .header("Accept", accept)
        .body(kube::client::Body::from(bytes::Bytes::new()))
        .expect("request");
    let response = client.send(request).await.expect("aggregated /apis");
    let ctype = response
        .headers()
        .get("content-type")
        .expect("content type");
    assert_eq!(ctype.to_str().ok(), Some(accept));
}

#[tokio::test]
async fn the_generated_kubeconfig_reaches_the_server() {
    let server = start().await;
    server
        .create_namespace("from-kubeconfig")
        .expect("namespace");
    let kubeconfig = kube::config::Kubeconfig::from_yaml(&server.kubeconfig()).expect("parses");
    let options = kube::config::KubeConfigOptions::default();
    let config = kube::Config::from_custom_kubeconfig(kubeconfig, &options)
        .await
        .expect("config");
    let client = kube::Client::try_from(config).expect("client");
    let namespaces: Api<k8s_openapi::api::core::v1::Namespace> = Api::all(client);
    let names: Vec<String> = namespaces
        .list(&ListParams::default())
        .await
        .expect("list")
        .items
        .into_iter()
        .map(|n| n.name_any())
        .collect();
    assert_eq!(names, ["from-kubeconfig"]);
}
