//! Shared test fixtures: HTTP receivers on 127.0.0.1 standing in for Slack, PagerDuty and
//! webhooks, and sample alerts.
#![allow(dead_code)] // each test binary uses a different part

pub mod smtp;

use std::collections::{BTreeMap, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use guardian_core::{AlertRecord, AlertState, CronJobRef, Severity};
use guardian_notify::{AlertContext, ChannelOptions, Notification};
use tokio::sync::Notify;

/// How the receiver answers one request.
#[derive(Debug, Clone)]
pub enum Reply {
    Status(u16, &'static str),
    /// Never answers (until the test releases it, if it was given a release).
    Hang,
}

/// One request as the receiver saw it.
#[derive(Debug, Clone)]
pub struct Received {
    pub method: String,
    pub path: String,
    pub headers: BTreeMap<String, String>,
    pub body: String,
}

impl Received {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).expect("the receiver got valid JSON")
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(String::as_str)
    }
}

struct Shared {
    script: Mutex<VecDeque<Reply>>,
    otherwise: Reply,
    log: Mutex<Vec<Received>>,
    arrived: Notify,
    release: Notify,
}

/// An HTTP server on 127.0.0.1 that records requests and answers from a script.
pub struct Receiver {
    pub address: SocketAddr,
    shared: Arc<Shared>,
}

impl Receiver {
    /// Answers with `script` in order, then `otherwise` for every later request.
    pub async fn start(script: Vec<Reply>, otherwise: Reply) -> Self {
        let shared = Arc::new(Shared {
            script: Mutex::new(script.into()),
            otherwise,
            log: Mutex::new(Vec::new()),
            arrived: Notify::new(),
            release: Notify::new(),
        });
        let app = axum::Router::new()
            .fallback(handle)
            .with_state(shared.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind a test port");
        let address = listener.local_addr().expect("bound address");
        tokio::spawn(async move { axum::serve(listener, app).await });
        Self { address, shared }
    }

    /// A receiver that always answers `status`.
    pub async fn always(status: u16) -> Self {
        Self::start(Vec::new(), Reply::Status(status, "ok")).await
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    pub fn received(&self) -> Vec<Received> {
        self.shared.log.lock().expect("receiver lock").clone()
    }

    /// Waits (with a generous guard) until a request has arrived.
    pub async fn wait_for_request(&self) {
        let arrived = self.shared.arrived.notified();
        if !self.received().is_empty() {
            return;
        }
        tokio::time::timeout(Duration::from_secs(30), arrived)
            .await
            .expect("a request reaches the receiver");
    }

    /// Lets every hanging request answer 200.
    pub fn release(&self) {
        self.shared.release.notify_waiters();
    }
}

async fn handle(State(shared): State<Arc<Shared>>, request: Request) -> impl IntoResponse {
    let (parts, body) = request.into_parts();
    let body: Bytes = axum::body::to_bytes(body, 1 << 20)
        .await
        .unwrap_or_default();
    let headers = parts
        .headers
        .iter()
        .map(|(name, value)| {
            let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
            (name.as_str().to_owned(), value)
        })
        .collect();
    let release = shared.release.notified();
    shared.log.lock().expect("receiver lock").push(Received {
        method: parts.method.to_string(),
        path: parts.uri.path().to_owned(),
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    });
    shared.arrived.notify_waiters();
    let reply = shared
        .script
        .lock()
        .expect("receiver lock")
        .pop_front()
        .unwrap_or_else(|| shared.otherwise.clone());
    match reply {
        Reply::Status(status, text) => (StatusCode::from_u16(status).expect("valid status"), text),
        Reply::Hang => {
            release.await;
            (StatusCode::OK, "released")
        }
    }
}

/// A firing "job failed" alert whose message holds quotes, newlines and markup.
pub fn failed_alert() -> AlertRecord {
    let since: jiff::Timestamp = "2024-03-05T07:08:09Z".parse().expect("valid time");
    AlertRecord {
        key: "ops/nightly/ops/backup/jobFailed".to_owned(),
        kind: "jobFailed".to_owned(),
        severity: Severity::Critical,
        state: AlertState::Firing,
        cronjob: CronJobRef::new("ops", "backup"),
        monitor: Some(CronJobRef::new("ops", "nightly")),
        title: "CronJob ops/backup failed".to_owned(),
        message: "Job \"backup-123\" failed:\n\tpg_dump: error: <connection> refused & gave up"
            .to_owned(),
        since,
        last_notified: Some(since),
        resolved_at: None,
        exit_code: Some(137),
        reason: Some("OOMKilled".to_owned()),
        suggested_fix: Some("Raise the memory limit of container \"dump\"".to_owned()),
        acknowledged: None,
        silenced: None,
    }
}

pub fn failure_context() -> AlertContext {
    AlertContext {
        logs: Some("starting dump\n\"FATAL\": out of memory\n```oops```\n".to_owned()),
        events: vec![
            "BackoffLimitExceeded: Job has reached the specified backoff limit".to_owned(),
        ],
        pod_status: Some("Failed: dump terminated (OOMKilled, exit 137)".to_owned()),
        suggested_fix: None,
        success_rate: Some(87.5),
    }
}

pub fn trigger() -> Notification {
    Notification::trigger(failed_alert(), failure_context())
}

pub fn resolve() -> Notification {
    let mut alert = failed_alert();
    alert.state = AlertState::Resolved;
    alert.resolved_at = Some("2024-03-05T09:00:00Z".parse().expect("valid time"));
    Notification::resolve(alert)
}

/// Options with a per-attempt timeout long enough never to fire in a passing test.
pub fn options() -> ChannelOptions {
    options_with_timeout(Duration::from_secs(60))
}

pub fn options_with_timeout(timeout: Duration) -> ChannelOptions {
    ChannelOptions::new(timeout).expect("HTTP client builds")
}

/// A port with nothing listening on it.
pub async fn closed_port() -> u16 {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind a test port");
    listener.local_addr().expect("bound address").port()
}
