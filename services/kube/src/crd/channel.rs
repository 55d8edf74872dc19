//! `AlertChannel` (`guardian.illenium.net/v1alpha1`): a destination for alerts (Slack,
//! PagerDuty, webhook or email) whose secrets live in Kubernetes Secrets, with rate limits.
//!
//! The settings block matching `type` is required by [`convert`](super::convert), not by the
//! schema, so manifests the Go operator accepted still apply; a mismatch becomes a condition.

use std::collections::BTreeMap;

use k8s_openapi::apimachinery::pkg::apis::meta::v1::{Condition, Time};
use kube::CustomResource;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::enums::{ChannelType, PagerDutySeverity, TestResult, WebhookMethod};
use super::schema::Required;

/// Where alerts go.
#[derive(CustomResource, Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[kube(
    group = "guardian.illenium.net",
    version = "v1alpha1",
    kind = "AlertChannel",
    namespaced,
    status = "AlertChannelStatus",
    derive = "PartialEq",
    shortname = "alertch",
    category = "guardian",
    doc = "AlertChannel is a destination for alerts: Slack, PagerDuty, a webhook or email.",
    printcolumn = r#"{"name": "Type", "type": "string", "jsonPath": ".spec.type"}"#,
    printcolumn = r#"{"name": "Ready", "type": "boolean", "jsonPath": ".status.ready"}"#,
    printcolumn = r#"{"name": "Last Alert", "type": "date", "jsonPath": ".status.lastAlertTime"}"#,
    printcolumn = r#"{"name": "Age", "type": "date", "jsonPath": ".metadata.creationTimestamp"}"#
)]
#[serde(rename_all = "camelCase")]
pub struct AlertChannelSpec {
    /// Kind of channel; the block of the same name holds its settings.
    #[serde(rename = "type")]
    pub channel_type: ChannelType,
    /// Slack settings (type slack).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slack: Option<SlackConfig>,
    /// PagerDuty settings (type pagerduty).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagerduty: Option<PagerDutyConfig>,
    /// Generic webhook settings (type webhook).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook: Option<WebhookConfig>,
    /// Email settings (type email).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<EmailConfig>,
    /// Limits that prevent alert storms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limiting: Option<RateLimitConfig>,
    /// Send a test alert once per change of this spec (default: false).
    #[serde(default)]
    pub test_on_save: bool,
}

/// Slack incoming-webhook settings.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct SlackConfig {
    /// Secret key holding the webhook URL.
    pub webhook_secret_ref: NamespacedSecretKeyRef,
    /// Overrides the webhook's default channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_channel: Option<String>,
    /// Go template of the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_template: Option<String>,
}

/// PagerDuty Events API v2 settings.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PagerDutyConfig {
    /// Secret key holding the routing (integration) key.
    pub routing_key_secret_ref: NamespacedSecretKeyRef,
    /// Default PagerDuty severity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<PagerDutySeverity>,
}

/// Generic HTTP webhook settings.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct WebhookConfig {
    /// Secret key holding the URL.
    pub url_secret_ref: NamespacedSecretKeyRef,
    /// HTTP method (default: POST).
    #[serde(default)]
    pub method: WebhookMethod,
    /// Headers sent with each request.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub headers: BTreeMap<String, String>,
    /// Go template of the JSON payload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload_template: Option<String>,
}

/// SMTP email settings.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct EmailConfig {
    /// Secret with the keys host, port, username and password.
    pub smtp_secret_ref: NamespacedSecretRef,
    /// Sender address.
    pub from: String,
    /// Recipient addresses.
    pub to: Vec<String>,
    /// Go template of the subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject_template: Option<String>,
    /// Go template of the body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_template: Option<String>,
}

/// A key of a Secret in a given namespace.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, JsonSchema)]
pub struct NamespacedSecretKeyRef {
    pub name: String,
    pub namespace: String,
    pub key: String,
}

/// A Secret in a given namespace.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, JsonSchema)]
pub struct NamespacedSecretRef {
    pub name: String,
    pub namespace: String,
}

/// Alert rate limits of a channel.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
pub struct RateLimitConfig {
    /// Alerts per hour on average (default: 100).
    #[schemars(range(min = 0))]
    pub max_alerts_per_hour: i32,
    /// Alerts that may go at once (default: 10).
    #[schemars(range(min = 0))]
    pub burst_limit: i32,
}

impl Default for RateLimitConfig {
    fn default() -> Self {
        Self {
            max_alerts_per_hour: 100,
            burst_limit: 10,
        }
    }
}

/// Observed state of an AlertChannel.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(transform = Required(&[
    "ready", "alertsSentTotal", "alertsFailedTotal", "consecutiveFailures",
]))]
pub struct AlertChannelStatus {
    /// The channel is operational.
    pub ready: bool,
    /// When the channel was last tested.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_test_time: Option<Time>,
    /// Result of the last test.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_test_result: Option<TestResult>,
    /// Error of the last test.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_test_error: Option<String>,
    /// Alerts sent successfully through this channel.
    pub alerts_sent_total: i64,
    /// When the last alert was sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_alert_time: Option<Time>,
    /// Alerts that failed to send through this channel.
    pub alerts_failed_total: i64,
    /// When an alert last failed to send.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_failed_time: Option<Time>,
    /// Error of the last failed send.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_failed_error: Option<String>,
    /// Failed sends in a row; 0 after a success.
    pub consecutive_failures: i32,
    /// Latest observations.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
}
