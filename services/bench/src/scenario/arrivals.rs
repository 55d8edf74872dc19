//! When each finished Job showed up somewhere (committed in the outbox, on a
//! gRPC stream, on an SSE stream): the first arrival per Job UID, and the
//! latencies from completion to arrival.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use guardian_api::v1::event::Change as WireChange;
use guardian_api::v1::{Event as WireEvent, ExecutionOutcome};

use super::jobs::Completed;
use crate::stats::Latencies;

/// First arrival instant per Job UID; cheap to clone, shared with the tasks that observe.
#[derive(Debug, Clone, Default)]
pub struct Arrivals(Arc<Mutex<HashMap<String, Instant>>>);

impl Arrivals {
    pub fn new() -> Arrivals {
        Arrivals::default()
    }

    /// Records `uid` at `at` unless it arrived before.
    pub fn record(&self, uid: &str, at: Instant) {
        let mut seen = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if !seen.contains_key(uid) {
            seen.insert(uid.to_owned(), at);
        }
    }

    /// Records the finished execution an API event carries, if any.
    pub fn record_wire(&self, event: &WireEvent, at: Instant) {
        if let Some(WireChange::Execution(execution)) = &event.change
            && execution.outcome != ExecutionOutcome::Running as i32
        {
            self.record(&execution.job_uid, at);
        }
    }

    /// Completion → arrival for each of `completed` that arrived, and how many did not.
    pub fn latencies(&self, completed: &[Completed]) -> (Latencies, usize) {
        let seen = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let mut latencies = Latencies::new();
        let mut missing = 0;
        for job in completed {
            match seen.get(&job.uid) {
                Some(at) => latencies.push(at.saturating_duration_since(job.at)),
                None => missing += 1,
            }
        }
        (latencies, missing)
    }

    /// The last arrival among `completed` (the end of a sustained run).
    pub fn last_of(&self, completed: &[Completed]) -> Option<Instant> {
        let seen = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        completed
            .iter()
            .filter_map(|job| seen.get(&job.uid).copied())
            .max()
    }

    /// Waits until every one of `completed` arrived, or fails after `deadline`.
    pub async fn wait_for(
        &self,
        completed: &[Completed],
        what: &str,
        deadline: Duration,
    ) -> anyhow::Result<()> {
        guardian_integration::wait_until(what, deadline, || async {
            let (_, missing) = self.latencies(completed);
            (missing == 0).then_some(())
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_arrival_wins_and_missing_jobs_are_counted() {
        let arrivals = Arrivals::new();
        let start = Instant::now();
        let later = start + Duration::from_millis(7);
        arrivals.record("a", later);
        arrivals.record("a", later + Duration::from_secs(1));
        let completed = [
            Completed {
                uid: "a".into(),
                at: start,
            },
            Completed {
                uid: "b".into(),
                at: start,
            },
        ];
        let (latencies, missing) = arrivals.latencies(&completed);
        assert_eq!(latencies.p50(), Duration::from_millis(7));
        assert_eq!(missing, 1);
        assert_eq!(arrivals.last_of(&completed), Some(later));
    }
}
