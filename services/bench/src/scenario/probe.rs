//! What a running process says about itself: `/metrics` gauges (on the HTTP
//! listener) and `/readyz` (on the probe listener), read the way Prometheus
//! and the kubelet would.

use guardian_integration::{Process, http};

/// The value of the sample whose name and labels are exactly `series`
/// (e.g. `cronjob_guardian_watch_indexed_objects{resource="jobs"}`).
fn sample(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .filter_map(|line| line.strip_prefix(series))
        .find_map(|rest| rest.strip_prefix(' '))
        .and_then(|value| value.trim().parse().ok())
}

/// Whether `/readyz` answers 200.
pub async fn ready(process: &Process) -> bool {
    http::get(process.addresses.probes, "/readyz")
        .await
        .is_ok_and(|response| response.status == 200)
}

/// Objects in the controller's watch indexes: (cronjobs, jobs, pods).
pub async fn indexed(process: &Process) -> Option<(u64, u64, u64)> {
    let response = http::get(process.addresses.http, "/metrics").await.ok()?;
    let count = |resource: &str| {
        let series = format!("cronjob_guardian_watch_indexed_objects{{resource=\"{resource}\"}}");
        sample(&response.body, &series).map(|value| value as u64)
    };
    Some((count("cronjobs")?, count("jobs")?, count("pods")?))
}

/// The leader's writer, from its own metrics: batches committed, their
/// summed duration, and the executions and CronJobs they wrote.
#[derive(Debug, Clone, Copy, Default)]
pub struct WriterStats {
    batches: f64,
    seconds: f64,
    executions: f64,
    cronjobs: f64,
}

impl WriterStats {
    pub async fn read(process: &Process) -> Option<WriterStats> {
        let response = http::get(process.addresses.http, "/metrics").await.ok()?;
        let value = |series: &str| sample(&response.body, series).unwrap_or(0.0);
        Some(WriterStats {
            batches: value("cronjob_guardian_write_batch_duration_seconds_count"),
            seconds: value("cronjob_guardian_write_batch_duration_seconds_sum"),
            executions: value("cronjob_guardian_writes_total{kind=\"execution\"}"),
            cronjobs: value("cronjob_guardian_writes_total{kind=\"cronjob\"}"),
        })
    }

    /// What happened between `before` and `self`, over `window`.
    pub fn describe_since(&self, before: &WriterStats, window: std::time::Duration) -> String {
        let batches = (self.batches - before.batches).max(1.0);
        let seconds = self.seconds - before.seconds;
        format!(
            "{:.0} write batches, on average {:.0} executions + {:.0} CronJob records each, \
             {:.1} ms each; the writer was busy {:.0} % of the window",
            batches,
            (self.executions - before.executions) / batches,
            (self.cronjobs - before.cronjobs) / batches,
            1000.0 * seconds / batches,
            100.0 * seconds / window.as_secs_f64().max(1e-9),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sample_is_found_by_its_exact_series() {
        let text = "# HELP x\ncronjob_guardian_watch_indexed_objects{resource=\"jobs\"} 100000\n\
                    cronjob_guardian_watch_indexed_objects{resource=\"jobs_old\"} 3\ncronjob_guardian_leader_status 1\n";
        assert_eq!(
            sample(
                text,
                "cronjob_guardian_watch_indexed_objects{resource=\"jobs\"}"
            ),
            Some(100_000.0)
        );
        assert_eq!(sample(text, "cronjob_guardian_leader_status"), Some(1.0));
        assert_eq!(sample(text, "cronjob_guardian_leader"), None);
    }
}
