//! Slack incoming webhooks: one readable message per notification (colour by severity,
//! the CronJob, message, exit code and reason, suggested fix, events and a log excerpt),
//! a green "resolved" message when the alert clears, or the channel's own
//! `messageTemplate` rendered as the text.

mod message;

use std::time::Duration;

use bytes::Bytes;
use http::{HeaderMap, Method, Uri};

use crate::Notifier;
use crate::channel::ChannelType;
use crate::error::{ConfigError, Delivery, SendError};
use crate::http::{HttpClient, OutgoingRequest, parse_url};
use crate::notification::Notification;
use crate::secret::{SecretString, url_secrets};
use crate::template::Template;

/// `spec.slack` with the webhook URL read from its Secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlackTarget {
    pub webhook_url: SecretString,
    /// Overrides the webhook's default channel.
    pub default_channel: Option<String>,
    /// Go template of the message text.
    pub message_template: Option<String>,
}

/// Posts to a Slack incoming webhook.
pub struct SlackNotifier {
    url: Uri,
    secrets: Vec<String>,
    default_channel: Option<String>,
    template: Option<Template>,
    http: HttpClient,
    timeout: Duration,
}

impl std::fmt::Debug for SlackNotifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SlackNotifier")
            .field("webhook_url", &"[redacted]")
            .field("default_channel", &self.default_channel)
            .field("custom_template", &self.template.is_some())
            .finish()
    }
}

impl SlackNotifier {
    pub fn new(
        target: SlackTarget,
        http: HttpClient,
        timeout: Duration,
    ) -> Result<Self, ConfigError> {
        let url = parse_url(target.webhook_url.expose(), "spec.slack.webhookSecretRef")?;
        let template = target
            .message_template
            .as_deref()
            .filter(|source| !source.trim().is_empty())
            .map(|source| crate::template::compile("spec.slack.messageTemplate", source, false))
            .transpose()?;
        Ok(Self {
            secrets: url_secrets(&url),
            url,
            default_channel: target.default_channel.filter(|channel| !channel.is_empty()),
            template,
            http,
            timeout,
        })
    }

    async fn post(&self, notification: &Notification) -> Result<Delivery, SendError> {
        let payload = message::payload(
            notification,
            self.default_channel.as_deref(),
            self.template.as_ref(),
        )
        .map_err(|error| SendError::permanent(format!("messageTemplate: {error}")))?;
        let request = OutgoingRequest {
            method: Method::POST,
            url: self.url.clone(),
            headers: HeaderMap::new(),
            body: Bytes::from(payload.to_string()),
        };
        let answer = self
            .http
            .send(request, self.timeout)
            .await?
            .into_result("Slack")?;
        Ok(Delivery {
            code: answer.status.as_u16(),
            remote_id: None,
        })
    }
}

#[async_trait::async_trait]
impl Notifier for SlackNotifier {
    fn channel_type(&self) -> ChannelType {
        ChannelType::Slack
    }

    async fn send(&self, notification: &Notification) -> Result<Delivery, SendError> {
        let secrets: Vec<&str> = self.secrets.iter().map(String::as_str).collect();
        self.post(notification)
            .await
            .map_err(|error| error.redacted(&secrets))
    }
}
