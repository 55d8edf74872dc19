//! Loading what the CronJob views need, through the read model: held views are used
//! as they are, missing ones are read from the store and handed to the model.
//!
//! - facts for lists: a fixed number of set-based store reads per page of missing
//!   CronJobs (see `guardian_store::reads_pages`), none per CronJob;
//! - the detail view: the facts of one CronJob plus its 30-day counts and the
//!   duration figures of its 7-day window.

use std::collections::HashMap;
use std::sync::Arc;

use guardian_core::sla::DurationStats;
use guardian_core::{AlertRecord, CronJobRecord, CronJobRef};
use guardian_store::AlertFilter;
use guardian_store::reads_pages::OutcomeCounts;

use super::Reads;
use super::cronjobs::CronJobFacts;
use super::sla::{LONG_WINDOW_DAYS, RunCounts, SHORT_WINDOW_DAYS, window_start};
use crate::error::{QueryError, Result};

/// Running Jobs shown per CronJob.
const MAX_ACTIVE_JOBS: u32 = 20;

/// What the detail view of one CronJob shows beyond its facts.
pub struct CronJobDetail {
    /// Also handed to the model as the CronJob's list facts (the same reads).
    pub facts: Arc<CronJobFacts>,
    pub runs_30d: RunCounts,
    /// Durations of the successful runs of the 7-day window; `None` without any.
    pub durations: Option<DurationStats>,
}

impl Reads {
    /// Facts of every CronJob of `records`, in their order.
    pub(super) async fn facts_of(
        &self,
        records: &[CronJobRecord],
    ) -> Result<Vec<Arc<CronJobFacts>>> {
        let held: Vec<Option<Arc<CronJobFacts>>> = records
            .iter()
            .map(|record| self.model.facts(&record.cronjob))
            .collect();
        let missing: Vec<CronJobRecord> = records
            .iter()
            .zip(&held)
            .filter(|(_, held)| held.is_none())
            .map(|(record, _)| record.clone())
            .collect();
        let mut loaded = self.load_facts(missing).await?.into_iter();
        Ok(held
            .into_iter()
            .filter_map(|held| held.or_else(|| loaded.next()))
            .collect())
    }

    /// Reads the facts of `records` from the store and hands them to the model.
    async fn load_facts(&self, records: Vec<CronJobRecord>) -> Result<Vec<Arc<CronJobFacts>>> {
        if records.is_empty() {
            return Ok(Vec::new());
        }
        let ticket = self.model.ticket();
        let mut alerts = self.firing_alerts_by_cronjob().await?;
        let refs: Vec<CronJobRef> = records
            .iter()
            .map(|record| record.cronjob.clone())
            .collect();
        let since = window_start(self.now(), SHORT_WINDOW_DAYS);
        let mut runs = self.store.recent_runs(&refs, MAX_ACTIVE_JOBS).await?;
        let counts = self.store.outcome_counts(&refs, &[since]).await?;
        Ok(records
            .into_iter()
            .map(|record| {
                let cronjob = record.cronjob.clone();
                let facts = Arc::new(CronJobFacts::new(
                    record,
                    runs.remove(&cronjob).unwrap_or_default(),
                    window_counts(counts.get(&cronjob).map(Vec::as_slice), 0),
                    alerts.remove(&cronjob).unwrap_or_default(),
                ));
                self.model.put_facts(ticket, Arc::clone(&facts));
                facts
            })
            .collect())
    }

    /// The detail view's data of `cronjob`; `NotFound` when the store never saw it.
    pub(super) async fn detail_of(&self, cronjob: &CronJobRef) -> Result<Arc<CronJobDetail>> {
        if let Some(detail) = self.model.detail(cronjob) {
            return Ok(detail);
        }
        let ticket = self.model.ticket();
        let record = self
            .store
            .get_cronjob(cronjob)
            .await?
            .ok_or_else(|| QueryError::not_found("cronjob", cronjob))?;
        let alerts = self
            .firing_alerts(AlertFilter {
                cronjob: Some(cronjob.clone()),
                ..AlertFilter::default()
            })
            .await?;
        let now = self.now();
        let windows = [
            window_start(now, SHORT_WINDOW_DAYS),
            window_start(now, LONG_WINDOW_DAYS),
        ];
        let refs = [cronjob.clone()];
        let runs = self.store.recent_runs(&refs, MAX_ACTIVE_JOBS).await?;
        let counts = self.store.outcome_counts(&refs, &windows).await?;
        let counts = counts.get(cronjob).map(Vec::as_slice);
        let runs = runs.into_values().next().unwrap_or_default();
        let durations = self.success_durations(cronjob, windows[0]).await?;
        let facts = Arc::new(CronJobFacts::new(
            record,
            runs,
            window_counts(counts, 0),
            alerts,
        ));
        self.model.put_facts(ticket, Arc::clone(&facts));
        let detail = Arc::new(CronJobDetail {
            facts,
            runs_30d: window_counts(counts, 1),
            durations,
        });
        self.model.put_detail(ticket, Arc::clone(&detail));
        Ok(detail)
    }

    /// Firing alerts grouped by their CronJob.
    async fn firing_alerts_by_cronjob(&self) -> Result<HashMap<CronJobRef, Vec<AlertRecord>>> {
        let mut grouped: HashMap<CronJobRef, Vec<AlertRecord>> = HashMap::new();
        for alert in self.firing_alerts(AlertFilter::default()).await? {
            grouped
                .entry(alert.cronjob.clone())
                .or_default()
                .push(alert);
        }
        Ok(grouped)
    }
}

/// The counts of window `index` of one CronJob's `outcome_counts` entry (zero without runs).
fn window_counts(counts: Option<&[OutcomeCounts]>, index: usize) -> RunCounts {
    counts
        .and_then(|counts| counts.get(index).copied())
        .map_or_else(RunCounts::default, |counts| RunCounts {
            succeeded: counts.succeeded,
            failed: counts.failed,
        })
}
