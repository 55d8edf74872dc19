//! Metric names the controller records, declared once, described at start-up.

/// The fencing epoch of this replica's current leadership.
pub const LEADER_EPOCH: &str = "cronjob_guardian_leader_epoch";
/// Histogram: how long a new lease holder waited for its database epoch.
pub const EPOCH_WAIT_SECONDS: &str = "cronjob_guardian_leader_epoch_wait_seconds";
/// Gauge: 1 while this replica holds the lease but not yet its epoch (writes nothing).
pub const WAITING_FOR_EPOCH: &str = "cronjob_guardian_leader_waiting_for_epoch";
/// Changes written by the leader, by kind (execution, cronjob).
pub const WRITES: &str = "cronjob_guardian_writes_total";
/// Write batches that failed, by reason (the store error's label).
pub const WRITE_FAILURES: &str = "cronjob_guardian_write_failures_total";
/// Time to commit one batch of changes.
pub const WRITE_BATCH_SECONDS: &str = "cronjob_guardian_write_batch_duration_seconds";
/// Executions recorded, with the existing operator's labels.
pub const EXECUTIONS: &str = "cronjob_guardian_executions_total";
/// Duration of finished runs (buckets: the existing operator's, set in telemetry).
pub const DURATION: &str = "cronjob_guardian_duration_seconds";

pub fn describe() {
    metrics::describe_gauge!(
        LEADER_EPOCH,
        "Fencing epoch of this replica's current leadership"
    );
    metrics::describe_histogram!(
        EPOCH_WAIT_SECONDS,
        metrics::Unit::Seconds,
        "Time from winning the lease to holding a new database epoch"
    );
    metrics::describe_gauge!(
        WAITING_FOR_EPOCH,
        "Whether this replica holds the lease but still waits for its database epoch"
    );
    metrics::describe_counter!(WRITES, "Changes committed by the leader, by kind");
    metrics::describe_counter!(WRITE_FAILURES, "Write batches that failed, by reason");
    metrics::describe_histogram!(
        WRITE_BATCH_SECONDS,
        metrics::Unit::Seconds,
        "Time to commit one batch of changes through a fenced transaction"
    );
    metrics::describe_counter!(
        EXECUTIONS,
        "Finished executions recorded, by namespace, cronjob and status"
    );
    metrics::describe_histogram!(
        DURATION,
        metrics::Unit::Seconds,
        "Duration of finished CronJob runs, by namespace and cronjob"
    );
    guardian_election::metrics::describe();
    guardian_store::metrics::describe();
    guardian_kube::metrics::describe();
    register_alerting_series();
}

/// The series our Prometheus rules watch exist from start-up at zero, so a
/// rule or dashboard sees "none yet" rather than "no such metric".
fn register_alerting_series() {
    metrics::gauge!(WAITING_FOR_EPOCH).set(0.0);
    metrics::counter!(guardian_store::metrics::FENCED_WRITES_REJECTED).increment(0);
    metrics::counter!(guardian_election::metrics::LEASE_RENEW_FAILURES).increment(0);
    for reason in ["unavailable", "fenced", "conflict"] {
        metrics::counter!(WRITE_FAILURES, "reason" => reason).increment(0);
    }
    for resource in ["cronjobs", "jobs", "pods"] {
        metrics::counter!(guardian_kube::metrics::WATCH_ERRORS, "resource" => resource)
            .increment(0);
    }
}
