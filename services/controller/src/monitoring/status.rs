//! The `status` of a CronJobMonitor, built from a pass's findings.
//!
//! Status is written only when it changed, so everything in it is stable between passes:
//! times are whole seconds (what the API server keeps), durations whole milliseconds, and
//! nothing counts up by itself (running jobs carry their start, not a running duration;
//! `lastReconcileTime` moves only when something else changed).

use guardian_core::AlertRecord;
use guardian_kube::crd::{
    ActiveAlert, ActiveJob, CronJobHealth, CronJobMetrics, CronJobMonitorStatus, CronJobStatus,
    KubeDuration, MonitorPhase, MonitorSummary,
};
use guardian_kube::view::CronJobView;
use jiff::{SignedDuration, Timestamp};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{Condition, Time};

use super::analysis::{Figures, RunningJob};
use super::history::CronJobHistory;
use super::monitors::{MonitorEntry, MonitorState};

pub(crate) const READY: &str = "Ready";

/// A time as the API server stores it: whole seconds.
pub(crate) fn time(at: Timestamp) -> Time {
    Time(Timestamp::from_second(at.as_second()).unwrap_or(at))
}

fn seconds(value: SignedDuration) -> f64 {
    value.as_millis() as f64 / 1000.0
}

/// What a pass knows of one matched CronJob.
pub(crate) struct CronJobReport<'a> {
    pub view: &'a CronJobView,
    pub history: &'a CronJobHistory,
    pub figures: &'a Figures,
    pub running: &'a [RunningJob],
    pub next_run: Option<Timestamp>,
    pub firing: Vec<&'a AlertRecord>,
}

pub(crate) fn cronjob_status(report: &CronJobReport<'_>) -> CronJobStatus {
    let history = report.history;
    let latest = history.latest_finished();
    let active_alerts: Vec<ActiveAlert> = report
        .firing
        .iter()
        .map(|record| active_alert(record))
        .collect();
    CronJobStatus {
        name: report.view.name.clone(),
        namespace: report.view.namespace.clone(),
        status: health(
            report.view.suspend,
            &report.firing,
            latest.is_some_and(|run| run.outcome == guardian_core::Outcome::Failed),
        ),
        suspended: report.view.suspend,
        last_successful_time: history
            .last_success
            .as_ref()
            .map(|run| time(run.ended_at())),
        last_failed_time: history.latest_failed().map(|run| time(run.ended_at())),
        last_run_duration: latest.and_then(|run| run.duration()).map(|took| {
            KubeDuration::from_duration(SignedDuration::from_millis(took.as_millis() as i64))
        }),
        next_scheduled_time: report.next_run.map(time),
        metrics: metrics(report.figures),
        active_jobs: report.running.iter().map(active_job).collect(),
        active_alerts,
    }
}

/// The CronJob's health by the one rule of `guardian_core::health`.
fn health(suspended: bool, firing: &[&AlertRecord], last_run_failed: bool) -> CronJobHealth {
    use guardian_core::health::Health;
    let severities = firing.iter().map(|record| record.severity);
    match guardian_core::health::health(suspended, severities, last_run_failed) {
        Health::Healthy => CronJobHealth::Healthy,
        Health::Warning => CronJobHealth::Warning,
        Health::Critical => CronJobHealth::Critical,
        Health::Suspended => CronJobHealth::Suspended,
    }
}

/// SLA figures; none without a finished run (no data is neither 0 % nor 100 %).
fn metrics(figures: &Figures) -> Option<CronJobMetrics> {
    let stats = &figures.stats;
    let percent = stats.success_rate.percent()?;
    let count = |value: u64| i32::try_from(value).unwrap_or(i32::MAX);
    let durations = stats.durations.as_ref();
    Some(CronJobMetrics {
        success_rate: percent,
        total_runs: count(stats.total_runs),
        successful_runs: count(stats.succeeded),
        failed_runs: count(stats.failed),
        avg_duration_seconds: durations.map(|d| seconds(d.average)),
        p50_duration_seconds: durations.map(|d| seconds(d.p50)),
        p95_duration_seconds: durations.map(|d| seconds(d.p95)),
        p99_duration_seconds: durations.map(|d| seconds(d.p99)),
    })
}

fn active_alert(record: &AlertRecord) -> ActiveAlert {
    ActiveAlert {
        alert_type: record.kind.clone(),
        severity: record.severity.into(),
        message: record.message.clone(),
        since: time(record.since),
        last_notified: record.last_notified.map(time),
        exit_code: record.exit_code,
        reason: record.reason.clone(),
        suggested_fix: record.suggested_fix.clone(),
    }
}

fn active_job(job: &RunningJob) -> ActiveJob {
    ActiveJob {
        name: job.name.clone(),
        start_time: time(job.started_at),
        running_duration: None,
        pod_phase: job.pod_phase.clone(),
        pod_name: job.pod_name.clone(),
        ready: job.ready.clone(),
    }
}

/// The monitor's status (without `lastReconcileTime`); `previous` keeps the Ready
/// condition's transition time while its status stays the same.
pub(crate) fn monitor_status(
    entry: &MonitorEntry,
    cron_jobs: Vec<CronJobStatus>,
    previous: Option<&CronJobMonitorStatus>,
    now: Timestamp,
) -> CronJobMonitorStatus {
    let summary = summary(&cron_jobs);
    let (phase, ready, reason, message) = match &entry.state {
        MonitorState::Valid(_) => {
            let troubled = summary.critical + summary.warning > 0;
            let phase = if troubled {
                MonitorPhase::Degraded
            } else {
                MonitorPhase::Active
            };
            let message = format!("Monitoring {} CronJob(s)", cron_jobs.len());
            (phase, "True", "Reconciled".to_owned(), message)
        }
        MonitorState::Invalid(invalid) => {
            let reason = invalid.reason().to_owned();
            (MonitorPhase::Error, "False", reason, invalid.to_string())
        }
        MonitorState::Malformed(error) => (
            MonitorPhase::Error,
            "False",
            "MalformedSpec".to_owned(),
            error.clone(),
        ),
    };
    let old = previous.and_then(|status| status.conditions.iter().find(|c| c.type_ == READY));
    let transitioned = old
        .filter(|condition| condition.status == ready)
        .map_or_else(
            || time(now),
            |condition| condition.last_transition_time.clone(),
        );
    let condition = Condition {
        type_: READY.to_owned(),
        status: ready.to_owned(),
        reason,
        message,
        observed_generation: Some(entry.generation),
        last_transition_time: transitioned,
    };
    let mut conditions: Vec<Condition> = previous
        .map(|status| {
            status
                .conditions
                .iter()
                .filter(|c| c.type_ != READY)
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    conditions.insert(0, condition);
    CronJobMonitorStatus {
        observed_generation: Some(entry.generation),
        phase: Some(phase),
        last_reconcile_time: None,
        summary: Some(summary),
        cron_jobs,
        conditions,
    }
}

fn summary(cron_jobs: &[CronJobStatus]) -> MonitorSummary {
    let count = |n: usize| i32::try_from(n).unwrap_or(i32::MAX);
    let mut summary = MonitorSummary {
        total_cron_jobs: count(cron_jobs.len()),
        ..MonitorSummary::default()
    };
    for status in cron_jobs {
        match status.status {
            CronJobHealth::Healthy => summary.healthy += 1,
            CronJobHealth::Warning => summary.warning += 1,
            CronJobHealth::Critical => summary.critical += 1,
            CronJobHealth::Suspended | CronJobHealth::Unknown => {}
        }
        summary.suspended += i32::from(status.suspended);
        summary.running += i32::from(!status.active_jobs.is_empty());
        summary.active_alerts += count(status.active_alerts.len());
    }
    summary
}

/// Equal apart from `lastReconcileTime`.
pub(crate) fn same(a: &CronJobMonitorStatus, b: &CronJobMonitorStatus) -> bool {
    let strip = |status: &CronJobMonitorStatus| CronJobMonitorStatus {
        last_reconcile_time: None,
        ..status.clone()
    };
    strip(a) == strip(b)
}
