//! One valid monitor within a pass: select its CronJobs, gather each one's inputs,
//! analyse, step its alerts and build its `status.cronJobs`.

use std::collections::HashMap;

use guardian_core::alerting::Policy;
use guardian_core::deadman::Suspension;
use guardian_core::selector::{Candidate, Labels};
use guardian_core::{CronJobRef, Outcome};
use guardian_kube::cluster_index::ClusterIndex;
use guardian_kube::crd::CronJobStatus;
use guardian_kube::crd::convert::MonitorPolicy;
use guardian_kube::view::{CronJobView, ObjectKey};
use guardian_store::StoreError;
use jiff::{SignedDuration, Timestamp};

use super::alerts::AlertBook;
use super::analysis::{self, Figures, RunningJob, Subject};
use super::history::HistoryCache;
use super::metrics;
use super::mirror::Mirror;
use super::status::{CronJobReport, cronjob_status};

/// SLA figures per (monitor, CronJob): the history version and time they were computed at.
pub(crate) type FigureCache = HashMap<(CronJobRef, CronJobRef), (u64, Timestamp, Figures)>;

/// What every monitor of a pass shares.
pub(crate) struct PassInputs<'a> {
    pub now: Timestamp,
    pub cronjobs: &'a [CronJobView],
    pub namespaces: &'a Mirror<String, Labels>,
    pub index: &'a ClusterIndex,
    pub suspensions: &'a HashMap<CronJobRef, Suspension>,
    pub grace_until: Timestamp,
    /// Oldest run any monitor needs.
    pub since: Timestamp,
    pub sla_interval: SignedDuration,
}

/// Mutable state a monitor's evaluation updates.
pub(crate) struct PassState<'a> {
    pub history: &'a mut HistoryCache,
    pub figures: &'a mut FigureCache,
    pub book: &'a mut AlertBook,
    pub wake_at: &'a mut Option<Timestamp>,
}

/// The CronJobs `policy` selects, by namespace and name.
pub(crate) fn selected<'a>(
    policy: &MonitorPolicy,
    inputs: &PassInputs<'a>,
) -> Vec<&'a CronJobView> {
    let none = Labels::new();
    inputs
        .cronjobs
        .iter()
        .filter(|view| {
            policy.selector.matches(&Candidate {
                namespace: &view.namespace,
                name: &view.name,
                labels: &view.labels,
                namespace_labels: inputs.namespaces.get(&view.namespace).unwrap_or(&none),
            })
        })
        .collect()
}

/// Analyses every CronJob of one monitor; returns their statuses.
pub(crate) async fn evaluate(
    monitor: &CronJobRef,
    policy: &MonitorPolicy,
    inputs: &PassInputs<'_>,
    state: &mut PassState<'_>,
) -> Result<Vec<CronJobStatus>, StoreError> {
    let mut statuses = Vec::new();
    for view in selected(policy, inputs) {
        let cronjob = view.cronjob_ref();
        let history = state.history.ensure(&cronjob, inputs.since).await?;
        let failed = history
            .latest_finished()
            .filter(|run| run.outcome == Outcome::Failed)
            .map(|run| run.job_uid.clone());
        let context = &policy.alerting.context;
        let wanted =
            context.suggested_fixes || context.logs || context.events || context.pod_status;
        if let Some(uid) = failed.filter(|_| wanted) {
            state.history.fetch_failure(&cronjob, &uid).await?;
        }
        statuses.extend(evaluate_one(monitor, policy, view, inputs, state));
    }
    Ok(statuses)
}

/// One CronJob whose history is loaded: analyse, step its alerts, build its status.
fn evaluate_one(
    monitor: &CronJobRef,
    policy: &MonitorPolicy,
    view: &CronJobView,
    inputs: &PassInputs<'_>,
    state: &mut PassState<'_>,
) -> Option<CronJobStatus> {
    let cronjob = view.cronjob_ref();
    let history = state.history.get(&cronjob)?;
    let key = (monitor.clone(), cronjob.clone());
    let figures = figures_for(state.figures, key, policy, history, inputs);
    let running = running_jobs(inputs.index, view);
    let subject = Subject {
        monitor,
        policy,
        cronjob: view,
        history,
        running: &running,
        suspension: inputs
            .suspensions
            .get(&cronjob)
            .copied()
            .unwrap_or_default(),
        grace_until: Some(inputs.grace_until),
        figures: &figures,
        failure: failed_context(history),
    };
    let findings = analysis::analyze(&subject, inputs.now);
    let timing = alert_policy(policy, inputs.grace_until, inputs.now);
    for (key, observation) in findings.observations {
        let deliver = policy.alerting.enabled;
        state
            .book
            .step(&key, observation, &timing, inputs.now, deliver);
    }
    *state.wake_at = earliest(*state.wake_at, findings.recheck_at);
    metrics::sla(monitor, &cronjob, &figures.stats);
    Some(cronjob_status(&CronJobReport {
        view,
        history,
        figures: &figures,
        running: &running,
        next_run: findings.next_run,
        firing: state.book.firing(monitor, &cronjob),
    }))
}

fn earliest(a: Option<Timestamp>, b: Option<Timestamp>) -> Option<Timestamp> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The cached figures, recomputed after new runs or once `sla_interval` has passed.
fn figures_for(
    cache: &mut FigureCache,
    key: (CronJobRef, CronJobRef),
    policy: &MonitorPolicy,
    history: &super::history::CronJobHistory,
    inputs: &PassInputs<'_>,
) -> Figures {
    let now = inputs.now;
    if let Some((version, at, figures)) = cache.get(&key) {
        let age = now.duration_since(*at);
        if *version == history.version && age >= SignedDuration::ZERO && age < inputs.sla_interval {
            return figures.clone();
        }
    }
    let figures = analysis::figures(policy, history, now);
    cache.insert(key, (history.version, now, figures.clone()));
    figures
}

fn failed_context(
    history: &super::history::CronJobHistory,
) -> Option<&guardian_core::fixes::FailureContext> {
    let latest = history.latest_finished()?;
    history.failure(&latest.job_uid)
}

/// Quiet while a maintenance window suppresses alerts or the startup grace lasts; a
/// problem still present when the quiet ends waits `alertDelay` from its end.
fn alert_policy(policy: &MonitorPolicy, grace_until: Timestamp, now: Timestamp) -> Policy {
    let mut timing = policy.alerting.timing;
    let grace = (now < grace_until).then_some(grace_until);
    timing.quiet_until = policy.maintenance.suppressed_until(now).max(grace);
    let grace_ended = (grace_until <= now).then_some(grace_until);
    timing.quiet_ended_at = policy
        .maintenance
        .last_suppression_end(now)
        .max(grace_ended);
    timing
}

/// The CronJob's runs in progress (its `status.active`), with their newest pod.
fn running_jobs(index: &ClusterIndex, view: &CronJobView) -> Vec<RunningJob> {
    view.active_jobs
        .iter()
        .filter_map(|name| {
            let job = index.job(&ObjectKey::new(&view.namespace, name))?;
            if job.condition("Complete").is_some() || job.condition("Failed").is_some() {
                return None;
            }
            let pod = index
                .pods_of(&job)
                .into_iter()
                .max_by_key(|pod| pod.created_at);
            Some(RunningJob {
                name: job.name.clone(),
                started_at: job.started_at.unwrap_or(job.created_at),
                pod_name: pod.as_ref().map(|pod| pod.name.clone()),
                pod_phase: pod.and_then(|pod| pod.phase),
                ready: None,
            })
        })
        .collect()
}
