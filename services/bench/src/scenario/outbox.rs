//! The bench's view of commits: the outbox read back to back
//! (`events_after`, a 2 ms pause when empty); the poll that first returns a
//! Job's finished execution is taken as its commit time.

use std::time::{Duration, Instant};

use guardian_core::{Change, Outcome, Sequence};
use guardian_store::Store;
use tokio::task::JoinHandle;

use super::arrivals::Arrivals;

/// Reads the outbox back to back and records each finished execution's first sighting.
pub struct OutboxPoller(JoinHandle<()>);

impl OutboxPoller {
    pub fn start(store: Store, after: Sequence, commits: Arrivals) -> OutboxPoller {
        OutboxPoller(tokio::spawn(async move {
            let mut after = after;
            loop {
                let Ok(events) = store.events_after(after, 1000).await else {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                };
                let at = Instant::now();
                if events.is_empty() {
                    tokio::time::sleep(Duration::from_millis(2)).await;
                }
                for event in events {
                    after = event.sequence;
                    if let Change::Execution(execution) = &event.change
                        && execution.outcome != Outcome::Running
                    {
                        commits.record(&execution.job_uid, at);
                    }
                }
            }
        }))
    }
}

impl Drop for OutboxPoller {
    fn drop(&mut self) {
        self.0.abort();
    }
}
