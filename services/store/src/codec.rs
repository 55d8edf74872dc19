//! Rows as stored and the domain values they stand for. Times are unix milliseconds
//! and JSON is text on every back-end; a row that does not decode is `Corrupt`.

use guardian_core::{
    AlertRecord, Change, CronJobRecord, CronJobRef, Epoch, Event, Execution, Sequence,
};
use serde::{Deserialize, Serialize};

use crate::error::{Result, StoreError};
use crate::limits::{from_millis, to_millis};
use crate::mutes::{MuteColumns, mute_columns};
use crate::sql::{Arg, args};

/// A CronJobMonitor as the store keeps it, so query replicas can list monitors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonitorRecord {
    pub monitor: CronJobRef,
    pub generation: i64,
    pub spec: serde_json::Value,
    pub status: Option<serde_json::Value>,
}

/// An execution with its row id (the REST API's execution id).
#[derive(Debug, Clone, PartialEq)]
pub struct StoredExecution {
    pub id: i64,
    pub execution: Execution,
}

pub(crate) const EXECUTION_COLUMNS: &str = "id, job_uid, job_name, namespace, cronjob, \
    cronjob_uid, started_at, completed_at, outcome, exit_code, reason, logs, events, retries, manual";

pub(crate) const EXECUTION_INSERT_COLUMNS: &str = "job_uid, job_name, namespace, cronjob, \
    cronjob_uid, started_at, completed_at, duration_ms, outcome, exit_code, reason, logs, events, \
    retries, manual";

/// Values for [`EXECUTION_INSERT_COLUMNS`], in order.
pub(crate) fn execution_args(execution: &Execution) -> Result<Vec<Arg>> {
    let events = serde_json::to_string(&execution.events)
        .map_err(|error| StoreError::invalid(format!("events do not serialise: {error}")))?;
    let duration_ms = execution
        .completed_at
        .map(|done| to_millis(done) - to_millis(execution.started_at));
    Ok(args![
        execution.job_uid.as_str(),
        execution.job_name.as_str(),
        execution.cronjob.namespace.as_str(),
        execution.cronjob.name.as_str(),
        execution.cronjob_uid.clone(),
        to_millis(execution.started_at),
        execution.completed_at.map(to_millis),
        duration_ms,
        execution.outcome.as_str(),
        execution.exit_code,
        execution.reason.clone(),
        execution.logs.clone(),
        events,
        execution.retries,
        execution.manual,
    ])
}

#[derive(Debug, sqlx::FromRow)]
pub(crate) struct ExecutionRow {
    id: i64,
    job_uid: String,
    job_name: String,
    namespace: String,
    cronjob: String,
    cronjob_uid: Option<String>,
    started_at: i64,
    completed_at: Option<i64>,
    outcome: String,
    exit_code: Option<i32>,
    reason: Option<String>,
    logs: Option<String>,
    events: String,
    retries: i32,
    manual: bool,
}

impl ExecutionRow {
    pub(crate) fn decode(self) -> Result<StoredExecution> {
        let outcome = self
            .outcome
            .parse()
            .map_err(|error| corrupt("executions", self.id, error))?;
        let events = serde_json::from_str(&self.events)
            .map_err(|error| corrupt("executions", self.id, error))?;
        let execution = Execution {
            job_uid: self.job_uid,
            job_name: self.job_name,
            cronjob: CronJobRef::new(self.namespace, self.cronjob),
            cronjob_uid: self.cronjob_uid,
            started_at: from_millis(self.started_at)?,
            completed_at: self.completed_at.map(from_millis).transpose()?,
            outcome,
            exit_code: self.exit_code,
            reason: self.reason,
            logs: self.logs,
            events,
            retries: self.retries,
            manual: self.manual,
        };
        Ok(StoredExecution {
            id: self.id,
            execution,
        })
    }
}

pub(crate) const CRONJOB_COLUMNS: &str = "namespace, name, uid, schedule, time_zone, suspended, \
    first_seen_at, last_seen_at, deleted_at";

/// Values for [`CRONJOB_COLUMNS`], in order.
pub(crate) fn cronjob_args(record: &CronJobRecord) -> Vec<Arg> {
    args![
        record.cronjob.namespace.as_str(),
        record.cronjob.name.as_str(),
        record.uid.as_str(),
        record.schedule.as_str(),
        record.time_zone.clone(),
        record.suspended,
        to_millis(record.first_seen_at),
        to_millis(record.last_seen_at),
        record.deleted_at.map(to_millis),
    ]
}

#[derive(Debug, sqlx::FromRow)]
pub(crate) struct CronJobRow {
    namespace: String,
    name: String,
    uid: String,
    schedule: String,
    time_zone: Option<String>,
    suspended: bool,
    first_seen_at: i64,
    last_seen_at: i64,
    deleted_at: Option<i64>,
}

impl CronJobRow {
    pub(crate) fn decode(self) -> Result<CronJobRecord> {
        Ok(CronJobRecord {
            cronjob: CronJobRef::new(self.namespace, self.name),
            uid: self.uid,
            schedule: self.schedule,
            time_zone: self.time_zone,
            suspended: self.suspended,
            first_seen_at: from_millis(self.first_seen_at)?,
            last_seen_at: from_millis(self.last_seen_at)?,
            deleted_at: self.deleted_at.map(from_millis).transpose()?,
        })
    }
}

/// The alert columns the monitoring loop writes (acknowledgement and silence excluded).
macro_rules! alert_write_columns {
    () => {
        "key, kind, severity, state, namespace, cronjob, monitor_namespace, monitor_name, \
        title, message, since, last_notified, resolved_at, exit_code, reason, suggested_fix"
    };
}

pub(crate) const ALERT_WRITE_COLUMNS: &str = alert_write_columns!();
/// Every alert column, as [`AlertRow`] reads them.
pub(crate) const ALERT_COLUMNS: &str = concat!(alert_write_columns!(), ", ", mute_columns!());

/// Values for [`ALERT_WRITE_COLUMNS`], in order.
pub(crate) fn alert_args(alert: &AlertRecord) -> Vec<Arg> {
    args![
        alert.key.as_str(),
        alert.kind.as_str(),
        alert.severity.as_str(),
        alert.state.as_str(),
        alert.cronjob.namespace.as_str(),
        alert.cronjob.name.as_str(),
        alert
            .monitor
            .as_ref()
            .map(|monitor| monitor.namespace.clone()),
        alert.monitor.as_ref().map(|monitor| monitor.name.clone()),
        alert.title.as_str(),
        alert.message.as_str(),
        to_millis(alert.since),
        alert.last_notified.map(to_millis),
        alert.resolved_at.map(to_millis),
        alert.exit_code,
        alert.reason.clone(),
        alert.suggested_fix.clone(),
    ]
}

#[derive(Debug, sqlx::FromRow)]
pub(crate) struct AlertRow {
    key: String,
    kind: String,
    severity: String,
    state: String,
    namespace: String,
    cronjob: String,
    monitor_namespace: Option<String>,
    monitor_name: Option<String>,
    title: String,
    message: String,
    since: i64,
    last_notified: Option<i64>,
    resolved_at: Option<i64>,
    exit_code: Option<i32>,
    reason: Option<String>,
    suggested_fix: Option<String>,
    #[sqlx(flatten)]
    mutes: MuteColumns,
}

impl AlertRow {
    pub(crate) fn decode(self) -> Result<AlertRecord> {
        let severity =
            enum_from_name(&self.severity).map_err(|error| corrupt("alerts", &self.key, error))?;
        let state =
            enum_from_name(&self.state).map_err(|error| corrupt("alerts", &self.key, error))?;
        let monitor = match (self.monitor_namespace, self.monitor_name) {
            (Some(namespace), Some(name)) => Some(CronJobRef::new(namespace, name)),
            _ => None,
        };
        Ok(AlertRecord {
            key: self.key,
            kind: self.kind,
            severity,
            state,
            cronjob: CronJobRef::new(self.namespace, self.cronjob),
            monitor,
            title: self.title,
            message: self.message,
            since: from_millis(self.since)?,
            last_notified: self.last_notified.map(from_millis).transpose()?,
            resolved_at: self.resolved_at.map(from_millis).transpose()?,
            exit_code: self.exit_code,
            reason: self.reason,
            suggested_fix: self.suggested_fix,
            acknowledged: self.mutes.acknowledgement()?,
            silenced: self.mutes.silence()?,
        })
    }
}

/// Severity and alert state are stored under their serde (lowercase) names.
fn enum_from_name<T: serde::de::DeserializeOwned>(name: &str) -> Result<T, serde_json::Error> {
    serde_json::from_value(serde_json::Value::String(name.to_owned()))
}

#[derive(Debug, sqlx::FromRow)]
pub(crate) struct MonitorRow {
    namespace: String,
    name: String,
    generation: i64,
    spec: String,
    status: Option<String>,
}

impl MonitorRow {
    pub(crate) fn decode(self) -> Result<MonitorRecord> {
        let key = format!("{}/{}", self.namespace, self.name);
        let spec =
            serde_json::from_str(&self.spec).map_err(|error| corrupt("monitors", &key, error))?;
        let status = self
            .status
            .map(|status| serde_json::from_str(&status))
            .transpose()
            .map_err(|error| corrupt("monitors", &key, error))?;
        Ok(MonitorRecord {
            monitor: CronJobRef::new(self.namespace, self.name),
            generation: self.generation,
            spec,
            status,
        })
    }
}

#[derive(Debug, sqlx::FromRow)]
pub(crate) struct EventRow {
    sequence: i64,
    epoch: i64,
    at: i64,
    payload: String,
}

impl EventRow {
    pub(crate) fn decode(self) -> Result<Event> {
        let change: Change = serde_json::from_str(&self.payload)
            .map_err(|error| corrupt("events", self.sequence, error))?;
        Ok(Event {
            sequence: Sequence(self.sequence),
            epoch: Epoch(self.epoch),
            at: from_millis(self.at)?,
            change,
        })
    }
}

/// Values for one outbox row: sequence, epoch, at, payload.
pub(crate) fn event_args(event: &Event) -> Result<Vec<Arg>> {
    let payload = serde_json::to_string(&event.change)
        .map_err(|error| StoreError::invalid(format!("event does not serialise: {error}")))?;
    Ok(args![
        event.sequence.0,
        event.epoch.0,
        to_millis(event.at),
        payload
    ])
}

fn corrupt(table: &str, key: impl std::fmt::Display, error: impl std::fmt::Display) -> StoreError {
    StoreError::corrupt(format!("{table} row {key}: {error}"))
}
