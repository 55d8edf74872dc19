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

use std::sync::Arc;

use guardian_api::convert::{execution_summary, go_duration, timestamp};
use guardian_api::input::{CronJobFilter as CronJobQuery, HealthStatus};
use guardian_api::v1::{
    ActiveJobItem, AlertItem, CronJobListItem, GetCronJobRequest, GetCronJobResponse,
    ListCronJobsRequest, ListCronJobsResponse, NamespacedRef, SummaryStats,
};
use guardian_core::health::Health;
use guardian_core::{AlertRecord, CronJobRecord, CronJobRef, Execution, Outcome, Schedule};
use guardian_store::CronJobFilter;
use guardian_store::reads_pages::RecentRuns;
use jiff::{SignedDuration, Timestamp};

use super::Reads;
use super::sla::{RunCounts, cronjob_metrics};
use crate::error::Result;

/// What is known of one CronJob for the list and detail views (kept by the read model).
pub struct CronJobFacts {
    pub record: CronJobRecord,
    /// Running executions, newest first.
    pub running: Vec<Execution>,
    pub last_success: Option<Execution>,
    pub last_failure: Option<Execution>,
    pub runs_7d: RunCounts,
    /// Firing alerts of the CronJob.
    pub alerts: Vec<AlertRecord>,
    /// The record's schedule, parsed once (`None` when it does not parse).
    schedule: Option<Schedule>,
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
        let facts = self.facts_of(&records).await?;
        let monitors = self.monitor_index().await?;
        let now = self.now();
        let items = facts
            .iter()
            .filter(|facts| query.status.is_none_or(|status| facts.health() == status))
            .map(|facts| facts.list_item(now, monitors.get(&facts.record.cronjob)))
            .collect();
        Ok(ListCronJobsResponse {
            items,
            summary: Some(summarize(facts.iter().map(Arc::as_ref))),
        })
    }

    pub async fn get_cronjob(&self, request: &GetCronJobRequest) -> Result<GetCronJobResponse> {
        let cronjob = CronJobRef::try_from(request)?;
        let detail = self.detail_of(&cronjob).await?;
        let facts = &detail.facts;
        let indexed = self.monitor_index().await?.get(&cronjob).cloned();
        let monitor =
            indexed.or_else(|| facts.alerts.iter().find_map(|alert| alert.monitor.clone()));
        let now = self.now();
        Ok(GetCronJobResponse {
            name: cronjob.name.clone(),
            namespace: cronjob.namespace.clone(),
            status: facts.health().as_str().to_owned(),
            schedule: facts.record.schedule.clone(),
            timezone: facts.record.time_zone.clone(),
            suspended: facts.record.suspended,
            monitor_ref: monitor.as_ref().map(NamespacedRef::from),
            metrics: Some(cronjob_metrics(
                facts.runs_7d,
                detail.runs_30d,
                detail.durations.as_ref(),
            )),
            last_execution: facts.last_execution().map(execution_summary),
            next_run: facts.next_run(now).map(timestamp),
            active_jobs: facts.active_jobs(now),
            active_alerts: facts.alerts.iter().map(AlertItem::from).collect(),
        })
    }
}

impl CronJobFacts {
    /// The facts of `record`; the runs' logs and events are left out (no view shows them).
    pub(super) fn new(
        record: CronJobRecord,
        runs: RecentRuns,
        runs_7d: RunCounts,
        alerts: Vec<AlertRecord>,
    ) -> CronJobFacts {
        let schedule = Schedule::parse(&record.schedule, record.time_zone.as_deref()).ok();
        let mut facts = CronJobFacts {
            record,
            running: runs.running.into_iter().map(without_texts).collect(),
            last_success: runs.last_success.map(without_texts),
            last_failure: runs.last_failure.map(without_texts),
            runs_7d,
            alerts,
            schedule: None,
        };
        // `@every` counts from the newest run (or from when the CronJob was first seen).
        let anchor = facts
            .last_execution()
            .map_or(facts.record.first_seen_at, |execution| execution.started_at);
        facts.schedule = schedule.map(|schedule| schedule.anchored_at(anchor));
        facts
    }

    pub fn health(&self) -> HealthStatus {
        let last_failed = self
            .last_finished()
            .is_some_and(|execution| execution.outcome == Outcome::Failed);
        let firing = self.alerts.iter().map(|alert| alert.severity);
        match guardian_core::health::health(self.record.suspended, firing, last_failed) {
            Health::Healthy => HealthStatus::Healthy,
            Health::Warning => HealthStatus::Warning,
            Health::Critical => HealthStatus::Critical,
            Health::Suspended => HealthStatus::Suspended,
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
        self.schedule.as_ref()?.next_after(now)
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

    fn list_item(&self, now: Timestamp, monitor: Option<&CronJobRef>) -> CronJobListItem {
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
            monitor_ref: monitor.map(NamespacedRef::from),
        }
    }
}

/// `execution` without its log excerpt and events, which only the execution views show.
fn without_texts(execution: Execution) -> Execution {
    Execution {
        logs: None,
        events: Vec::new(),
        ..execution
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
pub(super) fn summarize<'a>(facts: impl IntoIterator<Item = &'a CronJobFacts>) -> SummaryStats {
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
