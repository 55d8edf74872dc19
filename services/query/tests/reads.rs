//! The read API end to end: a replica over SQLite and over PostgreSQL, the same
//! data through the generated gRPC client and through REST (REST-API.md field
//! names), bad input, unknown objects, health, and mutations without a leader.

mod support;

use guardian_api::v1::query_service_client::QueryServiceClient;
use guardian_api::v1::{
    GetCronJobRequest, GetExecutionLogsRequest, ListCronJobsRequest, ListExecutionsRequest,
};
use guardian_core::{CronJobRef, Outcome, Severity};
use guardian_store::Store;
use jiff::Timestamp;
use serde_json::json;
use support::http_client::HttpClient;
use support::{TestPlane, TestStore, alert, cronjob, fast_config, run};
use tonic::transport::Channel;

type Client = QueryServiceClient<Channel>;

/// ops/backup: 4 successes (10–40 s), then a failure with logs, and one run in progress;
/// a warning alert fires for it. ops/report: one success. batch/cleanup: suspended.
async fn seed(store: &Store, now: Timestamp) {
    let backup = CronJobRef::new("ops", "backup");
    let report = CronJobRef::new("ops", "report");
    let epoch = store.acquire_epoch().await.expect("epoch");
    let mut tx = store.begin_fenced(epoch).await.expect("fenced tx");
    let mut cleanup = cronjob("batch", "cleanup", now);
    cleanup.suspended = true;
    for record in [
        cronjob("ops", "backup", now),
        cronjob("ops", "report", now),
        cleanup,
    ] {
        tx.upsert_cronjob(&record).await.expect("cronjob stored");
    }
    let mut runs = Vec::new();
    for (index, took) in [10, 20, 30, 40].into_iter().enumerate() {
        // The oldest began just over a day ago: inside 7 days, outside the last 24 h.
        let started_ago = 86_400 + 60 - 3_600 * index as i64;
        runs.push(run(
            &backup,
            &format!("backup-{index}"),
            now,
            started_ago,
            Some(took),
            Outcome::Succeeded,
        ));
    }
    let mut failed = run(
        &backup,
        "backup-failed",
        now,
        3_600,
        Some(5),
        Outcome::Failed,
    );
    failed.logs = Some("line1\nline2\nline3\n".into());
    failed.events =
        vec!["BackoffLimitExceeded: Job has reached the specified backoff limit".into()];
    runs.push(failed);
    runs.push(run(&backup, "backup-now", now, 60, None, Outcome::Running));
    runs.push(run(
        &report,
        "report-1",
        now,
        7_200,
        Some(3),
        Outcome::Succeeded,
    ));
    tx.record_executions(&runs).await.expect("runs recorded");
    tx.upsert_alert(&alert(&backup, "alert-backup", Severity::Warning, now))
        .await
        .expect("alert stored");
    tx.commit().await.expect("commit");
}

async fn same_data_over_grpc_and_rest(test_store: TestStore) {
    seed(&test_store.store, Timestamp::now()).await;
    let plane = TestPlane::start(&test_store.store, &fast_config(&test_store.config)).await;
    let mut grpc = QueryServiceClient::new(plane.grpc().await);
    let rest = plane.http();
    check_cronjob_list(&mut grpc, &rest).await;
    check_cronjob_detail(&mut grpc, &rest).await;
    check_executions(&mut grpc, &rest).await;
    check_one_run(&mut grpc, &rest).await;
    check_fleet(&rest, test_store.store.backend_kind()).await;
    plane.stop().await;
}

/// The CronJob list: health per CronJob and the summary.
async fn check_cronjob_list(grpc: &mut Client, rest: &HttpClient) {
    let listed = grpc
        .list_cron_jobs(ListCronJobsRequest::default())
        .await
        .expect("list")
        .into_inner();
    let statuses: Vec<(String, String)> = listed
        .items
        .iter()
        .map(|item| (item.name.clone(), item.status.clone()))
        .collect();
    assert_eq!(
        statuses,
        [
            ("cleanup".into(), "suspended".into()),
            ("backup".into(), "warning".into()),
            ("report".into(), "healthy".into())
        ]
    );
    let summary = listed.summary.expect("summary");
    assert_eq!(
        (
            summary.healthy,
            summary.warning,
            summary.suspended,
            summary.running
        ),
        (1, 1, 1, 1)
    );
    let reply = rest
        .get("/api/v1/cronjobs?namespace=ops&status=warning")
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let body = reply.json();
    assert_eq!(body["items"].as_array().map(Vec::len), Some(1));
    let item = &body["items"][0];
    assert_eq!(
        (item["name"].as_str(), item["status"].as_str()),
        (Some("backup"), Some("warning"))
    );
    assert_eq!(item["successRate"], 80.0);
    assert_eq!(item["activeAlerts"], 1);
    assert_eq!(item["activeJobs"][0]["name"], "backup-now");
    assert_eq!(item["lastRunDuration"], "5s");
    assert!(item["nextRun"].is_string(), "{item}");
    assert_eq!(
        body["summary"]["warning"], 1,
        "the summary ignores the status filter"
    );
}

/// One CronJob with SLA figures from core's percentile definition.
async fn check_cronjob_detail(grpc: &mut Client, rest: &HttpClient) {
    let detail = grpc
        .get_cron_job(GetCronJobRequest {
            namespace: "ops".into(),
            name: "backup".into(),
        })
        .await
        .expect("detail")
        .into_inner();
    let metrics = detail.metrics.expect("metrics");
    assert_eq!(
        (
            metrics.total_runs_7d,
            metrics.successful_runs_7d,
            metrics.failed_runs_7d
        ),
        (5, 4, 1)
    );
    assert_eq!(
        (
            metrics.success_rate_7d,
            metrics.p50_duration_seconds,
            metrics.avg_duration_seconds
        ),
        (80.0, 25.0, 25.0)
    );
    assert_eq!(
        detail.last_execution.map(|last| last.job_name),
        Some("backup-now".into())
    );
    let body = rest.get("/api/v1/cronjobs/ops/backup").await.json();
    assert_eq!(body["metrics"]["successRate7d"], 80.0);
    assert_eq!(
        body["metrics"]["p95DurationSeconds"],
        metrics.p95_duration_seconds
    );
    assert_eq!(body["activeAlerts"][0]["id"], "alert-backup");
    assert_eq!(body["activeAlerts"][0]["context"]["exitCode"], 2);
    assert_eq!(
        body["monitorRef"],
        json!({"namespace": "ops", "name": "nightly"})
    );
    assert_eq!(body["lastExecution"]["status"], "running");
}

/// Paged executions: gRPC page token and REST pagination agree.
async fn check_executions(grpc: &mut Client, rest: &HttpClient) {
    let page = grpc
        .list_executions(ListExecutionsRequest {
            namespace: "ops".into(),
            name: "backup".into(),
            limit: Some(2),
            ..Default::default()
        })
        .await
        .expect("executions")
        .into_inner();
    let pagination = page.pagination.expect("pagination");
    assert_eq!(
        (page.items.len(), pagination.total, pagination.has_more),
        (2, 6, true)
    );
    let next = grpc
        .list_executions(ListExecutionsRequest {
            namespace: "ops".into(),
            name: "backup".into(),
            limit: Some(2),
            page_token: page.next_page_token.clone(),
            ..Default::default()
        })
        .await
        .expect("next page")
        .into_inner();
    let body = rest
        .get("/api/v1/cronjobs/ops/backup/executions?limit=2&offset=2")
        .await
        .json();
    assert_eq!(
        body["pagination"],
        json!({"total": 6, "limit": 2, "offset": 2, "hasMore": true})
    );
    let rest_ids: Vec<i64> = body["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|item| item["id"].as_i64())
        .collect();
    let grpc_ids: Vec<i64> = next.items.iter().map(|item| item.id).collect();
    assert_eq!(rest_ids, grpc_ids);
    let failed = rest
        .get("/api/v1/cronjobs/ops/backup/executions?status=failed")
        .await
        .json();
    assert_eq!(failed["items"][0]["jobName"], "backup-failed");
    assert_eq!(failed["items"][0]["exitCode"], 2);
    assert_eq!(failed["items"][0]["duration"], "5s");
    assert_eq!(failed["pagination"]["total"], 1);
}

/// One run, its stored logs and events, and the logs' tail.
async fn check_one_run(grpc: &mut Client, rest: &HttpClient) {
    let body = rest
        .get("/api/v1/cronjobs/ops/backup/executions/backup-failed")
        .await
        .json();
    assert_eq!(body["cronJobName"], "backup");
    assert_eq!(body["storedLogs"], "line1\nline2\nline3\n");
    assert!(
        body["storedEvents"]
            .as_str()
            .is_some_and(|events| events.starts_with("BackoffLimitExceeded"))
    );
    let logs = grpc
        .get_execution_logs(GetExecutionLogsRequest {
            namespace: "ops".into(),
            name: "backup".into(),
            job_name: "backup-failed".into(),
            tail_lines: Some(1),
            ..Default::default()
        })
        .await
        .expect("logs")
        .into_inner();
    assert_eq!((logs.logs.as_str(), logs.truncated), ("line3\n", true));
    let body = rest
        .get("/api/v1/cronjobs/ops/backup/executions/backup-failed/logs?tailLines=5")
        .await
        .json();
    assert_eq!(
        (body["logs"].as_str(), body["truncated"].as_bool()),
        (Some("line1\nline2\nline3\n"), Some(false))
    );
}

/// Alerts, stats, storage and health.
async fn check_fleet(rest: &HttpClient, backend: &str) {
    let body = rest.get("/api/v1/alerts?severity=warning").await.json();
    assert_eq!(
        (
            body["total"].as_i64(),
            body["bySeverity"]["warning"].as_i64()
        ),
        (Some(1), Some(1))
    );
    assert_eq!(
        rest.get("/api/v1/alerts?type=deadManTriggered")
            .await
            .json()["total"],
        0
    );
    assert_eq!(
        rest.get("/api/v1/alerts/history?limit=10").await.json()["pagination"]["total"],
        1
    );
    let stats = rest.get("/api/v1/stats").await.json();
    assert_eq!(
        (
            stats["totalCronJobs"].as_i64(),
            stats["activeAlerts"].as_i64()
        ),
        (Some(3), Some(1))
    );
    assert_eq!(
        stats["executionsRecorded24h"], 6,
        "runs started within the last 24 h"
    );
    let storage = rest.get("/api/v1/admin/storage-stats").await.json();
    assert_eq!(storage["executionCount"], 7);
    assert_eq!(storage["storageType"], backend);
    let health = rest.get("/api/v1/health").await.json();
    assert_eq!(
        (health["status"].as_str(), health["storage"].as_str()),
        (Some("ok"), Some("connected"))
    );
    assert_eq!(
        (health["leader"].as_bool(), health["version"].as_str()),
        (Some(false), Some("test-1.2.3"))
    );
}

#[tokio::test]
async fn sqlite_replica_serves_the_same_data_over_grpc_and_rest() {
    same_data_over_grpc_and_rest(TestStore::sqlite().await).await;
}

#[tokio::test]
async fn postgres_replica_serves_the_same_data_over_grpc_and_rest() {
    same_data_over_grpc_and_rest(TestStore::postgres().await).await;
}
