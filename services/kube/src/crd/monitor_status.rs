//! `status` of a CronJobMonitor, written by the controller (leader only).
//!
//! Structs whose fields the schema requires still deserialize leniently, so a status written
//! by the Go operator (no `summary.running`, no `activeJobs`) is read rather than rejected.

use k8s_openapi::apimachinery::pkg::apis::meta::v1::{Condition, Time};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::duration::KubeDuration;
use super::enums::{AlertSeverity, CronJobHealth, MonitorPhase};
use super::schema::Required;

/// Observed state of a CronJobMonitor.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CronJobMonitorStatus {
    /// The generation last processed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed_generation: Option<i64>,
    /// Operational state of the monitor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<MonitorPhase>,
    /// When the controller last reconciled the monitor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_reconcile_time: Option<Time>,
    /// Counts over the monitored CronJobs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<MonitorSummary>,
    /// Per-CronJob state.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cron_jobs: Vec<CronJobStatus>,
    /// Latest observations (Ready, invalid settings, unresolved channel references).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
}

/// Counts over the monitored CronJobs.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(transform = Required(&[
    "totalCronJobs", "healthy", "warning", "critical", "suspended", "running", "activeAlerts",
]))]
pub struct MonitorSummary {
    pub total_cron_jobs: i32,
    pub healthy: i32,
    pub warning: i32,
    pub critical: i32,
    pub suspended: i32,
    pub running: i32,
    pub active_alerts: i32,
}

/// State of one monitored CronJob.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CronJobStatus {
    /// Name of the CronJob.
    pub name: String,
    /// Namespace of the CronJob.
    pub namespace: String,
    /// Health of the CronJob.
    pub status: CronJobHealth,
    /// Whether the CronJob is suspended.
    pub suspended: bool,
    /// When the last run succeeded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_successful_time: Option<Time>,
    /// When the last run failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_failed_time: Option<Time>,
    /// Duration of the last finished run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_run_duration: Option<KubeDuration>,
    /// When the CronJob fires next.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_scheduled_time: Option<Time>,
    /// SLA figures over the monitor's window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metrics: Option<CronJobMetrics>,
    /// Runs in progress.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub active_jobs: Vec<ActiveJob>,
    /// Alerts currently firing for this CronJob.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub active_alerts: Vec<ActiveAlert>,
}

/// SLA figures of one CronJob. Durations are of successful runs, in seconds.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default, JsonSchema)]
#[serde(rename_all = "camelCase", default)]
#[schemars(transform = Required(&["successRate", "totalRuns", "successfulRuns", "failedRuns"]))]
pub struct CronJobMetrics {
    /// Percent of finished runs that succeeded.
    pub success_rate: f64,
    pub total_runs: i32,
    pub successful_runs: i32,
    pub failed_runs: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avg_duration_seconds: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p50_duration_seconds: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p95_duration_seconds: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p99_duration_seconds: Option<f64>,
}

/// An alert currently firing.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ActiveAlert {
    /// Alert type (jobFailed, deadManTriggered, missedSchedule, slaBreached, ...).
    #[serde(rename = "type")]
    pub alert_type: String,
    /// Severity of the alert.
    pub severity: AlertSeverity,
    /// What is wrong.
    pub message: String,
    /// When the alert became active.
    pub since: Time,
    /// When the alert was last sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_notified: Option<Time>,
    /// Exit code of the failed container.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exit_code: Option<i32>,
    /// Reason of the failure, e.g. OOMKilled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// What to do about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggested_fix: Option<String>,
}

/// A run in progress.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ActiveJob {
    /// Name of the Job.
    pub name: String,
    /// When the Job started.
    pub start_time: Time,
    /// How long the Job has been running.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub running_duration: Option<KubeDuration>,
    /// Phase of the Job's pod (Pending, Running, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pod_phase: Option<String>,
    /// Name of the Job's pod.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pod_name: Option<String>,
    /// Ready pods out of all, e.g. "1/1".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ready: Option<String>,
}
