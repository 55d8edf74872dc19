//! The leader's monitoring loop: watch events and new commits schedule a pass soon, a
//! timer schedules one every `dead_man_interval` (sooner when a decision can change
//! earlier), failures retry, and a fenced write ends the term's monitoring.

use std::collections::HashMap;
use std::time::Duration;

use futures::StreamExt;
use guardian_core::deadman::Suspension;
use guardian_core::selector::Labels;
use guardian_core::{CronJobRef, Epoch};
use guardian_kube::crd::CronJobMonitorStatus;
use guardian_store::{MonitorRecord, StoreError};
use jiff::Timestamp;
use kube::runtime::watcher;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use super::MonitoringContext;
use super::evaluate::FigureCache;
use super::history::HistoryCache;
use super::metrics::ActiveAlerts;
use super::mirror::Mirror;
use super::monitors::{
    MonitorEntry, decode_channel, decode_monitor, decode_namespace, monitor_key, namespace_key,
    watch_channels, watch_monitors, watch_namespaces,
};
use super::pass::durable_state;

/// The shortest gap between two passes, whatever asks for one.
const MIN_GAP: Duration = Duration::from_millis(20);

/// What the leader keeps between passes.
pub(super) struct Engine {
    pub(super) context: MonitoringContext,
    pub(super) epoch: Epoch,
    pub(super) monitors: Mirror<CronJobRef, MonitorEntry>,
    pub(super) namespaces: Mirror<String, Labels>,
    /// AlertChannels by namespace and name, for `channelRefs` that name none.
    pub(super) channels: Mirror<CronJobRef, ()>,
    pub(super) history: HistoryCache,
    pub(super) suspensions: HashMap<CronJobRef, Suspension>,
    /// Monitor rows as last written (or found) in the store.
    pub(super) stored: HashMap<CronJobRef, MonitorRecord>,
    /// Statuses as last patched by this leader.
    pub(super) written: HashMap<CronJobRef, CronJobMonitorStatus>,
    pub(super) figures: FigureCache,
    pub(super) active_alerts: ActiveAlerts,
    /// Until then the dead-man's switch is quiet and nothing is sent.
    pub(super) grace_until: Timestamp,
}

pub(super) async fn run(context: MonitoringContext, epoch: Epoch, stop: CancellationToken) {
    let Some(mut engine) = start(context, epoch, &stop).await else {
        return;
    };
    let mut monitors = watch_monitors(engine.context.client.clone());
    let mut namespaces = watch_namespaces(engine.context.client.clone());
    let mut channels = watch_channels(engine.context.client.clone());
    let mut commits = engine.context.leadership.commits();
    let settings = engine.context.settings.clone();
    let mut due = Instant::now() + settings.debounce;
    loop {
        let soon = Instant::now() + settings.debounce.max(MIN_GAP);
        tokio::select! {
            biased;
            () = stop.cancelled() => return,
            Some(event) = monitors.next() => {
                let changed = watched(event, "cronjobmonitors")
                    .is_some_and(|event| engine.monitors.apply(event, decode_monitor, monitor_key));
                if changed { due = due.min(soon) }
            }
            Some(event) = namespaces.next() => {
                let changed = watched(event, "namespaces")
                    .is_some_and(|event| engine.namespaces.apply(event, decode_namespace, namespace_key));
                if changed { due = due.min(soon) }
            }
            Some(event) = channels.next() => {
                let changed = watched(event, "alertchannels")
                    .is_some_and(|event| engine.channels.apply(event, decode_channel, monitor_key));
                if changed { due = due.min(soon) }
            }
            Ok(()) = commits.changed() => due = due.min(soon),
            () = tokio::time::sleep_until(due) => {
                due = match engine.tick().await {
                    Ok(next) => next,
                    Err(error) if error.ends_leadership() => {
                        tracing::warn!(%error, "monitoring writes fenced off");
                        return;
                    }
                    Err(error) => {
                        tracing::warn!(%error, "monitoring pass failed; retrying");
                        Instant::now() + settings.retry
                    }
                };
            }
        }
    }
}

/// The event, or `None` for a watch error, which is logged (the watcher backs off and
/// relists by itself).
fn watched<T>(
    event: Result<watcher::Event<T>, watcher::Error>,
    resource: &str,
) -> Option<watcher::Event<T>> {
    event
        .inspect_err(
            |error| tracing::warn!(%error, resource, "watch failed; retrying with backoff"),
        )
        .ok()
}

/// Loads what the last leader left, retrying while the database is away.
async fn start(
    context: MonitoringContext,
    epoch: Epoch,
    stop: &CancellationToken,
) -> Option<Engine> {
    loop {
        let loaded = async {
            let history =
                HistoryCache::start(context.store.clone(), context.settings.max_runs_per_cronjob)
                    .await?;
            let (suspensions, stored) = durable_state(&context.store).await?;
            Ok::<_, StoreError>((history, suspensions, stored))
        };
        match loaded.await {
            Ok((history, suspensions, stored)) => {
                let grace = jiff::SignedDuration::try_from(context.settings.startup_grace)
                    .unwrap_or_default();
                let grace_until = context
                    .clock
                    .now()
                    .checked_add(grace)
                    .unwrap_or(Timestamp::MAX);
                tracing::info!(%epoch, "monitoring started");
                return Some(Engine {
                    context,
                    epoch,
                    monitors: Mirror::default(),
                    namespaces: Mirror::default(),
                    channels: Mirror::default(),
                    history,
                    suspensions,
                    stored,
                    written: HashMap::new(),
                    figures: HashMap::new(),
                    active_alerts: ActiveAlerts::default(),
                    grace_until,
                });
            }
            Err(error) => tracing::warn!(%error, "cannot load monitoring state; retrying"),
        }
        tokio::select! {
            () = stop.cancelled() => return None,
            () = tokio::time::sleep(context.settings.retry) => {}
        }
    }
}

impl Engine {
    /// Every watched input has completed its first list: only then can a monitor or a
    /// CronJob that is missing be told apart from one not seen yet.
    fn ready(&self) -> bool {
        self.monitors.is_synced()
            && self.namespaces.is_synced()
            && self.channels.is_synced()
            && self.context.index.is_synced()
    }

    /// Runs a pass when ready; returns when the next one is due.
    async fn tick(&mut self) -> Result<Instant, StoreError> {
        let settings = &self.context.settings;
        if !self.ready() {
            return Ok(Instant::now() + settings.debounce.max(MIN_GAP));
        }
        let interval = settings.dead_man_interval;
        let wake = self.pass().await?;
        let until_wake = wake
            .map(|at| at.duration_since(self.context.clock.now()))
            .and_then(|gap| Duration::try_from(gap).ok())
            .unwrap_or(interval);
        Ok(Instant::now() + until_wake.clamp(MIN_GAP, interval))
    }
}
