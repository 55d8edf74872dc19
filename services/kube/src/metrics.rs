//! Metric names recorded by the cluster watch, declared once, with their HELP text.

use metrics::{counter, describe_counter, describe_gauge, gauge};

/// Counter: watch events received, by `resource` (cronjobs, jobs, pods).
pub const WATCH_EVENTS: &str = "cronjob_guardian_watch_events_total";
/// Counter: relists started (start-up, `410 Gone`, reconnects), by `resource`.
pub const WATCH_RESTARTS: &str = "cronjob_guardian_watch_restarts_total";
/// Counter: watch errors (the watcher backs off and retries), by `resource`.
pub const WATCH_ERRORS: &str = "cronjob_guardian_watch_errors_total";
/// Gauge: objects held in the watch indexes, by `resource`.
pub const INDEXED_OBJECTS: &str = "cronjob_guardian_watch_indexed_objects";
/// Counter: failed fetches of a failed run's context, by `kind` (pods, logs, events).
pub const CONTEXT_FETCH_FAILURES: &str = "cronjob_guardian_context_fetch_failures_total";

/// Registers HELP text for the watch's metrics; call once at start-up.
pub fn describe() {
    describe_counter!(
        WATCH_EVENTS,
        "Kubernetes watch events received, by resource"
    );
    describe_counter!(
        WATCH_RESTARTS,
        "Kubernetes watch relists started (start-up, 410 Gone, reconnect), by resource"
    );
    describe_counter!(
        WATCH_ERRORS,
        "Kubernetes watch errors, retried with backoff, by resource"
    );
    describe_gauge!(
        INDEXED_OBJECTS,
        "Objects held in the watch indexes, by resource"
    );
    describe_counter!(
        CONTEXT_FETCH_FAILURES,
        "Failed fetches of a failed run's pods, log tail or events, by kind"
    );
}

pub(crate) fn record_event(resource: &'static str) {
    counter!(WATCH_EVENTS, "resource" => resource).increment(1);
}

pub(crate) fn record_restart(resource: &'static str) {
    counter!(WATCH_RESTARTS, "resource" => resource).increment(1);
}

pub(crate) fn record_error(resource: &'static str) {
    counter!(WATCH_ERRORS, "resource" => resource).increment(1);
}

pub(crate) fn set_indexed(sizes: (usize, usize, usize)) {
    let (cronjobs, jobs, pods) = sizes;
    gauge!(INDEXED_OBJECTS, "resource" => "cronjobs").set(cronjobs as f64);
    gauge!(INDEXED_OBJECTS, "resource" => "jobs").set(jobs as f64);
    gauge!(INDEXED_OBJECTS, "resource" => "pods").set(pods as f64);
}

pub(crate) fn record_fetch_failure(kind: &'static str) {
    counter!(CONTEXT_FETCH_FAILURES, "kind" => kind).increment(1);
}
