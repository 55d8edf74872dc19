//! The leader's alert dispatcher: sends the delivery rows the monitoring commits, exactly
//! once as far as the receivers can tell, across failovers.
//!
//! ```text
//!  monitoring pass ── one FencedTx: alert transition + delivery rows (outbox::plan) ── commit
//!                                                         │ commits wake the dispatcher
//!  watch AlertChannels ── Registry (sender, rate limiter, status) ─┐
//!  store.due_deliveries(epoch) ── by channel ──► one worker per channel (worker.rs):
//!        rate limit → begin_attempt (fenced) → send → finish_attempt (fenced)
//!  worker reports ── AlertChannel status (Ready, Delivering, counters) · testOnSave
//! ```
//!
//! Exactly once: a row is `sent` or `failed` only after the receiver answered, and is then
//! never sent again; an attempt is marked `sending` with the epoch before it goes out, so a
//! new leader re-sends what an old one may have sent with the same delivery id (webhook
//! `Idempotency-Key`, PagerDuty `dedup_key`) and the receiver folds the duplicate. A
//! `Fenced` refusal stops the dispatcher: a newer leader owns the rows.

mod channels;
pub mod metrics;
pub mod outbox;
pub mod published;
mod registry;
pub mod status;
pub mod test_channel;
mod test_on_save;
mod worker;

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use guardian_core::{Clock, CronJobRef, Epoch};
use guardian_notify::RetryPolicy;
use guardian_store::{DeliveryRecord, Store, StoreError};
use kube::api::{Api, DynamicObject};
use kube::runtime::{WatchStreamExt, watcher};
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

pub use channels::ChannelError;
pub use outbox::ChannelDirectory;

use crate::leadership::Leadership;
use registry::{Registry, channel_resource};
use test_on_save::TestDone;
use worker::{WorkerContext, WorkerReport};

/// How the dispatcher sends.
#[derive(Debug, Clone, PartialEq)]
pub struct DispatchSettings {
    /// Bound on one delivery attempt, connection and answer included.
    pub attempt_timeout: Duration,
    /// Retries with backoff between attempts, persisted per delivery.
    pub retry: RetryPolicy,
    /// Longest wait between two scans for due deliveries (commits wake it sooner).
    pub poll: Duration,
    /// Most deliveries read per scan.
    pub batch: u32,
    /// How often channels that cannot send are rebuilt (their Secret may have appeared).
    pub refresh: Duration,
    /// PagerDuty Events API URL (the public one when unset; a proxy or a test receiver).
    pub pagerduty_url: Option<String>,
    /// The process's running configuration, secrets redacted: the leader publishes it
    /// for `GET /api/v1/config` on the query replicas (`Null`: nothing to publish).
    pub running_config: serde_json::Value,
}

impl Default for DispatchSettings {
    fn default() -> Self {
        Self {
            attempt_timeout: Duration::from_secs(10),
            retry: RetryPolicy::default(),
            poll: Duration::from_secs(1),
            batch: 500,
            refresh: Duration::from_secs(30),
            pagerduty_url: None,
            running_config: serde_json::Value::Null,
        }
    }
}

/// Everything the dispatcher needs.
#[derive(Clone)]
pub struct DispatchContext {
    pub client: kube::Client,
    pub store: Store,
    pub leadership: Leadership,
    pub clock: Arc<dyn Clock>,
    pub settings: DispatchSettings,
    /// Shared with the monitoring, which resolves `channelRefs` with it.
    pub directory: ChannelDirectory,
}

struct Dispatcher {
    context: DispatchContext,
    workers: WorkerContext,
    registry: Registry,
    busy: HashSet<CronJobRef>,
    running: JoinSet<WorkerReport>,
    tests: JoinSet<TestDone>,
    testing: HashSet<(CronJobRef, i64)>,
    /// When channels that cannot send were last rebuilt.
    refreshed: tokio::time::Instant,
}

/// Dispatches for one leadership term, until `stop` or until the store fences `epoch`.
pub async fn lead(context: DispatchContext, epoch: Epoch, stop: CancellationToken) {
    metrics::describe();
    let api: Api<DynamicObject> = Api::all_with(context.client.clone(), &channel_resource());
    let mut channels = watcher(api, watcher::Config::default())
        .default_backoff()
        .boxed();
    let mut commits = context.leadership.commits();
    let workers = WorkerContext {
        store: context.store.clone(),
        epoch,
        clock: context.clock.clone(),
        retry: context.settings.retry,
    };
    let poll = context.settings.poll;
    let mut dispatcher = Dispatcher {
        context,
        workers,
        registry: Registry::default(),
        busy: HashSet::new(),
        running: JoinSet::new(),
        tests: JoinSet::new(),
        testing: HashSet::new(),
        refreshed: tokio::time::Instant::now(),
    };
    tracing::info!(%epoch, "alert dispatch started");
    dispatcher.publish_config().await;
    let mut scan = tokio::time::interval(poll);
    loop {
        tokio::select! {
            biased;
            () = stop.cancelled() => break,
            Some(event) = channels.next() => match event {
                Ok(event) => dispatcher.channel_event(event).await,
                Err(error) => tracing::warn!(%error, "alert channel watch failed; retrying"),
            },
            Some(done) = dispatcher.running.join_next() => {
                if dispatcher.worker_done(done).await {
                    break;
                }
                scan.reset_immediately();
            }
            Some(done) = dispatcher.tests.join_next() => dispatcher.test_done(done).await,
            Ok(()) = commits.changed() => scan.reset_immediately(),
            _ = scan.tick() => match dispatcher.scan().await {
                Ok(()) => {}
                Err(error) if error.ends_leadership() => break,
                Err(error) => tracing::warn!(%error, "delivery scan failed; retrying"),
            },
        }
    }
    // In-flight sends finish or are abandoned: their rows stay `sending` for the next leader.
    dispatcher.running.abort_all();
    dispatcher.tests.abort_all();
    tracing::info!(%epoch, "alert dispatch stopped");
}

impl Dispatcher {
    async fn channel_event(&mut self, event: watcher::Event<DynamicObject>) {
        let now = self.context.clock.now();
        let changed = self
            .registry
            .apply(event, &self.context.client, &self.context.settings, now)
            .await;
        self.context
            .directory
            .replace(self.registry.entries.keys().cloned());
        for key in changed {
            self.maybe_test(&key);
            self.write_status(&key).await;
        }
        if self.registry.synced
            && let Err(error) = published::withdraw_missing(
                &self.context.store,
                self.workers.epoch,
                self.registry.entries.keys(),
            )
            .await
        {
            tracing::warn!(%error, "deleted alert channels not withdrawn from the store");
        }
    }

    /// Publishes the running configuration for the query replicas.
    async fn publish_config(&self) {
        let config = &self.context.settings.running_config;
        if config.is_null() {
            return;
        }
        let now = self.context.clock.now();
        let published = async {
            let mut tx = self.context.store.begin_fenced(self.workers.epoch).await?;
            tx.put_document(
                guardian_store::documents::CONFIG_SCOPE,
                guardian_store::documents::RUNNING_CONFIG_KEY,
                &config.to_string(),
                now,
            )
            .await?;
            tx.commit().await.map(drop)
        };
        if let Err(error) = published.await {
            tracing::warn!(%error, "running configuration not published");
        }
    }

    /// Sends what is due: one worker per channel, never two for the same channel.
    async fn scan(&mut self) -> Result<(), StoreError> {
        if !self.registry.synced {
            return Ok(());
        }
        let now = self.context.clock.now();
        self.refresh_channels().await;
        // Attempts of this epoch count too: one worker per channel holds all of its
        // channel's rows, so a `sending` row of an idle channel is an attempt whose worker
        // ended before recording the outcome (it is resent, with the same id).
        let after_own = Epoch(self.workers.epoch.0.saturating_add(1));
        let due = self
            .context
            .store
            .due_deliveries(after_own, now, self.context.settings.batch)
            .await?;
        let mut by_channel: BTreeMap<CronJobRef, Vec<DeliveryRecord>> = BTreeMap::new();
        for row in due {
            by_channel.entry(row.channel.clone()).or_default().push(row);
        }
        for (key, rows) in by_channel {
            if self.busy.contains(&key) {
                continue;
            }
            let sender = self
                .registry
                .entries
                .get(&key)
                .map(|entry| (entry.sender.clone(), entry.limiter.clone()));
            match sender {
                Some((Ok(channel), limiter)) => {
                    self.busy.insert(key.clone());
                    let context = self.workers.clone();
                    self.running
                        .spawn(worker::run(context, channel, key, limiter, rows));
                }
                Some((Err(error), _)) => {
                    self.unavailable(&rows, &format!("channel {key} is not ready: {error}"))
                        .await?;
                }
                None => {
                    self.unavailable(&rows, &format!("AlertChannel {key} not found"))
                        .await?;
                }
            }
        }
        Ok(())
    }

    /// Rebuilds the channels that cannot send, at most every `settings.refresh`.
    async fn refresh_channels(&mut self) {
        if self.refreshed.elapsed() < self.context.settings.refresh {
            return;
        }
        self.refreshed = tokio::time::Instant::now();
        let now = self.context.clock.now();
        for key in self
            .registry
            .refresh(&self.context.client, &self.context.settings, now)
            .await
        {
            self.maybe_test(&key);
            self.write_status(&key).await;
        }
    }

    async fn unavailable(&self, rows: &[DeliveryRecord], reason: &str) -> Result<(), StoreError> {
        for row in rows {
            tracing::warn!(delivery = %row.id, reason, "delivery cannot be attempted");
            worker::unavailable(&self.workers, row, reason).await?;
        }
        Ok(())
    }

    /// Folds a finished worker into its channel's status; true when fenced.
    async fn worker_done(&mut self, done: Result<WorkerReport, tokio::task::JoinError>) -> bool {
        let report = match done {
            Ok(report) => report,
            Err(error) => {
                // The channel stays busy-free only if we know which; rescan frees the rest.
                tracing::error!(%error, "delivery worker failed");
                self.busy.clear();
                return false;
            }
        };
        self.busy.remove(&report.channel);
        if report.fenced {
            tracing::warn!("alert dispatch fenced off: a newer leader exists");
            return true;
        }
        let now = self.context.clock.now();
        if let Some(entry) = self.registry.entries.get_mut(&report.channel)
            && status::apply_report(&mut entry.status, &report, entry.generation, now)
        {
            let failing = entry.status.consecutive_failures >= status::FAILING_AFTER;
            metrics::channel_failing(&report.channel, failing);
            self.write_status(&report.channel).await;
        }
        false
    }

    async fn write_status(&self, key: &CronJobRef) {
        let Some(entry) = self.registry.entries.get(key) else {
            return;
        };
        if let Err(error) = status::patch(&self.context.client, key, &entry.status).await {
            tracing::warn!(channel = %key, %error, "alert channel status not written");
        }
        let now = self.context.clock.now();
        if let Err(error) =
            published::publish(&self.context.store, self.workers.epoch, key, entry, now).await
        {
            tracing::warn!(channel = %key, %error, "alert channel not published to the store");
        }
    }
}
