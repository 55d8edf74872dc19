//! The process-wide Prometheus recorder behind the `metrics` facade.

use std::sync::OnceLock;

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

/// The existing operator's buckets for `cronjob_guardian_duration_seconds`.
const JOB_DURATION_BUCKETS: &[f64] = &[1.0, 5.0, 10.0, 30.0, 60.0, 300.0, 600.0, 1800.0, 3600.0];
/// Buckets for sub-second internal latencies (dispatch, reconcile).
const LATENCY_BUCKETS: &[f64] = &[
    0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

#[derive(Debug, thiserror::Error)]
#[error("cannot install the prometheus recorder: {0}")]
pub struct PrometheusError(String);

/// Installs the global recorder once; later calls return the same handle, so
/// tests and the `dev` command (both planes in one process) can call it freely.
pub fn install_recorder() -> Result<PrometheusHandle, PrometheusError> {
    if let Some(handle) = HANDLE.get() {
        return Ok(handle.clone());
    }
    let recorder = PrometheusBuilder::new()
        .set_buckets_for_metric(
            Matcher::Full("cronjob_guardian_duration_seconds".to_owned()),
            JOB_DURATION_BUCKETS,
        )
        .and_then(|builder| builder.set_buckets(LATENCY_BUCKETS))
        .map_err(|error| PrometheusError(error.to_string()))?
        .build_recorder();
    let handle = recorder.handle();
    // A lost race means another thread installed first: use its handle.
    if metrics::set_global_recorder(recorder).is_err() {
        return HANDLE.get().cloned().ok_or_else(|| {
            PrometheusError("another metrics recorder is already installed".to_owned())
        });
    }
    Ok(HANDLE.get_or_init(|| handle).clone())
}

/// Renders the text exposition format for `/metrics`.
pub fn render() -> String {
    HANDLE
        .get()
        .map(PrometheusHandle::render)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recorded_metrics_appear_with_help_text_and_job_duration_buckets() {
        let handle = install_recorder().expect("recorder installs");
        let again = install_recorder().expect("second install returns the same recorder");
        metrics::describe_histogram!("cronjob_guardian_duration_seconds", "job duration");
        metrics::histogram!("cronjob_guardian_duration_seconds", "namespace" => "a", "cronjob" => "b")
            .record(42.0);
        let text = handle.render();
        assert!(text.contains("# HELP cronjob_guardian_duration_seconds job duration"));
        assert!(text.contains("le=\"1800\""), "job buckets applied: {text}");
        assert_eq!(text, again.render());
        assert_eq!(text, render());
    }
}
