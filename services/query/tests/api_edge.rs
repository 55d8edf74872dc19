//! The API edge answers bad input by the book, on a real replica: invalid names
//! on mutations are 400 before any leader is looked for, a body over the limit
//! is 413, and gRPC's malformed, oversized and surplus request messages get
//! INVALID_ARGUMENT, RESOURCE_EXHAUSTED and INVALID_ARGUMENT.

mod support;

use bytes::{Buf, BufMut};
use guardian_api::v1::control_service_client::ControlServiceClient;
use guardian_api::v1::{GetCronJobRequest, TestChannelRequest, TriggerCronJobRequest};
use http::Method;
use http::uri::PathAndQuery;
use prost::Message;
use support::plane_knowing_backup;
use tonic::codec::{Codec, DecodeBuf, Decoder, EncodeBuf, Encoder};
use tonic::{Code, Request, Status};

#[tokio::test]
async fn mutations_with_invalid_names_are_400_problems_without_retry_after() {
    let (_store, plane) = plane_knowing_backup().await;
    let rest = plane.http();
    for path in [
        "/api/v1/cronjobs/ops/Not_A_Name/trigger",
        "/api/v1/cronjobs/-ops/backup/suspend",
        "/api/v1/cronjobs/ops/backup./resume",
        "/api/v1/channels/Slack_Main/test",
    ] {
        let reply = rest.send(Method::POST, path, "").await;
        assert_eq!(reply.status, 400, "{path}: {}", reply.body);
        assert_eq!(reply.header("content-type"), "application/problem+json");
        assert_eq!(reply.json()["error"]["code"], "INVALID_ARGUMENT", "{path}");
        assert!(reply.headers.get("retry-after").is_none(), "{path}");
    }
    let mut control = ControlServiceClient::new(plane.grpc().await);
    let trigger = TriggerCronJobRequest {
        namespace: "ops".into(),
        name: "UPPER".into(),
    };
    let status = control
        .trigger_cron_job(trigger)
        .await
        .expect_err("bad name");
    assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
    let test = TestChannelRequest {
        name: "slack".into(),
        namespace: "Bad Namespace".into(),
    };
    let status = control.test_channel(test).await.expect_err("bad namespace");
    assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
    // A valid name still goes to the (absent) leader.
    let reply = rest
        .send(Method::POST, "/api/v1/cronjobs/ops/backup/trigger", "")
        .await;
    assert_eq!(reply.status, 503, "{}", reply.body);
    plane.stop().await;
}

#[tokio::test]
async fn a_rest_body_over_the_limit_is_413() {
    let (_store, plane) = plane_knowing_backup().await;
    // One byte over the 4 MiB limit, so the server has read (almost) all of it.
    let body = format!("{{\"pattern\":\"{}\"}}", "a".repeat(4 * 1024 * 1024));
    let reply = plane
        .http()
        .send(Method::POST, "/api/v1/patterns/test", &body)
        .await;
    assert_eq!(reply.status, 413, "{}", reply.body);
    assert_eq!(reply.header("content-type"), "application/problem+json");
    assert_eq!(reply.json()["status"], 413);
    plane.stop().await;
}

/// Sends and receives message bytes as they are.
#[derive(Debug, Clone, Copy, Default)]
struct RawCodec;

impl Codec for RawCodec {
    type Encode = Vec<u8>;
    type Decode = Vec<u8>;
    type Encoder = RawCodec;
    type Decoder = RawCodec;

    fn encoder(&mut self) -> RawCodec {
        RawCodec
    }

    fn decoder(&mut self) -> RawCodec {
        RawCodec
    }
}

impl Encoder for RawCodec {
    type Item = Vec<u8>;
    type Error = Status;

    fn encode(&mut self, item: Vec<u8>, dst: &mut EncodeBuf<'_>) -> Result<(), Status> {
        dst.put_slice(&item);
        Ok(())
    }
}

impl Decoder for RawCodec {
    type Item = Vec<u8>;
    type Error = Status;

    fn decode(&mut self, src: &mut DecodeBuf<'_>) -> Result<Option<Vec<u8>>, Status> {
        Ok(Some(src.copy_to_bytes(src.remaining()).to_vec()))
    }
}

const GET_CRON_JOB: &str = "/guardian.v1.QueryService/GetCronJob";

#[tokio::test]
async fn malformed_oversized_and_surplus_grpc_messages_are_refused_by_the_book() {
    let (_store, plane) = plane_knowing_backup().await;
    let mut grpc = tonic::client::Grpc::new(plane.grpc().await);
    let valid = GetCronJobRequest {
        namespace: "ops".into(),
        name: "backup".into(),
    }
    .encode_to_vec();
    let path = || PathAndQuery::from_static(GET_CRON_JOB);

    grpc.ready().await.expect("ready");
    let answered = grpc
        .unary(Request::new(valid.clone()), path(), RawCodec)
        .await;
    assert!(answered.is_ok(), "one valid message: {answered:?}");

    // Field 1 declared as a 100-byte string, then the body ends: no message parses.
    let malformed = vec![0x0a, 100, b'o'];
    grpc.ready().await.expect("ready");
    let status = grpc
        .unary(Request::new(malformed), path(), RawCodec)
        .await
        .expect_err("malformed");
    assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");

    grpc.ready().await.expect("ready");
    let oversized = vec![0; 4 * 1024 * 1024 + 1];
    let status = grpc
        .unary(Request::new(oversized), path(), RawCodec)
        .await
        .expect_err("oversized");
    assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");

    grpc.ready().await.expect("ready");
    let two = futures::stream::iter([valid.clone(), valid]);
    let status = grpc
        .client_streaming(Request::new(two), path(), RawCodec)
        .await
        .expect_err("two messages on a unary call");
    assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
    plane.stop().await;
}
