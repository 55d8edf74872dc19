//! CronJobs: the list with health and summary counts, and the detail view.
//!
//! Health of a CronJob, decided here once for the list, the detail view and
//! the summary counts:
//! - `suspended` when the CronJob is suspended;
//! - else `critical` when a critical alert fires for it;
//! - else `warning` when a warning alert fires for it or its newest finished run failed;
//! - else `healthy`.
//!
//! The summary counts the CronJobs the namespace and search filters select,
//! before the status filter, so its numbers do not change with the status tab shown.

use guardian_api::convert::{execution_summary, go_duration, timestamp};
use guardian_api::input::{CronJobFilter as CronJobQuery, HealthStatus};
use guardian_api::v1::{
    ActiveJobItem, AlertItem, CronJobListItem, GetCronJobRequest, GetCronJobResponse,
    ListCronJobsRequest, ListCronJobsResponse, NamespacedRef, SummaryStats,
};
use guardian_core::{
    AlertRecord, CronJobRecord, CronJobRef, Execution, Outcome, Schedule, Severity,
};
use guardian_store::reads_pages::{OutcomeCounts, RecentRuns};
use guardian_store::{AlertFilter, CronJobFilter};
use jiff::{SignedDuration, Timestamp};

use super::Reads;
use super::sla::{LONG_WINDOW_DAYS, RunCounts, SHORT_WINDOW_DAYS, window_start};
use crate::error::{QueryError, Result};

/// Running Jobs shown per CronJob.
const MAX_ACTIVE_JOBS: u32 = 20;

/// What is known of one CronJob for the list and detail views.
pub(super) struct CronJobFacts {
    pub record: CronJobRecord,
    /// Running executions, newest first.
    pub running: Vec<Execution>,
    pub last_success: Option<Execution>,
    pub last_failure: Option<Execution>,
    pub runs_7d: RunCounts,
    pub alerts: Vec<AlertRecord>,
    pub monitor: Option<CronJobRef>,
}

impl Reads {
    pub async fn list_cronjobs(
        &self,
        request: &ListCronJobsRequest,
    ) -> Result<ListCronJobsResponse> {
        let query = CronJobQuery::try_from(request)?;
        let records = self
            .all_cronjobs(CronJobFilter {
                namespace: query.namespace.clone(),
                search: query.search.clone(),
                ..CronJobFilter::default()
            })
            .await?;
        let facts = self.facts_of(records).await?;
        let now = self.now();
        let items = facts
            .iter()
            .filter(|facts| query.status.is_none_or(|status| facts.health() == status))
            .map(|facts| facts.list_item(now))
            .collect();
        Ok(ListCronJobsResponse {
            items,
            summary: Some(summarize(&facts)),
        })
    }

    pub async fn get_cronjob(&self, request: &GetCronJobRequest) -> Result<GetCronJobResponse> {
        let cronjob = CronJobRef::try_from(request)?;
        let record = self
            .store
            .get_cronjob(&cronjob)
            .await?
            .ok_or_else(|| QueryError::not_found("cronjob", &cronjob))?;
        let alerts = self
            .firing_alerts(AlertFilter {
                cronjob: Some(cronjob.clone()),
                ..AlertFilter::default()
            })
            .await?;
        let indexed = self.monitor_index().await?.remove(&cronjob);
        let monitor = indexed.or_else(|| alerts.iter().find_map(|alert| alert.monitor.clone()));
        let now = self.now();
        let windows = [
            window_start(now, SHORT_WINDOW_DAYS),
            window_start(now, LONG_WINDOW_DAYS),
        ];
        let refs = [cronjob.clone()];
        let runs = self.store.recent_runs(&refs, MAX_ACTIVE_JOBS).await?;
        let counts = self.store.outcome_counts(&refs, &windows).await?;
        let counts = counts.get(&cronjob).map(Vec::as_slice);
        let (runs_7d, runs_30d) = (window_counts(counts, 0), window_counts(counts, 1));
        let runs = runs.into_values().next().unwrap_or_default();
        let facts = CronJobFacts::new(runs, runs_7d, alerts, monitor, record);
        let metrics = self.cronjob_metrics(&cronjob, runs_7d, runs_30d).await?;
        Ok(GetCronJobResponse {
            name: cronjob.name.clone(),
            namespace: cronjob.namespace.clone(),
            status: facts.health().as_str().to_owned(),
            schedule: facts.record.schedule.clone(),
            timezone: facts.record.time_zone.clone(),
            suspended: facts.record.suspended,
            monitor_ref: facts.monitor.as_ref().map(NamespacedRef::from),
            metrics: Some(metrics),
            last_execution: facts.last_execution().map(execution_summary),
            next_run: facts.next_run(now).map(timestamp),
            active_jobs: facts.active_jobs(now),
            active_alerts: facts.alerts.iter().map(AlertItem::from).collect(),
        })
    }

    /// Facts of every CronJob of `records`: a fixed number of set-based store reads
    /// per page of CronJobs (see `guardian_store::reads_pages`), none per CronJob.
    pub(super) async fn facts_of(&self, records: Vec<CronJobRecord>) -> Result<Vec<CronJobFacts>> {
        let mut alerts = self.firing_alerts_by_cronjob().await?;
        let monitors = self.monitor_index().await?;
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
                let cronjob = &record.cronjob;
                let runs_7d = window_counts(counts.get(cronjob).map(Vec::as_slice), 0);
                CronJobFacts::new(
                    runs.remove(cronjob).unwrap_or_default(),
                    runs_7d,
                    alerts.remove(cronjob).unwrap_or_default(),
                    monitors.get(cronjob).cloned(),
                    record,
                )
            })
            .collect())
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

impl CronJobFacts {
    fn new(
        runs: RecentRuns,
        runs_7d: RunCounts,
        alerts: Vec<AlertRecord>,
        monitor: Option<CronJobRef>,
        record: CronJobRecord,
    ) -> CronJobFacts {
        CronJobFacts {
            record,
            running: runs.running,
            last_success: runs.last_success,
            last_failure: runs.last_failure,
            runs_7d,
            alerts,
            monitor,
        }
    }

    pub fn health(&self) -> HealthStatus {
        let fires = |severity| self.alerts.iter().any(|alert| alert.severity == severity);
        let last_failed = self
            .last_finished()
            .is_some_and(|execution| execution.outcome == Outcome::Failed);
        if self.record.suspended {
            HealthStatus::Suspended
        } else if fires(Severity::Critical) {
            HealthStatus::Critical
        } else if fires(Severity::Warning) || last_failed {
            HealthStatus::Warning
        } else {
            HealthStatus::Healthy
        }
    }

    /// The newest run that has finished, whatever its outcome.
    fn last_finished(&self) -> Option<&Execution> {
        newer(self.last_success.as_ref(), self.last_failure.as_ref())
    }

    /// The newest run, running or finished.
    fn last_execution(&self) -> Option<&Execution> {
        newer(self.running.first(), self.last_finished())
    }

    /// The next fire time after `now`; none while suspended, deleted or unparseable.
    fn next_run(&self, now: Timestamp) -> Option<Timestamp> {
        if self.record.suspended || self.record.deleted_at.is_some() {
            return None;
        }
        let anchor = self
            .last_execution()
            .map_or(self.record.first_seen_at, |execution| execution.started_at);
        Schedule::parse(&self.record.schedule, self.record.time_zone.as_deref())
            .ok()?
            .anchored_at(anchor)
            .next_after(now)
    }

    fn active_jobs(&self, now: Timestamp) -> Vec<ActiveJobItem> {
        self.running
            .iter()
            .map(|execution| {
                let running_for = now
                    .duration_since(execution.started_at)
                    .max(SignedDuration::ZERO);
                ActiveJobItem {
                    name: execution.job_name.clone(),
                    start_time: Some(timestamp(execution.started_at)),
                    running_duration: Some(go_duration(SignedDuration::from_secs(
                        running_for.as_secs(),
                    ))),
                    pod_phase: None,
                    pod_name: None,
                    ready: None,
                }
            })
            .collect()
    }

    fn list_item(&self, now: Timestamp) -> CronJobListItem {
        let record = &self.record;
        CronJobListItem {
            name: record.cronjob.name.clone(),
            namespace: record.cronjob.namespace.clone(),
            status: self.health().as_str().to_owned(),
            schedule: record.schedule.clone(),
            timezone: record.time_zone.clone(),
            suspended: record.suspended,
            success_rate: self.runs_7d.percent(),
            last_success: self
                .last_success
                .as_ref()
                .and_then(|execution| execution.completed_at)
                .map(timestamp),
            last_run_duration: self
                .last_finished()
                .and_then(Execution::duration)
                .map(go_duration),
            next_run: self.next_run(now).map(timestamp),
            active_jobs: self.active_jobs(now),
            active_alerts: i32::try_from(self.alerts.len()).unwrap_or(i32::MAX),
            monitor_ref: self.monitor.as_ref().map(NamespacedRef::from),
        }
    }
}

/// The later-started of two executions.
fn newer<'a>(left: Option<&'a Execution>, right: Option<&'a Execution>) -> Option<&'a Execution> {
    match (left, right) {
        (Some(left), Some(right)) if right.started_at > left.started_at => Some(right),
        (Some(left), _) => Some(left),
        (None, right) => right,
    }
}

/// Counts by health, plus CronJobs with a run in progress.
pub(super) fn summarize(facts: &[CronJobFacts]) -> SummaryStats {
    let mut summary = SummaryStats::default();
    for facts in facts {
        match facts.health() {
            HealthStatus::Healthy => summary.healthy += 1,
            HealthStatus::Warning => summary.warning += 1,
            HealthStatus::Critical => summary.critical += 1,
            HealthStatus::Suspended => summary.suspended += 1,
        }
        if !facts.running.is_empty() {
            summary.running += 1;
        }
    }
    summary
}

#[cfg(test)]
mod tests;
