//! The replica's edges: bad input and unknown objects over both protocols,
//! gRPC health, mutations with no leader, a leader that is gone, the OpenAPI
//! document and `/metrics`.

mod support;

use guardian_api::v1::control_service_client::ControlServiceClient;
use guardian_api::v1::query_service_client::QueryServiceClient;
use guardian_api::v1::{
    GetCronJobRequest, ListChannelsRequest, ListExecutionsRequest, TriggerCronJobRequest,
};
use http::Method;
use support::leader::FakeLeader;
use support::{TestPlane, TestStore, eventually, fast_config, plane_knowing_backup};
use tonic::Code;
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;

#[tokio::test]
async fn bad_input_is_invalid_argument_over_grpc_and_a_400_problem_over_rest() {
    let (_store, plane) = plane_knowing_backup().await;
    let mut grpc = QueryServiceClient::new(plane.grpc().await);
    let rest = plane.http();
    let request = |limit: Option<i32>, token: &str| ListExecutionsRequest {
        namespace: "ops".into(),
        name: "backup".into(),
        limit,
        page_token: token.into(),
        ..Default::default()
    };
    for bad in [
        request(Some(0), ""),
        request(Some(1001), ""),
        request(None, "not-a-token"),
    ] {
        let status = grpc.list_executions(bad).await.expect_err("refused");
        assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
    }
    let empty = grpc
        .list_executions(request(None, ""))
        .await
        .expect("a known CronJob without runs");
    let limit = empty.into_inner().pagination.map(|page| page.limit);
    assert_eq!(limit, Some(20), "default limit");

    for path in [
        "/api/v1/cronjobs/ops/backup/executions?limit=0",
        "/api/v1/cronjobs/ops/backup/executions?since=yesterday",
        "/api/v1/cronjobs/ops/backup/executions?status=sideways",
        "/api/v1/cronjobs?status=purple",
        "/api/v1/cronjobs/Not_A_Name/backup",
    ] {
        let reply = rest.get(path).await;
        assert_eq!(reply.status, 400, "{path}: {}", reply.body);
        let content_type = reply.header("content-type");
        assert_eq!(content_type, "application/problem+json", "{path}");
        assert_eq!(reply.json()["error"]["code"], "INVALID_ARGUMENT", "{path}");
    }
    let ok = rest
        .get("/api/v1/cronjobs/ops/backup/executions?since=2020-01-01T00:00:00Z&status=success")
        .await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    plane.stop().await;
}

#[tokio::test]
async fn unknown_objects_are_not_found_and_nothing_published_is_empty() {
    let (_store, plane) = plane_knowing_backup().await;
    let mut grpc = QueryServiceClient::new(plane.grpc().await);
    let rest = plane.http();
    let unknown = GetCronJobRequest {
        namespace: "ops".into(),
        name: "nope".into(),
    };
    let missing = grpc.get_cron_job(unknown).await.expect_err("unknown");
    assert_eq!(missing.code(), Code::NotFound);
    for path in [
        "/api/v1/cronjobs/ops/nope",
        "/api/v1/cronjobs/ops/nope/executions",
        "/api/v1/cronjobs/ops/backup/executions/backup-1",
        "/api/v1/monitors/ops/nightly",
    ] {
        let reply = rest.get(path).await;
        assert_eq!(reply.status, 404, "{path}: {}", reply.body);
        assert_eq!(reply.json()["error"]["code"], "NOT_FOUND", "{path}");
    }
    let channels = grpc
        .list_channels(ListChannelsRequest {})
        .await
        .expect("no channel published yet is an empty list")
        .into_inner();
    assert!(channels.items.is_empty());
    let config = rest.get("/api/v1/config").await;
    assert_eq!(
        config.status, 404,
        "no configuration anywhere: {}",
        config.body
    );
    plane.stop().await;
}

#[tokio::test]
async fn health_and_readiness_serve_once_the_database_answers() {
    let test_store = TestStore::sqlite().await;
    let plane = TestPlane::start(&test_store.store, &fast_config(&test_store.config)).await;
    let channel = plane.grpc().await;
    let health = HealthClient::new(channel);
    for service in ["", "guardian.v1.QueryService", "guardian.v1.EventService"] {
        eventually("health SERVING", || {
            let mut health = health.clone();
            async move {
                let request = HealthCheckRequest {
                    service: service.into(),
                };
                let status = health.check(request).await.ok()?.into_inner().status;
                (status == ServingStatus::Serving as i32).then_some(())
            }
        })
        .await;
    }
    let probes = support::http_client::HttpClient::new(plane.addresses.probes);
    assert_eq!(probes.get("/readyz").await.status, 200);
    assert_eq!(probes.get("/healthz").await.status, 200);
    plane.stop().await;
}

#[tokio::test]
async fn mutations_without_a_reachable_leader_are_unavailable_with_a_retry_hint() {
    let test_store = TestStore::sqlite().await;
    let plane = TestPlane::start(&test_store.store, &fast_config(&test_store.config)).await;
    let mut control = ControlServiceClient::new(plane.grpc().await);
    let trigger = TriggerCronJobRequest {
        namespace: "ops".into(),
        name: "backup".into(),
    };
    let status = control
        .trigger_cron_job(trigger.clone())
        .await
        .expect_err("no leader");
    assert_eq!(status.code(), Code::Unavailable);
    assert!(
        status.message().contains("no control-plane leader"),
        "{status:?}"
    );
    let reply = plane
        .http()
        .send(Method::POST, "/api/v1/cronjobs/ops/backup/trigger", "")
        .await;
    assert_eq!(reply.status, 503, "{}", reply.body);
    assert_eq!(reply.header("retry-after"), "2");
    assert_eq!(reply.json()["error"]["code"], "UNAVAILABLE");

    // A leader that advertised itself and vanished: still UNAVAILABLE, never a hang.
    let gone = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = format!("http://{}", gone.local_addr().expect("bound"));
    drop(gone);
    test_store
        .store
        .acquire_epoch_for(&address)
        .await
        .expect("epoch");
    let status = control
        .trigger_cron_job(trigger)
        .await
        .expect_err("leader gone");
    assert_eq!(status.code(), Code::Unavailable, "{status:?}");
    plane.stop().await;
}

/// Lists the services a reflection client of `$version` sees.
macro_rules! reflected_services {
    ($version:ident, $channel:expr) => {{
        use tonic_reflection::pb::$version::ServerReflectionRequest;
        use tonic_reflection::pb::$version::server_reflection_client::ServerReflectionClient;
        use tonic_reflection::pb::$version::server_reflection_request::MessageRequest;
        use tonic_reflection::pb::$version::server_reflection_response::MessageResponse;
        let request = ServerReflectionRequest {
            host: String::new(),
            message_request: Some(MessageRequest::ListServices(String::new())),
        };
        let mut replies = ServerReflectionClient::new($channel)
            .server_reflection_info(futures::stream::iter([request]))
            .await
            .expect("reflection answers")
            .into_inner();
        let reply = replies
            .message()
            .await
            .expect("a reply")
            .expect("one message");
        match reply.message_response {
            Some(MessageResponse::ListServicesResponse(list)) => list
                .service
                .into_iter()
                .map(|service| service.name)
                .collect::<Vec<String>>(),
            other => panic!("unexpected reflection reply {other:?}"),
        }
    }};
}

#[tokio::test]
async fn reflection_v1_and_v1alpha_list_exactly_the_served_services() {
    let test_store = TestStore::sqlite().await;
    let plane = TestPlane::start(&test_store.store, &fast_config(&test_store.config)).await;
    let channel = plane.grpc().await;
    let v1 = reflected_services!(v1, channel.clone());
    let v1alpha = reflected_services!(v1alpha, channel);
    for mut services in [v1, v1alpha] {
        services.sort();
        assert_eq!(
            services,
            [
                "grpc.health.v1.Health",
                "grpc.reflection.v1.ServerReflection",
                "grpc.reflection.v1alpha.ServerReflection",
                "guardian.v1.ControlService",
                "guardian.v1.EventService",
                "guardian.v1.QueryService",
            ]
        );
    }
    plane.stop().await;
}

#[tokio::test]
async fn control_calls_reach_the_leader_with_their_trace_context() {
    let test_store = TestStore::sqlite().await;
    let plane = TestPlane::start(&test_store.store, &fast_config(&test_store.config)).await;
    let leader = FakeLeader::start(&test_store.store).await;
    let trace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    let reply = plane
        .http()
        .send_with(
            Method::POST,
            "/api/v1/cronjobs/ops/backup/trigger",
            &[("traceparent", trace)],
            "",
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let body = reply.json();
    assert_eq!(
        (body["success"].as_bool(), body["jobName"].as_str()),
        (Some(true), Some("backup-manual"))
    );
    assert_eq!(
        leader.control_calls(),
        [trace],
        "REST → query gRPC → leader keeps the trace"
    );

    // A standby refuses without acting: the replica re-resolves and tries once more, then gives up.
    leader
        .standby
        .store(true, std::sync::atomic::Ordering::SeqCst);
    let mut control = ControlServiceClient::new(plane.grpc().await);
    let trigger = TriggerCronJobRequest {
        namespace: "ops".into(),
        name: "backup".into(),
    };
    let refused = control
        .trigger_cron_job(trigger)
        .await
        .expect_err("standby");
    assert_eq!(refused.code(), Code::Unavailable, "{refused:?}");
    assert_eq!(
        leader.control_calls().len(),
        3,
        "one call, then exactly one retry"
    );
    leader.stop().await;
    plane.stop().await;
}

#[tokio::test]
async fn the_api_listener_serves_openapi_and_the_stream_metrics() {
    let test_store = TestStore::sqlite().await;
    let plane = TestPlane::start(&test_store.store, &fast_config(&test_store.config)).await;
    let rest = plane.http();
    let document = rest.get("/api/v1/openapi.json").await.json();
    assert!(document["paths"]["/api/v1/cronjobs/{namespace}/{name}/executions"]["get"].is_object());
    assert!(document["paths"]["/api/v1/cronjobs/{namespace}/{name}/trigger"]["post"].is_object());
    let metrics = eventually("stream metrics", || async {
        let body = rest.get("/metrics").await.body;
        body.contains("cronjob_guardian_event_stream_lag")
            .then_some(body)
    })
    .await;
    assert!(
        metrics.contains("# HELP cronjob_guardian_event_stream_lag"),
        "{metrics}"
    );
    assert!(
        metrics.contains("cronjob_guardian_event_stream_sequence"),
        "{metrics}"
    );
    plane.stop().await;
}

/// The REST port also serves the dashboard: its page shell at `/` and at any
/// deep link, its modules under `/ui/`; unknown API paths stay 404 problems,
/// and health reports the stream position a page subscribes after.
#[tokio::test]
async fn the_rest_port_serves_the_dashboard_beside_the_api() {
    let (_store, plane) = plane_knowing_backup().await;
    let rest = plane.http();
    for path in ["/", "/cronjobs/ops/backup"] {
        let page = rest.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        assert_eq!(
            page.header("content-type"),
            "text/html; charset=utf-8",
            "{path}"
        );
        assert!(page.body.contains("/ui/app.js"), "{path}: {}", page.body);
    }
    let module = rest.get("/ui/pages/overview.js").await;
    assert_eq!(module.status, 200);
    assert_eq!(
        module.header("content-type"),
        "text/javascript; charset=utf-8"
    );
    let unknown = rest.get("/api/v1/no-such-thing").await;
    assert_eq!(unknown.status, 404, "{}", unknown.body);
    assert_eq!(unknown.header("content-type"), "application/problem+json");
    // The charts' aggregate: a known CronJob without runs has no days; bad input and
    // unknown CronJobs answer like every other read.
    let daily = rest
        .get("/api/v1/cronjobs/ops/backup/daily-stats?days=365")
        .await;
    assert_eq!(daily.status, 200, "{}", daily.body);
    assert_eq!(daily.json(), serde_json::json!({"days": []}));
    let too_many = rest
        .get("/api/v1/cronjobs/ops/backup/daily-stats?days=367")
        .await;
    assert_eq!(too_many.status, 400, "{}", too_many.body);
    let missing = rest.get("/api/v1/cronjobs/ops/nope/daily-stats").await;
    assert_eq!(missing.status, 404, "{}", missing.body);
    let health = rest.get("/api/v1/health").await.json();
    assert!(
        health["lastEventSequence"].is_number() || health["lastEventSequence"].is_string(),
        "{health}"
    );
    plane.stop().await;
}
