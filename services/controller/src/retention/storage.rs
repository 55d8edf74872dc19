//! What the writer stores of a run: `storeLogs`, `storeEvents` and `maxLogSizeKB` of the
//! monitors watching its CronJob, applied before the execution is written.
//!
//! The pruner publishes the per-CronJob policies each time it re-reads the monitors (at
//! most a minute apart); until a CronJob's policy is known, the global settings apply. A
//! policy change therefore reaches the writer within a minute, and the pruner clears
//! what was stored before it at its next prune.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use guardian_core::{CronJobRef, Execution};

use super::RetentionSettings;
use super::policy::CronJobRetention;

/// The storage policies the writer applies; cheap to clone, shared with the pruner.
#[derive(Debug, Clone, Default)]
pub struct StoragePolicies {
    inner: Arc<RwLock<Known>>,
}

#[derive(Debug, Default)]
struct Known {
    by_cronjob: HashMap<CronJobRef, CronJobRetention>,
    /// `None`: store everything as it comes (no settings given).
    global: Option<CronJobRetention>,
}

impl StoragePolicies {
    /// Policies that fall back to `settings` for CronJobs no monitor watches.
    pub fn new(settings: &RetentionSettings) -> Self {
        let known = Known {
            by_cronjob: HashMap::new(),
            global: Some(CronJobRetention::global(settings)),
        };
        Self {
            inner: Arc::new(RwLock::new(known)),
        }
    }

    /// Replaces the per-CronJob policies (CronJobs watched by some monitor).
    pub fn publish(&self, current: &HashMap<CronJobRef, CronJobRetention>) {
        let mut known = self
            .inner
            .write()
            .unwrap_or_else(|poison| poison.into_inner());
        known.by_cronjob = current.clone();
    }

    /// Drops from `execution` what its CronJob's policy does not store.
    pub fn shape(&self, execution: &mut Execution) {
        let known = self
            .inner
            .read()
            .unwrap_or_else(|poison| poison.into_inner());
        let Some(policy) = known
            .by_cronjob
            .get(&execution.cronjob)
            .or(known.global.as_ref())
        else {
            return;
        };
        if !policy.store_logs {
            execution.logs = None;
        }
        if !policy.store_events {
            execution.events.clear();
        }
        if let (Some(max), Some(logs)) = (policy.max_log_bytes, execution.logs.as_mut())
            && logs.len() > max
        {
            *logs = guardian_store::limits::truncate_log(logs, max);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use guardian_core::Outcome;
    use jiff::Timestamp;

    fn execution(cronjob: &str) -> Execution {
        Execution {
            job_uid: "uid".to_owned(),
            job_name: "job".to_owned(),
            cronjob: CronJobRef::new("ops", cronjob),
            cronjob_uid: None,
            started_at: Timestamp::UNIX_EPOCH,
            completed_at: None,
            outcome: Outcome::Failed,
            exit_code: Some(1),
            reason: None,
            logs: Some("x".repeat(4096)),
            events: vec!["BackoffLimitExceeded: too many".to_owned()],
            retries: 0,
            manual: false,
        }
    }

    #[test]
    fn without_settings_everything_is_stored() {
        let mut run = execution("backup");
        StoragePolicies::default().shape(&mut run);
        assert_eq!(run, execution("backup"));
    }

    #[test]
    fn a_monitors_policy_drops_logs_and_events_and_caps_log_size() {
        let settings = RetentionSettings::default();
        let policies = StoragePolicies::new(&settings);
        let global = CronJobRetention::global(&settings);
        let quiet = CronJobRetention {
            store_logs: false,
            store_events: false,
            ..global
        };
        let capped = CronJobRetention {
            max_log_bytes: Some(1024),
            ..global
        };
        policies.publish(&HashMap::from([
            (CronJobRef::new("ops", "quiet"), quiet),
            (CronJobRef::new("ops", "capped"), capped),
        ]));

        let mut run = execution("quiet");
        policies.shape(&mut run);
        assert_eq!(run.logs, None);
        assert!(run.events.is_empty());

        let mut run = execution("capped");
        policies.shape(&mut run);
        let logs = run.logs.expect("logs kept");
        assert!(logs.len() <= 1024, "capped at 1 KiB, got {}", logs.len());
        assert_eq!(run.events.len(), 1);

        let mut run = execution("unwatched");
        policies.shape(&mut run);
        assert_eq!(
            run,
            execution("unwatched"),
            "global defaults store everything"
        );
    }
}
