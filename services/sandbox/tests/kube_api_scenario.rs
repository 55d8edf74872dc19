//! Scenario helpers and object lifecycle of the Kubernetes API stand-in: Jobs
//! started and finished the way the CronJob controller and kubelet would leave
//! them, seen through kube-rs, plus garbage collection and finalizers.

mod common;

use std::sync::Arc;

use common::next;
use futures::StreamExt;
use guardian_core::Clock;
use guardian_sandbox::kube_api::scenario::{JobEnd, PodEnd};
use guardian_sandbox::kube_api::{KubeApi, KubeApiConfig};
use jiff::Timestamp;
use k8s_openapi::api::batch::v1::{CronJob, Job};
use k8s_openapi::api::core::v1::Pod;
use kube::ResourceExt;
use kube::api::{Api, WatchEvent, WatchParams};

struct FixedClock(Timestamp);

impl Clock for FixedClock {
    fn now(&self) -> Timestamp {
        self.0
    }
}

fn at(s: &str) -> Timestamp {
    s.parse().expect("valid timestamp")
}

async fn start() -> KubeApi {
    let clock = Arc::new(FixedClock(at("2025-06-01T12:00:00Z")));
    let config = KubeApiConfig {
        clock,
        ..KubeApiConfig::default()
    };
    KubeApi::start_with(config).await.expect("server starts")
}

#[tokio::test]
async fn started_jobs_look_like_the_cronjob_controller_made_them() {
    let server = start().await;
    let jobs: Api<Job> = Api::all(server.client().expect("client"));
    let labels = [("app", "backup")];
    let cj = server
        .create_cronjob("team-a", "backup", "*/5 * * * *", &labels)
        .expect("cronjob");
    let created = cj.metadata.creation_timestamp.as_ref().map(|t| t.0);
    assert_eq!(
        created,
        Some(at("2025-06-01T12:00:00Z")),
        "server clock stamps creation"
    );
    let rv = server.resource_version().to_string();
    let wp = WatchParams::default().labels("app=backup");
    let mut events = jobs.watch(&wp, &rv).await.expect("watch").boxed();

    let job = server
        .start_job(&cj, at("2025-06-01T12:05:00Z"))
        .expect("job");
    let seen = match next("job added", &mut events).await.expect("event") {
        WatchEvent::Added(j) => j,
        other => panic!("expected ADDED, got {other:?}"),
    };
    let minutes = at("2025-06-01T12:05:00Z").as_second() / 60;
    assert_eq!(seen.name_any(), format!("backup-{minutes}"));
    assert_eq!(seen.namespace().as_deref(), Some("team-a"));
    assert_eq!(seen.metadata.uid, job.metadata.uid);
    let owner = &seen.owner_references()[0];
    assert_eq!(
        (owner.kind.as_str(), owner.name.as_str()),
        ("CronJob", "backup")
    );
    assert_eq!(Some(&owner.uid), cj.metadata.uid.as_ref());
    assert_eq!(owner.controller, Some(true));
    assert_eq!(seen.labels().get("job-name"), Some(&seen.name_any()));
    let controller_uid = seen.labels().get("batch.kubernetes.io/controller-uid");
    assert_eq!(controller_uid, seen.metadata.uid.as_ref());
    let scheduled = seen
        .annotations()
        .get("batch.kubernetes.io/cronjob-scheduled-timestamp");
    assert_eq!(scheduled.map(String::as_str), Some("2025-06-01T12:05:00Z"));
}

#[tokio::test]
async fn started_jobs_are_active_on_their_cronjob_until_finished() {
    let server = start().await;
    let cj = server
        .create_cronjob("ns", "etl", "0 * * * *", &[])
        .expect("cronjob");
    let ok_job = server
        .start_job(&cj, at("2025-06-01T10:00:00Z"))
        .expect("job");
    let bad_job = server
        .start_job(&cj, at("2025-06-01T11:00:00Z"))
        .expect("job");
    let cronjobs: Api<CronJob> = Api::namespaced(server.client().expect("client"), "ns");
    let status = cronjobs
        .get_status("etl")
        .await
        .expect("cronjob")
        .status
        .expect("status");
    let active: Vec<_> = status
        .active
        .expect("active")
        .into_iter()
        .filter_map(|r| r.name)
        .collect();
    assert_eq!(active, [ok_job.name_any(), bad_job.name_any()]);
    assert_eq!(
        status.last_schedule_time.map(|t| t.0),
        Some(at("2025-06-01T11:00:00Z"))
    );

    let done = JobEnd::succeeded(at("2025-06-01T10:02:00Z"));
    server
        .finish_job("ns", &ok_job.name_any(), &done)
        .expect("finish");
    let failed = JobEnd::failed(at("2025-06-01T11:01:00Z"), "BackoffLimitExceeded");
    server
        .finish_job("ns", &bad_job.name_any(), &failed)
        .expect("finish");
    let status = cronjobs
        .get_status("etl")
        .await
        .expect("cronjob")
        .status
        .expect("status");
    assert_eq!(status.active, None, "finished jobs leave status.active");
    let last_ok = status.last_successful_time.map(|t| t.0);
    assert_eq!(last_ok, Some(at("2025-06-01T10:02:00Z")));
}

#[tokio::test]
async fn finished_jobs_carry_real_conditions_counts_and_times() {
    let server = start().await;
    let cj = server
        .create_cronjob("ns", "etl", "0 * * * *", &[])
        .expect("cronjob");
    let ok_job = server
        .start_job(&cj, at("2025-06-01T10:00:00Z"))
        .expect("job");
    let bad_job = server
        .start_job(&cj, at("2025-06-01T11:00:00Z"))
        .expect("job");
    let done = JobEnd::succeeded(at("2025-06-01T10:02:00Z"));
    server
        .finish_job("ns", &ok_job.name_any(), &done)
        .expect("finish");
    let failed = JobEnd::failed(at("2025-06-01T11:01:00Z"), "BackoffLimitExceeded");
    server
        .finish_job("ns", &bad_job.name_any(), &failed)
        .expect("finish");

    let jobs: Api<Job> = Api::namespaced(server.client().expect("client"), "ns");
    let ok = jobs
        .get_status(&ok_job.name_any())
        .await
        .expect("job")
        .status
        .expect("status");
    let conditions = ok.conditions.clone().unwrap_or_default();
    let types: Vec<String> = conditions.into_iter().map(|c| c.type_).collect();
    assert_eq!(types, ["SuccessCriteriaMet", "Complete"]);
    assert_eq!((ok.succeeded, ok.active), (Some(1), None));
    assert_eq!(
        ok.completion_time.map(|t| t.0),
        Some(at("2025-06-01T10:02:00Z"))
    );
    assert_eq!(ok.start_time.map(|t| t.0), Some(at("2025-06-01T10:00:00Z")));

    let bad = jobs
        .get_status(&bad_job.name_any())
        .await
        .expect("job")
        .status
        .expect("status");
    let conditions = bad.conditions.unwrap_or_default();
    let failed = conditions
        .into_iter()
        .find(|c| c.type_ == "Failed")
        .expect("Failed");
    assert_eq!(failed.status, "True");
    assert_eq!(failed.reason.as_deref(), Some("BackoffLimitExceeded"));
    assert_eq!(
        (bad.failed, bad.completion_time),
        (Some(1), None),
        "no completionTime on failure"
    );
}

#[tokio::test]
async fn pods_report_waiting_then_terminated_containers() {
    let server = start().await;
    let cj = server
        .create_cronjob("ns", "etl", "0 * * * *", &[])
        .expect("cronjob");
    let job = server
        .start_job(&cj, at("2025-06-01T11:00:00Z"))
        .expect("job");
    let pod = server
        .start_pod(&job, at("2025-06-01T11:00:05Z"))
        .expect("pod");
    assert_eq!(pod.labels().get("job-name"), Some(&job.name_any()));
    assert_eq!(pod.owner_references()[0].uid, job.uid().expect("uid"));
    let pods: Api<Pod> = Api::namespaced(server.client().expect("client"), "ns");
    let container_state = |p: Pod| {
        let status = p.status.expect("status");
        let state = status.container_statuses.expect("statuses")[0]
            .state
            .clone();
        (status.phase, state.expect("state"))
    };

    let reason = "ImagePullBackOff";
    server
        .set_pod_waiting("ns", &pod.name_any(), reason, "back-off")
        .expect("waiting");
    let (phase, state) = container_state(pods.get(&pod.name_any()).await.expect("pod"));
    assert_eq!(phase.as_deref(), Some("Pending"));
    assert_eq!(
        state.waiting.and_then(|w| w.reason).as_deref(),
        Some(reason)
    );

    let exited = PodEnd::exited(at("2025-06-01T11:01:00Z"), 137);
    let end = PodEnd {
        reason: "OOMKilled".into(),
        ..exited
    };
    server
        .finish_pod("ns", &pod.name_any(), &end)
        .expect("finish pod");
    let (phase, state) = container_state(pods.get(&pod.name_any()).await.expect("pod"));
    assert_eq!(phase.as_deref(), Some("Failed"));
    let term = state.terminated.expect("terminated");
    assert_eq!(
        (term.exit_code, term.reason.as_deref()),
        (137, Some("OOMKilled"))
    );
    assert_eq!(
        term.finished_at.map(|t| t.0),
        Some(at("2025-06-01T11:01:00Z"))
    );
}
