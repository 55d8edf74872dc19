//! Test server: the fakes behind `tonic::service::Routes`, the gateway router in
//! front, served by axum on 127.0.0.1:0, and a hyper client to call it.

#![allow(dead_code)] // each test binary uses a different part of the support module

pub mod fakes;

use std::net::SocketAddr;
use std::time::Duration;

use bytes::Bytes;
use guardian_api::v1::control_service_server::ControlServiceServer;
use guardian_api::v1::event_service_server::EventServiceServer;
use guardian_api::v1::query_service_server::QueryServiceServer;
use guardian_gateway::Gateway;
use http::{HeaderMap, Method, Request, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

/// Failure guard only: no test relies on timing.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// A running REST gateway over the fakes.
pub struct TestServer {
    pub addr: SocketAddr,
    pub query: fakes::FakeQuery,
}

impl TestServer {
    pub async fn start() -> TestServer {
        let query = fakes::FakeQuery::default();
        let routes = tonic::service::Routes::new(QueryServiceServer::new(query.clone()))
            .add_service(ControlServiceServer::new(fakes::FakeControl))
            .add_service(EventServiceServer::new(fakes::FakeEvents));
        let gateway = Gateway::new(guardian_api::FILE_DESCRIPTOR_SET).expect("gateway builds");
        let app = gateway.router(routes);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("bound address");
        tokio::spawn(async move { axum::serve(listener, app).await });
        TestServer { addr, query }
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.send(Method::GET, path, &[], "").await
    }

    /// Sends a request and reads the whole reply.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> Reply {
        let mut request = Request::builder()
            .method(method)
            .uri(format!("http://{}{path}", self.addr));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let request = request
            .body(Full::new(Bytes::from(body.to_owned())))
            .expect("valid request");
        let client = Client::builder(TokioExecutor::new()).build_http();
        let exchange = async {
            let response = client.request(request).await.expect("request is answered");
            let (parts, body) = response.into_parts();
            let body = body.collect().await.expect("body is read").to_bytes();
            Reply {
                status: parts.status,
                headers: parts.headers,
                body: String::from_utf8_lossy(&body).into_owned(),
            }
        };
        tokio::time::timeout(REQUEST_TIMEOUT, exchange)
            .await
            .expect("reply within the failure guard")
    }
}

/// A whole HTTP reply.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn content_type(&self) -> &str {
        self.headers
            .get(http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|error| panic!("{error}: {}", self.body))
    }

    /// Asserts a problem+json reply with `status` and `code`, and returns its document.
    pub fn problem(&self, status: u16, code: &str) -> serde_json::Value {
        assert_eq!(self.status.as_u16(), status, "{}", self.body);
        assert_eq!(
            self.content_type(),
            "application/problem+json",
            "{}",
            self.body
        );
        let problem = self.json();
        assert_eq!(problem["status"], status);
        assert_eq!(problem["error"]["code"], code);
        assert_eq!(problem["error"]["message"], problem["detail"]);
        assert!(
            problem["type"]
                .as_str()
                .is_some_and(|t| t.starts_with("urn:cronjob-guardian:problem:"))
        );
        assert!(problem["title"].as_str().is_some_and(|t| !t.is_empty()));
        problem
    }
}

/// One parsed Server-Sent Event.
#[derive(Debug, PartialEq)]
pub struct SseEvent {
    pub event: Option<String>,
    pub id: Option<String>,
    pub data: String,
}

/// Parses an event-stream body (comments and keep-alives skipped).
pub fn parse_sse(body: &str) -> Vec<SseEvent> {
    body.split("\n\n")
        .filter_map(|block| {
            let mut event = SseEvent {
                event: None,
                id: None,
                data: String::new(),
            };
            let mut has_data = false;
            for line in block.lines() {
                if let Some(value) = line.strip_prefix("data:") {
                    event.data.push_str(value.trim_start());
                    has_data = true;
                } else if let Some(value) = line.strip_prefix("id:") {
                    event.id = Some(value.trim_start().to_owned());
                } else if let Some(value) = line.strip_prefix("event:") {
                    event.event = Some(value.trim_start().to_owned());
                }
            }
            has_data.then_some(event)
        })
        .collect()
}
