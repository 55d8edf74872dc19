//! Jobs in the stand-in and the executions a query replica serves for them, as
//! the multi-process tests drive and check them (namespace [`NAMESPACE`]).

use std::time::Duration;

use jiff::{SignedDuration, Timestamp};

use crate::{Process, http, wait_until};
use guardian_testkit::kube_api::KubeApi;
use guardian_testkit::kube_api::scenario::JobEnd;

/// How long a test waits for anything the cluster should do.
pub const DEADLINE: Duration = Duration::from_secs(60);
/// The namespace the tests' CronJobs live in.
pub const NAMESPACE: &str = "team-a";

/// Creates a Job of `cronjob` in [`NAMESPACE`] scheduled `minute` minutes into a
/// fixed day and finishes it successfully; returns the Job name.
pub fn complete_job(kube: &KubeApi, cronjob: &str, minute: i64) -> anyhow::Result<String> {
    let scheduled = Timestamp::from_second(1_700_000_000 + minute * 60)?;
    complete_job_at(kube, NAMESPACE, cronjob, scheduled)
}

/// Starts a Job of `namespace/cronjob` scheduled at `scheduled` and finishes it
/// successfully five seconds later; returns the Job's name.
pub fn complete_job_at(
    kube: &KubeApi,
    namespace: &str,
    cronjob: &str,
    scheduled: Timestamp,
) -> anyhow::Result<String> {
    let cj = kube
        .get_obj::<k8s_openapi::api::batch::v1::CronJob>(namespace, cronjob)?
        .ok_or_else(|| anyhow::anyhow!("cronjob {namespace}/{cronjob} missing"))?;
    let job = kube.start_job(&cj, scheduled)?;
    let name = job.metadata.name.unwrap_or_default();
    let end = JobEnd::succeeded(scheduled + SignedDuration::from_secs(5));
    kube.finish_job(namespace, &name, &end)?;
    Ok(name)
}

/// Waits until `replica`'s REST API lists `job` as the newest execution of
/// `namespace/cronjob`; returns the page.
pub async fn newest_execution_on(
    replica: &Process,
    namespace: &str,
    cronjob: &str,
    job: &str,
) -> anyhow::Result<serde_json::Value> {
    let path = format!("/api/v1/cronjobs/{namespace}/{cronjob}/executions");
    wait_until(&format!("{job} on {}", replica.name), DEADLINE, || async {
        let page = http::get(replica.addresses.http, &path)
            .await
            .ok()?
            .json()
            .ok()?;
        (page["items"][0]["jobName"] == job).then_some(page)
    })
    .await
}

/// Executions of `cronjob` as a query replica serves them over REST.
pub async fn executions(replica: &Process, cronjob: &str) -> Option<serde_json::Value> {
    let path = format!("/api/v1/cronjobs/{NAMESPACE}/{cronjob}/executions?limit=1000");
    let response = http::get(replica.addresses.http, &path).await.ok()?;
    (response.status == 200)
        .then(|| response.json().ok())
        .flatten()
}

pub fn job_names(page: &serde_json::Value) -> Vec<String> {
    let mut names: Vec<String> = page["items"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item["jobName"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Waits until `replica` serves exactly `expected` (sorted) Jobs, all finished.
pub async fn wait_for_jobs(
    replica: &Process,
    cronjob: &str,
    expected: &[String],
) -> anyhow::Result<serde_json::Value> {
    let what = format!("{} to serve {} executions", replica.name, expected.len());
    wait_until(&what, DEADLINE, || async {
        let page = executions(replica, cronjob).await?;
        let all_finished = page["items"]
            .as_array()
            .is_some_and(|items| items.iter().all(|item| item["status"] != "running"));
        (job_names(&page) == expected && all_finished).then_some(page)
    })
    .await
}

/// `names`, sorted.
pub fn sorted(names: &[String]) -> Vec<String> {
    let mut names = names.to_vec();
    names.sort();
    names
}
