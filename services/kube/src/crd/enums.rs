//! The closed string sets of both kinds (`enum:` in the schema), as Rust enums so a reconciler
//! matches on them instead of comparing strings. Values are exactly the Go operator's.

use std::fmt;

use guardian_core::Severity;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Severity of an alert.
// The Go operator's severityOverrides allowed only critical and warning; info is accepted
// everywhere because channelRefs[].severities routes it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum AlertSeverity {
    Critical,
    Warning,
    Info,
}

impl From<AlertSeverity> for Severity {
    fn from(severity: AlertSeverity) -> Self {
        match severity {
            AlertSeverity::Critical => Severity::Critical,
            AlertSeverity::Warning => Severity::Warning,
            AlertSeverity::Info => Severity::Info,
        }
    }
}

impl From<Severity> for AlertSeverity {
    fn from(severity: Severity) -> Self {
        match severity {
            Severity::Critical => AlertSeverity::Critical,
            Severity::Warning => AlertSeverity::Warning,
            Severity::Info => AlertSeverity::Info,
        }
    }
}

/// `spec.type` of an AlertChannel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ChannelType {
    Slack,
    Pagerduty,
    Webhook,
    Email,
}

impl ChannelType {
    /// The name used on the wire (and as the name of the settings block).
    pub fn as_str(self) -> &'static str {
        match self {
            ChannelType::Slack => "slack",
            ChannelType::Pagerduty => "pagerduty",
            ChannelType::Webhook => "webhook",
            ChannelType::Email => "email",
        }
    }
}

impl fmt::Display for ChannelType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// PagerDuty event severity (`spec.pagerduty.severity`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PagerDutySeverity {
    Critical,
    Error,
    Warning,
    Info,
}

/// HTTP method of a webhook channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum WebhookMethod {
    #[default]
    Post,
    Put,
}

/// What happens to the history of a monitored CronJob once it is deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DeletionPolicy {
    Retain,
    Purge,
    PurgeAfterDays,
}

/// What happens to the old history when a CronJob is recreated (new UID, same name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RecreationPolicy {
    Retain,
    Reset,
}

/// `status.phase` of a CronJobMonitor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum MonitorPhase {
    Initializing,
    Active,
    Degraded,
    Error,
}

/// Health of one CronJob in `status.cronJobs[].status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum CronJobHealth {
    Healthy,
    Warning,
    Critical,
    Suspended,
    Unknown,
}

/// Result of a channel's test alert (`status.lastTestResult`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum TestResult {
    Success,
    Failed,
}
