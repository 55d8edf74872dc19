//! The dispatcher's own metrics, beside the notify crate's spec metrics
//! (`cronjob_guardian_alerts_total`, `_alerts_failed_total`,
//! `_alert_dispatch_duration_seconds`), which are reused, not redeclared.

use guardian_core::CronJobRef;
use metrics::{counter, describe_counter, describe_gauge, gauge};

/// Counter: alerts a channel's rate limit held back (they are sent later, not dropped).
pub const ALERTS_HELD_BACK: &str = "cronjob_guardian_alerts_held_back_total";
/// Gauge: 1 while a channel fails persistently (its `Delivering` condition is False).
pub const CHANNEL_FAILING: &str = "cronjob_guardian_alert_channel_failing";

/// Registers HELP text for every dispatch metric; called when a leader starts dispatching.
pub fn describe() {
    guardian_notify::metrics::describe();
    describe_counter!(
        ALERTS_HELD_BACK,
        "Alerts held back by a channel's rate limit and queued for later, by channel"
    );
    describe_gauge!(
        CHANNEL_FAILING,
        "1 while an alert channel fails persistently, else 0, by channel"
    );
}

pub(crate) fn held_back(channel: &CronJobRef) {
    counter!(ALERTS_HELD_BACK, "channel" => channel.name.clone()).increment(1);
}

pub(crate) fn channel_failing(channel: &CronJobRef, failing: bool) {
    gauge!(CHANNEL_FAILING, "channel" => channel.name.clone()).set(if failing { 1.0 } else { 0.0 });
}
