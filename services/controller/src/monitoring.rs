//! The leader's monitoring: CronJobMonitors turned into decisions, alert records and status.
//!
//! ```text
//!  watch CronJobMonitors (decoded per object) ─┐
//!  watch Namespaces (labels only) ─────────────┤   every tick, after watch events and
//!  warm ClusterIndex (CronJobs, running Jobs) ─┼─► new executions (outbox): one pass
//!  executions cache (store, then outbox) ──────┘        │
//!    per monitor: monitor_policy → selector → per matched CronJob: dead-man, SLA,
//!    regression, stuck, suspended, failed run → alerting::step (maintenance = quiet)
//!        ▼
//!  ONE FencedTx per pass: alerts, suspension timers, monitor rows ── commit ──► announce
//!        ▼
//!  (the same FencedTx also queues each Notify/Resolve's delivery rows: dispatch::outbox)
//!  patch_status (only when changed) · gauges · Effects → EffectSink
//! ```
//!
//! All state that must survive a failover is in the database: alert records (pending,
//! firing, resolved, last notified) and suspension timers. The next leader loads them and
//! carries on. Decisions are the core's; this module only gathers inputs and writes outputs.

mod alerts;
mod analysis;
mod deliveries;
mod engine;
mod evaluate;
mod history;
pub mod metrics;
mod mirror;
mod monitors;
mod pass;
mod patch;
mod problems;
mod status;

use std::sync::Arc;
use std::time::Duration;

use guardian_core::alerting::Effect;
use guardian_core::{Clock, Epoch};
use guardian_kube::cluster_index::ClusterIndex;
use guardian_store::Store;
use tokio_util::sync::CancellationToken;

use crate::leadership::Leadership;

/// How often and how cautiously the leader analyses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonitoringSettings {
    /// Period of a full pass (dead-man's switch, missed schedules, status).
    pub dead_man_interval: Duration,
    /// Longest time SLA and regression figures are reused for a CronJob without new runs.
    pub sla_interval: Duration,
    /// After taking leadership, the dead-man's switch stays quiet this long, so a restart
    /// or failover does not flood alerts.
    pub startup_grace: Duration,
    /// Delay between a change (watch event, new execution) and the pass it triggers, so a
    /// burst of changes costs one pass.
    pub debounce: Duration,
    /// Delay before retrying a pass that failed (database away, API error).
    pub retry: Duration,
    /// Most executions kept in memory per CronJob (newest first); bounds memory and the
    /// first load of a busy CronJob.
    pub max_runs_per_cronjob: usize,
}

impl Default for MonitoringSettings {
    fn default() -> Self {
        Self {
            dead_man_interval: Duration::from_secs(60),
            sla_interval: Duration::from_secs(300),
            startup_grace: Duration::from_secs(30),
            debounce: Duration::from_secs(1),
            retry: Duration::from_secs(5),
            max_runs_per_cronjob: 20_000,
        }
    }
}

/// Where alert effects go once their records are committed. Sending does not depend on
/// it: the pass commits each effect's delivery rows, which `crate::dispatch` sends; this
/// is an observer (logs by default, a recorder in tests).
pub trait EffectSink: Send + Sync {
    /// `effects` are `Notify` and `Resolve` only, for monitors with alerting enabled,
    /// in commit order. Called after the records they describe are committed.
    fn deliver(&self, effects: Vec<Effect>);
}

/// Logs each effect; the default sink.
#[derive(Debug, Clone, Copy, Default)]
pub struct LogEffects;

impl EffectSink for LogEffects {
    fn deliver(&self, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::Notify { alert, reason } => tracing::info!(
                    key = %alert.key, kind = %alert.kind, severity = alert.severity.as_str(),
                    ?reason, message = %alert.message, "alert to notify"
                ),
                Effect::Resolve { alert } => {
                    tracing::info!(key = %alert.key, kind = %alert.kind, "alert resolved")
                }
                Effect::ScheduleCheck { .. } => {}
            }
        }
    }
}

/// Everything the leader's monitoring needs.
#[derive(Clone)]
pub struct MonitoringContext {
    pub client: kube::Client,
    pub store: Store,
    pub leadership: Leadership,
    /// The warm index of the cluster watch (CronJobs, Jobs, Pods).
    pub index: ClusterIndex,
    pub clock: Arc<dyn Clock>,
    pub settings: MonitoringSettings,
    pub effects: Arc<dyn EffectSink>,
    /// The dispatcher's AlertChannels, to resolve `channelRefs` into delivery rows.
    pub channels: crate::dispatch::ChannelDirectory,
}

impl MonitoringContext {
    /// A context with default settings that logs effects.
    pub fn new(
        client: kube::Client,
        store: Store,
        leadership: Leadership,
        index: ClusterIndex,
        clock: Arc<dyn Clock>,
    ) -> Self {
        Self {
            client,
            store,
            leadership,
            index,
            clock,
            settings: MonitoringSettings::default(),
            effects: Arc::new(LogEffects),
            channels: crate::dispatch::ChannelDirectory::default(),
        }
    }
}

/// Runs the monitoring for one leadership term, until `stop` or until the database
/// fences `epoch` off. Never returns early on a bad monitor or a failed pass.
pub async fn lead(context: MonitoringContext, epoch: Epoch, stop: CancellationToken) {
    metrics::describe();
    engine::run(context, epoch, stop).await;
}
