//! The axum handler of one binding:
//!
//! ```text
//!  HTTP request ─► request message (path, query, body, Last-Event-ID)
//!               ─► in-process gRPC call
//!               ─► unary: JSON body | server stream: Server-Sent Events | error: problem+json
//! ```

use std::convert::Infallible;
use std::sync::Arc;

use axum::extract::rejection::{QueryRejection, RawPathParamsRejection};
use axum::extract::{Query, RawPathParams, Request};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use futures::StreamExt;
use guardian_api::Problem;
use prost_reflect::SerializeOptions;
use tonic::Status;

use crate::binding::Binding;
use crate::grpc::{self, GrpcService, MessageStream};
use crate::render::{bad_request, json_response, payload_too_large, render, status_response};
use crate::request::{self, BadRequest, HttpInput};

/// Largest JSON request body read.
const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

/// Everything a handler needs, shared by all requests of one binding.
pub(crate) struct Route {
    pub binding: Binding,
    /// `/package.Service/Method`.
    pub grpc_path: String,
    pub service: GrpcService,
    pub options: SerializeOptions,
}

/// Serves one HTTP request of `route`.
pub(crate) async fn handle(
    route: Arc<Route>,
    params: Result<RawPathParams, RawPathParamsRejection>,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
    request: Request,
) -> Response {
    let params = match params {
        Ok(params) => params,
        Err(rejection) => return bad_request(format!("invalid path: {}", rejection.body_text())),
    };
    let Query(query) = match query {
        Ok(query) => query,
        Err(rejection) => {
            return bad_request(format!("invalid query string: {}", rejection.body_text()));
        }
    };
    let (parts, body) = request.into_parts();
    let body = match axum::body::to_bytes(body, MAX_BODY_BYTES).await {
        Ok(body) => body,
        Err(error) if exceeds_limit(&error) => return payload_too_large(MAX_BODY_BYTES),
        Err(error) => return bad_request(format!("request body is unreadable: {error}")),
    };
    let input = HttpInput {
        path_params: params.iter().collect(),
        query: &query,
        body: &body,
        last_event_id: parts
            .headers
            .get("last-event-id")
            .and_then(|value| value.to_str().ok()),
    };
    let message = match request::build(&route.binding, &input) {
        Ok(message) => message,
        Err(BadRequest(detail)) => return bad_request(detail),
    };
    let grpc_request = grpc::request(&route.grpc_path, &message, &parts.headers);
    match grpc::call(route.service.clone(), grpc_request).await {
        Err(status) => status_response(route.binding.rpc(), &status),
        Ok(messages) if route.binding.is_streaming() => server_sent_events(route, messages),
        Ok(messages) => unary_reply(&route, messages).await,
    }
}

/// True when reading the body stopped at [`MAX_BODY_BYTES`].
fn exceeds_limit(error: &axum::Error) -> bool {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(error) = cause {
        if error.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        cause = error.source();
    }
    false
}

async fn unary_reply(route: &Route, messages: MessageStream) -> Response {
    let rendered = match grpc::single(messages).await {
        Ok(message) => render(&route.binding, &route.options, message),
        Err(status) => Err(status),
    };
    match rendered {
        Ok(rendered) => json_response(rendered.json),
        Err(status) => status_response(route.binding.rpc(), &status),
    }
}

/// Streams each reply message as one event (`id: <sequence>`, `data: <json>`).
/// A failure mid-stream becomes a final `event: error` with a problem document;
/// an EventSource then reconnects with `Last-Event-ID` and resumes.
fn server_sent_events(route: Arc<Route>, messages: MessageStream) -> Response {
    let events = messages.map(move |item| Ok::<_, Infallible>(event(&route, item)));
    // Tells nginx-style proxies (common as Kubernetes ingress) not to buffer the stream.
    let no_buffering = [("x-accel-buffering", "no")];
    (
        no_buffering,
        Sse::new(events).keep_alive(KeepAlive::default()),
    )
        .into_response()
}

fn event(route: &Route, item: Result<Bytes, Status>) -> Event {
    match item.and_then(|message| render(&route.binding, &route.options, message)) {
        Ok(rendered) => {
            let event = Event::default().data(rendered.json);
            match rendered.sse_id {
                Some(id) => event.id(id),
                None => event,
            }
        }
        Err(status) => {
            tracing::warn!(rpc = route.binding.rpc(), code = ?status.code(), message = status.message(), "event stream failed");
            Event::default()
                .event("error")
                .data(Problem::from_status(&status).to_json())
        }
    }
}
