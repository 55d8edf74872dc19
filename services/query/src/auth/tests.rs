use std::sync::Arc;

use guardian_api::v1::{GetCronJobRequest, PruneRequest};
use guardian_runtime::access::{AccessRequest, ReviewFuture};

use super::*;

/// Refuses everything; the tests here never reach it.
struct Nobody;

impl AccessReview for Nobody {
    fn review<'a>(&'a self, _token: &'a str, _request: &'a AccessRequest) -> ReviewFuture<'a> {
        Box::pin(async { Err(AccessError::Denied("nobody".to_owned())) })
    }
}

fn auth() -> ApiAuth {
    ApiAuth::new(Arc::new(Nobody)).expect("the api descriptor set decodes")
}

fn framed(message: &impl prost::Message, compressed: bool) -> Vec<u8> {
    let payload = message.encode_to_vec();
    let mut body = vec![u8::from(compressed)];
    body.extend_from_slice(&u32::try_from(payload.len()).unwrap_or(0).to_be_bytes());
    body.extend_from_slice(&payload);
    body
}

#[test]
fn the_namespace_is_read_from_the_request_message() {
    let request = GetCronJobRequest {
        namespace: "team-a".into(),
        name: "backup".into(),
    };
    let namespace = auth().namespace_of(
        "/guardian.v1.QueryService/GetCronJob",
        &framed(&request, false),
    );
    assert_eq!(namespace, "team-a");
}

#[test]
fn a_message_without_a_namespace_field_asks_cluster_wide() {
    let request = PruneRequest {
        older_than_days: 3,
        dry_run: true,
    };
    let namespace = auth().namespace_of(
        "/guardian.v1.ControlService/Prune",
        &framed(&request, false),
    );
    assert_eq!(namespace, "");
}

#[test]
fn a_compressed_or_truncated_body_asks_cluster_wide() {
    let request = GetCronJobRequest {
        namespace: "team-a".into(),
        name: "backup".into(),
    };
    let path = "/guardian.v1.QueryService/GetCronJob";
    assert_eq!(auth().namespace_of(path, &framed(&request, true)), "");
    let mut truncated = framed(&request, false);
    truncated.truncate(7);
    assert_eq!(auth().namespace_of(path, &truncated), "");
}

#[test]
fn only_a_non_empty_bearer_token_is_taken() {
    let mut headers = HeaderMap::new();
    assert_eq!(bearer_token(&headers), None);
    headers.insert(
        http::header::AUTHORIZATION,
        "Basic abc".parse().expect("valid header"),
    );
    assert_eq!(bearer_token(&headers), None);
    headers.insert(
        http::header::AUTHORIZATION,
        "Bearer ".parse().expect("valid header"),
    );
    assert_eq!(bearer_token(&headers), None);
    headers.insert(
        http::header::AUTHORIZATION,
        "bearer s3cret".parse().expect("valid header"),
    );
    assert_eq!(bearer_token(&headers), Some("s3cret"));
}

#[test]
fn refusals_map_to_their_grpc_codes() {
    let code = |error| status_of(&error).code();
    assert_eq!(
        code(AccessError::Unauthenticated(String::new())),
        tonic::Code::Unauthenticated
    );
    assert_eq!(
        code(AccessError::Denied(String::new())),
        tonic::Code::PermissionDenied
    );
    assert_eq!(
        code(AccessError::Unavailable(String::new())),
        tonic::Code::Unavailable
    );
}
