//! The leader's pruner: history, logs and resolved alerts older than their retention are
//! deleted on an interval, in bounded batches (see `sweep`).
//!
//! ```text
//!  every refresh (≤ 1 min): monitors table → spec.dataRetention × status.cronJobs
//!        → CronJobRetention per CronJob (policy.rs), remembered for deleted CronJobs
//!  every prune-interval: per stored CronJob → Plan (history cutoff, purge on deletion,
//!        reset on recreation, log cutoff) → Sweeper batches → commit, announce
//!        + a global sweep at history-retention.max-days + resolved alerts at default-days
//!        + outbox events older than max-days (followers reload across the gap)
//! ```
//!
//! Which monitors watch a CronJob is read from the monitors' stored status (the leader's
//! own matching), so the pruner needs no selector or namespace labels. The same
//! policies tell the writer what to store of new runs (`storage.rs`). A deleted CronJob
//! is no longer listed there: the policy it had when last seen applies. A new leader
//! that never saw it uses the global default (retain, then age out).

mod policy;
mod request;
mod storage;
mod sweep;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use guardian_core::{Clock, CronJobRecord, CronJobRef, Epoch};
use guardian_kube::crd::DataRetentionConfig;
use guardian_store::{CronJobFilter, Store, StoreError};
use tokio_util::sync::CancellationToken;

pub use policy::{CronJobRetention, OnDeletion, Plan, cutoff};
pub use request::{REQUEST_BATCH, prune_now};
pub use storage::StoragePolicies;
use sweep::Sweeper;
pub use sweep::{PRUNED, PruneCounts};

use crate::leadership::Leadership;

/// Global retention (`history-retention.*`, `storage.*`, `scheduler.prune-interval`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetentionSettings {
    /// `history-retention.default-days`: history kept when no monitor says otherwise.
    pub default_days: u32,
    /// `history-retention.max-days`: no history is kept longer, whatever a monitor says.
    pub max_days: u32,
    /// `storage.log-retention-days`; unset: as long as the history.
    pub log_retention_days: Option<u32>,
    /// `storage.log-storage-enabled`.
    pub log_storage_enabled: bool,
    /// `storage.event-storage-enabled`.
    pub event_storage_enabled: bool,
    /// `storage.max-log-size-kb`; unset: the store's own cap only.
    pub max_log_size_kb: Option<u32>,
    /// `scheduler.prune-interval`.
    pub interval: Duration,
    /// Rows per fenced transaction.
    pub batch: u32,
}

impl Default for RetentionSettings {
    fn default() -> Self {
        Self {
            default_days: 30,
            max_days: 90,
            log_retention_days: None,
            log_storage_enabled: true,
            event_storage_enabled: true,
            max_log_size_kb: None,
            interval: Duration::from_secs(3600),
            batch: 1000,
        }
    }
}

/// Everything the pruner needs.
#[derive(Clone)]
pub struct RetentionContext {
    pub store: Store,
    pub leadership: Leadership,
    pub clock: Arc<dyn Clock>,
    pub settings: RetentionSettings,
    /// Where the per-CronJob policies go for the writer.
    pub storage: StoragePolicies,
}

/// How often monitor policies are re-read between prunes.
const REFRESH: Duration = Duration::from_secs(60);

/// The pruner of one leadership term.
pub struct Pruner {
    context: RetentionContext,
    epoch: Epoch,
    /// The last policy seen per CronJob, for CronJobs deleted since.
    remembered: HashMap<CronJobRef, CronJobRetention>,
}

impl Pruner {
    pub fn new(context: RetentionContext, epoch: Epoch) -> Self {
        Self {
            context,
            epoch,
            remembered: HashMap::new(),
        }
    }

    /// Re-reads the monitors' retention blocks and the CronJobs each one watches.
    pub async fn refresh(&mut self) -> Result<HashMap<CronJobRef, CronJobRetention>, StoreError> {
        let mut configs: HashMap<CronJobRef, Vec<DataRetentionConfig>> = HashMap::new();
        for record in self.context.store.list_monitors(None).await? {
            let config = record
                .spec
                .get("dataRetention")
                .cloned()
                .and_then(|value| serde_json::from_value::<DataRetentionConfig>(value).ok())
                .unwrap_or_default();
            let watched = record.status.as_ref().map(policy::status_refs);
            for cronjob in watched.unwrap_or_default() {
                configs.entry(cronjob).or_default().push(config.clone());
            }
        }
        let settings = &self.context.settings;
        let current: HashMap<CronJobRef, CronJobRetention> = configs
            .into_iter()
            .map(|(cronjob, list)| (cronjob, CronJobRetention::merged(&list, settings)))
            .collect();
        for (cronjob, retention) in &current {
            self.remembered.insert(cronjob.clone(), *retention);
        }
        self.context.storage.publish(&current);
        Ok(current)
    }

    /// One full prune at the clock's now.
    pub async fn cycle(&mut self, stop: &CancellationToken) -> Result<PruneCounts, StoreError> {
        let now = self.context.clock.now();
        let current = self.refresh().await?;
        let records = self.records().await?;
        let settings = self.context.settings.clone();
        let sweeper = Sweeper {
            store: &self.context.store,
            leadership: &self.context.leadership,
            epoch: self.epoch,
            batch: settings.batch,
            stop,
        };
        let mut counts = PruneCounts::default();
        for record in &records {
            let retention = match (current.get(&record.cronjob), record.deleted_at) {
                (Some(retention), _) => Some(*retention),
                (None, Some(_)) => self.remembered.get(&record.cronjob).copied(),
                (None, None) => None,
            }
            .unwrap_or_else(|| CronJobRetention::global(&settings));
            let plan = retention.plan(record, now);
            for scope in &plan.executions {
                counts.executions += sweeper.executions(scope).await?;
            }
            if let Some(scope) = &plan.logs {
                counts.logs += sweeper.logs(scope).await?;
            }
        }
        // Runs of CronJobs the store never recorded, and the hard cap for all.
        counts.add(sweeper.older_than(cutoff(now, settings.max_days)).await?);
        counts.alerts += sweeper.alerts(cutoff(now, settings.default_days)).await?;
        // The outbox is for streaming, the tables are the record: no event outlives them.
        counts.events += sweeper.events(cutoff(now, settings.max_days)).await?;
        let known: std::collections::HashSet<&CronJobRef> =
            records.iter().map(|record| &record.cronjob).collect();
        self.remembered.retain(|cronjob, _| known.contains(cronjob));
        Ok(counts)
    }

    /// Every CronJob the store knows, deleted ones included.
    async fn records(&self) -> Result<Vec<CronJobRecord>, StoreError> {
        let mut filter = CronJobFilter {
            include_deleted: true,
            ..CronJobFilter::default()
        };
        let mut records = Vec::new();
        loop {
            let page = self.context.store.list_cronjobs(&filter).await?;
            let count = page.items.len();
            records.extend(page.items);
            if count < filter.limit as usize || count == 0 {
                return Ok(records);
            }
            filter.offset += count as u64;
        }
    }
}

/// Runs the pruner for one leadership term: a prune soon after taking over, then every
/// `interval`, policies refreshed in between. Ends on `stop` or when fenced off.
pub async fn lead(context: RetentionContext, epoch: Epoch, stop: CancellationToken) {
    metrics::describe_counter!(PRUNED, "Records removed by retention, by kind");
    let interval = context.settings.interval.max(Duration::from_secs(1));
    let mut pruner = Pruner::new(context, epoch);
    let mut next_prune = tokio::time::Instant::now() + interval.min(REFRESH);
    loop {
        let wake = next_prune.min(tokio::time::Instant::now() + REFRESH);
        tokio::select! {
            () = stop.cancelled() => return,
            () = tokio::time::sleep_until(wake) => {}
        }
        let result = if tokio::time::Instant::now() >= next_prune {
            next_prune = tokio::time::Instant::now() + interval;
            pruner.cycle(&stop).await.map(|counts| {
                tracing::info!(
                    executions = counts.executions,
                    logs = counts.logs,
                    alerts = counts.alerts,
                    events = counts.events,
                    "retention prune done"
                );
            })
        } else {
            pruner.refresh().await.map(|_| ())
        };
        match result {
            Ok(()) => {}
            Err(error) if error.ends_leadership() => {
                tracing::warn!(%error, "pruning fenced off");
                return;
            }
            Err(error) => tracing::warn!(%error, "retention prune failed; retrying later"),
        }
    }
}
