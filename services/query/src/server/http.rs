//! The API listener's router: the REST bridge over the replica's own gRPC
//! routes, the OpenAPI document, `/metrics` and the web dashboard (`/`).
//!
//! A 503 from the bridge (no leader for a mutation, database down) carries
//! `Retry-After`, so HTTP clients back off instead of hammering the replica.

use axum::Router;
use axum::response::Response;
use guardian_gateway::{Gateway, GatewayError, OpenApiInfo};
use http::{HeaderValue, StatusCode, header};

/// Where the OpenAPI document of the REST API is served.
pub const OPENAPI_PATH: &str = "/api/v1/openapi.json";

/// `/api/v1/...` (REST bridge), the OpenAPI document, `/metrics` and the
/// dashboard. Unknown `/api/` paths (and non-GET requests) get the API's 404
/// problem; any other GET path is a dashboard deep link and gets its page.
pub(super) fn api_router(
    grpc: tonic::service::Routes,
    retry_after_seconds: u32,
) -> Result<Router, GatewayError> {
    let gateway = Gateway::new(guardian_api::FILE_DESCRIPTOR_SET)?;
    let info = OpenApiInfo {
        title: guardian_api::API_TITLE.to_owned(),
        version: guardian_api::API_VERSION.to_owned(),
        description: Some(guardian_api::API_DESCRIPTION.to_owned()),
    };
    let retry_after = HeaderValue::from(retry_after_seconds);
    let rest =
        gateway
            .router(grpc)
            .layer(axum::middleware::map_response(move |response: Response| {
                let retry_after = retry_after.clone();
                async move { with_retry_after(response, retry_after) }
            }));
    let dashboard = guardian_ui::Dashboard::new();
    let pages = dashboard.clone();
    Ok(rest
        .merge(gateway.openapi_router(OPENAPI_PATH, &info))
        .merge(guardian_runtime::probes::metrics_router())
        .merge(dashboard.router())
        .fallback(move |request: axum::extract::Request| {
            let pages = pages.clone();
            async move {
                let is_page = request.method() == http::Method::GET
                    && !request.uri().path().starts_with("/api/");
                if is_page {
                    pages.deep_link(&request)
                } else {
                    guardian_gateway::fallback(request).await
                }
            }
        })
        .layer(axum::middleware::from_fn(traced)))
}

/// Runs each REST request in a span continuing the caller's `traceparent`; the
/// gateway carries the header on into the gRPC call (and a forwarded mutation
/// on to the controller), so one trace spans REST → query → controller.
async fn traced(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    use tracing::Instrument as _;
    let span =
        guardian_telemetry::trace_context::request_span(request.headers(), request.uri().path());
    next.run(request).instrument(span).await
}

fn with_retry_after(mut response: Response, retry_after: HeaderValue) -> Response {
    if response.status() == StatusCode::SERVICE_UNAVAILABLE {
        response
            .headers_mut()
            .entry(header::RETRY_AFTER)
            .or_insert(retry_after);
    }
    response
}
