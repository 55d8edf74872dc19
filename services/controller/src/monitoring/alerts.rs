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

    /// Resolves live monitor alerts nobody observed this pass: their monitor is gone or
    /// invalid, or their CronJob is gone or no longer selected. Alerts without a monitor
    /// are not the monitoring's and are left alone.
    pub(crate) fn finish(&mut self, now: Timestamp) {
        let mut orphans: Vec<String> = self
            .live
            .iter()
            .filter(|(key, record)| record.monitor.is_some() && !self.visited.contains(*key))
            .map(|(key, _)| key.clone())
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

#[cfg(test)]
mod tests {
    use guardian_core::Severity;

    use super::*;

    fn firing(key: &str, monitor: Option<CronJobRef>) -> AlertRecord {
        AlertRecord {
            key: key.to_owned(),
            kind: "jobFailed".into(),
            severity: Severity::Warning,
            state: AlertState::Firing,
            cronjob: CronJobRef::new("ops", "backup"),
            monitor,
            title: "Job failed: ops/backup".into(),
            message: "Job backup-1 failed".into(),
            since: Timestamp::from_second(1_000).expect("valid"),
            last_notified: Timestamp::from_second(1_000).ok(),
            resolved_at: None,
            exit_code: Some(1),
            reason: None,
            suggested_fix: None,
            acknowledged: None,
            silenced: None,
        }
    }

    #[test]
    fn unobserved_monitor_alerts_resolve_and_others_are_left_alone() {
        let mut book = AlertBook::default();
        let watch = Some(CronJobRef::new("ops", "watch"));
        for record in [
            firing("ops/watch/ops/backup/jobFailed", watch.clone()),
            firing("ops/watch/ops/backup/stuckJob", watch),
            firing("ops/backup/jobFailed", None),
        ] {
            book.live.insert(record.key.clone(), record);
        }
        let now = Timestamp::from_second(2_000).expect("valid");
        book.step(
            "ops/watch/ops/backup/stuckJob",
            Observation::Absent,
            &Policy::default(),
            now,
            false,
        );
        book.finish(now);
        let resolved: Vec<&str> = book
            .writes
            .iter()
            .filter_map(|write| match write {
                AlertWrite::Upsert(record) if record.state == AlertState::Resolved => {
                    Some(record.key.as_str())
                }
                _ => None,
            })
            .collect();
        assert_eq!(
            resolved,
            vec![
                "ops/watch/ops/backup/stuckJob",
                "ops/watch/ops/backup/jobFailed"
            ]
        );
        let resolve_effects = book
            .effects
            .iter()
            .filter(|e| matches!(e, Effect::Resolve { .. }))
            .count();
        assert_eq!(
            resolve_effects, 1,
            "alerting off for the observed one; orphans still resolve"
        );
        assert_eq!(
            book.firing_counts().values().sum::<u64>(),
            1,
            "only the foreign alert still fires"
        );
    }
}
