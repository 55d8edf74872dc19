//! A configured channel: the plain settings a dispatcher hands in ([`ChannelTarget`],
//! secrets already read from their Kubernetes Secrets), validated once into a sender,
//! wrapped with the channel's name for metrics and logs.
//!
//! The conversion from the `AlertChannel` CRD (`guardian-kube`'s `channel_policy`) is the
//! dispatcher's: this adapter does not depend on the kube adapter. Per-channel rate limits
//! are `guardian_core::alerting::rate_limit::RateLimiter` with `RateLimit::per_hour`.

use std::time::{Duration, Instant};

use async_trait::async_trait;

use crate::email::{EmailNotifier, EmailTarget};
use crate::error::{ConfigError, Delivery, SendError};
use crate::http::HttpClient;
use crate::notification::Notification;
use crate::pagerduty::{PagerDutyNotifier, PagerDutyTarget};
use crate::slack::{SlackNotifier, SlackTarget};
use crate::webhook::{WebhookNotifier, WebhookTarget};
use crate::{Notifier, metrics};

/// The kinds of destination (the AlertChannel `type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChannelType {
    Slack,
    PagerDuty,
    Webhook,
    Email,
}

impl ChannelType {
    pub fn as_str(self) -> &'static str {
        match self {
            ChannelType::Slack => "slack",
            ChannelType::PagerDuty => "pagerduty",
            ChannelType::Webhook => "webhook",
            ChannelType::Email => "email",
        }
    }
}

/// Where a channel sends, with its settings and secrets as values.
#[derive(Debug, Clone, PartialEq)]
pub enum ChannelTarget {
    Slack(SlackTarget),
    PagerDuty(PagerDutyTarget),
    Webhook(WebhookTarget),
    Email(EmailTarget),
}

/// What every sender shares: the HTTP client and the per-attempt timeout.
#[derive(Debug, Clone)]
pub struct ChannelOptions {
    pub http: HttpClient,
    /// Bound on one attempt, connection and answer included.
    pub attempt_timeout: Duration,
}

impl ChannelOptions {
    /// Options with a new HTTP client whose connection timeout is `attempt_timeout`.
    pub fn new(attempt_timeout: Duration) -> Result<Self, ConfigError> {
        Ok(Self {
            http: HttpClient::new(attempt_timeout)?,
            attempt_timeout,
        })
    }
}

/// A named, validated channel.
#[derive(Debug)]
pub struct Channel {
    name: String,
    notifier: Box<dyn Notifier>,
}

impl Channel {
    /// Validates `target` (URLs, templates, headers, addresses) and builds its sender.
    /// `name` labels metrics and logs (the AlertChannel's name).
    pub fn build(
        name: impl Into<String>,
        target: ChannelTarget,
        options: &ChannelOptions,
    ) -> Result<Self, ConfigError> {
        let timeout = options.attempt_timeout;
        let notifier: Box<dyn Notifier> = match target {
            ChannelTarget::Slack(slack) => {
                Box::new(SlackNotifier::new(slack, options.http.clone(), timeout)?)
            }
            ChannelTarget::PagerDuty(pagerduty) => Box::new(PagerDutyNotifier::new(
                pagerduty,
                options.http.clone(),
                timeout,
            )?),
            ChannelTarget::Webhook(webhook) => Box::new(WebhookNotifier::new(
                webhook,
                options.http.clone(),
                timeout,
            )?),
            ChannelTarget::Email(email) => Box::new(EmailNotifier::new(email, timeout)?),
        };
        Ok(Self::from_notifier(name, notifier))
    }

    /// Wraps any notifier (a test double, a future channel kind).
    pub fn from_notifier(name: impl Into<String>, notifier: Box<dyn Notifier>) -> Self {
        Self {
            name: name.into(),
            notifier,
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }
}

#[async_trait]
impl Notifier for Channel {
    fn channel_type(&self) -> ChannelType {
        self.notifier.channel_type()
    }

    /// One attempt, timed into `cronjob_guardian_alert_dispatch_duration_seconds`.
    async fn send(&self, notification: &Notification) -> Result<Delivery, SendError> {
        let started = Instant::now();
        let result = self.notifier.send(notification).await;
        metrics::record_dispatch(&self.name, result.is_ok(), started.elapsed());
        match &result {
            Ok(delivery) => tracing::debug!(
                channel = %self.name,
                channel_type = self.channel_type().as_str(),
                key = %notification.key,
                kind = notification.kind.as_str(),
                code = delivery.code,
                "alert notification delivered"
            ),
            Err(error) => tracing::warn!(
                channel = %self.name,
                channel_type = self.channel_type().as_str(),
                key = %notification.key,
                kind = notification.kind.as_str(),
                outcome = error.metric_label(),
                %error,
                "alert notification attempt failed"
            ),
        }
        result
    }
}
