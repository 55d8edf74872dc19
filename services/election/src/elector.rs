//! The elector: a loop that acquires and renews the lease and publishes [`Claim`]s.
//!
//! ```text
//!   every retry_period (standby: or at a release hint) ─► acquire_or_renew
//!                                           ├► Holding ─► Claim::Leader { term }
//!                                           └► HeldBy / Lost ─► Claim::Standby
//!   leader: no successful renewal for renew_deadline ─► Claim::Standby (step down)
//!   shutdown / all receivers dropped ─► Claim::Standby, then release the lease
//! ```
//!
//! Every attempt is bounded: a leader's by its renew deadline (a hung backend cannot keep
//! it leading), a standby's by one renew deadline. A leader steps down at the deadline
//! even while a request is in flight. Releasing on shutdown writes a record with no
//! holder, so a standby takes over at its next attempt instead of after a whole lease;
//! a back-end's release notification makes that attempt immediate.

mod attempt;
mod publisher;

use std::sync::Arc;

use guardian_core::{Clock, SystemClock};
use jiff::Timestamp;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tokio::time::{Instant, sleep_until, timeout};
use tokio_util::sync::CancellationToken;
use tracing::{debug, info, warn};

use self::attempt::{LeaseIo, Outcome};
use self::publisher::Publisher;
use crate::rules::{self, Observation};
use crate::{
    Claim, LeaseBackend, LeaseError, LeaseTimings, LeaseValidity, ReleaseNotifications,
    TimingsError, metrics,
};

/// Competes for one lease on behalf of one replica identity.
pub struct Elector {
    io: LeaseIo,
    publisher: Publisher,
}

/// A spawned elector: stop it with [`ElectorHandle::release`].
pub struct ElectorHandle {
    shutdown: CancellationToken,
    task: JoinHandle<Result<(), LeaseError>>,
}

/// Why the elector could not release its lease cleanly.
#[derive(Debug, thiserror::Error)]
pub enum ReleaseError {
    #[error("lease release failed: {0}")]
    Lease(#[from] LeaseError),
    #[error("elector task ended abnormally: {0}")]
    Task(#[from] tokio::task::JoinError),
}

/// This replica's current leadership, as the loop sees it.
struct Leadership {
    term: u64,
    since: Timestamp,
    /// Start of the last successful renewal (or the acquisition).
    renewal_started: Instant,
}

#[derive(Default)]
struct LoopState {
    observation: Option<Observation>,
    leadership: Option<Leadership>,
    terms: u64,
}

enum Step {
    Attempted(Result<Outcome, LeaseError>),
    TimedOut,
}

impl Elector {
    /// Creates an elector for `identity` (unique per replica, e.g. the pod name).
    /// Refuses invalid timings.
    pub fn new(
        backend: Arc<dyn LeaseBackend>,
        identity: impl Into<String>,
        timings: LeaseTimings,
    ) -> Result<Self, TimingsError> {
        let (sender, _unused) = watch::channel(Claim::Standby { holder: None });
        Ok(Self {
            io: LeaseIo {
                backend,
                identity: identity.into(),
                timings: timings.validate()?,
                clock: Arc::new(SystemClock),
            },
            publisher: Publisher {
                sender,
                validity: LeaseValidity::default(),
            },
        })
    }

    /// Uses `clock` for the wall-clock timestamps written into the lease record.
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.io.clock = clock;
        self
    }

    /// A receiver of this replica's claims. The elector stops and releases the lease
    /// once every receiver is dropped.
    pub fn claims(&self) -> watch::Receiver<Claim> {
        self.publisher.sender.subscribe()
    }

    /// Until when this replica may still write as leader (see [`LeaseValidity`]).
    pub fn validity(&self) -> LeaseValidity {
        self.publisher.validity.clone()
    }

    /// This replica's identity in the lease.
    pub fn identity(&self) -> &str {
        &self.io.identity
    }

    /// Spawns [`Elector::run`] and returns a handle plus a claims receiver.
    pub fn spawn(self) -> (ElectorHandle, watch::Receiver<Claim>) {
        let claims = self.claims();
        let shutdown = CancellationToken::new();
        let task = tokio::spawn(self.run(shutdown.clone()));
        (ElectorHandle { shutdown, task }, claims)
    }

    /// Runs until `shutdown` fires or every claims receiver is dropped, then steps down
    /// and releases the lease if it names us. Fails only when that release fails.
    /// Take a receiver with [`Elector::claims`] first: with none, it stops at once.
    pub async fn run(self, shutdown: CancellationToken) -> Result<(), LeaseError> {
        let timings = self.io.timings;
        info!(
            identity = %self.io.identity,
            backend = self.io.backend.kind(),
            lease_duration = ?timings.lease_duration,
            renew_deadline = ?timings.renew_deadline,
            retry_period = ?timings.retry_period,
            "leader election starting"
        );
        metrics::set_leader_status(false);
        let mut state = LoopState::default();
        let mut releases = self.io.backend.release_notifications();
        loop {
            self.step_down_if_overdue(&mut state);
            let started = Instant::now();
            let bound = deadline(&state, &timings).unwrap_or(started + timings.renew_deadline);
            let leading = state.leadership.is_some();
            if let Some(releases) = releases.as_mut() {
                releases.mark_seen();
            }
            let step = tokio::select! {
                biased;
                () = shutdown.cancelled() => break,
                () = self.publisher.sender.closed() => break,
                () = sleep_until(bound) => Step::TimedOut,
                result = self.io.acquire_or_renew(&mut state.observation, leading) => {
                    Step::Attempted(result)
                }
            };
            self.settle(&mut state, step, started);
            let next = Instant::now() + timings.retry_period;
            let wake = deadline(&state, &timings).map_or(next, |due| due.min(next));
            let standby = state.leadership.is_none();
            tokio::select! {
                biased;
                () = shutdown.cancelled() => break,
                () = self.publisher.sender.closed() => break,
                () = sleep_until(wake) => {}
                // Only a standby wakes early: a leader's renewals keep their own pace.
                () = next_release(&mut releases), if standby => {
                    debug!("lease release notified, attempting now");
                }
            }
        }
        self.finish(&mut state).await
    }

    /// Applies an attempt's result to the state, the claim and the metrics.
    fn settle(&self, state: &mut LoopState, step: Step, started: Instant) {
        let leading = state.leadership.is_some();
        match step {
            Step::Attempted(Ok(Outcome::Holding)) => match state.leadership.as_mut() {
                Some(leadership) => {
                    leadership.renewal_started = started;
                    let until = started + self.io.timings.renew_deadline;
                    self.publisher.validity.extend_to(until);
                    debug!(term = leadership.term, "lease renewed");
                }
                None => self.become_leader(state, started),
            },
            Step::Attempted(Ok(Outcome::HeldBy { holder })) => {
                self.publisher.standby(Some(holder));
            }
            Step::Attempted(Ok(Outcome::Lost { holder })) => {
                warn!(holder = holder.as_deref(), "lease taken by another holder");
                self.step_down(state, holder);
            }
            Step::Attempted(Err(error)) if leading => {
                metrics::record_renew_failure();
                warn!(%error, "lease renewal failed");
            }
            Step::Attempted(Err(error)) => warn!(%error, "lease acquisition attempt failed"),
            Step::TimedOut if leading => {
                metrics::record_renew_failure();
                warn!("lease renewal did not finish before the renew deadline");
                self.step_down_if_overdue(state);
            }
            Step::TimedOut => warn!("lease acquisition attempt timed out"),
        }
    }

    fn become_leader(&self, state: &mut LoopState, started: Instant) {
        state.terms += 1;
        let leadership = Leadership {
            term: state.terms,
            since: self.io.clock.now(),
            renewal_started: started,
        };
        info!(identity = %self.io.identity, term = leadership.term, "became leader");
        let until = started + self.io.timings.renew_deadline;
        self.publisher.validity.extend_to(until);
        self.publisher.publish(Claim::Leader {
            since: leadership.since,
            term: leadership.term,
        });
        // `leader_status` goes to 1 when the controller holds its database epoch too:
        // a lease holder still waiting for its epoch is not a working leader.
        metrics::record_transition();
        state.leadership = Some(leadership);
    }

    fn step_down_if_overdue(&self, state: &mut LoopState) {
        let overdue = deadline(state, &self.io.timings).is_some_and(|due| Instant::now() >= due);
        if overdue {
            warn!(
                renew_deadline = ?self.io.timings.renew_deadline,
                "lease not renewed within the renew deadline, stepping down"
            );
            let holder = state.observation.as_ref().and_then(|seen| seen.holder());
            let holder = holder.map(str::to_owned);
            self.step_down(state, holder);
        }
    }

    fn step_down(&self, state: &mut LoopState, holder: Option<String>) {
        self.publisher.validity.revoke();
        if let Some(leadership) = state.leadership.take() {
            info!(term = leadership.term, since = %leadership.since, "stepped down");
            metrics::set_leader_status(false);
            metrics::record_transition();
        }
        self.publisher.standby(holder);
    }

    /// Steps down, then releases the lease, bounded by one renew deadline so a hung
    /// backend cannot hold up shutdown.
    async fn finish(&self, state: &mut LoopState) -> Result<(), LeaseError> {
        self.step_down(state, None);
        let bound = self.io.timings.renew_deadline;
        match timeout(bound, self.io.release(&mut state.observation)).await {
            Ok(Ok(true)) => info!(identity = %self.io.identity, "lease released"),
            Ok(Ok(false)) => debug!("lease not held, nothing to release"),
            Ok(Err(error)) => {
                warn!(%error, "lease release failed");
                return Err(error);
            }
            Err(_elapsed) => {
                warn!("lease release timed out");
                return Err(LeaseError::Unavailable(
                    "lease release timed out".to_owned(),
                ));
            }
        }
        Ok(())
    }
}

/// Resolves at the next release hint; never for a back-end without them.
async fn next_release(releases: &mut Option<ReleaseNotifications>) {
    match releases {
        Some(releases) => releases.released().await,
        None => std::future::pending().await,
    }
}

/// The local time by which the current leadership must be renewed, if leading.
fn deadline(state: &LoopState, timings: &LeaseTimings) -> Option<Instant> {
    let leadership = state.leadership.as_ref()?;
    Some(rules::renew_deadline(leadership.renewal_started, timings))
}

impl ElectorHandle {
    /// Stops the elector and releases the lease if held (graceful shutdown). Call it
    /// after leader work has stopped: a standby may lead as soon as this returns.
    pub async fn release(self) -> Result<(), ReleaseError> {
        self.shutdown.cancel();
        Ok(self.task.await??)
    }

    /// Stops the elector without releasing, as a crash would: the lease then runs out
    /// on its own after a lease duration.
    pub fn abort(&self) {
        self.task.abort();
    }
}
