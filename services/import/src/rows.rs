//! Source rows as read (times already unix milliseconds) and their checked conversion
//! into our model. Pure: a row either becomes an [`Execution`] / [`AlertRecord`] with a
//! stable key, or a [`Skip`] that says why.
//!
//! Keys are derived, never allocated, so a second or resumed run writes the same keys
//! and the store's upserts make it land once:
//! - execution: `go-import/{namespace}/{cronjob}/{job}/{start ms}`, the identity the
//!   source's own rows have (it has no Job UID);
//! - alert: `go-import/{monitor ns}/{monitor}/{namespace}/{cronjob}/{kind}/{occurred ms}`.
//!
//! Kubernetes names cannot contain `/`, so the keys are unambiguous.

use std::fmt;

use guardian_core::alerting::kinds;
use guardian_core::{AlertRecord, AlertState, CronJobRef, Execution, Outcome, Severity};
use jiff::Timestamp;

/// Prefix of every key the import writes; the controller never writes one.
pub const KEY_PREFIX: &str = "go-import";

/// One `executions` row of the Go operator.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct SourceExecution {
    pub id: i64,
    pub cronjob_ns: Option<String>,
    pub cronjob_name: Option<String>,
    pub cronjob_uid: Option<String>,
    pub job_name: Option<String>,
    /// `None` when the stored time is missing or unreadable.
    pub start_ms: Option<i64>,
    pub completion_ms: Option<i64>,
    pub duration_secs: Option<f64>,
    pub succeeded: i64,
    pub exit_code: Option<i64>,
    pub reason: Option<String>,
    pub logs: Option<String>,
    pub events: Option<String>,
    pub created_ms: Option<i64>,
}

/// One `alert_history` row of the Go operator.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct SourceAlert {
    pub id: i64,
    pub alert_type: Option<String>,
    pub severity: Option<String>,
    pub title: Option<String>,
    pub message: Option<String>,
    pub cronjob_ns: Option<String>,
    pub cronjob_name: Option<String>,
    pub monitor_ns: Option<String>,
    pub monitor_name: Option<String>,
    pub channels_notified: Option<String>,
    pub occurred_ms: Option<i64>,
    pub resolved_ms: Option<i64>,
    pub exit_code: Option<i64>,
    pub reason: Option<String>,
    pub suggested_fix: Option<String>,
}

/// Which source table a skipped row came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Executions,
    AlertHistory,
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Table::Executions => "executions",
            Table::AlertHistory => "alert_history",
        })
    }
}

/// A source row that cannot be imported, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    pub table: Table,
    pub id: i64,
    pub reason: String,
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} id {}: {}", self.table, self.id, self.reason)
    }
}

/// Go's zero `time.Time` (year 1) and anything before 1970 mean "not set".
fn set_time(millis: Option<i64>) -> Option<i64> {
    millis.filter(|&ms| ms > 0)
}

fn timestamp(millis: i64) -> Result<Timestamp, String> {
    Timestamp::from_millisecond(millis).map_err(|_| format!("time {millis} ms is out of range"))
}

fn present(text: Option<String>) -> Option<String> {
    text.filter(|value| !value.trim().is_empty())
}

fn required(field: &str, text: Option<String>) -> Result<String, String> {
    present(text).ok_or_else(|| format!("{field} is empty"))
}

/// The execution's stable key (our `job_uid`).
pub fn execution_key(cronjob: &CronJobRef, job_name: &str, start_ms: i64) -> String {
    format!("{KEY_PREFIX}/{cronjob}/{job_name}/{start_ms}")
}

impl SourceExecution {
    /// The execution to store, or why not.
    pub fn convert(self) -> Result<Execution, Skip> {
        let id = self.id;
        self.checked().map_err(|reason| Skip {
            table: Table::Executions,
            id,
            reason,
        })
    }

    fn checked(self) -> Result<Execution, String> {
        let cronjob = CronJobRef::new(
            required("cronjob_ns", self.cronjob_ns)?,
            required("cronjob_name", self.cronjob_name)?,
        );
        let job_name = required("job_name", self.job_name)?;
        let start_ms = set_time(self.start_ms).ok_or("start_time is missing or unreadable")?;
        if let Some(duration) = self
            .duration_secs
            .filter(|duration| !duration.is_finite() || *duration < 0.0)
        {
            return Err(format!("impossible duration_secs {duration}"));
        }
        let completion_ms = match set_time(self.completion_ms) {
            Some(done) if done < start_ms => {
                return Err(format!(
                    "completion_time is {} ms before start_time",
                    start_ms - done
                ));
            }
            Some(done) => Some(done),
            // No completion stored: start + duration when known; a failed run without
            // either finished when the operator recorded it (it records finished Jobs).
            None => match self.duration_secs {
                Some(duration) => Some(start_ms + (duration * 1000.0).round() as i64),
                None => set_time(self.created_ms).filter(|&created| created >= start_ms),
            },
        };
        let succeeded = self.succeeded != 0;
        let exit_code = self
            .exit_code
            .map(|code| i32::try_from(code).map_err(|_| format!("exit_code {code} out of range")))
            .transpose()?
            .filter(|&code| code != 0 || !succeeded);
        let events = self
            .events
            .unwrap_or_default()
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_owned)
            .collect();
        Ok(Execution {
            job_uid: execution_key(&cronjob, &job_name, start_ms),
            job_name,
            cronjob,
            cronjob_uid: present(self.cronjob_uid),
            started_at: timestamp(start_ms)?,
            completed_at: completion_ms.map(timestamp).transpose()?,
            outcome: if succeeded {
                Outcome::Succeeded
            } else {
                Outcome::Failed
            },
            exit_code,
            reason: present(self.reason),
            logs: present(self.logs),
            events,
            retries: 0,
            manual: false,
        })
    }
}

/// Our kind name for the Go operator's alert type (`JobFailed` → `jobFailed`).
pub fn alert_kind(source: &str) -> Option<&'static str> {
    const KNOWN: [&str; 7] = [
        kinds::JOB_FAILED,
        kinds::DEAD_MAN_TRIGGERED,
        kinds::MISSED_SCHEDULE,
        kinds::SLA_BREACHED,
        kinds::DURATION_REGRESSION,
        kinds::SUSPENDED_TOO_LONG,
        kinds::STUCK_JOB,
    ];
    KNOWN
        .into_iter()
        .find(|kind| kind.eq_ignore_ascii_case(source.trim()))
}

impl SourceAlert {
    /// The alert to store, or why not. Every imported alert is stored `resolved`: it is
    /// history, and a live state under a key no monitor owns would never clear (the
    /// controller resolves orphaned monitor alerts and would send a resolve notice for
    /// each). An alert the source never resolved keeps `resolved_at` empty.
    pub fn convert(self) -> Result<AlertRecord, Skip> {
        let id = self.id;
        self.checked().map_err(|reason| Skip {
            table: Table::AlertHistory,
            id,
            reason,
        })
    }

    fn checked(self) -> Result<AlertRecord, String> {
        let source_type = self.alert_type.unwrap_or_default();
        let kind = alert_kind(&source_type)
            .ok_or_else(|| format!("unknown alert type {source_type:?}"))?;
        let severity_name = self.severity.unwrap_or_default();
        let severity = match severity_name.trim().to_ascii_lowercase().as_str() {
            "critical" => Severity::Critical,
            "warning" => Severity::Warning,
            "info" => Severity::Info,
            _ => return Err(format!("unknown severity {severity_name:?}")),
        };
        let cronjob = CronJobRef::new(
            required("cronjob_ns", self.cronjob_ns)?,
            required("cronjob_name", self.cronjob_name)?,
        );
        let monitor = match (present(self.monitor_ns), present(self.monitor_name)) {
            (Some(namespace), Some(name)) => Some(CronJobRef::new(namespace, name)),
            _ => None,
        };
        let occurred_ms =
            set_time(self.occurred_ms).ok_or("occurred_at is missing or unreadable")?;
        let resolved_ms = set_time(self.resolved_ms);
        if let Some(resolved) = resolved_ms.filter(|&resolved| resolved < occurred_ms) {
            return Err(format!(
                "resolved_at is {} ms before occurred_at",
                occurred_ms - resolved
            ));
        }
        let notified = present(self.channels_notified).is_some();
        let scope = monitor
            .as_ref()
            .map_or_else(String::new, |monitor| format!("{monitor}/"));
        Ok(AlertRecord {
            key: format!("{KEY_PREFIX}/{scope}{cronjob}/{kind}/{occurred_ms}"),
            kind: kind.to_owned(),
            severity,
            state: AlertState::Resolved,
            cronjob,
            monitor,
            title: required("title", self.title)?,
            message: self.message.unwrap_or_default(),
            since: timestamp(occurred_ms)?,
            last_notified: notified.then(|| timestamp(occurred_ms)).transpose()?,
            resolved_at: resolved_ms.map(timestamp).transpose()?,
            exit_code: self
                .exit_code
                .and_then(|code| i32::try_from(code).ok())
                .filter(|&code| code != 0),
            reason: present(self.reason),
            suggested_fix: present(self.suggested_fix),
            acknowledged: None,
            silenced: None,
        })
    }
}

#[cfg(test)]
#[path = "rows_tests.rs"]
mod tests;
