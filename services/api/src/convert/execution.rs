//! Executions: list items, detail views and summaries for the query API, and the
//! lossless `ExecutionChange` payload of the event stream.
//!
//! The domain `Execution` has no database id; the store passes it in.

use guardian_core::{Execution, Outcome};

use super::{go_duration, optional_timestamp, required_ref, required_timestamp, timestamp};
use crate::InputError;
use crate::v1::{
    ExecutionChange, ExecutionDetail, ExecutionItem, ExecutionOutcome, ExecutionSummary,
    NamespacedRef,
};

/// Builds the list view of an execution stored under `id`.
pub fn execution_item(id: i64, execution: &Execution) -> ExecutionItem {
    ExecutionItem {
        id,
        job_name: execution.job_name.clone(),
        status: execution.outcome.as_str().to_owned(),
        start_time: Some(timestamp(execution.started_at)),
        completion_time: execution.completed_at.map(timestamp),
        duration: duration_text(execution),
        exit_code: execution.exit_code.unwrap_or_default(),
        reason: execution.reason.clone(),
        is_retry: execution.retries > 0,
        retries: execution.retries,
        manual: execution.manual,
    }
}

/// Builds the detail view of an execution stored under `id`, with logs and events.
pub fn execution_detail(id: i64, execution: &Execution) -> ExecutionDetail {
    let stored_events = (!execution.events.is_empty()).then(|| execution.events.join("\n"));
    ExecutionDetail {
        id,
        cron_job_namespace: execution.cronjob.namespace.clone(),
        cron_job_name: execution.cronjob.name.clone(),
        cron_job_uid: execution.cronjob_uid.clone(),
        job_name: execution.job_name.clone(),
        status: execution.outcome.as_str().to_owned(),
        start_time: Some(timestamp(execution.started_at)),
        completion_time: execution.completed_at.map(timestamp),
        duration: duration_text(execution),
        exit_code: execution.exit_code.unwrap_or_default(),
        reason: execution.reason.clone(),
        is_retry: execution.retries > 0,
        retry_of: None,
        stored_logs: execution.logs.clone(),
        stored_events,
        retries: execution.retries,
        manual: execution.manual,
    }
}

/// Builds the "last execution" summary of a CronJob detail view.
pub fn execution_summary(execution: &Execution) -> ExecutionSummary {
    ExecutionSummary {
        job_name: execution.job_name.clone(),
        status: execution.outcome.as_str().to_owned(),
        start_time: Some(timestamp(execution.started_at)),
        completion_time: execution.completed_at.map(timestamp),
        duration: duration_text(execution),
        exit_code: execution.exit_code.unwrap_or_default(),
    }
}

/// Go-style wall time, empty while the run is still going.
fn duration_text(execution: &Execution) -> String {
    execution.duration().map(go_duration).unwrap_or_default()
}

impl From<Outcome> for ExecutionOutcome {
    fn from(outcome: Outcome) -> Self {
        match outcome {
            Outcome::Running => ExecutionOutcome::Running,
            Outcome::Succeeded => ExecutionOutcome::Succeeded,
            Outcome::Failed => ExecutionOutcome::Failed,
        }
    }
}

impl TryFrom<ExecutionOutcome> for Outcome {
    type Error = InputError;

    fn try_from(outcome: ExecutionOutcome) -> Result<Self, Self::Error> {
        match outcome {
            ExecutionOutcome::Running => Ok(Outcome::Running),
            ExecutionOutcome::Succeeded => Ok(Outcome::Succeeded),
            ExecutionOutcome::Failed => Ok(Outcome::Failed),
            ExecutionOutcome::Unspecified => Err(InputError::missing("outcome")),
        }
    }
}

impl From<&Execution> for ExecutionChange {
    fn from(execution: &Execution) -> Self {
        ExecutionChange {
            job_uid: execution.job_uid.clone(),
            job_name: execution.job_name.clone(),
            cronjob: Some(NamespacedRef::from(&execution.cronjob)),
            cron_job_uid: execution.cronjob_uid.clone(),
            start_time: Some(timestamp(execution.started_at)),
            completion_time: execution.completed_at.map(timestamp),
            outcome: ExecutionOutcome::from(execution.outcome).into(),
            exit_code: execution.exit_code,
            reason: execution.reason.clone(),
            logs: execution.logs.clone(),
            events: execution.events.clone(),
            retries: execution.retries,
            manual: execution.manual,
        }
    }
}

impl TryFrom<&ExecutionChange> for Execution {
    type Error = InputError;

    fn try_from(change: &ExecutionChange) -> Result<Self, Self::Error> {
        let outcome = ExecutionOutcome::try_from(change.outcome)
            .map_err(|_| InputError::new("outcome", format!("unknown value {}", change.outcome)))?;
        Ok(Execution {
            job_uid: crate::input::required("jobUid", &change.job_uid)?,
            job_name: crate::input::required("jobName", &change.job_name)?,
            cronjob: required_ref("cronjob", change.cronjob.as_ref())?,
            cronjob_uid: change.cron_job_uid.clone(),
            started_at: required_timestamp("startTime", change.start_time.as_ref())?,
            completed_at: optional_timestamp("completionTime", change.completion_time.as_ref())?,
            outcome: Outcome::try_from(outcome)?,
            exit_code: change.exit_code,
            reason: change.reason.clone(),
            logs: change.logs.clone(),
            events: change.events.clone(),
            retries: change.retries,
            manual: change.manual,
        })
    }
}
