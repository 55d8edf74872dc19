//! `CronJobMonitor` (`guardian.illenium.net/v1alpha1`): which CronJobs to watch and how to
//! judge them. Field names, types and defaults are the Go operator's (`CRDS.md`); blocks that
//! are absent stay `None` here and mean "defaults" to [`convert`](super::convert).

use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, LabelSelectorRequirement};
use kube::CustomResource;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::alerting::AlertingConfig;
use super::duration::KubeDuration;
use super::enums::{DeletionPolicy, RecreationPolicy};
use super::monitor_status::CronJobMonitorStatus;
use super::schema::{Required, yes};

/// Monitors a set of CronJobs: dead-man's switch, SLA, maintenance windows and alerting.
#[derive(CustomResource, Serialize, Deserialize, Clone, Debug, PartialEq, Default, JsonSchema)]
#[kube(
    group = "guardian.illenium.net",
    version = "v1alpha1",
    kind = "CronJobMonitor",
    namespaced,
    status = "CronJobMonitorStatus",
    derive = "PartialEq",
    derive = "Default",
    shortname = "cjm",
    category = "guardian",
    doc = "CronJobMonitor watches a set of CronJobs: dead-man's switch, SLA, maintenance windows and alerting.",
    printcolumn = r#"{"name": "Phase", "type": "string", "jsonPath": ".status.phase"}"#,
    printcolumn = r#"{"name": "CronJobs", "type": "integer", "jsonPath": ".status.summary.totalCronJobs"}"#,
    printcolumn = r#"{"name": "Healthy", "type": "integer", "jsonPath": ".status.summary.healthy"}"#,
    printcolumn = r#"{"name": "Warning", "type": "integer", "jsonPath": ".status.summary.warning"}"#,
    printcolumn = r#"{"name": "Critical", "type": "integer", "jsonPath": ".status.summary.critical"}"#,
    printcolumn = r#"{"name": "Alerts", "type": "integer", "jsonPath": ".status.summary.activeAlerts"}"#,
    printcolumn = r#"{"name": "Age", "type": "date", "jsonPath": ".metadata.creationTimestamp"}"#
)]
#[serde(rename_all = "camelCase")]
pub struct CronJobMonitorSpec {
    /// Which CronJobs to monitor (default: every CronJob in the monitor's namespace).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub selector: Option<CronJobSelector>,
    /// Dead-man's switch: alert when no run succeeded recently enough.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dead_man_switch: Option<DeadManSwitchConfig>,
    /// SLA tracking: success rate, maximum duration and duration regressions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sla: Option<SlaConfig>,
    /// Behaviour while a CronJob is suspended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suspended_handling: Option<SuspendedHandlingConfig>,
    /// Scheduled maintenance periods during which alerts are held back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub maintenance_windows: Vec<MaintenanceWindow>,
    /// Alert channels and alert behaviour.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alerting: Option<AlertingConfig>,
    /// History retention for the monitored CronJobs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_retention: Option<DataRetentionConfig>,
}

/// Which CronJobs a monitor watches. Namespace conditions (`namespaces`, `namespaceSelector`)
/// and CronJob conditions (`matchLabels`, `matchExpressions`, `matchNames`) must all hold.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
pub struct CronJobSelector {
    /// CronJob labels that must all match.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub match_labels: BTreeMap<String, String>,
    /// Label expressions (In, NotIn, Exists, DoesNotExist) that must all hold.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub match_expressions: Vec<LabelSelectorRequirement>,
    /// CronJob names to monitor (not valid together with allNamespaces).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub match_names: Vec<String>,
    /// Namespaces to watch; with neither this nor namespaceSelector only the monitor's own.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub namespaces: Vec<String>,
    /// Labels the CronJob's namespace must carry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace_selector: Option<LabelSelector>,
    /// Watch every namespace (except the globally ignored ones).
    pub all_namespaces: bool,
}

/// Dead-man's switch settings.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
pub struct DeadManSwitchConfig {
    /// Turns the dead-man's switch on (default: true).
    pub enabled: bool,
    /// Alert when no run succeeded within this duration, e.g. "25h" for a daily job.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_time_since_last_success: Option<KubeDuration>,
    /// Derive the expectation from the CronJob's schedule instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_from_schedule: Option<AutoScheduleConfig>,
}

impl Default for DeadManSwitchConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            max_time_since_last_success: None,
            auto_from_schedule: None,
        }
    }
}

/// Missed-schedule detection from the CronJob's own schedule.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(transform = Required(&["enabled"]))]
pub struct AutoScheduleConfig {
    /// Turns schedule-based detection on (default: false).
    pub enabled: bool,
    /// Grace period after each fire time before it counts as missed (default: 1h).
    pub buffer: KubeDuration,
    /// Alert after this many missed fire times (default: 1).
    #[schemars(range(min = 0))]
    pub missed_schedule_threshold: i32,
}

impl Default for AutoScheduleConfig {
    fn default() -> Self {
        Self {
            enabled: false,
            buffer: KubeDuration::new("1h"),
            missed_schedule_threshold: 1,
        }
    }
}

/// SLA settings.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
pub struct SlaConfig {
    /// Turns SLA tracking on (default: true).
    pub enabled: bool,
    /// Minimum acceptable success rate in percent (default: 95).
    #[schemars(range(min = 0, max = 100))]
    pub min_success_rate: f64,
    /// Rolling window of the success rate, in days (default: 7).
    #[schemars(range(min = 0))]
    pub window_days: i32,
    /// Alert when a run takes longer than this.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_duration: Option<KubeDuration>,
    /// Alert when the P95 duration grows by this many percent (default: 50).
    #[schemars(range(min = 0))]
    pub duration_regression_threshold: i32,
    /// Baseline window of the regression check, in days (default: 14).
    #[schemars(range(min = 0))]
    pub duration_baseline_window_days: i32,
}

impl Default for SlaConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            min_success_rate: 95.0,
            window_days: 7,
            max_duration: None,
            duration_regression_threshold: 50,
            duration_baseline_window_days: 14,
        }
    }
}

/// Behaviour for suspended CronJobs.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
pub struct SuspendedHandlingConfig {
    /// Pause monitoring while the CronJob is suspended (default: true).
    pub pause_monitoring: bool,
    /// Alert when the CronJob stays suspended longer than this.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alert_if_suspended_for: Option<KubeDuration>,
}

impl Default for SuspendedHandlingConfig {
    fn default() -> Self {
        Self {
            pause_monitoring: true,
            alert_if_suspended_for: None,
        }
    }
}

/// A recurring maintenance period.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct MaintenanceWindow {
    /// Identifies the window.
    pub name: String,
    /// Cron expression of the window's start.
    pub schedule: String,
    /// How long the window lasts.
    pub duration: KubeDuration,
    /// IANA time zone of the schedule (default: UTC).
    #[serde(default = "utc")]
    pub timezone: String,
    /// Hold back alerts during the window (default: true).
    #[serde(default = "yes")]
    pub suppress_alerts: bool,
}

fn utc() -> String {
    "UTC".to_owned()
}

/// History retention for this monitor's CronJobs; unset fields use the global settings.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DataRetentionConfig {
    /// Days of execution history to keep.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0))]
    pub retention_days: Option<i32>,
    /// What happens to the history of a deleted CronJob.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_cron_job_deletion: Option<DeletionPolicy>,
    /// Days to wait before purging, with onCronJobDeletion purge-after-days.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0))]
    pub purge_after_days: Option<i32>,
    /// What happens to the old history when a CronJob is recreated (new UID).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_recreation: Option<RecreationPolicy>,
    /// Store job logs in the database.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub store_logs: Option<bool>,
    /// Days to keep stored logs (default: retentionDays).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0))]
    pub log_retention_days: Option<i32>,
    /// Largest log stored per execution, in KiB.
    #[serde(rename = "maxLogSizeKB", skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0))]
    pub max_log_size_kb: Option<i32>,
    /// Store Kubernetes events in the database.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub store_events: Option<bool>,
}
