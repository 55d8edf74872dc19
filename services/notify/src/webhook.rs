//! Generic webhooks: a JSON document per notification, POST or PUT, the channel's own
//! headers, and `Idempotency-Key` (the delivery id, the same on every retry) plus
//! `X-Guardian-Alert-Key` (the alert key, shared by trigger and resolve), so a receiver
//! can drop a retried duplicate.
//!
//! Without `payloadTemplate` the body is serialized with serde and is always valid JSON;
//! with one, values are escaped for where they land and the result is checked
//! ([`crate::template`]).

mod payload;

use std::collections::BTreeMap;
use std::time::Duration;

use bytes::Bytes;
use http::header::{HeaderName, HeaderValue};
use http::{HeaderMap, Method, Uri};

use crate::Notifier;
use crate::channel::ChannelType;
use crate::error::{ConfigError, Delivery, SendError};
use crate::http::{HttpClient, OutgoingRequest, parse_url};
use crate::notification::Notification;
use crate::secret::{SecretString, url_secrets};
use crate::template::{Template, notification_data};

pub use payload::{WebhookPayload, default_payload};

/// Header carrying the delivery id.
pub const IDEMPOTENCY_KEY: &str = "idempotency-key";
/// Header carrying the alert key.
pub const ALERT_KEY: &str = "x-guardian-alert-key";
/// Header carrying trigger, resolve or test.
pub const EVENT: &str = "x-guardian-event";

/// HTTP method of a webhook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum WebhookMethod {
    #[default]
    Post,
    Put,
}

/// `spec.webhook` with the URL read from its Secret.
#[derive(Clone, PartialEq, Eq)]
pub struct WebhookTarget {
    pub url: SecretString,
    pub method: WebhookMethod,
    /// Sent with every request; values are treated as secrets (they often hold tokens).
    pub headers: BTreeMap<String, String>,
    pub payload_template: Option<String>,
}

impl std::fmt::Debug for WebhookTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebhookTarget")
            .field("url", &self.url)
            .field("method", &self.method)
            .field("headers", &self.headers.keys().collect::<Vec<_>>())
            .field("payload_template", &self.payload_template.is_some())
            .finish()
    }
}

/// Sends to a generic webhook.
pub struct WebhookNotifier {
    url: Uri,
    method: Method,
    headers: HeaderMap,
    template: Option<Template>,
    secrets: Vec<String>,
    http: HttpClient,
    timeout: Duration,
}

impl std::fmt::Debug for WebhookNotifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebhookNotifier")
            .field("url", &"[redacted]")
            .field("method", &self.method)
            .field("headers", &self.headers.keys().collect::<Vec<_>>())
            .field("custom_template", &self.template.is_some())
            .finish()
    }
}

impl WebhookNotifier {
    pub fn new(
        target: WebhookTarget,
        http: HttpClient,
        timeout: Duration,
    ) -> Result<Self, ConfigError> {
        let url = parse_url(target.url.expose(), "spec.webhook.urlSecretRef")?;
        let mut secrets = url_secrets(&url);
        let mut headers = HeaderMap::new();
        for (name, value) in &target.headers {
            let invalid = || ConfigError::InvalidHeader { name: name.clone() };
            let header_name =
                HeaderName::from_bytes(name.trim().as_bytes()).map_err(|_| invalid())?;
            let mut header_value = HeaderValue::from_str(value).map_err(|_| invalid())?;
            header_value.set_sensitive(true);
            headers.insert(header_name, header_value);
            secrets.push(value.clone());
        }
        let template = target
            .payload_template
            .as_deref()
            .filter(|source| !source.trim().is_empty())
            .map(|source| crate::template::compile("spec.webhook.payloadTemplate", source, true))
            .transpose()?;
        let method = match target.method {
            WebhookMethod::Post => Method::POST,
            WebhookMethod::Put => Method::PUT,
        };
        Ok(Self {
            url,
            method,
            headers,
            template,
            secrets,
            http,
            timeout,
        })
    }

    fn body(&self, notification: &Notification) -> Result<Bytes, SendError> {
        let json = match &self.template {
            Some(template) => template
                .render_json(&notification_data(notification))
                .map_err(|error| SendError::permanent(format!("payloadTemplate: {error}")))?,
            None => serde_json::to_string(&default_payload(notification))
                .map_err(|error| SendError::permanent(format!("payload: {error}")))?,
        };
        Ok(Bytes::from(json))
    }

    async fn post(&self, notification: &Notification) -> Result<Delivery, SendError> {
        let mut headers = self.headers.clone();
        headers.insert(IDEMPOTENCY_KEY, header_value(&notification.delivery_id));
        headers.insert(ALERT_KEY, header_value(&notification.key));
        headers.insert(EVENT, HeaderValue::from_static(notification.kind.as_str()));
        let request = OutgoingRequest {
            method: self.method.clone(),
            url: self.url.clone(),
            headers,
            body: self.body(notification)?,
        };
        let answer = self
            .http
            .send(request, self.timeout)
            .await?
            .into_result("webhook")?;
        Ok(Delivery {
            code: answer.status.as_u16(),
            remote_id: None,
        })
    }
}

#[async_trait::async_trait]
impl Notifier for WebhookNotifier {
    fn channel_type(&self) -> ChannelType {
        ChannelType::Webhook
    }

    async fn send(&self, notification: &Notification) -> Result<Delivery, SendError> {
        let secrets: Vec<&str> = self.secrets.iter().map(String::as_str).collect();
        self.post(notification)
            .await
            .map_err(|error| error.redacted(&secrets))
    }
}

/// A header value from a key; characters a header cannot carry become `_` (Kubernetes
/// names never contain them, so real keys pass unchanged).
fn header_value(text: &str) -> HeaderValue {
    let cleaned: String = text
        .chars()
        .map(|character| {
            if character.is_ascii_graphic() || character == ' ' {
                character
            } else {
                '_'
            }
        })
        .collect();
    HeaderValue::from_str(&cleaned).unwrap_or_else(|_| HeaderValue::from_static("invalid"))
}
