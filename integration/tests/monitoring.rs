//! Monitoring end to end, with real processes: a controller (leader) and a query replica
//! on PostgreSQL, CronJobs and their Jobs in the Kubernetes stand-in, CronJobMonitors
//! applied like a user would.
//!
//! - a CronJob whose runs stopped → a missed-schedule alert on REST and in the monitor's
//!   status (the dead-man's switch, `autoFromSchedule`);
//! - a CronJob whose recent runs are much slower than its baseline → a
//!   `durationRegression` alert on REST and in status;
//! - every finished run is observed in `cronjob_guardian_duration_seconds` with the
//!   existing operator's buckets;
//! - `POST /api/v1/admin/prune` counts in a dry run, then deletes the old runs.
//!
//! History is seeded as Jobs with past start and completion times. Waits are generous
//! failure guards (the controller's 30 s startup grace period comes first), never timing
//! assertions.

use std::time::Duration;

use guardian_integration::cluster::{LocalCluster, Timings, leader_of};
use guardian_integration::{Process, http, wait_until};
use guardian_testkit::kube_api::scenario::JobEnd;
use jiff::{SignedDuration, Timestamp};
use k8s_openapi::api::batch::v1::CronJob;
use serde_json::{Value, json};

const DEADLINE: Duration = Duration::from_secs(240);
const NAMESPACE: &str = "team-m";
/// `cronjob_guardian_duration_seconds` buckets (METRICS.md).
const BUCKETS: [&str; 9] = ["1", "5", "10", "30", "60", "300", "600", "1800", "3600"];

/// Runs a Job of `cronjob` that started `ago` before now and took `took`.
fn past_run(
    cluster: &LocalCluster,
    cronjob: &str,
    ago: SignedDuration,
    took: SignedDuration,
) -> anyhow::Result<()> {
    let cj = cluster
        .kube
        .get_obj::<CronJob>(NAMESPACE, cronjob)?
        .ok_or_else(|| anyhow::anyhow!("cronjob {cronjob} missing"))?;
    let started = Timestamp::now() - ago;
    let job = cluster.kube.start_job(&cj, started)?;
    let name = job.metadata.name.unwrap_or_default();
    cluster
        .kube
        .finish_job(NAMESPACE, &name, &JobEnd::succeeded(started + took))?;
    Ok(())
}

fn monitor(name: &str, app: &str, spec: Value) -> Value {
    let mut spec = spec;
    spec["selector"] = json!({"matchLabels": {"app": app}});
    json!({
        "apiVersion": "guardian.illenium.net/v1alpha1",
        "kind": "CronJobMonitor",
        "metadata": {"name": name, "namespace": NAMESPACE},
        "spec": spec,
    })
}

/// The firing alert types of `cronjob` a query replica serves over REST.
async fn rest_alert_types(replica: &Process, cronjob: &str) -> Vec<String> {
    let path = format!("/api/v1/alerts?namespace={NAMESPACE}&cronjob={cronjob}");
    let Ok(response) = http::get(replica.addresses.http, &path).await else {
        return Vec::new();
    };
    let Ok(body) = response.json() else {
        return Vec::new();
    };
    body["items"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter(|item| item["cronjob"]["name"] == cronjob)
                .filter_map(|item| item["type"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// The active alert types the monitor's status lists for `cronjob`.
fn status_alert_types(cluster: &LocalCluster, monitor: &str, cronjob: &str) -> Vec<String> {
    let object = cluster
        .kube
        .get(
            "guardian.illenium.net/v1alpha1",
            "CronJobMonitor",
            NAMESPACE,
            monitor,
        )
        .ok()
        .flatten()
        .unwrap_or(Value::Null);
    object["status"]["cronJobs"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|entry| entry["name"] == cronjob)
        .flat_map(|entry| {
            entry["activeAlerts"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .filter_map(|alert| alert["type"].as_str().map(str::to_owned))
        .collect()
}

/// Waits until an alert of one of `kinds` is firing for `cronjob` on REST and listed in
/// the monitor's status; returns the kind seen.
async fn alert_everywhere(
    cluster: &LocalCluster,
    replica: &Process,
    monitor: &str,
    cronjob: &str,
    kinds: &[&str],
) -> anyhow::Result<String> {
    let what = format!("a {kinds:?} alert for {cronjob} on REST and in status");
    wait_until(&what, DEADLINE, || async {
        let rest = rest_alert_types(replica, cronjob).await;
        let status = status_alert_types(cluster, monitor, cronjob);
        kinds
            .iter()
            .find(|kind| rest.iter().any(|k| k == *kind) && status.iter().any(|k| k == *kind))
            .map(|kind| (*kind).to_owned())
    })
    .await
}

/// `cronjob_guardian_duration_seconds_count` of `cronjob` on the controller, with every
/// bucket of METRICS.md present.
async fn duration_count(controller: &Process, cronjob: &str) -> Option<u64> {
    let body = http::get(controller.addresses.http, "/metrics")
        .await
        .ok()?
        .body;
    let labels = format!("cronjob=\"{cronjob}\"");
    let series: Vec<&str> = body
        .lines()
        .filter(|line| {
            line.starts_with("cronjob_guardian_duration_seconds") && line.contains(&labels)
        })
        .collect();
    let all_buckets = BUCKETS.iter().all(|le| {
        series.iter().any(|line| {
            line.starts_with("cronjob_guardian_duration_seconds_bucket")
                && line.contains(&format!("le=\"{le}\""))
        })
    });
    let count = series
        .iter()
        .find(|line| line.starts_with("cronjob_guardian_duration_seconds_count"))?
        .rsplit(' ')
        .next()?
        .parse()
        .ok()?;
    all_buckets.then_some(count)
}

/// Two CronJobs and their monitors: `heartbeat` ran every minute until ten minutes ago;
/// `report` ran quickly two to seven days ago and slowly in the last hours.
fn seed(cluster: &LocalCluster) -> anyhow::Result<()> {
    let kube = &cluster.kube;
    kube.create_namespace(NAMESPACE)?;
    kube.create_cronjob(NAMESPACE, "heartbeat", "* * * * *", &[("app", "heartbeat")])?;
    kube.create_cronjob(NAMESPACE, "report", "0 * * * *", &[("app", "report")])?;
    let (minutes, seconds, hours) = (
        SignedDuration::from_mins,
        SignedDuration::from_secs,
        SignedDuration::from_hours,
    );
    past_run(cluster, "heartbeat", minutes(10), seconds(2))?;
    for day in 2..8 {
        past_run(cluster, "report", hours(24 * day), seconds(8))?;
    }
    for ago in [3, 2] {
        past_run(cluster, "report", hours(ago), seconds(120))?;
    }
    kube.apply(monitor(
        "heartbeat-watch",
        "heartbeat",
        json!({"deadManSwitch": {"autoFromSchedule": {"enabled": true, "buffer": "30s"}}}),
    ))?;
    kube.apply(monitor(
        "report-watch",
        "report",
        json!({"sla": {"durationRegressionThreshold": 50, "durationBaselineWindowDays": 14}}),
    ))?;
    Ok(())
}

/// `POST /api/v1/admin/prune` with `olderThanDays: 1` through the query replica.
async fn prune(replica: &Process, dry_run: bool) -> anyhow::Result<Value> {
    let body = json!({"olderThanDays": 1, "dryRun": dry_run}).to_string();
    let path = "/api/v1/admin/prune";
    let response = http::request(replica.addresses.http, "POST", path, Some(&body)).await?;
    anyhow::ensure!(
        response.status == 200,
        "prune answered {}: {}",
        response.status,
        response.body
    );
    response.json()
}

async fn report_runs(replica: &Process) -> anyhow::Result<Value> {
    let path = format!("/api/v1/cronjobs/{NAMESPACE}/report/executions?limit=100");
    http::get(replica.addresses.http, &path).await?.json()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missed_schedules_and_regressions_reach_rest_status_and_metrics() -> anyhow::Result<()> {
    let cluster = LocalCluster::new("it_monitoring", Timings::default()).await?;
    seed(&cluster)?;
    let controller = cluster.controller("controller-a").await?;
    leader_of(&[&controller], Duration::from_secs(60)).await?;
    let replica = cluster.query("query-a").await?;

    let stopped = ["missedSchedule", "deadManTriggered"];
    let missed =
        alert_everywhere(&cluster, &replica, "heartbeat-watch", "heartbeat", &stopped).await?;
    println!("runs stopped: {missed} alert on REST and in status");
    let slower = ["durationRegression"];
    alert_everywhere(&cluster, &replica, "report-watch", "report", &slower).await?;

    // Eight finished runs of `report` (six 8 s, two 120 s), each observed exactly once.
    let count = wait_until("report's duration histogram", DEADLINE, || async {
        duration_count(&controller, "report")
            .await
            .filter(|count| *count >= 8)
    })
    .await?;
    assert_eq!(count, 8, "each finished run observed once");

    // A dry run counts the six baseline runs (older than a day) and deletes nothing; the
    // real prune deletes them and keeps the two recent ones.
    let dry = prune(&replica, true).await?;
    assert_eq!(dry["dryRun"], true, "{dry}");
    // int64 is a string in proto3 JSON.
    assert_eq!(
        dry["recordsPruned"].to_string().trim_matches('"'),
        "6",
        "{dry}"
    );
    let listed = report_runs(&replica).await?;
    assert_eq!(
        listed["pagination"]["total"], 8,
        "a dry run deletes nothing: {listed}"
    );
    let done = prune(&replica, false).await?;
    assert_eq!(
        done["recordsPruned"], dry["recordsPruned"],
        "{done} vs {dry}"
    );
    let listed = report_runs(&replica).await?;
    assert_eq!(listed["pagination"]["total"], 2, "{listed}");
    Ok(())
}
