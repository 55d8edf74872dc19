//! Metric names recorded by the elector, declared once, with their HELP text.
//!
//! `cronjob_guardian_leader_status` is the seed's HA metric: the old operator documented
//! it and never registered it, so the seed's `CronJobGuardianNoLeader` alert could not
//! fire. Every replica reports it (0 on standbys), from the moment its elector starts.

use metrics::{counter, describe_counter, describe_gauge, gauge};

/// Gauge: 1 while this replica leads, 0 on a standby.
pub const LEADER_STATUS: &str = "cronjob_guardian_leader_status";
/// Counter: times this replica became leader or stopped being leader.
pub const LEADER_TRANSITIONS: &str = "cronjob_guardian_leader_transitions_total";
/// Counter: renewal attempts of a leader that failed (error, conflict or timeout).
pub const LEASE_RENEW_FAILURES: &str = "cronjob_guardian_lease_renew_failures_total";

/// Registers HELP text for the elector's metrics; call once at start-up.
pub fn describe() {
    describe_gauge!(
        LEADER_STATUS,
        "Whether this replica is the leader (1) or a standby (0)"
    );
    describe_counter!(
        LEADER_TRANSITIONS,
        "Times this replica became leader or stopped being leader"
    );
    describe_counter!(
        LEASE_RENEW_FAILURES,
        "Lease renewal attempts by the leader that failed"
    );
}

/// Sets `cronjob_guardian_leader_status` (1 leading, 0 standby).
pub fn set_leader_status(leading: bool) {
    gauge!(LEADER_STATUS).set(if leading { 1.0 } else { 0.0 });
}

pub(crate) fn record_transition() {
    counter!(LEADER_TRANSITIONS).increment(1);
}

pub(crate) fn record_renew_failure() {
    counter!(LEASE_RENEW_FAILURES).increment(1);
}
