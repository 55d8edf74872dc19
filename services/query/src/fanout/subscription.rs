//! One subscriber's stream: replay (ring or database) until it reaches what the
//! hub holds, then live from the broadcast, de-duplicated by sequence.
//!
//! The broadcast receiver is taken before any replay read, so every event
//! published after that moment reaches the subscriber live; everything older is
//! in the ring or the database. An event at or below the cursor is skipped; an
//! event past `cursor + 1` means the subscriber missed something, so it replays
//! again before going on.

use std::collections::VecDeque;

use futures::stream::BoxStream;
use guardian_api::{ErrorCode, v1};
use guardian_core::Sequence;
use tokio::sync::broadcast;
use tokio::sync::broadcast::error::RecvError;

use super::{EventHub, SharedEvent, SubscriberGuard};
use crate::metrics;

/// Events of a subscription, ending in an error status when it must resume elsewhere.
pub type EventStream = BoxStream<'static, Result<v1::Event, tonic::Status>>;

/// Events read from the database per round trip while replaying.
const REPLAY_BATCH: u32 = 256;

struct Subscriber {
    hub: EventHub,
    /// Sequence of the last event handed out.
    cursor: i64,
    /// Events read ahead (replayed or received), in order, not yet handed out.
    pending: VecDeque<SharedEvent>,
    /// Sequence of the last event put into `pending` by a replay.
    replayed_to: i64,
    /// True while the subscriber must read older events before listening live.
    replaying: bool,
    live: broadcast::Receiver<SharedEvent>,
    finished: bool,
    _guard: SubscriberGuard,
}

/// Builds the stream of `hub`'s events after `after`.
pub(super) fn stream(
    hub: EventHub,
    after: i64,
    live: broadcast::Receiver<SharedEvent>,
    snapshot: Option<Vec<SharedEvent>>,
) -> EventStream {
    let guard = hub.enter();
    let replaying = snapshot.is_none();
    let subscriber = Subscriber {
        hub,
        cursor: after,
        pending: snapshot.unwrap_or_default().into(),
        replayed_to: after,
        replaying,
        live,
        finished: false,
        _guard: guard,
    };
    Box::pin(futures::stream::unfold(subscriber, Subscriber::next))
}

impl Subscriber {
    async fn next(mut self) -> Option<(Result<v1::Event, tonic::Status>, Self)> {
        if self.finished {
            return None;
        }
        loop {
            if let Some(event) = self.pending.pop_front() {
                if event.sequence <= self.cursor {
                    continue;
                }
                self.cursor = event.sequence;
                return Some((Ok(v1::Event::clone(&event)), self));
            }
            let step = if self.replaying {
                self.replay().await
            } else {
                self.listen().await
            };
            if let Err(status) = step {
                self.finished = true;
                return Some((Err(status), self));
            }
            if self.finished {
                return None;
            }
        }
    }

    /// Reads the next older events: from the ring when it covers them (then the
    /// replay is over), else one batch from the database.
    async fn replay(&mut self) -> Result<(), tonic::Status> {
        let from = self.replayed_to.max(self.cursor);
        if let Some(events) = self.hub.ring_after(from) {
            self.pending.extend(events);
            self.replaying = false;
            return Ok(());
        }
        let batch = self
            .hub
            .store()
            .events_after(Sequence(from), REPLAY_BATCH)
            .await
            .map_err(|error| {
                tracing::warn!(%error, cursor = self.cursor, "event replay failed");
                ErrorCode::Unavailable.to_status(format!(
                    "event history is unavailable; resume with after_sequence {}",
                    self.cursor
                ))
            })?;
        match batch.last() {
            // The database has nothing newer: whatever comes next arrives live.
            None => self.replaying = false,
            Some(last) => self.replayed_to = last.sequence.0,
        }
        self.pending.extend(
            batch
                .iter()
                .map(|event| SharedEvent::new(v1::Event::from(event))),
        );
        Ok(())
    }

    /// Waits for the next live event.
    async fn listen(&mut self) -> Result<(), tonic::Status> {
        match self.live.recv().await {
            Ok(event) if event.sequence <= self.cursor + 1 => {
                self.pending.push_back(event);
                Ok(())
            }
            // Something between the cursor and this event was missed: replay first
            // (the ring holds this event, so the replay ends with it).
            Ok(_) => {
                self.replaying = true;
                Ok(())
            }
            Err(RecvError::Lagged(_)) => {
                metrics::subscriber_dropped();
                Err(ErrorCode::ResourceExhausted.to_status(format!(
                    "subscriber fell more than {} events behind; resume with after_sequence {}",
                    self.hub.lag_limit(),
                    self.cursor
                )))
            }
            Err(RecvError::Closed) => {
                self.finished = true;
                Ok(())
            }
        }
    }
}
