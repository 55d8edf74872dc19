//! Following the leader's event stream into this replica's [`EventHub`].
//!
//! ```text
//!   loop: database catch-up (events after the hub's head)
//!         ─► resolve leader (store.leader_endpoint) ─► EventService/Subscribe(after = head)
//!         ─► publish each event (duplicates ignored, gaps filled from the database)
//!         ─► stream ends / fails / leader changes ─► jittered backoff ─► loop
//! ```
//!
//! The hub's head is the cursor, so a reconnect resumes exactly where the last
//! stream stopped. Without a leader the replica keeps serving: reads come from
//! the database, and the catch-up step keeps the hub current from it too.

mod backoff;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::time::Duration;

use guardian_api::v1::event_service_client::EventServiceClient;
use guardian_api::v1::{self, SubscribeRequest};
use guardian_core::Sequence;
use guardian_store::{LeaderEndpoint, Store, StoreError};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;
use tracing::Instrument;

use crate::fanout::EventHub;
use crate::leader::{LeaderDirectory, LeaderError};
use crate::metrics;
use crate::reads::ReadModel;
use backoff::Backoff;

/// Events read from the database per round trip while catching up.
const CATCH_UP_BATCH: u32 = 512;

/// Timings of the follower.
#[derive(Debug, Clone, Copy)]
pub struct UpstreamTiming {
    pub backoff_min: Duration,
    pub backoff_max: Duration,
    pub leader_check: Duration,
    pub database_poll: Duration,
}

/// What the follower reports about itself; cheap to clone.
#[derive(Clone)]
pub struct StreamStatus {
    inner: Arc<StatusInner>,
}

struct StatusInner {
    connected: AtomicBool,
    /// Streams opened so far.
    connections: AtomicU64,
    /// -1 until the first measurement.
    lag: AtomicI64,
}

impl Default for StreamStatus {
    fn default() -> Self {
        StreamStatus {
            inner: Arc::new(StatusInner {
                connected: AtomicBool::new(false),
                connections: AtomicU64::new(0),
                lag: AtomicI64::new(-1),
            }),
        }
    }
}

impl StreamStatus {
    /// True while a leader's stream is open.
    pub fn connected(&self) -> bool {
        self.inner.connected.load(Ordering::Acquire)
    }

    /// Committed events not yet received, as last measured; -1 before the first measurement.
    pub fn lag(&self) -> i64 {
        self.inner.lag.load(Ordering::Acquire)
    }

    /// Leader streams opened so far (each one after the first is a reconnect).
    pub fn connections(&self) -> u64 {
        self.inner.connections.load(Ordering::Acquire)
    }

    /// True when the last measurement found nothing missing.
    pub fn caught_up(&self) -> bool {
        self.lag() == 0
    }

    fn set_connected(&self, connected: bool) {
        self.inner.connected.store(connected, Ordering::Release);
        metrics::stream_connected(connected);
    }
}

/// The follower task's state.
pub struct Upstream {
    pub hub: EventHub,
    /// Told of every event before the hub fans it out.
    pub model: ReadModel,
    pub directory: LeaderDirectory,
    pub store: Store,
    pub timing: UpstreamTiming,
    pub status: StreamStatus,
}

/// How one attempt at following ended without an error.
enum Ended {
    /// The leader closed the stream (it drains for shutdown or lost the lease).
    ByLeader,
    /// The database names another leader now.
    LeaderChanged,
}

impl Upstream {
    /// Runs the follower and the lag gauge until `shutdown`.
    pub fn spawn(self, shutdown: CancellationToken) -> JoinHandle<()> {
        self.model.attach();
        let lag = track_lag(
            self.hub.clone(),
            self.store.clone(),
            self.status.clone(),
            self.timing.database_poll,
            shutdown.clone(),
        );
        let lag = tokio::spawn(lag.instrument(tracing::info_span!("upstream.lag")));
        tokio::spawn(
            async move {
                self.run(shutdown).await;
                lag.abort();
            }
            .instrument(tracing::info_span!("upstream.follow")),
        )
    }

    async fn run(self, shutdown: CancellationToken) {
        let mut backoff = Backoff::new(self.timing.backoff_min, self.timing.backoff_max);
        while !shutdown.is_cancelled() {
            if let Err(error) = self.catch_up_from_database().await {
                tracing::warn!(%error, "event catch-up from the database failed");
            }
            let outcome = tokio::select! {
                () = shutdown.cancelled() => break,
                outcome = self.follow_leader(&mut backoff) => outcome,
            };
            self.status.set_connected(false);
            match outcome {
                Ok(Ended::ByLeader) => tracing::info!("leader ended the event stream"),
                Ok(Ended::LeaderChanged) => tracing::info!("leader changed; resubscribing"),
                Err(FollowError::Leader(LeaderError::NoLeader)) => {
                    tracing::debug!("no leader known; serving from the database")
                }
                Err(error) => tracing::warn!(%error, "event stream from the leader failed"),
            }
            tokio::select! {
                () = shutdown.cancelled() => break,
                () = tokio::time::sleep(backoff.next_delay()) => {}
            }
        }
        self.status.set_connected(false);
    }

    /// Publishes every committed event newer than the hub's head.
    async fn catch_up_from_database(&self) -> Result<(), StoreError> {
        loop {
            let batch = self
                .store
                .events_after(Sequence(self.hub.head()), CATCH_UP_BATCH)
                .await?;
            if batch.is_empty() {
                return Ok(());
            }
            for event in &batch {
                self.deliver(v1::Event::from(event));
            }
        }
    }

    /// Subscribes at the leader after the hub's head and publishes what arrives.
    async fn follow_leader(&self, backoff: &mut Backoff) -> Result<Ended, FollowError> {
        let leader = self.directory.connect().await?;
        let address = leader.endpoint.address.clone();
        let request = SubscribeRequest {
            after_sequence: self.hub.head(),
        };
        let mut client = EventServiceClient::new(leader.channel);
        let mut stream = match client.subscribe(request).await {
            Ok(response) => response.into_inner(),
            Err(status) => {
                self.directory.forget(&address);
                return Err(FollowError::Stream(status));
            }
        };
        tracing::info!(leader = %address, epoch = %leader.endpoint.epoch, after = self.hub.head(), "following the leader's event stream");
        self.status.set_connected(true);
        if self.status.inner.connections.fetch_add(1, Ordering::AcqRel) > 0 {
            metrics::stream_reconnected();
        }
        backoff.reset();
        let mut check = tokio::time::interval(self.timing.leader_check);
        check.tick().await;
        loop {
            tokio::select! {
                message = stream.message() => match message {
                    Ok(Some(reply)) => self.accept(reply.event).await?,
                    Ok(None) => return Ok(Ended::ByLeader),
                    Err(status) => {
                        self.directory.forget(&address);
                        return Err(FollowError::Stream(status));
                    }
                },
                _ = check.tick() => {
                    if self.leader_changed(&leader.endpoint).await {
                        return Ok(Ended::LeaderChanged);
                    }
                }
            }
        }
    }

    async fn leader_changed(&self, following: &LeaderEndpoint) -> bool {
        match self.directory.resolve().await {
            Ok(current) => current != *following,
            Err(LeaderError::NoLeader) => true,
            // A database hiccup is no reason to drop a working stream.
            Err(_) => false,
        }
    }

    /// Publishes one event from the leader: duplicates are ignored, and a gap
    /// before it is filled from the database first, so the hub stays contiguous.
    async fn accept(&self, event: Option<v1::Event>) -> Result<(), FollowError> {
        let Some(event) = event else {
            tracing::warn!("leader sent a reply without an event");
            return Ok(());
        };
        let head = self.hub.head();
        if event.sequence <= head {
            tracing::debug!(sequence = event.sequence, head, "duplicate event ignored");
            return Ok(());
        }
        if event.sequence > head + 1 {
            tracing::warn!(
                sequence = event.sequence,
                head,
                "gap in the leader's stream; filling it from the database"
            );
            self.fill_gap_before(event.sequence).await?;
        }
        self.deliver(event);
        Ok(())
    }

    /// Hands one event to the read model, then to the hub's subscribers.
    fn deliver(&self, event: v1::Event) {
        self.model.apply(&event);
        self.hub.publish(event);
    }

    async fn fill_gap_before(&self, sequence: i64) -> Result<(), StoreError> {
        while self.hub.head() + 1 < sequence {
            let batch = self
                .store
                .events_after(Sequence(self.hub.head()), CATCH_UP_BATCH)
                .await?;
            let missing: Vec<_> = batch
                .iter()
                .filter(|event| event.sequence.0 < sequence)
                .collect();
            if missing.is_empty() {
                // Not in the database (pruned): the hub restarts its ring at `sequence`.
                return Ok(());
            }
            for event in missing {
                self.deliver(v1::Event::from(event));
            }
        }
        Ok(())
    }
}

/// Why following stopped.
#[derive(Debug, thiserror::Error)]
enum FollowError {
    #[error(transparent)]
    Leader(#[from] LeaderError),
    #[error("stream failed: {0}")]
    Stream(tonic::Status),
    #[error("database read failed: {0}")]
    Store(#[from] StoreError),
}

/// Measures lag (database head minus hub head) every `period` until `stop`,
/// for the gauge and [`StreamStatus::caught_up`].
async fn track_lag(
    hub: EventHub,
    store: Store,
    status: StreamStatus,
    period: Duration,
    stop: CancellationToken,
) {
    let mut interval = tokio::time::interval(period);
    loop {
        tokio::select! {
            () = stop.cancelled() => return,
            _ = interval.tick() => {}
        }
        let Ok(last) = store.last_sequence().await else {
            continue;
        };
        let head = hub.head();
        let lag = (last.0 - head).max(0);
        status.inner.lag.store(lag, Ordering::Release);
        metrics::stream_position(head, lag);
    }
}
