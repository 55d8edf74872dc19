//! One monitor's view of one CronJob at one instant: the core's decisions, run on what
//! the leader knows, turned into an observation (present or absent) per alert kind.
//! No I/O here; inputs are gathered by the pass.

use guardian_core::alerting::{Observation, Problem};
use guardian_core::deadman::{self, JobFacts, LastSuccess, Suspension};
use guardian_core::fixes::FailureContext;
use guardian_core::regression::{self, RegressionVerdict};
use guardian_core::sla::{self, LatestRuns, SlaStats, Window};
use guardian_core::{CronJobRef, Schedule};
use guardian_kube::crd::convert::MonitorPolicy;
use guardian_kube::view::CronJobView;
use jiff::{SignedDuration, Timestamp};

use super::history::CronJobHistory;
use super::problems::{ALL_KINDS, Problems};

/// A run in progress, from the warm index.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RunningJob {
    pub name: String,
    pub started_at: Timestamp,
    pub pod_name: Option<String>,
    pub pod_phase: Option<String>,
    pub ready: Option<String>,
}

/// SLA figures and the regression verdict: the costly part, reused between passes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Figures {
    pub stats: SlaStats,
    pub regression: RegressionVerdict,
}

/// How far back the analysis of `policy` reads: the SLA window, or the regression's
/// baseline plus its recent window, whichever reaches further.
pub(crate) fn lookback(policy: &MonitorPolicy) -> SignedDuration {
    let sla_days = i64::from(policy.sla.window_days.max(1));
    let regression = policy.sla.regression;
    let baseline = SignedDuration::from_hours(24 * i64::from(regression.baseline_days.max(0)));
    SignedDuration::from_hours(24 * sla_days).max(baseline + regression.recent_window)
}

pub(crate) fn figures(policy: &MonitorPolicy, history: &CronJobHistory, now: Timestamp) -> Figures {
    let samples = history.samples();
    Figures {
        stats: SlaStats::from_samples(&samples, Window::last_days(now, policy.sla.window_days)),
        regression: regression::detect(&samples, &policy.sla.regression, now),
    }
}

/// Everything known about one (monitor, CronJob) pair.
pub(crate) struct Subject<'a> {
    pub monitor: &'a CronJobRef,
    pub policy: &'a MonitorPolicy,
    pub cronjob: &'a CronJobView,
    pub history: &'a CronJobHistory,
    pub running: &'a [RunningJob],
    pub suspension: Suspension,
    pub grace_until: Option<Timestamp>,
    pub figures: &'a Figures,
    pub failure: Option<&'a FailureContext>,
}

/// What the analysis found.
#[derive(Debug)]
pub(crate) struct Findings {
    /// One per kind of [`ALL_KINDS`], keyed by alert key.
    pub observations: Vec<(String, Observation)>,
    /// The next instant a verdict can change without new data.
    pub recheck_at: Option<Timestamp>,
    pub next_run: Option<Timestamp>,
}

pub(crate) fn analyze(subject: &Subject<'_>, now: Timestamp) -> Findings {
    let cronjob = subject.cronjob.cronjob_ref();
    let problems = Problems {
        monitor: subject.monitor,
        cronjob: &cronjob,
        policy: subject.policy,
    };
    let mut present = Vec::new();
    let tracked = tracked_since(subject, now);
    let schedule = schedule_of(subject.cronjob, tracked);
    let mut recheck_at = None;
    let mut paused = false;
    if let Some(schedule) = &schedule {
        let policy = subject.policy.dead_man_policy(subject.grace_until);
        let verdict = deadman::check(&facts(subject, schedule, tracked), &policy, now);
        present.extend(verdict.stale.map(|stale| problems.stale(&stale)));
        present.extend(verdict.missed.map(|missed| problems.missed(&missed)));
        present.extend(
            verdict
                .suspended_too_long
                .map(|long| problems.suspended(&long)),
        );
        recheck_at = verdict.recheck_at;
        paused = verdict.paused;
    }
    // A run turns stuck at start + maxDuration: wake up then, not at the next full pass.
    recheck_at = [recheck_at, stuck_at(subject, now)]
        .into_iter()
        .flatten()
        .min();
    if !paused {
        present.extend(sla_problems(subject, &problems, now));
        present.extend(failed_problem(subject, &problems));
    }
    let next_run = schedule
        .as_ref()
        .filter(|_| !subject.cronjob.suspend)
        .and_then(|schedule| schedule.next_after(now));
    let observations = ALL_KINDS
        .iter()
        .map(|kind| {
            let key = problems.key(kind);
            let found = present
                .iter()
                .find(|problem| problem.kind == *kind)
                .cloned();
            (key, found.map_or(Observation::Absent, Observation::present))
        })
        .collect();
    Findings {
        observations,
        recheck_at,
        next_run,
    }
}

/// The CronJob's schedule; one the API server let through but we cannot read is logged
/// and skips the schedule-based checks rather than guessing.
fn schedule_of(view: &CronJobView, tracked: Timestamp) -> Option<Schedule> {
    match Schedule::parse(&view.schedule, view.time_zone.as_deref()) {
        Ok(schedule) => Some(schedule.anchored_at(tracked)),
        Err(error) => {
            tracing::warn!(cronjob = %view.key(), %error, "cannot read the CronJob's schedule");
            None
        }
    }
}

/// When history for the CronJob begins: first seen by the store or its oldest run,
/// whichever is earlier, else now (nothing is held against a CronJob nobody has seen).
fn tracked_since(subject: &Subject<'_>, now: Timestamp) -> Timestamp {
    let history = subject.history;
    let oldest_running = subject.running.iter().map(|job| job.started_at).min();
    [history.first_seen, history.oldest_start(), oldest_running]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(now)
        .min(now)
}

fn facts<'a>(subject: &Subject<'_>, schedule: &'a Schedule, tracked: Timestamp) -> JobFacts<'a> {
    JobFacts {
        schedule,
        last_success: subject
            .history
            .last_success
            .as_ref()
            .map(|run| LastSuccess {
                started_at: run.started_at,
                finished_at: run.ended_at(),
            }),
        running_since: subject.running.iter().map(|job| job.started_at).collect(),
        tracked_since: tracked,
        suspension: subject.suspension,
    }
}

fn sla_problems(subject: &Subject<'_>, problems: &Problems<'_>, now: Timestamp) -> Vec<Problem> {
    let settings = &subject.policy.sla;
    let oldest = subject.running.iter().min_by_key(|job| job.started_at);
    let latest = LatestRuns {
        last_finished: subject
            .history
            .latest_finished()
            .and_then(|run| run.duration()),
        oldest_running_since: oldest.map(|job| job.started_at),
    };
    let breaches = sla::evaluate(&subject.figures.stats, latest, &settings.policy, now);
    let mut found = Vec::new();
    // A stuck run is not a statistic: reported whenever maxDuration is set.
    if let (Some(job), Some(max)) = (oldest, settings.policy.max_duration)
        && breaches
            .iter()
            .any(|breach| matches!(breach, sla::Breach::RunningTooLong { .. }))
    {
        found.push(problems.stuck(&job.name, job.started_at, max));
    }
    if settings.enabled {
        found.extend(problems.sla(&breaches));
        found.extend(problems.regression(&subject.figures.regression));
    }
    found
}

/// The first instant after `now` at which a running job counts as stuck (it has run
/// longer than `maxDuration`, strictly), when one will.
fn stuck_at(subject: &Subject<'_>, now: Timestamp) -> Option<Timestamp> {
    let max = subject.policy.sla.policy.max_duration?;
    let oldest = subject.running.iter().map(|job| job.started_at).min()?;
    let at = oldest
        .checked_add(max)
        .and_then(|at| at.checked_add(jiff::SignedDuration::from_millis(1)))
        .ok()?;
    (at > now).then_some(at)
}

/// `jobFailed` while the latest finished run is a failure.
fn failed_problem(subject: &Subject<'_>, problems: &Problems<'_>) -> Option<Problem> {
    let latest = subject.history.latest_finished()?;
    if latest.outcome != guardian_core::Outcome::Failed {
        return None;
    }
    let alerting = &subject.policy.alerting;
    let fix = subject
        .failure
        .filter(|_| alerting.context.suggested_fixes)
        .map(|context| alerting.fixes.suggest_text(context));
    Some(problems.failed(
        &latest.job_name,
        latest.exit_code,
        latest.reason.as_deref(),
        fix,
    ))
}

#[cfg(test)]
mod tests;
