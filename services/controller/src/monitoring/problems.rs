//! Problems as alerts present them: the Go operator's type names, built-in severities
//! (overridable per monitor), titles and messages. Messages avoid live counters (such as
//! "for 2h3m") so an unchanged problem yields an unchanged record and no write.

use guardian_core::alerting::{Problem, alert_key, kinds};
use guardian_core::deadman::{Missed, Stale, SuspendedTooLong};
use guardian_core::duration::format as duration;
use guardian_core::regression::RegressionVerdict;
use guardian_core::sla::Breach;
use guardian_core::{CronJobRef, Severity};
use guardian_kube::crd::convert::MonitorPolicy;
use jiff::{SignedDuration, Timestamp};

/// Every kind a monitor observes for each CronJob, so a cleared problem always resolves.
pub(crate) const ALL_KINDS: [&str; 7] = [
    kinds::DEAD_MAN_TRIGGERED,
    kinds::MISSED_SCHEDULE,
    kinds::SLA_BREACHED,
    kinds::DURATION_REGRESSION,
    kinds::JOB_FAILED,
    kinds::STUCK_JOB,
    kinds::SUSPENDED_TOO_LONG,
];

/// The Go operator's severity per kind; dead-man and missed schedules page, the rest warn.
fn builtin_severity(kind: &str) -> Severity {
    match kind {
        kinds::DEAD_MAN_TRIGGERED | kinds::MISSED_SCHEDULE => Severity::Critical,
        _ => Severity::Warning,
    }
}

fn title_of(kind: &str) -> &'static str {
    match kind {
        kinds::DEAD_MAN_TRIGGERED => "Dead-man's switch triggered",
        kinds::MISSED_SCHEDULE => "Missed schedule",
        kinds::SLA_BREACHED => "SLA breached",
        kinds::DURATION_REGRESSION => "Duration regression",
        kinds::JOB_FAILED => "Job failed",
        kinds::STUCK_JOB => "Job stuck",
        kinds::SUSPENDED_TOO_LONG => "Suspended too long",
        _ => "Problem",
    }
}

/// A time as status and messages show it: RFC 3339, whole seconds.
pub(crate) fn at(time: Timestamp) -> String {
    jiff::fmt::strtime::format("%Y-%m-%dT%H:%M:%SZ", time).unwrap_or_else(|_| time.to_string())
}

/// Builds problems of one monitor for one CronJob.
pub(crate) struct Problems<'a> {
    pub monitor: &'a CronJobRef,
    pub cronjob: &'a CronJobRef,
    pub policy: &'a MonitorPolicy,
}

impl Problems<'_> {
    pub(crate) fn key(&self, kind: &str) -> String {
        alert_key(Some(self.monitor), self.cronjob, kind)
    }

    fn problem(&self, kind: &'static str, message: String) -> Problem {
        Problem {
            key: self.key(kind),
            kind: kind.to_owned(),
            severity: self
                .policy
                .alerting
                .severity_for(kind, builtin_severity(kind)),
            cronjob: self.cronjob.clone(),
            monitor: Some(self.monitor.clone()),
            title: format!("{}: {}", title_of(kind), self.cronjob),
            message,
            exit_code: None,
            reason: None,
            suggested_fix: None,
        }
    }

    pub(crate) fn stale(&self, stale: &Stale) -> Problem {
        let limit = duration(stale.limit);
        let message = match stale.last_success {
            Some(last) => format!("No successful run since {} (limit {limit})", at(last)),
            None => format!("No successful run since monitoring began (limit {limit})"),
        };
        self.problem(kinds::DEAD_MAN_TRIGGERED, message)
    }

    pub(crate) fn missed(&self, missed: &Missed) -> Problem {
        let more = if missed.capped { " or more" } else { "" };
        let message = format!(
            "{}{more} scheduled run(s) missed (threshold {}): first at {}, last at {}",
            missed.count,
            missed.threshold,
            at(missed.first_missed),
            at(missed.last_missed)
        );
        self.problem(kinds::MISSED_SCHEDULE, message)
    }

    pub(crate) fn suspended(&self, suspended: &SuspendedTooLong) -> Problem {
        let message = format!(
            "Suspended since {} (limit {})",
            at(suspended.since),
            duration(suspended.limit)
        );
        self.problem(kinds::SUSPENDED_TOO_LONG, message)
    }

    /// One slaBreached problem for the success-rate and last-run breaches together.
    pub(crate) fn sla(&self, breaches: &[Breach]) -> Option<Problem> {
        let texts: Vec<String> = breaches
            .iter()
            .filter_map(|breach| match breach {
                Breach::SuccessRate { percent, minimum, failed, total } => Some(format!(
                    "success rate {percent:.1}% is below {minimum}% ({failed} of {total} runs failed)"
                )),
                Breach::LastRunTooLong { took, max } => Some(format!(
                    "last run took {} (maxDuration {})",
                    duration(round(*took)),
                    duration(*max)
                )),
                Breach::RunningTooLong { .. } => None,
            })
            .collect();
        (!texts.is_empty())
            .then(|| self.problem(kinds::SLA_BREACHED, capitalise(&texts.join("; "))))
    }

    pub(crate) fn stuck(&self, job: &str, since: Timestamp, max: SignedDuration) -> Problem {
        let message = format!(
            "Job {job} has been running since {}, longer than maxDuration {}",
            at(since),
            duration(max)
        );
        self.problem(kinds::STUCK_JOB, message)
    }

    pub(crate) fn regression(&self, verdict: &RegressionVerdict) -> Option<Problem> {
        let RegressionVerdict::Regressed {
            baseline_p95,
            recent_p95,
            increase_percent,
            threshold_percent,
        } = verdict
        else {
            return None;
        };
        let message = format!(
            "P95 duration {} is {increase_percent:.0}% above the baseline P95 {} (threshold {threshold_percent}%)",
            duration(round(*recent_p95)),
            duration(round(*baseline_p95))
        );
        Some(self.problem(kinds::DURATION_REGRESSION, message))
    }

    pub(crate) fn failed(
        &self,
        job: &str,
        exit_code: Option<i32>,
        reason: Option<&str>,
        fix: Option<String>,
    ) -> Problem {
        let mut message = format!("Job {job} failed");
        if let Some(reason) = reason {
            message.push_str(&format!(": {reason}"));
        }
        if let Some(code) = exit_code {
            message.push_str(&format!(" (exit code {code})"));
        }
        Problem {
            exit_code,
            reason: reason.map(str::to_owned),
            suggested_fix: fix,
            ..self.problem(kinds::JOB_FAILED, message)
        }
    }
}

/// Whole milliseconds: enough for messages, and stable across recomputation.
fn round(value: SignedDuration) -> SignedDuration {
    SignedDuration::from_millis(value.as_millis() as i64)
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
