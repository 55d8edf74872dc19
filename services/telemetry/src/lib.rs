//! Telemetry shared by both planes: structured logs, OTLP traces when
//! `OTEL_EXPORTER_OTLP_ENDPOINT` is set, and the Prometheus exposition.
//!
//! Metric *names* live with the crate that records them (each has a `metrics.rs`
//! with `describe()`); this crate only installs the recorder and renders it.

mod prometheus;
pub mod trace_context;
mod tracing_init;

pub use prometheus::{PrometheusError, install_recorder, render};
pub use tracing_init::{TelemetryGuard, TracingError, init_tracing};
