//! The generated serde impls (pbjson) speak the REST API's JSON: lowerCamelCase
//! names from REST-API.md, and they read back what they write.

use guardian_api::v1;
use serde_json::{Value, json};

fn round_trip<T>(message: &T) -> Value
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let text = serde_json::to_string(message).expect("serializes");
    let back: T = serde_json::from_str(&text).expect("deserializes");
    assert_eq!(&back, message, "round trip of {text}");
    serde_json::from_str(&text).expect("valid JSON")
}

#[test]
fn execution_list_uses_rest_field_names() {
    let reply = v1::ListExecutionsResponse {
        items: vec![v1::ExecutionItem {
            id: 7,
            job_name: "backup-29000000".into(),
            status: "failed".into(),
            start_time: Some(pbjson_types::Timestamp {
                seconds: 1_700_000_000,
                nanos: 0,
            }),
            duration: "1m30s".into(),
            exit_code: 137,
            reason: Some("OOMKilled".into()),
            is_retry: true,
            ..Default::default()
        }],
        pagination: Some(v1::Pagination {
            total: 41,
            limit: 20,
            offset: 20,
            has_more: true,
        }),
        next_page_token: "o40".into(),
    };
    let json = round_trip(&reply);
    let item = &json["items"][0];
    assert_eq!(item["jobName"], "backup-29000000");
    assert!(
        item["startTime"]
            .as_str()
            .expect("timestamp string")
            .starts_with("2023-11-14T22:13:20")
    );
    assert_eq!(item["exitCode"], 137);
    assert_eq!(item["isRetry"], true);
    assert_eq!(item["reason"], "OOMKilled");
    assert!(
        item.get("completionTime").is_none(),
        "unset optional fields are omitted"
    );
    assert_eq!(json["pagination"]["hasMore"], true);
    assert_eq!(json["nextPageToken"], "o40");
}

#[test]
fn metrics_and_stats_keep_digits_in_their_names() {
    let detail = v1::GetCronJobResponse {
        name: "backup".into(),
        metrics: Some(v1::CronJobMetrics {
            success_rate_7d: 97.5,
            success_rate_30d: 99.0,
            p95_duration_seconds: 12.5,
            total_runs_7d: 40,
            ..Default::default()
        }),
        ..Default::default()
    };
    let json = round_trip(&detail);
    assert_eq!(json["metrics"]["successRate7d"], 97.5);
    assert_eq!(json["metrics"]["successRate30d"], 99.0);
    assert_eq!(json["metrics"]["p95DurationSeconds"], 12.5);
    assert_eq!(json["metrics"]["totalRuns7d"], 40);

    let stats = v1::GetStatsResponse {
        total_cron_jobs: 3,
        executions_recorded_24h: 12,
        ..Default::default()
    };
    let json = round_trip(&stats);
    assert_eq!(json["totalCronJobs"], 3);
    // pbjson writes int64 as a string (proto3 JSON); the REST bridge writes numbers.
    assert_eq!(json["executionsRecorded24h"], "12");
}

#[test]
fn explicit_json_names_and_maps_survive() {
    let detail = v1::ExecutionDetail {
        cron_job_uid: Some("2b0c".into()),
        cron_job_namespace: "ops".into(),
        ..Default::default()
    };
    let json = round_trip(&detail);
    assert_eq!(json["cronJobUID"], "2b0c");
    assert_eq!(json["cronJobNamespace"], "ops");

    let alerts = v1::ListAlertsResponse {
        total: 2,
        by_severity: [("critical".to_owned(), 2)].into_iter().collect(),
        ..Default::default()
    };
    let json = round_trip(&alerts);
    assert_eq!(json["bySeverity"], json!({"critical": 2}));
}

#[test]
fn pattern_test_request_reads_the_older_clients_body() {
    let body = json!({
        "pattern": {
            "name": "oom",
            "match": {"exitCode": 137, "exitCodeRange": {"min": 128, "max": 255}},
            "suggestion": "Raise the memory limit of {{.JobName}}",
            "priority": 10
        },
        "testData": {"exitCode": 137, "reason": "OOMKilled", "events": ["Killing"], "jobName": "j-1"},
        "unknownFromANewerClient": true
    });
    let request: v1::TestPatternRequest = serde_json::from_value(body).expect("deserializes");
    let pattern = request.pattern.expect("pattern");
    let matcher = pattern.r#match.expect("match");
    assert_eq!(matcher.exit_code, Some(137));
    assert_eq!(
        matcher.exit_code_range.map(|r| (r.min, r.max)),
        Some((128, 255))
    );
    assert_eq!(pattern.priority, Some(10));
    let data = request.test_data.expect("testData");
    assert_eq!((data.job_name.as_str(), data.events.len()), ("j-1", 1));
}
