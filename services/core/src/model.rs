//! Plain data the whole product speaks in: CronJobs, executions, alerts, epochs and
//! outbox events. Adapters convert to and from these; the core decides on them.

use std::fmt;
use std::str::FromStr;

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

/// A CronJob (or anything namespaced) by namespace and name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CronJobRef {
    pub namespace: String,
    pub name: String,
}

impl CronJobRef {
    pub fn new(namespace: impl Into<String>, name: impl Into<String>) -> Self {
        Self {
            namespace: namespace.into(),
            name: name.into(),
        }
    }
}

impl fmt::Display for CronJobRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.namespace, self.name)
    }
}

/// How a Job ended, decided from its `Complete`/`Failed` conditions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Running,
    #[serde(rename = "success")]
    Succeeded,
    Failed,
}

impl Outcome {
    /// The name the existing operator's REST API uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Running => "running",
            Outcome::Succeeded => "success",
            Outcome::Failed => "failed",
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An outcome name that is not `running`, `success` or `failed`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown outcome {0:?} (expected running, success or failed)")]
pub struct UnknownOutcome(pub String);

impl FromStr for Outcome {
    type Err = UnknownOutcome;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "running" => Ok(Outcome::Running),
            "success" | "succeeded" => Ok(Outcome::Succeeded),
            "failed" => Ok(Outcome::Failed),
            other => Err(UnknownOutcome(other.to_owned())),
        }
    }
}

/// One run of a CronJob: exactly one per Job UID, whatever is replayed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Execution {
    pub job_uid: String,
    pub job_name: String,
    pub cronjob: CronJobRef,
    pub cronjob_uid: Option<String>,
    pub started_at: Timestamp,
    pub completed_at: Option<Timestamp>,
    pub outcome: Outcome,
    pub exit_code: Option<i32>,
    pub reason: Option<String>,
    /// Bounded excerpt of the failed container's log.
    pub logs: Option<String>,
    /// The Job's events, one line each (`Reason: message`).
    pub events: Vec<String>,
    /// Pods that failed before the final outcome (backoffLimit retries).
    pub retries: i32,
    /// True when the Job was created by hand (trigger) rather than by the schedule.
    pub manual: bool,
}

/// A 64-bit digest of a Job UID, for in-memory sets and maps keyed by very many UIDs
/// (a `String` key costs ~80 bytes). Digests are not unique: callers say what a shared
/// one would cost; at 100k UIDs the odds of any are ~3e-10.
pub fn uid_digest(uid: &str) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut hasher = DefaultHasher::new();
    uid.hash(&mut hasher);
    hasher.finish()
}

impl Execution {
    /// Wall time from start to completion; `None` while running.
    pub fn duration(&self) -> Option<SignedDuration> {
        self.completed_at
            .map(|done| done.duration_since(self.started_at))
    }
}

/// What the store knows of a CronJob it has seen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CronJobRecord {
    pub cronjob: CronJobRef,
    pub uid: String,
    pub schedule: String,
    pub time_zone: Option<String>,
    pub suspended: bool,
    pub first_seen_at: Timestamp,
    pub last_seen_at: Timestamp,
    /// Set when the CronJob disappeared from the cluster.
    pub deleted_at: Option<Timestamp>,
}

/// The leader's fencing token: strictly larger for every new leadership.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Epoch(pub i64);

impl fmt::Display for Epoch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Position in the outbox: strictly increasing, gap-free in commit order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Sequence(pub i64);

impl fmt::Display for Sequence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// What changed, as carried by an outbox event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
// Adjacent tagging: an internal "kind" tag collided with `AlertRecord::kind`.
#[serde(tag = "kind", content = "data", rename_all = "snake_case")]
pub enum Change {
    /// An execution was recorded or updated (running → finished).
    Execution(Execution),
    /// A CronJob was seen, changed, or deleted.
    CronJob(CronJobRecord),
    /// An alert changed state.
    Alert(AlertRecord),
    /// A CronJob's history was deleted.
    HistoryDeleted {
        cronjob: CronJobRef,
        executions_deleted: i64,
    },
}

/// One committed outbox row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub sequence: Sequence,
    pub epoch: Epoch,
    pub at: Timestamp,
    pub change: Change,
}

/// Alert severity, as the existing operator names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Critical,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Critical => "critical",
        }
    }
}

/// Where an alert is in its life cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AlertState {
    Pending,
    Firing,
    Resolved,
}

impl AlertState {
    pub fn as_str(self) -> &'static str {
        match self {
            AlertState::Pending => "pending",
            AlertState::Firing => "firing",
            AlertState::Resolved => "resolved",
        }
    }
}

/// A persisted alert. `key` is stable across failovers (it is the PagerDuty dedup key).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlertRecord {
    pub key: String,
    /// The existing operator's type name: jobFailed, deadManTriggered, missedSchedule, ...
    pub kind: String,
    pub severity: Severity,
    pub state: AlertState,
    pub cronjob: CronJobRef,
    pub monitor: Option<CronJobRef>,
    pub title: String,
    pub message: String,
    pub since: Timestamp,
    pub last_notified: Option<Timestamp>,
    pub resolved_at: Option<Timestamp>,
    pub exit_code: Option<i32>,
    pub reason: Option<String>,
    pub suggested_fix: Option<String>,
    /// Set by `AcknowledgeAlert` for the occurrence that began at `since`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledged: Option<Box<Acknowledgement>>,
    /// Set by `SilenceAlert`; holds for the alert's key across occurrences until it ends.
    /// (Both boxed: rarely set, and they would make every `Change` large.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub silenced: Option<Box<Silence>>,
}

impl AlertRecord {
    /// The acknowledgement of the current occurrence; one given before the alert resolved
    /// and came back has lapsed.
    pub fn acknowledgement(&self) -> Option<&Acknowledgement> {
        self.acknowledged
            .as_deref()
            .filter(|ack| ack.at >= self.since)
    }

    /// The silence in force at `now`, if any.
    pub fn silence_at(&self, now: Timestamp) -> Option<&Silence> {
        self.silenced
            .as_deref()
            .filter(|silence| now < silence.until)
    }
}

/// Someone has seen an alert: it stays active but is not re-notified until it resolves.
/// It covers only the occurrence that was active when it was given (`at >= since`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acknowledgement {
    pub at: Timestamp,
    pub by: Option<String>,
    pub note: Option<String>,
}

/// No notifications for an alert before `until`; resolve notices still go out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Silence {
    pub until: Timestamp,
    pub at: Timestamp,
    pub by: Option<String>,
    pub reason: Option<String>,
}
