//! A Job deleted while it runs does not stay "running" forever: its run is
//! closed once as failed with reason `JobDeleted` and a duration — whether the
//! controller watched the deletion or was down while it happened.

use std::time::Duration;

use guardian_integration::cluster::{LocalCluster, Timings, leader_of};
use guardian_integration::{Process, http, wait_until};
use jiff::Timestamp;
use k8s_openapi::api::batch::v1::CronJob;

const DEADLINE: Duration = Duration::from_secs(60);
const NAMESPACE: &str = "ops";

/// Starts a run of `backup` scheduled at `minute` past a fixed hour; returns its Job name.
fn start_run(cluster: &LocalCluster, minute: i64) -> anyhow::Result<String> {
    let cronjob = cluster
        .kube
        .get_obj::<CronJob>(NAMESPACE, "backup")?
        .ok_or_else(|| anyhow::anyhow!("cronjob backup missing"))?;
    let scheduled = Timestamp::from_second(1_700_000_000 + minute * 60)?;
    let job = cluster.kube.start_job(&cronjob, scheduled)?;
    Ok(job.metadata.name.unwrap_or_default())
}

/// The execution of `job` as the replica serves it, once `ready` accepts it.
async fn wait_for_run(
    replica: &Process,
    job: &str,
    ready: fn(&serde_json::Value) -> bool,
) -> anyhow::Result<serde_json::Value> {
    let path = format!("/api/v1/cronjobs/{NAMESPACE}/backup/executions?limit=100");
    wait_until(&format!("the run of {job}"), DEADLINE, || async {
        let page = http::get(replica.addresses.http, &path)
            .await
            .ok()?
            .json()
            .ok()?;
        let run = page["items"]
            .as_array()?
            .iter()
            .find(|item| item["jobName"] == job)?
            .clone();
        ready(&run).then_some(run)
    })
    .await
}

fn running(run: &serde_json::Value) -> bool {
    run["status"] == "running"
}

fn closed_as_deleted(run: &serde_json::Value) -> bool {
    run["status"] == "failed" && run["reason"] == "JobDeleted"
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_job_deleted_while_running_is_closed_once_even_if_the_controller_was_down()
-> anyhow::Result<()> {
    let cluster = LocalCluster::new("it_job_deleted", Timings::default()).await?;
    cluster.kube.create_namespace(NAMESPACE)?;
    cluster
        .kube
        .create_cronjob(NAMESPACE, "backup", "*/5 * * * *", &[("app", "backup")])?;
    let mut first = cluster.controller("controller-a").await?;
    leader_of(&[&first], DEADLINE).await?;
    let replica = cluster.query("query-a").await?;
    let watched = start_run(&cluster, 0)?;
    let unwatched = start_run(&cluster, 5)?;
    wait_for_run(&replica, &watched, running).await?;
    wait_for_run(&replica, &unwatched, running).await?;

    // Deleted under the controller's eyes.
    cluster
        .kube
        .delete("batch/v1", "Job", NAMESPACE, &watched)?;
    let closed = wait_for_run(&replica, &watched, closed_as_deleted).await?;
    assert!(closed.get("completionTime").is_some(), "{closed}");
    assert_ne!(closed["duration"], "", "{closed}");

    // Deleted while no controller runs: the next leader closes it.
    first.kill().await?;
    cluster
        .kube
        .delete("batch/v1", "Job", NAMESPACE, &unwatched)?;
    let second = cluster.controller("controller-b").await?;
    leader_of(&[&second], DEADLINE).await?;
    let closed = wait_for_run(&replica, &unwatched, closed_as_deleted).await?;
    assert!(closed.get("completionTime").is_some(), "{closed}");

    // Exactly once: one row per Job, both closed.
    let path = format!("/api/v1/cronjobs/{NAMESPACE}/backup/executions?limit=100");
    let page = http::get(replica.addresses.http, &path).await?.json()?;
    assert_eq!(page["pagination"]["total"], 2, "{page}");
    let failed = format!("{path}&status=failed");
    let failed = http::get(replica.addresses.http, &failed).await?.json()?;
    assert_eq!(failed["pagination"]["total"], 2, "{failed}");
    Ok(())
}
