//! Per-run metrics, counted once per run: `cronjob_guardian_executions_total` and the
//! `cronjob_guardian_duration_seconds` histogram.
//!
//! A finished run can be written more than once: the tracker re-emits it when a Pod fills
//! in details (exit code, logs), and the store reports that as an update. Counting every
//! update would count such a run twice, so the writer remembers the Job UIDs it counted
//! (as 64-bit digests, bounded, oldest forgotten first). A new leader starts with an empty memory; a run it
//! re-records unchanged is not counted, as the store reports nothing written.

use std::collections::{HashSet, VecDeque};
use std::sync::Mutex;

use guardian_core::model::uid_digest;
use guardian_core::{Execution, Outcome};

use crate::metrics;

/// Job UIDs remembered; far more than finish between two writes of the same run.
const REMEMBERED: usize = 50_000;

/// The finished runs already counted by this writer.
#[derive(Debug, Default)]
pub(crate) struct FinishedRuns {
    seen: Mutex<Seen>,
}

#[derive(Debug, Default)]
struct Seen {
    /// Digests of the UIDs: 50k `String`s held twice were ~8 MiB; a shared digest (odds
    /// ~1e-10 in the window) would leave one run uncounted in the metrics, nothing else.
    uids: HashSet<u64>,
    order: VecDeque<u64>,
}

impl FinishedRuns {
    /// True the first time `job_uid` is offered (within the remembered window).
    fn first_time(&self, job_uid: &str) -> bool {
        let mut seen = self
            .seen
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        let digest = uid_digest(job_uid);
        if seen.uids.contains(&digest) {
            return false;
        }
        if seen.order.len() >= REMEMBERED
            && let Some(oldest) = seen.order.pop_front()
        {
            seen.uids.remove(&oldest);
        }
        seen.uids.insert(digest);
        seen.order.push_back(digest);
        true
    }

    /// Counts a written execution if it is finished and was not counted before.
    pub(crate) fn observe(&self, execution: &Execution) {
        let status = match execution.outcome {
            Outcome::Running => return,
            Outcome::Succeeded => "success",
            Outcome::Failed => "failed",
        };
        if !self.first_time(&execution.job_uid) {
            return;
        }
        let (namespace, cronjob) = (&execution.cronjob.namespace, &execution.cronjob.name);
        ::metrics::counter!(metrics::EXECUTIONS, "namespace" => namespace.clone(),
            "cronjob" => cronjob.clone(), "status" => status)
        .increment(1);
        if let Some(took) = execution.duration() {
            ::metrics::histogram!(metrics::DURATION, "namespace" => namespace.clone(),
                "cronjob" => cronjob.clone())
            .record(took.as_secs_f64().max(0.0));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_is_counted_once_and_the_memory_stays_bounded() {
        let runs = FinishedRuns::default();
        assert!(runs.first_time("a"));
        assert!(!runs.first_time("a"), "a second write of the same run");
        for n in 0..REMEMBERED {
            runs.first_time(&format!("uid-{n}"));
        }
        let seen = runs.seen.lock().expect("not poisoned");
        assert_eq!(seen.uids.len(), REMEMBERED);
        assert!(
            !seen.uids.contains(&uid_digest("a")),
            "the oldest is forgotten first"
        );
    }
}
