//! Traces across the planes: with `OTEL_EXPORTER_OTLP_ENDPOINT` set, a REST
//! control call carrying a `traceparent` becomes one trace — the query
//! replica's request span (child of the caller's span) and the leader's span
//! for the forwarded gRPC call (child of the replica's span) — exported over
//! OTLP/gRPC to a real receiver on 127.0.0.1 (the opentelemetry-proto
//! collector service, served by tonic in this test).

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use guardian_integration::cluster::{LocalCluster, Timings, leader_of};
use guardian_integration::{http, wait_until};
use opentelemetry_proto::tonic::collector::trace::v1::trace_service_server::{
    TraceService, TraceServiceServer,
};
use opentelemetry_proto::tonic::collector::trace::v1::{
    ExportTraceServiceRequest, ExportTraceServiceResponse,
};
use opentelemetry_proto::tonic::common::v1::{KeyValue, any_value};
use tokio_stream::wrappers::TcpListenerStream;
use tonic::{Request, Response, Status};

const DEADLINE: Duration = Duration::from_secs(60);
const TRACE_ID: &str = "4bf92f3577b34da6a3ce929d0e0e4736";
const CALLER_SPAN_ID: &str = "00f067aa0ba902b7";

/// One received span, with ids in lowercase hex as `traceparent` spells them.
#[derive(Debug, Clone)]
struct ReceivedSpan {
    service: String,
    trace_id: String,
    span_id: String,
    parent_span_id: String,
    method: String,
}

/// An OTLP/gRPC trace receiver that keeps every span it is sent.
#[derive(Clone, Default)]
struct Receiver {
    spans: Arc<Mutex<Vec<ReceivedSpan>>>,
}

impl Receiver {
    fn spans_of_trace(&self, trace_id: &str) -> Vec<ReceivedSpan> {
        let spans = self.spans.lock().unwrap_or_else(PoisonError::into_inner);
        spans
            .iter()
            .filter(|span| span.trace_id == trace_id)
            .cloned()
            .collect()
    }
}

#[tonic::async_trait]
impl TraceService for Receiver {
    async fn export(
        &self,
        request: Request<ExportTraceServiceRequest>,
    ) -> Result<Response<ExportTraceServiceResponse>, Status> {
        let mut received = Vec::new();
        for resource_spans in request.into_inner().resource_spans {
            let service = resource_spans
                .resource
                .as_ref()
                .map(|resource| string_attribute(&resource.attributes, "service.name"))
                .unwrap_or_default();
            let spans = resource_spans
                .scope_spans
                .into_iter()
                .flat_map(|scope| scope.spans);
            received.extend(spans.map(|span| ReceivedSpan {
                service: service.clone(),
                trace_id: hex(&span.trace_id),
                span_id: hex(&span.span_id),
                parent_span_id: hex(&span.parent_span_id),
                method: string_attribute(&span.attributes, "rpc.method"),
            }));
        }
        self.spans
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend(received);
        Ok(Response::new(ExportTraceServiceResponse::default()))
    }
}

fn string_attribute(attributes: &[KeyValue], key: &str) -> String {
    attributes
        .iter()
        .find(|attribute| attribute.key == key)
        .and_then(|attribute| attribute.value.as_ref()?.value.as_ref())
        .map(|value| match value {
            any_value::Value::StringValue(text) => text.clone(),
            other => format!("{other:?}"),
        })
        .unwrap_or_default()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Serves the receiver on a loopback port and returns its OTLP endpoint.
async fn start_receiver(receiver: Receiver) -> anyhow::Result<String> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let endpoint = format!("http://{}", listener.local_addr()?);
    tokio::spawn(
        tonic::transport::Server::builder()
            .add_service(TraceServiceServer::new(receiver))
            .serve_with_incoming(TcpListenerStream::new(listener)),
    );
    Ok(endpoint)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forwarded_control_call_is_one_trace_from_the_caller_through_the_replica_to_the_leader()
-> anyhow::Result<()> {
    let receiver = Receiver::default();
    let endpoint = start_receiver(receiver.clone()).await?;
    let mut cluster = LocalCluster::new("it_tracing", Timings::default()).await?;
    cluster.env = vec![
        ("OTEL_EXPORTER_OTLP_ENDPOINT".into(), endpoint),
        // Export promptly instead of every 5 s (the batch processor's default).
        ("OTEL_BSP_SCHEDULE_DELAY".into(), "100".into()),
    ];
    cluster.kube.create_namespace("ops")?;
    cluster
        .kube
        .create_cronjob("ops", "backup", "0 3 * * *", &[("app", "backup")])?;
    let controller = cluster.controller("controller-a").await?;
    leader_of(&[&controller], DEADLINE).await?;
    let replica = cluster.query("query-a").await?;

    let traceparent = format!("00-{TRACE_ID}-{CALLER_SPAN_ID}-01");
    let suspended = http::request_with_headers(
        replica.addresses.http,
        "POST",
        "/api/v1/cronjobs/ops/backup/suspend",
        None,
        &[("traceparent", &traceparent)],
    )
    .await?;
    assert_eq!(suspended.status, 200, "{}", suspended.body);

    // Each process's request span, told apart from any inner spans by its method.
    let (replica_span, leader_span) = wait_until(
        "the replica's and the leader's spans of the call",
        DEADLINE,
        || async {
            let spans = receiver.spans_of_trace(TRACE_ID);
            let find = |service: &str, method: &str| {
                spans
                    .iter()
                    .find(|span| span.service == service && span.method.ends_with(method))
                    .cloned()
            };
            Some((
                find("cronjob-guardian-query", "/ops/backup/suspend")?,
                find(
                    "cronjob-guardian-controller",
                    "ControlService/SuspendCronJob",
                )?,
            ))
        },
    )
    .await?;
    assert_eq!(
        replica_span.parent_span_id, CALLER_SPAN_ID,
        "the replica continues the caller's span: {replica_span:?}"
    );
    assert_eq!(
        leader_span.parent_span_id, replica_span.span_id,
        "the leader's span is a child of the replica's: {leader_span:?}"
    );
    assert_ne!(leader_span.span_id, replica_span.span_id);
    Ok(())
}
