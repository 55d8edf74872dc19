//! The HTTP client shared by the Slack, PagerDuty and webhook senders: hyper-util's pooled
//! client over rustls (ring, the TLS stack already in the workspace), one bounded attempt
//! per call, and the mapping of what happened onto [`SendError`]'s three outcomes.

use std::time::Duration;

use bytes::Bytes;
use http::{HeaderMap, Method, Request, StatusCode, Uri, header};
use http_body_util::{BodyExt, Full, Limited};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;

use crate::error::{ConfigError, SendError};

/// Largest response body read back (error texts, PagerDuty's answer).
const MAX_RESPONSE_BYTES: usize = 64 * 1024;
/// Characters of a receiver's error body quoted in an error.
const ERROR_BODY_EXCERPT: usize = 200;

/// A pooled HTTP(S) client. Cheap to clone; clones share the connection pool.
#[derive(Clone)]
pub struct HttpClient {
    inner: Client<HttpsConnector<HttpConnector>, Full<Bytes>>,
}

impl std::fmt::Debug for HttpClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpClient").finish_non_exhaustive()
    }
}

impl HttpClient {
    /// A client trusting the system's CA certificates (Mozilla's bundled roots when the
    /// system has none). A connection that is not up within `connect_timeout` counts as
    /// certainly not delivered.
    pub fn new(connect_timeout: Duration) -> Result<Self, ConfigError> {
        let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
        let builder = hyper_rustls::HttpsConnectorBuilder::new();
        let with_roots = match builder.with_provider_and_native_roots(provider.clone()) {
            Ok(native) => native,
            Err(_) => hyper_rustls::HttpsConnectorBuilder::new()
                .with_provider_and_webpki_roots(provider)
                .map_err(|error| ConfigError::Tls {
                    message: error.to_string(),
                })?,
        };
        let mut connector = HttpConnector::new();
        connector.enforce_http(false);
        connector.set_connect_timeout(Some(connect_timeout));
        connector.set_nodelay(true);
        let https = with_roots
            .https_or_http()
            .enable_http1()
            .wrap_connector(connector);
        let inner = Client::builder(TokioExecutor::new()).build(https);
        Ok(Self { inner })
    }

    /// Sends one request and reads the answer, all within `timeout`.
    pub(crate) async fn send(
        &self,
        request: OutgoingRequest,
        timeout: Duration,
    ) -> Result<HttpAnswer, SendError> {
        let mut builder = Request::builder()
            .method(request.method)
            .uri(request.url)
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::USER_AGENT, USER_AGENT);
        if let Some(headers) = builder.headers_mut() {
            headers.extend(request.headers);
        }
        let request = builder
            .body(Full::new(request.body))
            .map_err(|error| SendError::permanent(format!("invalid request: {error}")))?;
        match tokio::time::timeout(timeout, self.exchange(request)).await {
            Ok(answer) => answer,
            Err(_) => Err(SendError::uncertain(format!(
                "no answer within {timeout:?}; the request may have been delivered"
            ))),
        }
    }

    async fn exchange(&self, request: Request<Full<Bytes>>) -> Result<HttpAnswer, SendError> {
        let response = self.inner.request(request).await.map_err(|error| {
            let reason = error_chain(&error);
            if error.is_connect() {
                SendError::not_delivered(format!("connection failed: {reason}"))
            } else {
                SendError::uncertain(format!("connection lost before an answer: {reason}"))
            }
        })?;
        let status = response.status();
        let retry_after = retry_after(response.headers());
        let body = Limited::new(response.into_body(), MAX_RESPONSE_BYTES)
            .collect()
            .await
            .map(|collected| collected.to_bytes())
            // The status arrived; a body we cannot read does not change the outcome.
            .unwrap_or_default();
        Ok(HttpAnswer {
            status,
            body,
            retry_after,
        })
    }
}

const USER_AGENT: &str = concat!("cronjob-guardian/", env!("CARGO_PKG_VERSION"));

/// One request to make.
#[derive(Debug)]
pub(crate) struct OutgoingRequest {
    pub(crate) method: Method,
    pub(crate) url: Uri,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
}

/// What the receiver answered.
#[derive(Debug, Clone)]
pub(crate) struct HttpAnswer {
    pub(crate) status: StatusCode,
    pub(crate) body: Bytes,
    pub(crate) retry_after: Option<Duration>,
}

impl HttpAnswer {
    /// Success for 2xx; otherwise the outcome the status implies: 408, 429 and 5xx were
    /// not accepted and may be retried, any other status is permanent.
    pub(crate) fn into_result(self, receiver: &str) -> Result<HttpAnswer, SendError> {
        let status = self.status;
        if status.is_success() {
            return Ok(self);
        }
        let excerpt = crate::text::truncate(
            String::from_utf8_lossy(&self.body).trim(),
            ERROR_BODY_EXCERPT,
        );
        let reason = if excerpt.is_empty() {
            format!("{receiver} answered {status}")
        } else {
            format!("{receiver} answered {status}: {excerpt}")
        };
        let retryable = status == StatusCode::REQUEST_TIMEOUT
            || status == StatusCode::TOO_MANY_REQUESTS
            || status.is_server_error();
        if retryable {
            Err(SendError::NotDelivered {
                reason,
                retry_after: self.retry_after,
            })
        } else {
            Err(SendError::Permanent {
                reason,
                status: Some(status.as_u16()),
            })
        }
    }
}

/// Parses an http or https URL, without echoing it in the error.
pub(crate) fn parse_url(url: &str, field: &'static str) -> Result<Uri, ConfigError> {
    let uri: Uri = url
        .trim()
        .parse()
        .map_err(|_| ConfigError::InvalidUrl { field })?;
    let scheme_ok = matches!(uri.scheme_str(), Some("http" | "https"));
    if !scheme_ok || uri.authority().is_none() {
        return Err(ConfigError::InvalidUrl { field });
    }
    Ok(uri)
}

/// `Retry-After` in seconds (the HTTP-date form is rare for webhooks and ignored).
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(header::RETRY_AFTER)?.to_str().ok()?;
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

/// An error and its sources, joined; hyper's top-level message alone says little.
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::FailureKind;

    fn answer(status: u16, body: &str) -> HttpAnswer {
        HttpAnswer {
            status: StatusCode::from_u16(status).expect("test status is valid"),
            body: Bytes::from(body.to_owned()),
            retry_after: None,
        }
    }

    #[test]
    fn statuses_map_onto_the_three_outcomes() {
        assert!(answer(202, "").into_result("x").is_ok());
        let kind = |status| {
            answer(status, "")
                .into_result("x")
                .err()
                .map(|error| error.kind())
        };
        assert_eq!(kind(500), Some(FailureKind::NotDelivered));
        assert_eq!(kind(429), Some(FailureKind::NotDelivered));
        assert_eq!(kind(408), Some(FailureKind::NotDelivered));
        assert_eq!(kind(400), Some(FailureKind::Permanent));
        assert_eq!(kind(404), Some(FailureKind::Permanent));
    }

    #[test]
    fn error_quotes_the_receivers_explanation() {
        let error = answer(400, "invalid_payload")
            .into_result("Slack")
            .expect_err("400 is an error");
        assert_eq!(
            error.reason(),
            "Slack answered 400 Bad Request: invalid_payload"
        );
    }

    #[test]
    fn retry_after_seconds_are_read() {
        let mut headers = HeaderMap::new();
        headers.insert(header::RETRY_AFTER, "7".parse().expect("valid header"));
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(7)));
    }

    #[test]
    fn urls_must_be_absolute_http_and_are_not_echoed() {
        assert!(parse_url("http://127.0.0.1:9/hook", "url").is_ok());
        let error = parse_url("ftp://secret-host/token", "url").expect_err("ftp is refused");
        assert!(!error.to_string().contains("secret-host"));
        assert!(parse_url("/relative", "url").is_err());
    }
}
