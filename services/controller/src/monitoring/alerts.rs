//! The live alerts of one pass: loaded from the database (so a new leader continues what
//! the last one started), advanced with `alerting::step`, and collected as the writes and
//! effects of the pass. Records are compared as stored (whole milliseconds), so an
//! unchanged alert is never rewritten.

use std::collections::{HashMap, HashSet};

use guardian_core::alerting::{self, Effect, Observation, Policy};
use guardian_core::{AlertRecord, AlertState, CronJobRef};
use guardian_store::filter::MAX_PAGE;
use guardian_store::{AlertFilter, Store, StoreError, limits};
use jiff::Timestamp;

/// A change to the alerts table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum AlertWrite {
    Upsert(Box<AlertRecord>),
    /// A pending alert whose problem went away before anything was sent: forgotten.
    Delete(String),
}

/// Live (pending and firing) alerts and what this pass does to them.
#[derive(Debug, Default)]
pub(crate) struct AlertBook {
    live: HashMap<String, AlertRecord>,
    visited: HashSet<String>,
    pub writes: Vec<AlertWrite>,
    /// Notify and Resolve effects to hand to the dispatcher after commit.
    pub effects: Vec<Effect>,
    /// The earliest `ScheduleCheck`.
    pub wake_at: Option<Timestamp>,
}

impl AlertBook {
    /// Loads every pending and firing alert, page by page.
    pub(crate) async fn load(store: &Store) -> Result<Self, StoreError> {
        let mut live = HashMap::new();
        for state in [AlertState::Pending, AlertState::Firing] {
            let mut filter = AlertFilter {
                state: Some(state),
                limit: MAX_PAGE,
                ..AlertFilter::default()
            };
            loop {
                let page = store.list_alerts(&filter).await?;
                let full = page.items.len() == MAX_PAGE as usize;
                live.extend(
                    page.items
                        .into_iter()
                        .map(|record| (record.key.clone(), record)),
                );
                if !full {
                    break;
                }
                filter.offset += u64::from(MAX_PAGE);
            }
        }
        Ok(Self {
            live,
            ..Self::default()
        })
    }

    /// Advances the alert `key` with `observation`; `deliver` is false when the monitor's
    /// alerting is off (records still change, nothing is sent).
    pub(crate) fn step(
        &mut self,
        key: &str,
        observation: Observation,
        policy: &Policy,
        now: Timestamp,
        deliver: bool,
    ) {
        self.visited.insert(key.to_owned());
        let current = self.live.get(key);
        if current.is_none() && observation == Observation::Absent {
            return;
        }
        let step = alerting::step(current, observation, now, policy);
        let next = match step.record.as_ref().map(limits::alert).transpose() {
            Ok(next) => next,
            Err(error) => {
                tracing::error!(%error, key, "alert record cannot be stored; skipped");
                return;
            }
        };
        if next.as_ref() != current {
            let write = match &next {
                Some(record) => AlertWrite::Upsert(Box::new(record.clone())),
                None => AlertWrite::Delete(key.to_owned()),
            };
            self.writes.push(write);
        }
        match next {
            Some(record) if record.state != AlertState::Resolved => {
                self.live.insert(key.to_owned(), record);
            }
            _ => {
                self.live.remove(key);
            }
        }
        for effect in step.effects {
            match effect {
                Effect::ScheduleCheck { at, .. } => {
                    self.wake_at = Some(self.wake_at.map_or(at, |wake| wake.min(at)));
                }
                effect if deliver => self.effects.push(effect),
                _ => {}
            }
        }
    }

    /// Resolves live alerts nobody observed this pass: their monitor is gone or invalid,
    /// or their CronJob is gone or no longer selected.
    pub(crate) fn finish(&mut self, now: Timestamp) {
        let mut orphans: Vec<String> = self
            .live
            .keys()
            .filter(|key| !self.visited.contains(*key))
            .cloned()
            .collect();
        orphans.sort();
        for key in orphans {
            self.step(&key, Observation::Absent, &Policy::default(), now, true);
        }
    }

    /// Firing alerts of one monitor for one CronJob, oldest first.
    pub(crate) fn firing(&self, monitor: &CronJobRef, cronjob: &CronJobRef) -> Vec<&AlertRecord> {
        let mut firing: Vec<&AlertRecord> = self
            .live
            .values()
            .filter(|record| record.state == AlertState::Firing)
            .filter(|record| record.monitor.as_ref() == Some(monitor) && &record.cronjob == cronjob)
            .collect();
        firing.sort_by(|a, b| (a.since, &a.kind).cmp(&(b.since, &b.kind)));
        firing
    }

    /// Firing alerts per (namespace, cronjob, severity), for the active-alerts gauge.
    pub(crate) fn firing_counts(&self) -> HashMap<(String, String, &'static str), u64> {
        let mut counts = HashMap::new();
        for record in self
            .live
            .values()
            .filter(|record| record.state == AlertState::Firing)
        {
            let label = (
                record.cronjob.namespace.clone(),
                record.cronjob.name.clone(),
                record.severity.as_str(),
            );
            *counts.entry(label).or_default() += 1;
        }
        counts
    }
}
