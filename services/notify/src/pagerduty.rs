//! PagerDuty Events API v2 (`/v2/enqueue`): a `trigger` event per firing notice and a
//! `resolve` event when the alert clears, both with `dedup_key` = the alert key, so
//! PagerDuty folds retries and reminders into one incident and the resolve closes it
//! (the Go operator never resolved).

use std::time::Duration;

use bytes::Bytes;
use guardian_core::Severity;
use http::{HeaderMap, Method, Uri};
use serde_json::{Value, json};

use crate::Notifier;
use crate::channel::ChannelType;
use crate::error::{ConfigError, Delivery, SendError};
use crate::http::{HttpClient, OutgoingRequest, parse_url};
use crate::notification::{Notification, NotificationKind};
use crate::secret::{SecretString, url_secrets};
use crate::text::{tail, truncate};

/// PagerDuty's Events API v2 endpoint.
pub const EVENTS_API_URL: &str = "https://events.pagerduty.com/v2/enqueue";

/// PagerDuty's summary is limited to 1024 characters.
const SUMMARY_CHARS: usize = 1024;
/// Log excerpt kept in `custom_details` (the whole event must stay under 512 KB).
const LOG_CHARS: usize = 4000;

/// PagerDuty event severity (`spec.pagerduty.severity`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PagerDutySeverity {
    Critical,
    Error,
    Warning,
    Info,
}

impl PagerDutySeverity {
    pub fn as_str(self) -> &'static str {
        match self {
            PagerDutySeverity::Critical => "critical",
            PagerDutySeverity::Error => "error",
            PagerDutySeverity::Warning => "warning",
            PagerDutySeverity::Info => "info",
        }
    }

    /// critical, warning and info map onto PagerDuty's levels of the same name.
    pub fn from_alert(severity: Severity) -> Self {
        match severity {
            Severity::Critical => PagerDutySeverity::Critical,
            Severity::Warning => PagerDutySeverity::Warning,
            Severity::Info => PagerDutySeverity::Info,
        }
    }
}

/// `spec.pagerduty` with the routing key read from its Secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PagerDutyTarget {
    pub routing_key: SecretString,
    /// When set, every event has this severity (as in the Go operator); otherwise the
    /// alert's severity is mapped.
    pub severity: Option<PagerDutySeverity>,
    /// The Events API URL ([`EVENTS_API_URL`] unless configured, e.g. for a proxy).
    pub endpoint: String,
}

impl PagerDutyTarget {
    /// A target on PagerDuty's public endpoint.
    pub fn new(routing_key: SecretString) -> Self {
        Self {
            routing_key,
            severity: None,
            endpoint: EVENTS_API_URL.to_owned(),
        }
    }
}

/// Sends Events API v2 events.
pub struct PagerDutyNotifier {
    endpoint: Uri,
    routing_key: SecretString,
    severity: Option<PagerDutySeverity>,
    secrets: Vec<String>,
    http: HttpClient,
    timeout: Duration,
}

impl std::fmt::Debug for PagerDutyNotifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PagerDutyNotifier")
            .field("endpoint", &self.endpoint.authority())
            .field("routing_key", &self.routing_key)
            .field("severity", &self.severity)
            .finish()
    }
}

impl PagerDutyNotifier {
    pub fn new(
        target: PagerDutyTarget,
        http: HttpClient,
        timeout: Duration,
    ) -> Result<Self, ConfigError> {
        if target.routing_key.is_empty() {
            return Err(ConfigError::Empty {
                field: "spec.pagerduty.routingKeySecretRef",
            });
        }
        let endpoint = parse_url(&target.endpoint, "pagerduty endpoint")?;
        let mut secrets = url_secrets(&endpoint);
        secrets.retain(|secret| secret != "/v2/enqueue");
        secrets.push(target.routing_key.expose().to_owned());
        Ok(Self {
            endpoint,
            routing_key: target.routing_key,
            severity: target.severity,
            secrets,
            http,
            timeout,
        })
    }

    async fn post(&self, notification: &Notification) -> Result<Delivery, SendError> {
        let body = event(notification, self.routing_key.expose(), self.severity);
        let request = OutgoingRequest {
            method: Method::POST,
            url: self.endpoint.clone(),
            headers: HeaderMap::new(),
            body: Bytes::from(body.to_string()),
        };
        let answer = self
            .http
            .send(request, self.timeout)
            .await?
            .into_result("PagerDuty")?;
        let remote_id = serde_json::from_slice::<Value>(&answer.body)
            .ok()
            .and_then(|reply| reply.get("dedup_key")?.as_str().map(str::to_owned));
        Ok(Delivery {
            code: answer.status.as_u16(),
            remote_id,
        })
    }
}

#[async_trait::async_trait]
impl Notifier for PagerDutyNotifier {
    fn channel_type(&self) -> ChannelType {
        ChannelType::PagerDuty
    }

    async fn send(&self, notification: &Notification) -> Result<Delivery, SendError> {
        let secrets: Vec<&str> = self.secrets.iter().map(String::as_str).collect();
        self.post(notification)
            .await
            .map_err(|error| error.redacted(&secrets))
    }
}

/// The Events API v2 body for `notification`.
pub fn event(
    notification: &Notification,
    routing_key: &str,
    fixed_severity: Option<PagerDutySeverity>,
) -> Value {
    if notification.kind == NotificationKind::Resolve {
        return json!({
            "routing_key": routing_key,
            "event_action": "resolve",
            "dedup_key": notification.key,
        });
    }
    let alert = &notification.alert;
    let severity = fixed_severity.unwrap_or(PagerDutySeverity::from_alert(alert.severity));
    let links: Vec<Value> = notification
        .links
        .iter()
        .map(|link| json!({ "href": link.href, "text": link.text }))
        .collect();
    json!({
        "routing_key": routing_key,
        "event_action": "trigger",
        "dedup_key": notification.key,
        "client": "CronJob Guardian",
        "payload": {
            "summary": truncate(&alert.title, SUMMARY_CHARS),
            "source": notification.source(),
            "severity": severity.as_str(),
            "timestamp": notification.at.to_string(),
            "component": alert.cronjob.name,
            "group": alert.cronjob.namespace,
            "class": alert.kind,
            "custom_details": custom_details(notification),
        },
        "links": links,
    })
}

fn custom_details(notification: &Notification) -> Value {
    let alert = &notification.alert;
    let context = &notification.context;
    json!({
        "type": alert.kind,
        "message": alert.message,
        "severity": alert.severity.as_str(),
        "monitor": alert.monitor.as_ref().map(ToString::to_string),
        "since": alert.since.to_string(),
        "exit_code": alert.exit_code,
        "reason": alert.reason,
        "suggested_fix": notification.suggested_fix(),
        "success_rate": context.success_rate,
        "pod_status": context.pod_status,
        "events": context.events,
        "logs": context.logs.as_deref().map(|logs| tail(logs, LOG_CHARS)),
        "test": notification.kind == NotificationKind::Test,
    })
}
