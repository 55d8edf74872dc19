//! Metric names of the query plane and their help texts, registered once by [`describe`].
//!
//! The event-stream gauges say how far this replica's copy of the stream trails
//! the database (the leader's committed head): `lag` 0 means caught up.

use metrics::{Unit, counter, describe_counter, describe_gauge, gauge};

/// Committed events this replica has not received from the stream yet.
pub const EVENT_STREAM_LAG: &str = "cronjob_guardian_event_stream_lag";
/// Times the follower reconnected to a leader's event stream.
pub const EVENT_STREAM_RECONNECTS_TOTAL: &str = "cronjob_guardian_event_stream_reconnects_total";
/// The newest sequence this replica has received.
pub const EVENT_STREAM_SEQUENCE: &str = "cronjob_guardian_event_stream_sequence";
/// 1 while a leader's stream is connected.
pub const EVENT_STREAM_CONNECTED: &str = "cronjob_guardian_event_stream_connected";
/// Subscribers this replica is streaming to.
pub const EVENT_SUBSCRIBERS: &str = "cronjob_guardian_event_subscribers";
/// Subscribers dropped for falling too far behind.
pub const EVENT_SUBSCRIBERS_DROPPED_TOTAL: &str =
    "cronjob_guardian_event_subscribers_dropped_total";
/// Control calls forwarded to the leader, by method and resulting code.
pub const CONTROL_FORWARDED_TOTAL: &str = "cronjob_guardian_control_forwarded_total";

/// Registers every help text; call once at start-up.
pub fn describe() {
    guardian_store::metrics::describe();
    describe_gauge!(
        EVENT_STREAM_LAG,
        Unit::Count,
        "Committed events (database head) this query replica has not yet received from the leader's event stream"
    );
    describe_counter!(
        EVENT_STREAM_RECONNECTS_TOTAL,
        "Times this query replica reconnected to the leader's event stream"
    );
    describe_gauge!(
        EVENT_STREAM_SEQUENCE,
        "Newest event sequence this query replica has received"
    );
    describe_gauge!(
        EVENT_STREAM_CONNECTED,
        "1 while this query replica follows a leader's event stream, else 0"
    );
    describe_gauge!(
        EVENT_SUBSCRIBERS,
        "Event-stream subscribers this query replica serves"
    );
    describe_counter!(
        EVENT_SUBSCRIBERS_DROPPED_TOTAL,
        "Event-stream subscribers dropped for falling too far behind (they resume from their last sequence)"
    );
    describe_counter!(
        CONTROL_FORWARDED_TOTAL,
        "Control calls forwarded to the leader, by method and gRPC code"
    );
}

pub(crate) fn stream_position(sequence: i64, lag: i64) {
    gauge!(EVENT_STREAM_SEQUENCE).set(sequence as f64);
    gauge!(EVENT_STREAM_LAG).set(lag.max(0) as f64);
}

pub(crate) fn stream_connected(connected: bool) {
    gauge!(EVENT_STREAM_CONNECTED).set(if connected { 1.0 } else { 0.0 });
}

pub(crate) fn stream_reconnected() {
    counter!(EVENT_STREAM_RECONNECTS_TOTAL).increment(1);
}

pub(crate) fn subscribers(count: usize) {
    gauge!(EVENT_SUBSCRIBERS).set(count as f64);
}

pub(crate) fn subscriber_dropped() {
    counter!(EVENT_SUBSCRIBERS_DROPPED_TOTAL).increment(1);
}

pub(crate) fn control_forwarded(method: &'static str, code: tonic::Code) {
    counter!(CONTROL_FORWARDED_TOTAL, "method" => method, "code" => format!("{code:?}"))
        .increment(1);
}
