//! The role loop: standby until the elector says we lead, then lead until the
//! term ends, the database fences us off, or shutdown.
//!
//! ```text
//!  Standby ── became_leader(term) ──► acquire epoch ──► resync from warm caches
//!     ▲                                                     │
//!     └── lost_leadership(term) / Fenced / shutdown ◄── Writer::run
//! ```
//!
//! Standbys consume (and drop) watch updates so the watchers never stall: their
//! caches stay warm, and a new leader re-sends the cached state, which the
//! idempotent store absorbs.

use std::sync::Arc;
use std::time::Duration;

use guardian_core::{Clock, Epoch};
use guardian_election::{Claim, became_leader, lost_leadership};
use guardian_kube::update::Update;
use guardian_store::Store;
use tokio::sync::{mpsc, watch};
use tokio_util::sync::CancellationToken;

use crate::leadership::{Leadership, LeadershipTx};
use crate::watch::ResyncHandle;
use crate::writer::{Writer, WriterStopped};

/// Everything the leader's work needs.
pub struct RoleContext {
    pub store: Store,
    pub leadership_tx: LeadershipTx,
    pub leadership: Leadership,
    pub clock: Arc<dyn Clock>,
    /// The gRPC URL query replicas reach this leader at.
    pub advertise: String,
    pub client: kube::Client,
    /// The watch's warm caches, for the monitoring the leader runs.
    pub index: guardian_kube::cluster_index::ClusterIndex,
    /// Asks the watch to re-send every cached CronJob and Job to a new leader.
    pub resync: ResyncHandle,
    /// How the leader sends alerts.
    pub dispatch: crate::dispatch::DispatchSettings,
    /// Where AlertChannels named without a namespace are looked for second.
    pub release_namespace: String,
    /// How often and how cautiously the leader analyses (`scheduler.*`).
    pub monitoring: crate::monitoring::MonitoringSettings,
    /// What the leader's pruner keeps.
    pub retention: crate::retention::RetentionSettings,
}

/// Runs until `shutdown`; returns after in-flight writes are finished.
pub async fn run(
    context: RoleContext,
    mut claims: watch::Receiver<Claim>,
    mut updates: mpsc::Receiver<Update>,
    shutdown: CancellationToken,
) {
    loop {
        let term = tokio::select! {
            biased;
            () = shutdown.cancelled() => return,
            term = standby(&mut claims, &mut updates) => match term {
                Some(term) => term,
                None => return,
            },
        };
        let term_over = CancellationToken::new();
        let watcher = {
            let mut claims = claims.clone();
            let term_over = term_over.clone();
            let shutdown = shutdown.clone();
            tokio::spawn(async move {
                tokio::select! {
                    () = lost_leadership(&mut claims, term) => {}
                    () = shutdown.cancelled() => {}
                }
                term_over.cancel();
            })
        };
        let stopped = lead(&context, &mut updates, &term_over).await;
        context.leadership_tx.stand_by();
        watcher.abort();
        tracing::info!(term, reason = %stopped, "leadership ended");
        if matches!(stopped, WriterStopped::Fenced) {
            // Do not take another epoch in the same term: that would fence the
            // newer leader in turn. Wait for the elector to see the term end.
            lost_leadership(&mut claims, term).await;
        }
        if shutdown.is_cancelled() {
            return;
        }
    }
}

/// Drops updates until this replica leads; `None` when the elector stopped.
async fn standby(
    claims: &mut watch::Receiver<Claim>,
    updates: &mut mpsc::Receiver<Update>,
) -> Option<u64> {
    let mut leader = std::pin::pin!(became_leader(claims));
    loop {
        tokio::select! {
            term = &mut leader => return term.ok(),
            update = updates.recv() => {
                // A standby drops updates; a closed channel means the watch is gone.
                update?;
            }
        }
    }
}

async fn lead(
    context: &RoleContext,
    updates: &mut mpsc::Receiver<Update>,
    term_over: &CancellationToken,
) -> WriterStopped {
    let Some(epoch) = acquire_epoch(&context.store, &context.advertise, term_over).await else {
        return WriterStopped::Stopped;
    };
    tracing::info!(%epoch, "leading with a new epoch");
    context.leadership_tx.lead(epoch);
    // What runs keep (storeLogs, storeEvents, maxLogSizeKB), published by the pruner.
    let storage = crate::retention::StoragePolicies::new(&context.retention);
    let writer = Writer::new(
        context.store.clone(),
        context.leadership.clone(),
        epoch,
        context.clock.clone(),
    )
    .with_storage(storage.clone());
    // What happened while nobody (or another replica) was writing is in the warm
    // caches: have the watch send all of it again; the store absorbs repeats.
    context.resync.request();
    let leader_work = term_over.child_token();
    let dispatch = crate::dispatch::DispatchContext {
        client: context.client.clone(),
        store: context.store.clone(),
        leadership: context.leadership.clone(),
        clock: context.clock.clone(),
        settings: context.dispatch.clone(),
        directory: crate::dispatch::ChannelDirectory::new(&context.release_namespace),
    };
    let monitoring = tokio::spawn(crate::monitoring::lead(
        crate::monitoring::MonitoringContext {
            channels: dispatch.directory.clone(),
            settings: context.monitoring.clone(),
            ..crate::monitoring::MonitoringContext::new(
                context.client.clone(),
                context.store.clone(),
                context.leadership.clone(),
                context.index.clone(),
                context.clock.clone(),
            )
        },
        epoch,
        leader_work.clone(),
    ));
    // Beside the monitoring: sends the deliveries its passes commit.
    let dispatcher = tokio::spawn(crate::dispatch::lead(dispatch, epoch, leader_work.clone()));
    let pruner = tokio::spawn(crate::retention::lead(
        crate::retention::RetentionContext {
            store: context.store.clone(),
            leadership: context.leadership.clone(),
            clock: context.clock.clone(),
            settings: context.retention.clone(),
            storage: storage.clone(),
        },
        epoch,
        leader_work.clone(),
    ));
    let stopped = writer.run(updates, term_over).await;
    // Fenced or stopped: monitoring ends with the writer, in the same term.
    leader_work.cancel();
    if let Err(error) = monitoring.await {
        tracing::error!(%error, "monitoring task failed");
    }
    if let Err(error) = pruner.await {
        tracing::error!(%error, "retention task failed");
    }
    if let Err(error) = dispatcher.await {
        tracing::error!(%error, "alert dispatch task failed");
    }
    stopped
}

/// Takes a new epoch, retrying while the database is away and we still lead. The
/// store bounds each attempt's lock wait and ends an older leader's open transactions,
/// so a frozen or cut-off predecessor delays this by about one attempt.
async fn acquire_epoch(
    store: &Store,
    advertise: &str,
    term_over: &CancellationToken,
) -> Option<Epoch> {
    let started = std::time::Instant::now();
    let waiting = ::metrics::gauge!(crate::metrics::WAITING_FOR_EPOCH);
    waiting.set(1.0);
    let mut delay = Duration::from_millis(100);
    let epoch = loop {
        match store.acquire_epoch_for(advertise).await {
            Ok(epoch) => break Some(epoch),
            Err(error) => tracing::warn!(%error, "cannot take a new epoch; retrying"),
        }
        tokio::select! {
            () = term_over.cancelled() => break None,
            () = tokio::time::sleep(delay) => {}
        }
        delay = (delay * 2).min(Duration::from_secs(2));
    };
    waiting.set(0.0);
    let waited = started.elapsed();
    if epoch.is_some() {
        ::metrics::histogram!(crate::metrics::EPOCH_WAIT_SECONDS).record(waited.as_secs_f64());
        tracing::info!(
            waited_ms = waited.as_millis() as u64,
            "database epoch taken"
        );
    }
    epoch
}
