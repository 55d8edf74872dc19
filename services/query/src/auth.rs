//! Authentication and per-namespace authorisation of the replica's API (off
//! unless the caller passes a reviewer). One layer in front of the gRPC routes
//! covers gRPC clients and the REST bridge (which calls the same routes
//! in-process and carries `Authorization` along); `/metrics`, the OpenAPI
//! document, probes, gRPC health and reflection stay open.
//!
//! Per call: read the request message's `namespace`, ask
//! [`mapping::required_access`] what the method needs, take the bearer token
//! and let the [`AccessReview`] decide. Refusals become UNAUTHENTICATED,
//! PERMISSION_DENIED or UNAVAILABLE, which the bridge turns into 401, 403, 503.

pub mod mapping;

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use guardian_runtime::access::{AccessError, AccessReview};
use http::HeaderMap;
use prost_reflect::{DescriptorPool, DynamicMessage, Value};
use tonic::service::Routes;

const FRAME_HEADER_BYTES: usize = 5;
/// Largest request body read for the check: one message of tonic's decode limit.
const MAX_REQUEST_BYTES: usize =
    guardian_runtime::request_frames::MAX_REQUEST_MESSAGE_BYTES + FRAME_HEADER_BYTES;

/// The access check of a replica's API.
#[derive(Clone)]
pub struct ApiAuth {
    reviewer: Arc<dyn AccessReview>,
    pool: DescriptorPool,
}

impl ApiAuth {
    /// A check that asks `reviewer` about every guardian call.
    pub fn new(reviewer: Arc<dyn AccessReview>) -> Result<ApiAuth, prost_reflect::DescriptorError> {
        Ok(ApiAuth {
            reviewer,
            pool: DescriptorPool::decode(guardian_api::FILE_DESCRIPTOR_SET)?,
        })
    }

    /// `routes` with the check in front of each of them.
    pub fn protect(&self, routes: Routes) -> Routes {
        let router = routes
            .into_axum_router()
            .layer(axum::middleware::from_fn_with_state(self.clone(), check));
        Routes::from(router)
    }

    /// The namespace a gRPC request body names: its first message's `namespace`
    /// field. "" when it names none or cannot be read (compressed, malformed),
    /// which asks for cluster-wide rights: never less than the call needs.
    fn namespace_of(&self, path: &str, body: &[u8]) -> String {
        let Some((service, method)) = path.trim_start_matches('/').split_once('/') else {
            return String::new();
        };
        let input = self
            .pool
            .get_service_by_name(service)
            .and_then(|service| service.methods().find(|known| known.name() == method))
            .map(|method| method.input());
        let (Some(input), Some(frame)) = (input, uncompressed_frame(body)) else {
            return String::new();
        };
        let Ok(message) = DynamicMessage::decode(input, frame) else {
            return String::new();
        };
        match message.get_field_by_name("namespace").as_deref() {
            Some(Value::String(namespace)) => namespace.clone(),
            _ => String::new(),
        }
    }
}

/// The first gRPC frame's payload, if it is not compressed.
fn uncompressed_frame(body: &[u8]) -> Option<&[u8]> {
    let (&compressed, rest) = body.split_first()?;
    let length = u32::from_be_bytes(rest.get(..4)?.try_into().ok()?);
    let end = FRAME_HEADER_BYTES.checked_add(usize::try_from(length).ok()?)?;
    (compressed == 0).then(|| body.get(FRAME_HEADER_BYTES..end))?
}

/// Why a request body could not be read: the frame check's own status (an
/// oversized or extra message), else a plain refusal.
fn unreadable_body(error: axum::Error) -> tonic::Status {
    let status = tonic::Status::from_error(error.into_inner());
    if status.code() == tonic::Code::Unknown {
        return tonic::Status::invalid_argument("request body is unreadable");
    }
    status
}

/// The token of `Authorization: Bearer <token>`.
fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(http::header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

async fn check(State(auth): State<ApiAuth>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    if mapping::required_access(&path, "").is_none() {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let body = match axum::body::to_bytes(body, MAX_REQUEST_BYTES).await {
        Ok(body) => body,
        Err(error) => return unreadable_body(error).into_http(),
    };
    let namespace = auth.namespace_of(&path, &body);
    let Some(access) = mapping::required_access(&path, &namespace) else {
        return next.run(Request::from_parts(parts, Body::from(body))).await;
    };
    let verdict = match bearer_token(&parts.headers) {
        None => Err(AccessError::Unauthenticated("no bearer token".to_owned())),
        Some(token) => auth.reviewer.review(token, &access).await,
    };
    match verdict {
        Ok(()) => next.run(Request::from_parts(parts, Body::from(body))).await,
        Err(error) => {
            tracing::debug!(%error, path, namespace, verb = access.verb, "api call refused");
            status_of(&error).into_http()
        }
    }
}

fn status_of(error: &AccessError) -> tonic::Status {
    match error {
        AccessError::Unauthenticated(message) => tonic::Status::unauthenticated(message.clone()),
        AccessError::Denied(message) => tonic::Status::permission_denied(message.clone()),
        AccessError::Unavailable(message) => tonic::Status::unavailable(message.clone()),
    }
}

#[cfg(test)]
mod tests;
