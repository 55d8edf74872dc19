//! The store's metrics, named once here (the `metrics` facade; the binaries install
//! the Prometheus exporter and call [`describe`] at start-up).

use guardian_core::Sequence;

/// Open database connections (busy and idle); the seed's HA dashboards read it.
pub const DB_CONNECTIONS_OPEN: &str = "cronjob_guardian_db_connections_open";
/// Idle database connections in the pool.
pub const DB_CONNECTIONS_IDLE: &str = "cronjob_guardian_db_connections_idle";
/// Fenced transactions refused because a newer leader took a newer epoch.
pub const FENCED_WRITES_REJECTED: &str = "cronjob_guardian_fenced_writes_rejected_total";
/// The newest outbox sequence this process committed.
pub const OUTBOX_SEQUENCE: &str = "cronjob_guardian_outbox_sequence";

/// Registers HELP text for every store metric.
pub fn describe() {
    metrics::describe_gauge!(
        DB_CONNECTIONS_OPEN,
        "Open database connections (in use and idle)"
    );
    metrics::describe_gauge!(DB_CONNECTIONS_IDLE, "Idle database connections in the pool");
    metrics::describe_counter!(
        FENCED_WRITES_REJECTED,
        "Fenced writes refused because a newer leader holds a newer epoch"
    );
    metrics::describe_gauge!(
        OUTBOX_SEQUENCE,
        "Sequence of the newest outbox event committed by this process"
    );
}

pub(crate) fn pool_sizes(open: u32, idle: usize) {
    metrics::gauge!(DB_CONNECTIONS_OPEN).set(f64::from(open));
    metrics::gauge!(DB_CONNECTIONS_IDLE).set(idle as f64);
}

pub(crate) fn fenced_write_rejected() {
    metrics::counter!(FENCED_WRITES_REJECTED).increment(1);
}

pub(crate) fn outbox_sequence(sequence: Sequence) {
    metrics::gauge!(OUTBOX_SEQUENCE).set(sequence.0 as f64);
}
