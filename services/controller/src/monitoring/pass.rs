//! One pass over every monitor: analyse, commit everything in one fenced transaction,
//! announce, hand effects to the dispatcher, then write the statuses that changed.

use std::collections::HashMap;
use std::time::Instant;

use guardian_core::deadman::Suspension;
use guardian_core::{CronJobRef, Event};
use guardian_kube::crd::CronJobMonitorStatus;
use guardian_kube::view::CronJobView;
use guardian_store::{MonitorRecord, StoreError};
use jiff::{SignedDuration, Timestamp};

use super::alerts::{AlertBook, AlertWrite};
use super::analysis::lookback;
use super::engine::Engine;
use super::evaluate::{PassInputs, PassState, evaluate};
use super::metrics;
use super::monitors::{MonitorEntry, set_channel_condition, unresolved_channels};
use super::patch::{patch_status, status_json};
use super::status::{monitor_status, same, time};

/// A status to write after the commit.
struct Pending {
    monitor: CronJobRef,
    status: CronJobMonitorStatus,
    json: serde_json::Value,
    started: Instant,
}

/// Everything one pass commits.
#[derive(Default)]
struct Writes {
    alerts: Vec<AlertWrite>,
    suspensions: Vec<(CronJobRef, Suspension)>,
    monitors: Vec<MonitorRecord>,
    deleted_monitors: Vec<CronJobRef>,
    deliveries: Vec<guardian_store::NewDelivery>,
}

impl Writes {
    fn is_empty(&self) -> bool {
        self.alerts.is_empty()
            && self.suspensions.is_empty()
            && self.monitors.is_empty()
            && self.deleted_monitors.is_empty()
            && self.deliveries.is_empty()
    }
}

impl Engine {
    /// Runs one pass; returns when the next one is due at the latest (in clock time).
    pub(super) async fn pass(&mut self) -> Result<Option<Timestamp>, StoreError> {
        let now = self.context.clock.now();
        let changed = self.history.follow().await?;
        if !changed.is_empty() {
            tracing::debug!(cronjobs = changed.len(), "new executions");
        }
        let mut book = AlertBook::load(&self.context.store).await?;
        let cronjobs = self.context.index.cronjobs();
        let mut writes = Writes::default();
        let suspensions = self.observe_suspensions(&cronjobs, now, &mut writes);
        let inputs = PassInputs {
            now,
            cronjobs: &cronjobs,
            namespaces: &self.namespaces,
            index: &self.context.index,
            suspensions: &suspensions,
            grace_until: self.grace_until,
            since: now
                .checked_sub(self.longest_lookback())
                .unwrap_or(Timestamp::MIN),
            sla_interval: SignedDuration::try_from(self.context.settings.sla_interval)
                .unwrap_or(SignedDuration::MAX),
        };
        let mut wake_at = None;
        let mut pending = Vec::new();
        let known_channels: Vec<&CronJobRef> =
            self.channels.iter().map(|(channel, ())| channel).collect();
        for (key, entry) in self.monitors.iter() {
            let started = Instant::now();
            let statuses = match entry.policy() {
                Some(policy) => {
                    let mut state = PassState {
                        history: &mut self.history,
                        figures: &mut self.figures,
                        book: &mut book,
                        wake_at: &mut wake_at,
                    };
                    evaluate(key, policy, &inputs, &mut state).await?
                }
                None => Vec::new(),
            };
            let mut status = monitor_status(entry, statuses, self.previous(key, entry), now);
            let missing = entry.policy().map(|policy| {
                unresolved_channels(
                    policy,
                    &known_channels,
                    &key.namespace,
                    self.context.channels.release_namespace(),
                )
            });
            set_channel_condition(
                &mut status.conditions,
                &missing.unwrap_or_default(),
                entry.generation,
                now,
            );
            pending.extend(self.settle(key, entry, status, now, started, &mut writes));
        }
        book.finish(now);
        writes.alerts = std::mem::take(&mut book.writes);
        self.apply(writes, suspensions, &mut book).await?;
        self.write_statuses(pending).await;
        Ok([wake_at, book.wake_at].into_iter().flatten().min())
    }

    /// Suspension timers after seeing each CronJob's `spec.suspend` now; changes are
    /// queued in `writes`.
    fn observe_suspensions(
        &self,
        cronjobs: &[CronJobView],
        now: Timestamp,
        writes: &mut Writes,
    ) -> HashMap<CronJobRef, Suspension> {
        let mut suspensions = self.suspensions.clone();
        for view in cronjobs {
            let cronjob = view.cronjob_ref();
            let current = suspensions.get(&cronjob).copied().unwrap_or_default();
            let next = current.observe(view.suspend, now);
            if next != current {
                suspensions.insert(cronjob.clone(), next);
                writes.suspensions.push((cronjob, next));
            }
        }
        suspensions
    }

    fn longest_lookback(&self) -> SignedDuration {
        self.monitors
            .iter()
            .filter_map(|(_, entry)| entry.policy().map(lookback))
            .max()
            .unwrap_or(SignedDuration::ZERO)
    }

    /// The status last written by this leader, else the one found on the object.
    fn previous<'a>(
        &'a self,
        key: &CronJobRef,
        entry: &'a MonitorEntry,
    ) -> Option<&'a CronJobMonitorStatus> {
        self.written.get(key).or(entry.seen_status.as_ref())
    }

    /// Queues the monitor's row when it changed; returns its status to patch when that
    /// changed (`lastReconcileTime` moves only then).
    fn settle(
        &self,
        key: &CronJobRef,
        entry: &MonitorEntry,
        mut status: CronJobMonitorStatus,
        now: Timestamp,
        started: Instant,
        writes: &mut Writes,
    ) -> Option<Pending> {
        let previous = self.previous(key, entry);
        let changed = previous.is_none_or(|previous| !same(previous, &status));
        status.last_reconcile_time = match previous {
            Some(previous) if !changed => previous.last_reconcile_time.clone(),
            _ => Some(time(now)),
        };
        let json = status_json(key, &status)
            .inspect_err(|error| tracing::error!(%error, "monitor status skipped"))
            .ok()?;
        let record = MonitorRecord {
            monitor: key.clone(),
            generation: entry.generation,
            spec: entry.spec.clone(),
            status: Some(json.clone()),
        };
        if self.stored.get(key) != Some(&record) {
            writes.monitors.push(record);
        }
        if !changed {
            metrics::reconciled("success", started.elapsed().as_secs_f64());
            return None;
        }
        Some(Pending {
            monitor: key.clone(),
            status,
            json,
            started,
        })
    }

    /// Commits the pass, then updates what the engine remembers and hands effects on.
    async fn apply(
        &mut self,
        mut writes: Writes,
        suspensions: HashMap<CronJobRef, Suspension>,
        book: &mut AlertBook,
    ) -> Result<(), StoreError> {
        writes.deleted_monitors = self
            .stored
            .keys()
            .filter(|key| self.monitors.get(key).is_none())
            .cloned()
            .collect();
        writes.deliveries = self.plan_deliveries(&book.effects, self.context.clock.now());
        let events = self.commit(&writes).await?;
        self.context.leadership.announce(&events);
        self.suspensions = suspensions;
        for record in writes.monitors {
            self.stored.insert(record.monitor.clone(), record);
        }
        for key in &writes.deleted_monitors {
            self.stored.remove(key);
            self.written.remove(key);
        }
        let effects = std::mem::take(&mut book.effects);
        if !effects.is_empty() {
            self.context.effects.deliver(effects);
        }
        self.active_alerts.publish(&book.firing_counts());
        Ok(())
    }

    async fn write_statuses(&mut self, pending: Vec<Pending>) {
        for Pending {
            monitor,
            status,
            json,
            started,
        } in pending
        {
            match patch_status(&self.context.client, &monitor, json).await {
                Ok(()) => {
                    self.written.insert(monitor, status);
                    metrics::reconciled("success", started.elapsed().as_secs_f64());
                }
                Err(error) => {
                    tracing::warn!(%error, "status not written; retrying next pass");
                    metrics::reconciled("error", started.elapsed().as_secs_f64());
                }
            }
        }
    }

    /// Writes the pass's changes in one fenced transaction; nothing to write, no transaction.
    async fn commit(&self, writes: &Writes) -> Result<Vec<Event>, StoreError> {
        if writes.is_empty() {
            return Ok(Vec::new());
        }
        let mut tx = self.context.store.begin_fenced(self.epoch).await?;
        for write in &writes.alerts {
            match write {
                AlertWrite::Upsert(record) => {
                    tx.upsert_alert(record).await?;
                }
                AlertWrite::Delete(key) => {
                    tx.delete_alert(key).await?;
                }
            }
        }
        for (cronjob, suspension) in &writes.suspensions {
            tx.upsert_suspension(cronjob, suspension).await?;
        }
        for record in &writes.monitors {
            tx.upsert_monitor(record).await?;
        }
        for monitor in &writes.deleted_monitors {
            tx.delete_monitor(monitor).await?;
        }
        for delivery in &writes.deliveries {
            tx.insert_delivery(delivery).await?;
        }
        tx.commit().await
    }
}

/// Loads the leader's durable inputs: suspension timers and the stored monitor rows.
pub(super) async fn durable_state(
    store: &guardian_store::Store,
) -> Result<
    (
        HashMap<CronJobRef, Suspension>,
        HashMap<CronJobRef, MonitorRecord>,
    ),
    StoreError,
> {
    let suspensions = store.list_suspensions().await?.into_iter().collect();
    let stored = store
        .list_monitors(None)
        .await?
        .into_iter()
        .map(|record| (record.monitor.clone(), record))
        .collect();
    Ok((suspensions, stored))
}
