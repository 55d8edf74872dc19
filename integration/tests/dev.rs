//! `cronjob-guardian dev`: the whole product in one process on SQLite with the
//! simulated sandbox cluster answers the REST API with the sample CronJobs and
//! their executions.

use std::time::Duration;

use guardian_integration::{Process, ProcessSpec, http, wait_until};

const SAMPLES: [&str; 4] = [
    "cache-warmer",
    "etl-pipeline",
    "nightly-backup",
    "report-generator",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dev_serves_the_simulated_sample_cluster_within_a_minute() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let database = dir.path().join("dev.db");
    let dev = Process::start(ProcessSpec {
        name: "dev".into(),
        args: vec![
            "dev".into(),
            format!("--storage-sqlite-path={}", database.display()),
        ],
        env: Vec::new(),
    })
    .await?;
    let api = dev.addresses.http;
    let listed = wait_until(
        "the sample CronJobs with history",
        Duration::from_secs(60),
        || async {
            let body = http::get(api, "/api/v1/cronjobs?namespace=guardian-sandbox")
                .await
                .ok()?
                .json()
                .ok()?;
            let names: Vec<String> = body["items"]
                .as_array()?
                .iter()
                .filter_map(|item| item["name"].as_str().map(str::to_owned))
                .collect();
            let with_history = body["items"]
                .as_array()?
                .iter()
                .filter(|item| item.get("lastSuccess").is_some())
                .count();
            (names == SAMPLES && with_history >= 3).then_some(body)
        },
    )
    .await?;
    assert_eq!(
        listed["summary"]["healthy"].as_i64().unwrap_or_default()
            + listed["summary"]["warning"].as_i64().unwrap_or_default()
            + listed["summary"]["critical"].as_i64().unwrap_or_default()
            + listed["summary"]["suspended"].as_i64().unwrap_or_default(),
        4,
        "{listed}"
    );

    // Election is off in dev: the in-process controller leads, and says so.
    let health = http::get(api, "/api/v1/health").await?.json()?;
    assert_eq!(health["leader"], true, "{health}");
    assert_eq!(health["status"], "ok", "{health}");

    // Failed runs are recorded once their log tail and events are fetched.
    let page = wait_until(
        "failed and successful sample runs",
        Duration::from_secs(60),
        || async {
            let path = "/api/v1/cronjobs/guardian-sandbox/report-generator/executions?limit=100";
            let page = http::get(api, path).await.ok()?.json().ok()?;
            let statuses: Vec<String> = page["items"]
                .as_array()?
                .iter()
                .filter_map(|item| item["status"].as_str().map(str::to_owned))
                .collect();
            let both =
                statuses.iter().any(|s| s == "failed") && statuses.iter().any(|s| s == "success");
            both.then_some(page)
        },
    )
    .await?;
    let failed = page["items"]
        .as_array()
        .and_then(|items| items.iter().find(|item| item["status"] == "failed"))
        .cloned()
        .unwrap_or_default();
    assert!(
        [1, 137].contains(&failed["exitCode"].as_i64().unwrap_or_default()),
        "exit code recorded: {failed}"
    );

    let silent = http::get(
        api,
        "/api/v1/cronjobs/guardian-sandbox/cache-warmer/executions",
    )
    .await?
    .json()?;
    assert_eq!(
        silent["pagination"]["total"], 0,
        "the silent sample never runs: {silent}"
    );
    Ok(())
}
