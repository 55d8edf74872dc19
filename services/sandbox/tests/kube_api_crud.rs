//! Request/response verbs of the Kubernetes API stand-in, driven through
//! kube-rs's real `Client` and `Api`: selectors, create, replace preconditions,
//! patches on objects and the status subresource, logs and discovery.

mod common;

use common::{api_error, pod};
use guardian_sandbox::kube_api::KubeApi;
use k8s_openapi::api::batch::v1::Job;
use k8s_openapi::api::core::v1::Pod;
use kube::api::{
    Api, ApiResource, DeleteParams, DynamicObject, GroupVersionKind, ListParams, Patch,
    PatchParams, PostParams,
};
use serde_json::json;

async fn pods() -> (KubeApi, Api<Pod>) {
    let server = KubeApi::start().await.expect("server starts");
    let client = server.client().expect("client builds");
    (server, Api::namespaced(client, "default"))
}

#[tokio::test]
async fn list_filters_by_label_and_field_selectors() {
    let (_server, pods) = pods().await;
    let pp = PostParams::default();
    for (name, app) in [("a", "web"), ("b", "api"), ("c", "web")] {
        pods.create(&pp, &pod(name, &[("app", app)]))
            .await
            .expect("create");
    }
    pods.create(&pp, &pod("d", &[])).await.expect("create");
    let names = |l: kube::core::ObjectList<Pod>| -> Vec<String> {
        l.items
            .into_iter()
            .filter_map(|p| p.metadata.name)
            .collect()
    };
    let web = pods
        .list(&ListParams::default().labels("app=web"))
        .await
        .expect("list");
    assert_eq!(names(web), ["a", "c"]);
    let not_web = pods
        .list(&ListParams::default().labels("app!=web"))
        .await
        .expect("list");
    assert_eq!(names(not_web), ["b", "d"]);
    let set = pods
        .list(&ListParams::default().labels("app in (api,web),app notin (web)"))
        .await;
    assert_eq!(names(set.expect("list")), ["b"]);
    let unlabeled = pods
        .list(&ListParams::default().labels("!app"))
        .await
        .expect("list");
    assert_eq!(names(unlabeled), ["d"]);
    let by_name = pods
        .list(&ListParams::default().fields("metadata.name=c"))
        .await
        .expect("list");
    assert_eq!(names(by_name), ["c"]);
    let page = pods
        .list(&ListParams::default().limit(3))
        .await
        .expect("list");
    let token = page.metadata.continue_.clone().expect("more pages");
    assert_eq!(names(page), ["a", "b", "c"]);
    let rest = pods
        .list(&ListParams::default().limit(3).continue_token(&token))
        .await;
    assert_eq!(names(rest.expect("list")), ["d"]);
}

#[tokio::test]
async fn create_assigns_server_metadata_and_generated_names() {
    let (_server, pods) = pods().await;
    let mut p = pod("", &[]);
    p.metadata.name = None;
    p.metadata.generate_name = Some("worker-".into());
    let first = pods
        .create(&PostParams::default(), &p)
        .await
        .expect("create");
    let second = pods
        .create(&PostParams::default(), &p)
        .await
        .expect("create");
    let name = first.metadata.name.clone().expect("named");
    assert!(
        name.starts_with("worker-") && name.len() == "worker-".len() + 5,
        "{name}"
    );
    assert_ne!(first.metadata.name, second.metadata.name);
    assert_ne!(first.metadata.uid, second.metadata.uid);
    assert!(first.metadata.creation_timestamp.is_some());
    assert_eq!(first.metadata.namespace.as_deref(), Some("default"));
    let rv1: u64 = first
        .metadata
        .resource_version
        .expect("rv")
        .parse()
        .expect("numeric");
    let rv2: u64 = second
        .metadata
        .resource_version
        .expect("rv")
        .parse()
        .expect("numeric");
    assert!(rv2 > rv1);
    let again = pods.create(&PostParams::default(), &pod(&name, &[])).await;
    let err = api_error(again.expect_err("duplicate name"));
    assert_eq!((err.code, err.reason.as_str()), (409, "AlreadyExists"));
}

#[tokio::test]
async fn replace_with_a_stale_resource_version_conflicts() {
    let (_server, pods) = pods().await;
    let created = pods
        .create(&PostParams::default(), &pod("p", &[]))
        .await
        .expect("create");
    let mut fresh = created.clone();
    fresh.metadata.labels = Some([("v".to_owned(), "2".to_owned())].into());
    let replaced = pods
        .replace("p", &PostParams::default(), &fresh)
        .await
        .expect("replace");
    assert_eq!(replaced.metadata.labels, fresh.metadata.labels);
    let stale = pods.replace("p", &PostParams::default(), &created).await;
    let err = api_error(stale.expect_err("stale"));
    assert_eq!((err.code, err.reason.as_str()), (409, "Conflict"));
    let missing = pods.get("nope").await.expect_err("missing");
    assert_eq!(api_error(missing).code, 404);
    let gone = pods
        .delete("nope", &DeleteParams::default())
        .await
        .expect_err("missing");
    assert_eq!(api_error(gone).reason, "NotFound");
}

#[tokio::test]
async fn job_status_changes_only_through_the_status_subresource() {
    let server = KubeApi::start().await.expect("server starts");
    let jobs: Api<Job> = Api::namespaced(server.client().expect("client"), "batch");
    let job: Job = serde_json::from_value(json!({
        "metadata": {"name": "j"},
        "spec": {"template": {"spec": {"restartPolicy": "Never",
            "containers": [{"name": "main", "image": "busybox"}]}}},
        "status": {"succeeded": 5},
    }))
    .expect("job fixture");
    let created = jobs
        .create(&PostParams::default(), &job)
        .await
        .expect("create");
    assert!(created.status.is_none(), "status is dropped on create");
    let status = json!({"status": {"succeeded": 1, "completionTime": "2025-01-01T00:05:00Z"}});
    let pp = PatchParams::default();
    let patched = jobs
        .patch_status("j", &pp, &Patch::Merge(&status))
        .await
        .expect("patch");
    assert_eq!(patched.status.as_ref().and_then(|s| s.succeeded), Some(1));
    assert_eq!(
        patched.metadata.generation,
        Some(1),
        "status writes keep generation"
    );
    let main = json!({"metadata": {"labels": {"x": "y"}}, "status": {"succeeded": 9}});
    let relabeled = jobs
        .patch("j", &pp, &Patch::Merge(&main))
        .await
        .expect("patch");
    assert_eq!(relabeled.status.and_then(|s| s.succeeded), Some(1));
    let spec = json!({"spec": {"parallelism": 2}});
    let bumped = jobs
        .patch("j", &pp, &Patch::Strategic(&spec))
        .await
        .expect("patch");
    assert_eq!(
        bumped.metadata.generation,
        Some(2),
        "spec change bumps generation"
    );
}

#[tokio::test]
async fn cronjobmonitor_status_accepts_server_side_apply() {
    let server = KubeApi::start().await.expect("server starts");
    let gvk = GroupVersionKind::gvk("guardian.illenium.net", "v1alpha1", "CronJobMonitor");
    let ar = ApiResource::from_gvk_with_plural(&gvk, "cronjobmonitors");
    let monitors: Api<DynamicObject> =
        Api::namespaced_with(server.client().expect("client"), "ops", &ar);
    let manifest = json!({
        "apiVersion": "guardian.illenium.net/v1alpha1", "kind": "CronJobMonitor",
        "metadata": {"name": "m"},
        "spec": {"selector": {"matchLabels": {"team": "data"}}},
    });
    let ssa = PatchParams::apply("guardian-test");
    let created = monitors
        .patch("m", &ssa, &Patch::Apply(&manifest))
        .await
        .expect("apply creates");
    assert_eq!(
        created.data["spec"]["selector"]["matchLabels"]["team"],
        "data"
    );
    let status = json!({
        "apiVersion": "guardian.illenium.net/v1alpha1", "kind": "CronJobMonitor",
        "status": {"phase": "Active", "cronJobs": [{"name": "backup"}]},
    });
    let patched = monitors
        .patch_status("m", &ssa, &Patch::Apply(&status))
        .await
        .expect("status");
    assert_eq!(patched.data["status"]["phase"], "Active");
    assert_eq!(patched.data["spec"], created.data["spec"]);
    let fetched = monitors.get_status("m").await.expect("get status");
    assert_eq!(fetched.data["status"]["cronJobs"][0]["name"], "backup");
    let missing = monitors
        .patch_status("other", &ssa, &Patch::Apply(&status))
        .await;
    assert_eq!(api_error(missing.expect_err("no object")).code, 404);
    let json_patch: json_patch::Patch = serde_json::from_value(json!([
        {"op": "replace", "path": "/spec/selector/matchLabels/team", "value": "web"}
    ]))
    .expect("json patch");
    let jp = monitors
        .patch("m", &PatchParams::default(), &Patch::Json::<()>(json_patch))
        .await;
    assert_eq!(
        jp.expect("json patch applies").data["spec"]["selector"]["matchLabels"]["team"],
        "web"
    );
}
