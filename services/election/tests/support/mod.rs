//! Shared helpers for the elector tests: replicas on one in-memory lease, and a
//! timeline of who claimed leadership when (to check that leaderships never overlap).

#![allow(dead_code)] // each test file uses a different subset

use std::sync::{Arc, Mutex};
use std::time::Duration;

use guardian_election::testing::MemoryLease;
use guardian_election::{Claim, Elector, ElectorHandle, LeaseTimings};
use tokio::sync::watch;
use tokio::time::Instant;

/// Generous guard on waits; in paused time it costs nothing unless a test is broken.
pub const GUARD: Duration = Duration::from_secs(600);

/// One elector with its own connection to the shared lease.
pub struct Replica {
    pub identity: String,
    pub connection: MemoryLease,
    pub handle: ElectorHandle,
    pub claims: watch::Receiver<Claim>,
}

pub fn start(lease: &MemoryLease, identity: &str, timeline: &Timeline) -> Replica {
    let connection = lease.connect();
    let elector = Elector::new(
        Arc::new(connection.clone()),
        identity,
        LeaseTimings::default(),
    )
    .expect("default timings are valid");
    let (handle, claims) = elector.spawn();
    timeline.follow(identity, claims.clone());
    Replica {
        identity: identity.to_owned(),
        connection,
        handle,
        claims,
    }
}

pub fn is_leader(replica: &Replica) -> bool {
    replica.claims.borrow().is_leader()
}

/// Each replica's leader/standby edges, stamped with tokio's (paused) clock.
#[derive(Clone, Default)]
pub struct Timeline {
    edges: Arc<Mutex<Vec<(Instant, String, bool)>>>,
}

impl Timeline {
    pub fn follow(&self, identity: &str, mut claims: watch::Receiver<Claim>) {
        let edges = Arc::clone(&self.edges);
        let identity = identity.to_owned();
        tokio::spawn(async move {
            let mut leading = false;
            loop {
                let now_leading = claims.borrow_and_update().is_leader();
                if now_leading != leading {
                    leading = now_leading;
                    let edge = (Instant::now(), identity.clone(), leading);
                    edges.lock().expect("timeline lock").push(edge);
                }
                if claims.changed().await.is_err() {
                    break;
                }
            }
            if leading {
                // The elector is gone: its leadership ended now.
                let edge = (Instant::now(), identity, false);
                edges.lock().expect("timeline lock").push(edge);
            }
        });
    }

    /// Closed or open leadership intervals, in the order they began.
    pub fn leaderships(&self) -> Vec<(String, Instant, Option<Instant>)> {
        let edges = self.edges.lock().expect("timeline lock").clone();
        let mut intervals: Vec<(String, Instant, Option<Instant>)> = Vec::new();
        for (at, identity, leading) in edges {
            if leading {
                intervals.push((identity, at, None));
            } else if let Some(open) = intervals
                .iter_mut()
                .rev()
                .find(|(who, _, end)| *who == identity && end.is_none())
            {
                open.2 = Some(at);
            }
        }
        intervals
    }

    /// Panics if two replicas ever led at the same time.
    pub fn assert_no_overlap(&self) {
        let intervals = self.leaderships();
        for (index, (first, start, end)) in intervals.iter().enumerate() {
            for (second, other_start, other_end) in &intervals[index + 1..] {
                if first == second {
                    continue;
                }
                let first_ends_before = end.is_some_and(|end| end <= *other_start);
                let second_ends_before = other_end.is_some_and(|end| end <= *start);
                assert!(
                    first_ends_before || second_ends_before,
                    "{first} and {second} led at the same time: {intervals:?}"
                );
            }
        }
    }
}
