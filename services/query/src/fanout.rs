//! The replica's copy of the event stream, fanned out to any number of subscribers.
//!
//! ```text
//!  upstream (leader stream / database) ──publish──► EventHub ─┬─ ring: the newest N events (contiguous)
//!                                                             └─ broadcast ──► subscriber 1 … subscriber N
//!  subscriber(after): ring covers `after`? ── yes ─► ring tail, then live
//!                                          └─ no ──► database replay (batches), then ring, then live
//! ```
//!
//! One broadcast serves every subscriber, so a live subscriber costs no database
//! work. Each subscriber may trail the head by the broadcast capacity; one that
//! trails further is dropped with `RESOURCE_EXHAUSTED` naming the sequence to
//! resume from, and never slows the others. Subscribers de-duplicate by
//! sequence, so the switch from replay to live has neither gap nor duplicate.

mod subscription;

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use guardian_api::v1;
use guardian_store::Store;
use tokio::sync::broadcast;

use crate::metrics;
pub use subscription::EventStream;

/// A committed event as fanned out (shared, never copied per subscriber until sent).
pub type SharedEvent = Arc<v1::Event>;

/// Sizes of the hub.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HubLimits {
    /// Events kept in the ring.
    pub ring_capacity: usize,
    /// Events a subscriber may trail the head by.
    pub lag_limit: usize,
}

/// The fan-out point; cheap to clone.
#[derive(Clone)]
pub struct EventHub {
    inner: Arc<Inner>,
}

struct Inner {
    ring: Mutex<Ring>,
    live: broadcast::Sender<SharedEvent>,
    store: Store,
    lag_limit: usize,
    subscribers: AtomicUsize,
}

/// Every event with `covered_after < sequence <= head`, in order.
struct Ring {
    covered_after: i64,
    head: i64,
    events: VecDeque<SharedEvent>,
    capacity: usize,
}

impl EventHub {
    /// A hub whose stream starts after `head` (older events come from `store`).
    pub fn new(store: Store, head: i64, limits: HubLimits) -> EventHub {
        let (live, _) = broadcast::channel(limits.lag_limit.max(1));
        let ring = Ring {
            covered_after: head,
            head,
            events: VecDeque::new(),
            capacity: limits.ring_capacity.max(1),
        };
        EventHub {
            inner: Arc::new(Inner {
                ring: Mutex::new(ring),
                live,
                store,
                lag_limit: limits.lag_limit,
                subscribers: AtomicUsize::new(0),
            }),
        }
    }

    /// The newest sequence published.
    pub fn head(&self) -> i64 {
        self.ring().head
    }

    /// Subscribers currently streaming.
    pub fn subscriber_count(&self) -> usize {
        self.inner.subscribers.load(Ordering::Acquire)
    }

    /// Publishes `event` unless it is not newer than the head (a duplicate).
    /// Returns whether it was published.
    pub fn publish(&self, event: v1::Event) -> bool {
        let mut ring = self.ring();
        let Some(shared) = ring.push(event) else {
            return false;
        };
        // Sent under the lock, so a subscriber's ring snapshot and its receiver never overlap or miss.
        let _no_receivers_is_fine = self.inner.live.send(shared);
        true
    }

    /// Starts streaming every event after `after`.
    pub fn subscribe(&self, after: i64) -> EventStream {
        let (live, snapshot) = {
            let ring = self.ring();
            (self.inner.live.subscribe(), ring.after(after))
        };
        subscription::stream(self.clone(), after, live, snapshot)
    }

    /// Events after `after` if the ring still holds all of them.
    pub(crate) fn ring_after(&self, after: i64) -> Option<Vec<SharedEvent>> {
        self.ring().after(after)
    }

    pub(crate) fn store(&self) -> &Store {
        &self.inner.store
    }

    pub(crate) fn lag_limit(&self) -> usize {
        self.inner.lag_limit
    }

    /// Counts a subscriber in; the returned guard counts it out when dropped.
    pub(crate) fn enter(&self) -> SubscriberGuard {
        let count = self.inner.subscribers.fetch_add(1, Ordering::AcqRel) + 1;
        metrics::subscribers(count);
        SubscriberGuard { hub: self.clone() }
    }

    fn ring(&self) -> MutexGuard<'_, Ring> {
        // A panic while holding the lock cannot leave the ring half-updated in a way
        // that breaks ordering (every update is a push/pop), so keep using it.
        self.inner
            .ring
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Ring {
    /// Appends `event` if it is newer than the head; returns the shared copy.
    fn push(&mut self, event: v1::Event) -> Option<SharedEvent> {
        if event.sequence <= self.head {
            return None;
        }
        if event.sequence != self.head + 1 {
            // Not contiguous: the ring restarts here; older cursors replay from the database.
            self.events.clear();
            self.covered_after = event.sequence - 1;
        }
        let shared = Arc::new(event);
        self.head = shared.sequence;
        self.events.push_back(Arc::clone(&shared));
        if self.events.len() > self.capacity
            && let Some(oldest) = self.events.pop_front()
        {
            self.covered_after = oldest.sequence;
        }
        Some(shared)
    }

    fn after(&self, after: i64) -> Option<Vec<SharedEvent>> {
        if after < self.covered_after {
            return None;
        }
        let skip = usize::try_from(after - self.covered_after).unwrap_or(usize::MAX);
        Some(self.events.iter().skip(skip).cloned().collect())
    }
}

/// Keeps the subscriber count right however a stream ends.
pub(crate) struct SubscriberGuard {
    hub: EventHub,
}

impl Drop for SubscriberGuard {
    fn drop(&mut self) {
        let count = self.hub.inner.subscribers.fetch_sub(1, Ordering::AcqRel) - 1;
        metrics::subscribers(count);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new_ring(head: i64, capacity: usize) -> Ring {
        Ring {
            covered_after: head,
            head,
            events: VecDeque::new(),
            capacity,
        }
    }

    fn event(sequence: i64) -> v1::Event {
        v1::Event {
            sequence,
            ..Default::default()
        }
    }

    fn sequences(events: Option<Vec<SharedEvent>>) -> Option<Vec<i64>> {
        events.map(|events| events.iter().map(|event| event.sequence).collect())
    }

    #[test]
    fn ring_refuses_duplicates_and_answers_only_cursors_it_covers() {
        let mut ring = new_ring(10, 3);
        assert!(ring.push(event(10)).is_none(), "not newer than the head");
        for sequence in 11..=14 {
            assert!(ring.push(event(sequence)).is_some());
        }
        // Capacity 3: 11 fell out, so only cursors from 11 on are covered.
        assert_eq!(sequences(ring.after(10)), None);
        assert_eq!(sequences(ring.after(11)), Some(vec![12, 13, 14]));
        assert_eq!(sequences(ring.after(13)), Some(vec![14]));
        assert_eq!(sequences(ring.after(14)), Some(vec![]));
        assert_eq!(sequences(ring.after(99)), Some(vec![]));
    }

    #[test]
    fn a_jump_in_sequence_restarts_the_ring_so_older_cursors_go_to_the_database() {
        let mut ring = new_ring(0, 8);
        ring.push(event(1));
        ring.push(event(2));
        ring.push(event(7));
        assert_eq!(sequences(ring.after(2)), None, "3..=6 are not in the ring");
        assert_eq!(sequences(ring.after(6)), Some(vec![7]));
        assert_eq!(ring.head, 7);
    }
}
