//! The retention that applies to one CronJob: its monitors' `dataRetention` blocks merged
//! over the global settings, then turned into the prune scopes of one cycle.
//!
//! A CronJob watched by several monitors keeps what the most generous one asks for (more
//! days, logs and events kept, retain over purge), so no monitor loses data it wants.
//! Every history limit is capped by `history-retention.max-days`.

use guardian_core::{CronJobRecord, CronJobRef};
use guardian_kube::crd::{DataRetentionConfig, DeletionPolicy, RecreationPolicy};
use guardian_store::ExecutionScope;
use jiff::{SignedDuration, Timestamp};

use super::RetentionSettings;

/// What becomes of a deleted CronJob's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum OnDeletion {
    /// Purged at the next prune.
    Purge,
    /// Purged this many days after the deletion.
    PurgeAfterDays(u32),
    /// Kept (and aged out by the history limit).
    Retain,
}

/// The effective retention of one CronJob.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CronJobRetention {
    pub history_days: u32,
    pub log_days: u32,
    pub on_deletion: OnDeletion,
    /// `onRecreation: reset`: runs of an earlier incarnation (another UID) go.
    pub reset_on_recreation: bool,
    pub store_logs: bool,
    pub store_events: bool,
    /// Largest log kept per execution.
    pub max_log_bytes: Option<usize>,
}

fn days(value: Option<i32>) -> Option<u32> {
    value.and_then(|days| u32::try_from(days).ok())
}

impl CronJobRetention {
    /// The global defaults, for a CronJob no monitor watches.
    pub fn global(settings: &RetentionSettings) -> Self {
        let history_days = settings.default_days.min(settings.max_days);
        Self {
            history_days,
            log_days: settings
                .log_retention_days
                .unwrap_or(history_days)
                .min(history_days),
            on_deletion: OnDeletion::Retain,
            reset_on_recreation: false,
            store_logs: settings.log_storage_enabled,
            store_events: settings.event_storage_enabled,
            max_log_bytes: settings.max_log_size_kb.map(kib),
        }
    }

    /// One monitor's block over the global defaults.
    pub fn of(config: &DataRetentionConfig, settings: &RetentionSettings) -> Self {
        let global = Self::global(settings);
        let history_days = days(config.retention_days)
            .unwrap_or(global.history_days)
            .min(settings.max_days);
        let on_deletion = match config.on_cron_job_deletion {
            None | Some(DeletionPolicy::Retain) => OnDeletion::Retain,
            Some(DeletionPolicy::Purge) => OnDeletion::Purge,
            Some(DeletionPolicy::PurgeAfterDays) => {
                OnDeletion::PurgeAfterDays(days(config.purge_after_days).unwrap_or(0))
            }
        };
        Self {
            history_days,
            log_days: days(config.log_retention_days)
                .or(settings.log_retention_days)
                .unwrap_or(history_days)
                .min(history_days),
            on_deletion,
            reset_on_recreation: config.on_recreation == Some(RecreationPolicy::Reset),
            store_logs: config.store_logs.unwrap_or(global.store_logs),
            store_events: config.store_events.unwrap_or(global.store_events),
            max_log_bytes: days(config.max_log_size_kb)
                .map(kib)
                .or(global.max_log_bytes),
        }
    }

    /// The most generous of several monitors' retentions; the global one for none.
    pub fn merged<'a>(
        configs: impl IntoIterator<Item = &'a DataRetentionConfig>,
        settings: &RetentionSettings,
    ) -> Self {
        configs
            .into_iter()
            .map(|config| Self::of(config, settings))
            .reduce(|a, b| Self {
                history_days: a.history_days.max(b.history_days),
                log_days: a.log_days.max(b.log_days),
                on_deletion: a.on_deletion.max(b.on_deletion),
                reset_on_recreation: a.reset_on_recreation && b.reset_on_recreation,
                store_logs: a.store_logs || b.store_logs,
                store_events: a.store_events || b.store_events,
                max_log_bytes: match (a.max_log_bytes, b.max_log_bytes) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                },
            })
            .unwrap_or_else(|| Self::global(settings))
    }

    /// What one prune cycle deletes of `record`'s history at `now`: execution scopes
    /// (deleted in batches) and the scope whose logs are cleared.
    pub fn plan(&self, record: &CronJobRecord, now: Timestamp) -> Plan {
        let cronjob = record.cronjob.clone();
        let purge_now = record
            .deleted_at
            .is_some_and(|deleted| match self.on_deletion {
                OnDeletion::Purge => true,
                OnDeletion::PurgeAfterDays(wait) => deleted + days_span(wait) <= now,
                OnDeletion::Retain => false,
            });
        if purge_now {
            return Plan {
                executions: vec![ExecutionScope::All(cronjob)],
                logs: None,
            };
        }
        let mut executions = vec![ExecutionScope::StartedBefore {
            cronjob: Some(cronjob.clone()),
            before: cutoff(now, self.history_days),
        }];
        if self.reset_on_recreation && !record.uid.is_empty() {
            executions.push(ExecutionScope::OtherIncarnations {
                cronjob: cronjob.clone(),
                uid: record.uid.clone(),
            });
        }
        // Logs not to be stored at all are cleared whatever their age.
        let log_cutoff = if self.store_logs {
            cutoff(now, self.log_days)
        } else {
            now
        };
        Plan {
            executions,
            logs: Some(ExecutionScope::StartedBefore {
                cronjob: Some(cronjob),
                before: log_cutoff,
            }),
        }
    }
}

/// One CronJob's share of a prune cycle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub executions: Vec<ExecutionScope>,
    pub logs: Option<ExecutionScope>,
}

fn kib(kib: u32) -> usize {
    usize::try_from(kib)
        .unwrap_or(usize::MAX)
        .saturating_mul(1024)
}

fn days_span(days: u32) -> SignedDuration {
    SignedDuration::from_hours(i64::from(days) * 24)
}

/// `now` minus `days` whole days (the oldest start a run may have and stay).
pub fn cutoff(now: Timestamp, days: u32) -> Timestamp {
    now.checked_sub(days_span(days)).unwrap_or(Timestamp::MIN)
}

/// The CronJob a monitor status lists, for matching deleted CronJobs later.
pub(crate) fn status_refs(status: &serde_json::Value) -> Vec<CronJobRef> {
    status["cronJobs"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|item| {
                    Some(CronJobRef::new(
                        item["namespace"].as_str()?,
                        item["name"].as_str()?,
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
#[path = "policy_tests.rs"]
mod tests;
