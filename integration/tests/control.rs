//! Mutations through a query replica's REST API, forwarded to the leader's
//! ControlService: trigger, suspend, resume, delete history, and clear errors.

use std::time::Duration;

use guardian_integration::cluster::{LocalCluster, Timings, leader_of};
use guardian_integration::{http, wait_until};
use k8s_openapi::api::batch::v1::{CronJob, Job};

const DEADLINE: Duration = Duration::from_secs(60);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mutations_are_forwarded_to_the_leader_and_unknown_cronjobs_are_404() -> anyhow::Result<()>
{
    let cluster = LocalCluster::new("it_control", Timings::default()).await?;
    cluster.kube.create_namespace("ops")?;
    cluster
        .kube
        .create_cronjob("ops", "backup", "0 3 * * *", &[("app", "backup")])?;
    let controller = cluster.controller("controller-a").await?;
    leader_of(&[&controller], DEADLINE).await?;
    let replica = cluster.query("query-a").await?;
    let api = replica.addresses.http;

    let triggered = http::request(api, "POST", "/api/v1/cronjobs/ops/backup/trigger", None).await?;
    assert_eq!(triggered.status, 200, "{}", triggered.body);
    let body = triggered.json()?;
    assert_eq!(body["success"], true, "{body}");
    let job_name = body["jobName"].as_str().unwrap_or_default().to_owned();
    let job = cluster
        .kube
        .get_obj::<Job>("ops", &job_name)?
        .ok_or_else(|| anyhow::anyhow!("job {job_name} not created"))?;
    let owner = job.metadata.owner_references.unwrap_or_default();
    assert_eq!(
        owner.first().map(|o| o.kind.as_str()),
        Some("CronJob"),
        "a manual run is owned, so it is recorded"
    );
    // The manual run is recorded like any other, marked manual.
    let path = "/api/v1/cronjobs/ops/backup/executions";
    let page = wait_until("the manual run to be recorded", DEADLINE, || async {
        let page = http::get(api, path).await.ok()?.json().ok()?;
        (page["items"][0]["jobName"] == job_name.as_str()).then_some(page)
    })
    .await?;
    assert_eq!(page["items"][0]["manual"], true, "{page}");

    let suspended = http::request(api, "POST", "/api/v1/cronjobs/ops/backup/suspend", None).await?;
    assert_eq!(suspended.status, 200, "{}", suspended.body);
    let cronjob = cluster
        .kube
        .get_obj::<CronJob>("ops", "backup")?
        .and_then(|cj| cj.spec)
        .and_then(|spec| spec.suspend);
    assert_eq!(cronjob, Some(true));
    let resumed = http::request(api, "POST", "/api/v1/cronjobs/ops/backup/resume", None).await?;
    assert_eq!(resumed.status, 200, "{}", resumed.body);
    let cronjob = cluster
        .kube
        .get_obj::<CronJob>("ops", "backup")?
        .and_then(|cj| cj.spec)
        .and_then(|spec| spec.suspend);
    assert_eq!(cronjob, Some(false));

    let deleted = http::request(api, "DELETE", "/api/v1/cronjobs/ops/backup/history", None).await?;
    assert_eq!(deleted.status, 200, "{}", deleted.body);
    assert_eq!(deleted.json()?["recordsDeleted"], 1, "{}", deleted.body);

    for (method, path) in [
        ("POST", "/api/v1/cronjobs/ops/nope/trigger"),
        ("POST", "/api/v1/cronjobs/ops/nope/suspend"),
        ("DELETE", "/api/v1/cronjobs/ops/nope/history"),
    ] {
        let missing = http::request(api, method, path, None).await?;
        assert_eq!(missing.status, 404, "{method} {path}: {}", missing.body);
        assert!(
            missing.content_type.starts_with("application/problem+json"),
            "{}",
            missing.content_type
        );
        assert!(
            missing.json()?["detail"]
                .as_str()
                .unwrap_or_default()
                .contains("ops/nope"),
            "{}",
            missing.body
        );
    }
    Ok(())
}
