//! HTTP replies: reply messages as proto3 JSON (prost-reflect's canonical
//! mapping: lowerCamelCase names, RFC 3339 timestamps ending in `Z`), errors as
//! `application/problem+json`.
//!
//! Scalars are written even at their default value (`"success": false`,
//! `"total": 0`) because the existing operator's clients expect them; fields
//! with presence (`optional`, messages) are left out when unset, which gives the
//! "omitted when empty" fields of REST-API.md.

use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use guardian_api::{ErrorCode, Problem};
use http::{HeaderValue, StatusCode, header};
use prost_reflect::{DynamicMessage, SerializeOptions, Value};
use tonic::Status;

use crate::binding::Binding;

/// A reply message rendered for HTTP.
pub(crate) struct Rendered {
    pub json: String,
    /// The SSE `id` (the message's `sequence`), for streams.
    pub sse_id: Option<String>,
}

/// The JSON settings of a gateway.
pub(crate) fn serialize_options(stringify_64_bit_integers: bool) -> SerializeOptions {
    SerializeOptions::new()
        .skip_default_fields(false)
        .stringify_64_bit_integers(stringify_64_bit_integers)
}

/// Decodes a reply message and renders its HTTP body (the `response_body` field when set).
pub(crate) fn render(
    binding: &Binding,
    options: &SerializeOptions,
    message: Bytes,
) -> Result<Rendered, Status> {
    let reply = DynamicMessage::decode(binding.method.output(), message)
        .map_err(|error| Status::internal(format!("reply does not decode: {error}")))?;
    let body = match &binding.response_body {
        None => reply,
        Some(field) => match reply.get_field(field).into_owned() {
            Value::Message(inner) => inner,
            _ => return Err(Status::internal("response_body field is not a message")),
        },
    };
    let sse_id = binding
        .sse_id_field
        .as_ref()
        .and_then(|field| integer_text(&body.get_field(field)));
    let mut serializer = serde_json::Serializer::new(Vec::new());
    body.serialize_with_options(&mut serializer, options)
        .map_err(|error| Status::internal(format!("reply does not serialize: {error}")))?;
    let json = String::from_utf8(serializer.into_inner())
        .map_err(|error| Status::internal(format!("reply JSON is not UTF-8: {error}")))?;
    Ok(Rendered { json, sse_id })
}

fn integer_text(value: &Value) -> Option<String> {
    match value {
        Value::I32(number) => Some(number.to_string()),
        Value::I64(number) => Some(number.to_string()),
        Value::U32(number) => Some(number.to_string()),
        Value::U64(number) => Some(number.to_string()),
        _ => None,
    }
}

/// A 200 reply with a JSON body.
pub(crate) fn json_response(json: String) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        json,
    )
        .into_response()
}

/// A problem+json reply.
pub(crate) fn problem_response(problem: &Problem) -> Response {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let content_type = HeaderValue::from_static(Problem::CONTENT_TYPE);
    (
        status,
        [(header::CONTENT_TYPE, content_type)],
        problem.to_json(),
    )
        .into_response()
}

/// The problem reply of a gRPC error status. Server-side failures are logged with
/// their full message, which the reply itself may hide.
pub(crate) fn status_response(rpc: &str, status: &Status) -> Response {
    let problem = Problem::from_status(status);
    if problem.status >= 500 {
        tracing::warn!(rpc, code = ?status.code(), message = status.message(), "rest call failed");
    }
    problem_response(&problem)
}

/// Fallback for a server that merges these routes with gRPC services on one port:
/// gRPC requests get `UNIMPLEMENTED` the gRPC way, anything else a 404 problem
/// (instead of tonic's fallback, which answers every unknown path in gRPC).
pub async fn fallback(request: axum::extract::Request) -> Response {
    let is_grpc = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|content_type| content_type.starts_with("application/grpc"));
    if is_grpc {
        return Status::unimplemented("").into_http::<axum::body::Body>();
    }
    let detail = format!("no route for {} {}", request.method(), request.uri().path());
    problem_response(&Problem::new(ErrorCode::NotFound, detail))
}

/// A 400 problem for a request the gateway could not turn into a message.
/// 413: a request body over `limit` bytes is refused unread (RFC 9110 §15.5.14).
pub(crate) fn payload_too_large(limit: usize) -> Response {
    let mut problem = Problem::new(
        ErrorCode::ResourceExhausted,
        format!("request body exceeds {limit} bytes"),
    );
    problem.status = StatusCode::PAYLOAD_TOO_LARGE.as_u16();
    problem.title = "Payload too large".to_owned();
    problem_response(&problem)
}

pub(crate) fn bad_request(detail: impl Into<String>) -> Response {
    problem_response(&Problem::new(ErrorCode::InvalidArgument, detail))
}
