//! A plain HTTP/1.1 client for the replica's API listener.

use std::net::SocketAddr;

use bytes::Bytes;
use http::{HeaderMap, Method, Request, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;

use super::guarded;

pub struct HttpClient {
    addr: SocketAddr,
    client: Client<HttpConnector, Full<Bytes>>,
}

/// A whole reply.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|error| panic!("not JSON ({error}): {}", self.body))
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
    }
}

impl HttpClient {
    pub fn new(addr: SocketAddr) -> HttpClient {
        HttpClient {
            addr,
            client: Client::builder(TokioExecutor::new()).build_http(),
        }
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.send(Method::GET, path, "").await
    }

    pub async fn send(&self, method: Method, path: &str, body: &str) -> Reply {
        self.send_with(method, path, &[], body).await
    }

    pub async fn send_with(
        &self,
        method: Method,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> Reply {
        let mut request = Request::builder()
            .method(method)
            .uri(format!("http://{}{path}", self.addr))
            .header("content-type", "application/json");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let request = request
            .body(Full::new(Bytes::from(body.to_owned())))
            .expect("valid request");
        guarded(path, async {
            let response = self
                .client
                .request(request)
                .await
                .expect("request is answered");
            let (parts, body) = response.into_parts();
            let body = body.collect().await.expect("body is read").to_bytes();
            Reply {
                status: parts.status,
                headers: parts.headers,
                body: String::from_utf8_lossy(&body).into_owned(),
            }
        })
        .await
    }

    /// Reads a Server-Sent Events reply until `count` events arrived; returns their ids and data.
    pub async fn sse(&self, path: &str, count: usize) -> Vec<(String, serde_json::Value)> {
        let request = Request::builder()
            .uri(format!("http://{}{path}", self.addr))
            .body(Full::new(Bytes::new()))
            .expect("valid request");
        guarded("sse", async {
            let response = self
                .client
                .request(request)
                .await
                .expect("request is answered");
            assert_eq!(response.status(), StatusCode::OK);
            let mut body = response.into_body();
            let mut text = String::new();
            let mut events = Vec::new();
            while events.len() < count {
                let frame = body
                    .frame()
                    .await
                    .expect("stream open")
                    .expect("frame reads");
                if let Ok(data) = frame.into_data() {
                    text.push_str(&String::from_utf8_lossy(&data));
                }
                while let Some(end) = text.find("\n\n") {
                    let block: String = text.drain(..end + 2).collect();
                    if let Some(event) = parse_event(&block) {
                        events.push(event);
                    }
                }
            }
            events
        })
        .await
    }
}

fn parse_event(block: &str) -> Option<(String, serde_json::Value)> {
    let mut id = None;
    let mut data = None;
    for line in block.lines() {
        if let Some(value) = line.strip_prefix("id:") {
            id = Some(value.trim().to_owned());
        } else if let Some(value) = line.strip_prefix("data:") {
            data = serde_json::from_str(value.trim()).ok();
        }
    }
    Some((id?, data?))
}
