//! End to end over real HTTP: REST paths and parameters reach the real
//! generated tonic services in-process, replies come back as REST-API.md JSON,
//! errors as problem+json.

mod support;

use http::Method;
use support::TestServer;

#[tokio::test]
async fn unary_get_renders_rest_json_with_default_scalars_and_trace_context() {
    let server = TestServer::start().await;
    let traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    let reply = server
        .send(
            Method::GET,
            "/api/v1/health",
            &[("traceparent", traceparent)],
            "",
        )
        .await;

    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.content_type(), "application/json");
    let health = reply.json();
    assert_eq!(health["status"], "ok");
    assert_eq!(health["uptime"], "1m30s");
    // Defaults are written, as the older operator's clients expect.
    assert_eq!(health["leader"], false);
    assert_eq!(health["analyzerEnabled"], false);
    assert_eq!(health["schedulersRunning"], serde_json::json!([]));
    let seen = server.query.last_traceparent.lock().expect("lock").clone();
    assert_eq!(seen.as_deref(), Some(traceparent));
}

#[tokio::test]
async fn path_and_query_parameters_fill_the_request_message() {
    let server = TestServer::start().await;
    let reply = server
        .get("/api/v1/cronjobs/ops/backup/executions?limit=5&offset=10&status=failed&since=2025-03-01T00:00:00Z&cacheBuster=1")
        .await;

    assert_eq!(reply.status, 200, "{}", reply.body);
    let page = reply.json();
    let item = &page["items"][0];
    assert_eq!(item["jobName"], "backup-1");
    assert_eq!(item["status"], "failed");
    assert_eq!(item["id"], 7, "64-bit integers are JSON numbers");
    assert_eq!(item["startTime"], "2025-03-01T02:00:00Z");
    assert_eq!(item["completionTime"], "2025-03-01T02:01:30Z");
    assert_eq!(item["duration"], "1m30s");
    assert_eq!(item["isRetry"], false);
    assert_eq!(
        item["reason"], "2025-03-01T00:00:00Z",
        "since reached the RPC"
    );
    assert_eq!(
        page["pagination"],
        serde_json::json!({"total": 45, "limit": 5, "offset": 10, "hasMore": true})
    );
    assert_eq!(page["nextPageToken"], "o15");

    let running = server
        .get("/api/v1/cronjobs/ops/backup/executions")
        .await
        .json();
    assert_eq!(
        running["pagination"]["limit"], 20,
        "the default page size applies"
    );
    assert!(
        running["items"][0].get("completionTime").is_none(),
        "unset messages are omitted"
    );
    assert!(
        running["items"][0].get("reason").is_none(),
        "unset optionals are omitted"
    );
}

#[tokio::test]
async fn lower_camel_case_and_proto_names_both_work_as_query_parameters() {
    let server = TestServer::start().await;
    let logs = server
        .get("/api/v1/cronjobs/ops/backup/executions/backup-7/logs?tailLines=50&container=sidecar")
        .await;
    assert_eq!(
        logs.json(),
        serde_json::json!({
            "jobName": "backup-7", "container": "sidecar", "logs": "tail Some(50)", "truncated": true
        })
    );
    let offset = server
        .get("/api/v1/cronjobs/ops/backup/executions?since=2025-03-01T01:00:00+01:00")
        .await;
    assert_eq!(
        offset.json()["items"][0]["reason"],
        "2025-03-01T00:00:00Z",
        "an unencoded '+' still parses"
    );

    let snake = server
        .get("/api/v1/cronjobs/ops/backup/executions/backup-7/logs?tail_lines=3")
        .await;
    assert_eq!(
        snake.json()["logs"],
        "tail Some(3)",
        "proto field names work too"
    );
}

#[tokio::test]
async fn response_body_rules_render_only_the_named_field() {
    let server = TestServer::start().await;
    let detail = server
        .get("/api/v1/cronjobs/ops/backup/executions/backup-29000000")
        .await
        .json();
    assert_eq!(detail["jobName"], "backup-29000000");
    assert_eq!(detail["cronJobNamespace"], "ops");
    assert_eq!(detail["cronJobUID"], "cj-uid");
    assert_eq!(detail["status"], "success");
    assert_eq!(detail["storedLogs"], "line 1\nline 2");
    assert!(
        detail.get("execution").is_none(),
        "the wrapper message is not shown"
    );

    let config = server.get("/api/v1/config").await.json();
    assert_eq!(config["storage"]["type"], "sqlite");
    assert_eq!(config["leader-election"]["enabled"], false);

    let alerts = server.get("/api/v1/alerts").await.json();
    assert_eq!(
        alerts,
        serde_json::json!({"items": [], "total": 0, "bySeverity": {"critical": 0}})
    );
}

#[tokio::test]
async fn posts_with_a_json_body_and_posts_without_one() {
    let server = TestServer::start().await;
    let prune = server
        .send(
            Method::POST,
            "/api/v1/admin/prune",
            &[],
            r#"{"olderThanDays": 30, "dryRun": true}"#,
        )
        .await;
    assert_eq!(prune.status, 200, "{}", prune.body);
    let prune = prune.json();
    assert_eq!(
        (prune["olderThanDays"].clone(), prune["dryRun"].clone()),
        (30.into(), true.into())
    );
    assert_eq!(prune["cutoff"], "2025-02-01T00:00:00Z");
    assert_eq!(prune["recordsPruned"], 0);

    let pattern = r#"{"pattern": {"name": "oom", "match": {"exitCode": 137}, "suggestion": "x"},
                      "testData": {"exitCode": 137, "reason": "OOMKilled"}}"#;
    let tested = server
        .send(Method::POST, "/api/v1/patterns/test", &[], pattern)
        .await
        .json();
    assert_eq!(
        tested,
        serde_json::json!({"matched": true, "renderedSuggestion": "raise the memory limit"})
    );

    let trigger = server
        .send(Method::POST, "/api/v1/cronjobs/ops/backup/trigger", &[], "")
        .await
        .json();
    assert_eq!(trigger["success"], true);
    assert_eq!(trigger["jobName"], "backup-manual-1");

    let resume = server
        .send(
            Method::POST,
            "/api/v1/cronjobs/ops/backup/resume",
            &[],
            "{}",
        )
        .await
        .json();
    assert_eq!(
        resume,
        serde_json::json!({"success": false}),
        "unset optionals stay out"
    );
}

#[tokio::test]
async fn service_errors_become_problems_with_grpc_gateway_statuses() {
    let server = TestServer::start().await;
    let missing = server
        .get("/api/v1/cronjobs/ops/missing")
        .await
        .problem(404, "NOT_FOUND");
    assert_eq!(missing["detail"], "cronjob ops/missing not found");
    assert_eq!(missing["type"], "urn:cronjob-guardian:problem:not-found");

    let standby = server
        .send(Method::POST, "/api/v1/cronjobs/ops/backup/suspend", &[], "")
        .await;
    assert_eq!(
        standby.problem(503, "NOT_LEADER")["detail"],
        "this controller is a standby"
    );
    let fenced = server
        .send(
            Method::DELETE,
            "/api/v1/cronjobs/ops/backup/history",
            &[],
            "",
        )
        .await;
    fenced.problem(409, "FENCED");

    let invalid = server
        .get("/api/v1/cronjobs/ops/backup/executions?limit=0")
        .await
        .problem(400, "INVALID_ARGUMENT");
    assert!(
        invalid["detail"]
            .as_str()
            .is_some_and(|d| d.contains("limit")),
        "{invalid}"
    );
    server
        .get("/api/v1/stats")
        .await
        .problem(501, "UNIMPLEMENTED");

    let internal = server
        .get("/api/v1/admin/storage-stats")
        .await
        .problem(500, "INTERNAL");
    assert_eq!(
        internal["detail"], "internal error",
        "internal details stay inside"
    );
}

#[tokio::test]
async fn malformed_input_is_a_400_problem_never_a_500() {
    let server = TestServer::start().await;
    let cases = [
        (
            Method::GET,
            "/api/v1/cronjobs/ops/backup/executions?limit=abc",
            "",
            "limit",
        ),
        (
            Method::GET,
            "/api/v1/cronjobs/ops/backup/executions?limit=99999999999",
            "",
            "limit",
        ),
        (
            Method::GET,
            "/api/v1/cronjobs/ops/backup/executions?since=yesterday",
            "",
            "since",
        ),
        (
            Method::GET,
            "/api/v1/events?afterSequence=x",
            "",
            "afterSequence",
        ),
        (Method::POST, "/api/v1/admin/prune", "{not json", "JSON"),
        (Method::POST, "/api/v1/admin/prune", "[1, 2]", "object"),
        (
            Method::POST,
            "/api/v1/admin/prune",
            r#"{"olderThanDays": "many"}"#,
            "invalid request",
        ),
        (
            Method::POST,
            "/api/v1/admin/prune",
            r#"{"olderThanDays": 0}"#,
            "olderThanDays",
        ),
        (
            Method::GET,
            "/api/v1/cronjobs/Bad%20Name/backup",
            "",
            "namespace",
        ),
    ];
    for (method, path, body, mention) in cases {
        let reply = server.send(method.clone(), path, &[], body).await;
        let problem = reply.problem(400, "INVALID_ARGUMENT");
        let detail = problem["detail"].as_str().unwrap_or_default();
        assert!(detail.contains(mention), "{method} {path}: {detail}");
    }
}
