//! The product's custom resources, `CronJobMonitor` and `AlertChannel`
//! (`guardian.illenium.net/v1alpha1`, both namespaced, both with a status subresource), as
//! kube-derived Rust types, and their CustomResourceDefinitions.
//!
//! ```text
//!  API server JSON ──serde──▶ CronJobMonitor / AlertChannel   (wire format: this module)
//!                                   │ convert::{monitor_policy, channel_policy}
//!                                   ▼
//!                    guardian_core settings (selector, dead-man, SLA, windows, fixes)
//!                    or InvalidSpec ──▶ a status condition on the object
//! ```
//!
//! Field names, types and defaults are the Go operator's, so its manifests apply unchanged.
//! Defaults live twice on purpose: as serde defaults (a missing field decodes to its default)
//! and as `default:` in the schema (the API server fills it in). [`manifests`] renders both
//! CRDs; the copies under `deploy/crds/` and `charts/cronjob-guardian/crds/` must equal it
//! (`cargo run -p guardian-kube --example crdgen` rewrites them, a test checks them).

pub mod alerting;
pub mod channel;
pub mod convert;
mod definition;
pub mod duration;
pub mod enums;
pub mod monitor;
pub mod monitor_status;
mod render;
mod schema;

use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;

pub use alerting::{
    AlertContext, AlertingConfig, ChannelRef, ExitCodeRange, PatternMatch, SeverityOverrides,
    SuggestedFixPattern,
};
pub use channel::{
    AlertChannel, AlertChannelSpec, AlertChannelStatus, EmailConfig, NamespacedSecretKeyRef,
    NamespacedSecretRef, PagerDutyConfig, RateLimitConfig, SlackConfig, WebhookConfig,
};
pub use convert::{ConvertError, InvalidSpec};
pub use definition::{alert_channel_crd, cronjob_monitor_crd};
pub use duration::KubeDuration;
pub use enums::{
    AlertSeverity, ChannelType, CronJobHealth, DeletionPolicy, MonitorPhase, PagerDutySeverity,
    RecreationPolicy, TestResult, WebhookMethod,
};
pub use monitor::{
    AutoScheduleConfig, CronJobMonitor, CronJobMonitorSpec, CronJobSelector, DataRetentionConfig,
    DeadManSwitchConfig, MaintenanceWindow, SlaConfig, SuspendedHandlingConfig,
};
pub use monitor_status::{
    ActiveAlert, ActiveJob, CronJobMetrics, CronJobMonitorStatus, CronJobStatus, MonitorSummary,
};

/// API group of both kinds.
pub const GROUP: &str = "guardian.illenium.net";
/// API version of both kinds.
pub const VERSION: &str = "v1alpha1";

/// Why the CRD manifests could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum CrdError {
    #[error("cannot serialise the CRD {name}: {source}")]
    Json {
        name: String,
        source: serde_json::Error,
    },
    #[error("cannot render the CRD {name} as YAML: {source}")]
    Yaml {
        name: String,
        source: serde_yaml::Error,
    },
}

/// Both CRDs, monitor first.
pub fn crds() -> [CustomResourceDefinition; 2] {
    [cronjob_monitor_crd(), alert_channel_crd()]
}

/// Both CRDs as one multi-document YAML with sorted keys: the output of `cronjob-guardian
/// crds` and the content of the checked-in copies.
pub fn manifests() -> Result<String, CrdError> {
    render::documents(&crds())
}
