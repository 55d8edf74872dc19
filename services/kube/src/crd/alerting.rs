//! `spec.alerting` of a CronJobMonitor: where alerts go, what they carry, and custom
//! suggested-fix patterns.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::duration::KubeDuration;
use super::enums::AlertSeverity;

/// Alert channels and alert behaviour.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
pub struct AlertingConfig {
    /// Turns alerting on (default: true).
    pub enabled: bool,
    /// AlertChannels that receive this monitor's alerts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub channel_refs: Vec<ChannelRef>,
    /// Context attached to alerts (default: logs, events, pod status and fixes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_context: Option<AlertContext>,
    /// Do not repeat an unchanged alert within this window (default: 1h).
    pub suppress_duplicates_for: KubeDuration,
    /// Wait this long before sending; an alert whose problem clears meanwhile is never sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alert_delay: Option<KubeDuration>,
    /// Severity per alert type, instead of the built-in one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity_overrides: Option<SeverityOverrides>,
    /// Custom suggested-fix patterns; a pattern named like a built-in replaces it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggested_fix_patterns: Vec<SuggestedFixPattern>,
}

impl Default for AlertingConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            channel_refs: Vec::new(),
            include_context: None,
            suppress_duplicates_for: KubeDuration::new("1h"),
            alert_delay: None,
            severity_overrides: None,
            suggested_fix_patterns: Vec::new(),
        }
    }
}

/// A reference to an AlertChannel.
///
/// Without `namespace` the channel is looked up in the monitor's namespace, then in the
/// release namespace, then by a cluster-wide unique name.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ChannelRef {
    /// Name of the AlertChannel.
    pub name: String,
    /// Namespace of the AlertChannel (optional, see above).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// Severities sent to this channel (empty: all).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub severities: Vec<AlertSeverity>,
}

impl ChannelRef {
    /// Whether an alert of `severity` goes to this channel.
    pub fn accepts(&self, severity: AlertSeverity) -> bool {
        self.severities.is_empty() || self.severities.contains(&severity)
    }
}

/// What context alerts carry.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
pub struct AlertContext {
    /// Include pod logs (default: true).
    pub logs: bool,
    /// Number of log lines (default: 50).
    #[schemars(range(min = 0))]
    pub log_lines: i32,
    /// Container whose logs are included (default: the first container).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log_container_name: Option<String>,
    /// Include init container logs (default: false).
    pub include_init_container_logs: bool,
    /// Include Kubernetes events (default: true).
    pub events: bool,
    /// Include pod status details (default: true).
    pub pod_status: bool,
    /// Include suggested fixes (default: true).
    pub suggested_fixes: bool,
}

impl Default for AlertContext {
    fn default() -> Self {
        Self {
            logs: true,
            log_lines: 50,
            log_container_name: None,
            include_init_container_logs: false,
            events: true,
            pod_status: true,
            suggested_fixes: true,
        }
    }
}

/// Severity per alert type.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct SeverityOverrides {
    /// Severity of missedSchedule alerts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missed_schedule: Option<AlertSeverity>,
    /// Severity of jobFailed alerts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_failed: Option<AlertSeverity>,
    /// Severity of slaBreached alerts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sla_breached: Option<AlertSeverity>,
    /// Severity of deadManTriggered alerts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dead_man_triggered: Option<AlertSeverity>,
    /// Severity of durationRegression alerts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_regression: Option<AlertSeverity>,
}

/// A custom suggested fix: when `match` holds for a failed run, `suggestion` is shown.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct SuggestedFixPattern {
    /// Identifies the pattern (a built-in of the same name is replaced).
    pub name: String,
    /// Criteria; every one that is set must hold, and at least one must be set.
    #[serde(rename = "match")]
    pub matcher: PatternMatch,
    /// Fix text; may use {{.Namespace}}, {{.Name}}, {{.JobName}}, {{.ExitCode}}, {{.Reason}}.
    pub suggestion: String,
    /// Higher is checked first (default: 0; built-ins use 1-100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<i32>,
}

/// Criteria of a suggested-fix pattern.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PatternMatch {
    /// A container exit code, e.g. 137.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exit_code: Option<i32>,
    /// An inclusive range of exit codes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exit_code_range: Option<ExitCodeRange>,
    /// A termination or waiting reason, compared case-insensitively.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// A regular expression matched against the reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_pattern: Option<String>,
    /// A regular expression searched in the log tail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_pattern: Option<String>,
    /// A regular expression searched in each event message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_pattern: Option<String>,
}

/// An inclusive range of exit codes.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, JsonSchema)]
pub struct ExitCodeRange {
    pub min: i32,
    pub max: i32,
}
