//! HTTP probes on :8081 and the `/metrics` route.
//!
//! `/healthz` answers while the process runs and never touches the database (a
//! database outage must not get every replica restarted); `/readyz` follows
//! [`Readiness`].

use axum::Router;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;

use crate::Readiness;

/// `/healthz` and `/readyz`.
pub fn router(readiness: Readiness) -> Router {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route(
            "/readyz",
            get(move || {
                let readiness = readiness.clone();
                async move {
                    if readiness.is_ready() {
                        (StatusCode::OK, "ready")
                    } else {
                        (StatusCode::SERVICE_UNAVAILABLE, "not ready")
                    }
                }
            }),
        )
}

/// `/metrics` in the Prometheus text format.
pub fn metrics_router() -> Router {
    Router::new().route("/metrics", get(metrics))
}

async fn metrics() -> impl IntoResponse {
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "text/plain; version=0.0.4",
        )],
        guardian_telemetry::render(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::Request;
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    async fn get_status(router: &Router, path: &str) -> (StatusCode, String) {
        let response = router
            .clone()
            .oneshot(
                Request::get(path)
                    .body(Body::empty())
                    .expect("request builds"),
            )
            .await
            .expect("router answers");
        let status = response.status();
        let body = response
            .into_body()
            .collect()
            .await
            .expect("body reads")
            .to_bytes();
        (status, String::from_utf8_lossy(&body).into_owned())
    }

    #[tokio::test]
    async fn readyz_follows_readiness_and_healthz_always_answers() {
        let (reporter, _service) = tonic_health::server::health_reporter();
        let readiness = Readiness::new(reporter, &["guardian.v1.QueryService"]);
        let router = router(readiness.clone());
        assert_eq!(get_status(&router, "/healthz").await.0, StatusCode::OK);
        assert_eq!(
            get_status(&router, "/readyz").await.0,
            StatusCode::SERVICE_UNAVAILABLE
        );
        readiness.observe(true).await;
        assert_eq!(
            get_status(&router, "/readyz").await,
            (StatusCode::OK, "ready".to_owned())
        );
        // Damped: two failures keep it ready, the third flips it.
        assert!(readiness.observe(false).await);
        assert!(readiness.observe(false).await);
        assert!(!readiness.observe(false).await);
        assert_eq!(
            get_status(&router, "/readyz").await.0,
            StatusCode::SERVICE_UNAVAILABLE
        );
        assert_eq!(get_status(&router, "/healthz").await.0, StatusCode::OK);
    }
}
