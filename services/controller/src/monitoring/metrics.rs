//! Metrics of the leader's monitoring, with the existing operator's names (`METRICS.md`).
//! `cronjob_guardian_alerts_total` belongs to the dispatcher, which sends alerts.

use std::collections::{HashMap, HashSet};

use guardian_core::sla::SlaStats;
use guardian_core::{CronJobRef, Severity};

/// Success rate over the monitor's SLA window, 0-100 (absent without finished runs).
pub const SUCCESS_RATE: &str = "cronjob_guardian_success_rate";
/// P50/P95/P99 duration of successful runs over the SLA window.
pub const DURATION_PERCENTILE: &str = "cronjob_guardian_duration_percentile_seconds";
/// Firing alerts per CronJob and severity; back to 0 when they clear.
pub const ACTIVE_ALERTS: &str = "cronjob_guardian_active_alerts";
/// Monitor reconciliations by result (success, error, requeue).
pub const RECONCILE_TOTAL: &str = "cronjob_guardian_reconcile_total";
/// Time to reconcile one monitor.
pub const RECONCILE_DURATION: &str = "cronjob_guardian_reconcile_duration_seconds";

/// The `controller` label of the reconcile metrics.
pub const CONTROLLER: &str = "cronjobmonitor";

const SEVERITIES: [Severity; 3] = [Severity::Critical, Severity::Warning, Severity::Info];

pub fn describe() {
    metrics::describe_gauge!(
        SUCCESS_RATE,
        "Success rate of a CronJob over its monitor's SLA window, in percent"
    );
    metrics::describe_gauge!(
        DURATION_PERCENTILE,
        metrics::Unit::Seconds,
        "Duration percentiles (p50, p95, p99) of successful runs over the SLA window"
    );
    metrics::describe_gauge!(ACTIVE_ALERTS, "Firing alerts per CronJob and severity");
    metrics::describe_counter!(
        RECONCILE_TOTAL,
        "Monitor reconciliations by controller and result"
    );
    metrics::describe_histogram!(
        RECONCILE_DURATION,
        metrics::Unit::Seconds,
        "Time to reconcile one monitor, by controller"
    );
}

pub(crate) fn reconciled(result: &'static str, seconds: f64) {
    metrics::counter!(RECONCILE_TOTAL, "controller" => CONTROLLER, "result" => result).increment(1);
    metrics::histogram!(RECONCILE_DURATION, "controller" => CONTROLLER).record(seconds);
}

/// The SLA gauges of one CronJob as one monitor sees it.
pub(crate) fn sla(monitor: &CronJobRef, cronjob: &CronJobRef, stats: &SlaStats) {
    let (namespace, name) = (cronjob.namespace.clone(), cronjob.name.clone());
    if let Some(percent) = stats.success_rate.percent() {
        metrics::gauge!(SUCCESS_RATE, "namespace" => namespace.clone(), "cronjob" => name.clone(),
            "monitor" => monitor.name.clone())
        .set(percent);
    }
    if let Some(durations) = &stats.durations {
        for (label, value) in [
            ("p50", durations.p50),
            ("p95", durations.p95),
            ("p99", durations.p99),
        ] {
            metrics::gauge!(DURATION_PERCENTILE, "namespace" => namespace.clone(), "cronjob" => name.clone(),
                "percentile" => label)
            .set(value.as_secs_f64());
        }
    }
}

/// Sets the active-alerts gauge of every CronJob that has or had firing alerts; the
/// ones that had but no longer have go back to 0.
#[derive(Debug, Default)]
pub(crate) struct ActiveAlerts {
    reported: HashSet<(String, String)>,
}

impl ActiveAlerts {
    pub(crate) fn publish(&mut self, counts: &HashMap<(String, String, &'static str), u64>) {
        let now: HashSet<(String, String)> = counts
            .keys()
            .map(|(namespace, cronjob, _)| (namespace.clone(), cronjob.clone()))
            .collect();
        for (namespace, cronjob) in now.union(&self.reported) {
            for severity in SEVERITIES {
                let key = (namespace.clone(), cronjob.clone(), severity.as_str());
                let count = counts.get(&key).copied().unwrap_or(0);
                metrics::gauge!(ACTIVE_ALERTS, "namespace" => namespace.clone(), "cronjob" => cronjob.clone(),
                    "severity" => severity.as_str())
                .set(count as f64);
            }
        }
        self.reported = now;
    }
}
