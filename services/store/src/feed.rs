//! Following the outbox: replay every event after a cursor from the database,
//! then wait for the next commit and read again.
//!
//! The database is the only source: sequences are allocated in commit order, so
//! reading `sequence > cursor` in order can neither skip nor reorder an event,
//! whichever leader committed it. A commit notice from this process's writer
//! wakes followers at once; the poll interval covers commits made by another
//! process (a previous leader, or this replica while it was a standby).

use std::collections::VecDeque;
use std::time::Duration;

use crate::{Store, StoreError};
use futures::Stream;
use guardian_core::{Event, Sequence};
use tokio::sync::watch;

/// Events read per database round trip.
const BATCH: u32 = 512;

/// A handle that starts followers; cheap to clone.
#[derive(Clone)]
pub struct OutboxFeed {
    store: Store,
    committed: watch::Receiver<Sequence>,
    poll: Duration,
}

impl OutboxFeed {
    /// `committed` carries the last sequence this process committed.
    pub fn new(store: Store, committed: watch::Receiver<Sequence>, poll: Duration) -> Self {
        Self {
            store,
            committed,
            poll,
        }
    }

    /// Every event after `after`, in sequence order, without end. The stream
    /// yields an error (and should then be dropped) when the database fails.
    pub fn follow(
        &self,
        after: Sequence,
    ) -> impl Stream<Item = Result<Event, StoreError>> + Send + 'static {
        let state = Follower {
            store: self.store.clone(),
            committed: self.committed.clone(),
            poll: self.poll,
            cursor: after,
            buffered: VecDeque::new(),
        };
        futures::stream::unfold(state, Follower::next)
    }
}

struct Follower {
    store: Store,
    committed: watch::Receiver<Sequence>,
    poll: Duration,
    cursor: Sequence,
    buffered: VecDeque<Event>,
}

impl Follower {
    async fn next(mut self) -> Option<(Result<Event, StoreError>, Self)> {
        loop {
            if let Some(event) = self.buffered.pop_front() {
                self.cursor = event.sequence;
                return Some((Ok(event), self));
            }
            match self.store.events_after(self.cursor, BATCH).await {
                Ok(batch) if !batch.is_empty() => self.buffered.extend(batch),
                Ok(_) => self.wait_for_commit().await,
                Err(error) => return Some((Err(error), self)),
            }
        }
    }

    async fn wait_for_commit(&mut self) {
        let cursor = self.cursor;
        let committed = &mut self.committed;
        let notice = async move {
            loop {
                if *committed.borrow_and_update() > cursor {
                    return true;
                }
                if committed.changed().await.is_err() {
                    return false;
                }
            }
        };
        match tokio::time::timeout(self.poll, notice).await {
            Ok(true) | Err(_) => {}
            // No writer in this process any more: fall back to polling only.
            Ok(false) => tokio::time::sleep(self.poll).await,
        }
    }
}
