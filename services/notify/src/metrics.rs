//! Alert delivery metrics, with the spec's names (`METRICS.md`), declared once.
//!
//! [`Channel`](crate::Channel) records the dispatch duration of every attempt. The two
//! alert counters count *alerts*, not attempts, so the dispatcher records them once per
//! alert and channel when it knows the final outcome.

use std::time::Duration;

use guardian_core::AlertRecord;
use metrics::{counter, describe_counter, describe_histogram, histogram};

/// Histogram: time of one delivery attempt, by `channel` and `success` (true/false).
pub const DISPATCH_DURATION: &str = "cronjob_guardian_alert_dispatch_duration_seconds";
/// Counter: alerts delivered, by namespace, cronjob, type, severity, channel.
pub const ALERTS_TOTAL: &str = "cronjob_guardian_alerts_total";
/// Counter: alerts that could not be delivered, by the same labels.
pub const ALERTS_FAILED_TOTAL: &str = "cronjob_guardian_alerts_failed_total";

/// Registers HELP text for the delivery metrics; call once at start-up.
pub fn describe() {
    describe_histogram!(
        DISPATCH_DURATION,
        metrics::Unit::Seconds,
        "Duration of one alert delivery attempt, by channel and success"
    );
    describe_counter!(
        ALERTS_TOTAL,
        "Alerts delivered, by namespace, cronjob, type, severity and channel"
    );
    describe_counter!(
        ALERTS_FAILED_TOTAL,
        "Alerts that could not be delivered after retries, by namespace, cronjob, type, severity and channel"
    );
}

pub(crate) fn record_dispatch(channel: &str, success: bool, elapsed: Duration) {
    histogram!(
        DISPATCH_DURATION,
        "channel" => channel.to_owned(),
        "success" => if success { "true" } else { "false" },
    )
    .record(elapsed.as_secs_f64());
}

/// Counts one alert delivered through `channel`.
pub fn record_alert_sent(alert: &AlertRecord, channel: &str) {
    counter!(ALERTS_TOTAL, &alert_labels(alert, channel)).increment(1);
}

/// Counts one alert that `channel` could not deliver.
pub fn record_alert_failed(alert: &AlertRecord, channel: &str) {
    counter!(ALERTS_FAILED_TOTAL, &alert_labels(alert, channel)).increment(1);
}

fn alert_labels(alert: &AlertRecord, channel: &str) -> [(&'static str, String); 5] {
    [
        ("namespace", alert.cronjob.namespace.clone()),
        ("cronjob", alert.cronjob.name.clone()),
        ("type", alert.kind.clone()),
        ("severity", alert.severity.as_str().to_owned()),
        ("channel", channel.to_owned()),
    ]
}
