//! What the controller knows about a failed run, and the "signals" (exit code and reason
//! of one container state, the pod or the Job) that patterns are matched against.

use serde::{Deserialize, Serialize};

use crate::model::Execution;

/// One container's state in the failed run's pods.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ContainerState {
    pub name: String,
    pub init: bool,
    pub exit_code: Option<i32>,
    pub terminated_reason: Option<String>,
    pub waiting_reason: Option<String>,
}

/// Everything known about a failed run.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FailureContext {
    pub namespace: String,
    /// The CronJob's name.
    pub name: String,
    pub job_name: String,
    /// The Job's `Failed` condition reason (`BackoffLimitExceeded`, `DeadlineExceeded`).
    pub job_reason: Option<String>,
    /// The pod's status reason (`Evicted`).
    pub pod_reason: Option<String>,
    pub containers: Vec<ContainerState>,
    pub events: Vec<String>,
    pub log_tail: Option<String>,
}

impl FailureContext {
    /// A context from a recorded execution alone: its exit code and reason become one
    /// container state. The controller fills in every container when it has the pods.
    pub fn from_execution(execution: &Execution) -> Self {
        let container =
            (execution.exit_code.is_some() || execution.reason.is_some()).then(|| ContainerState {
                name: String::new(),
                init: false,
                exit_code: execution.exit_code,
                terminated_reason: execution.reason.clone(),
                waiting_reason: None,
            });
        Self {
            namespace: execution.cronjob.namespace.clone(),
            name: execution.cronjob.name.clone(),
            job_name: execution.job_name.clone(),
            containers: container.into_iter().collect(),
            events: execution.events.clone(),
            log_tail: execution.logs.clone(),
            ..Self::default()
        }
    }
}

/// Exit code and reason of one place a failure shows up.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Signal<'a> {
    pub(super) exit_code: Option<i32>,
    pub(super) reason: Option<&'a str>,
}

/// Every container state, then the pod and the Job, as signals.
pub(super) fn signals(context: &FailureContext) -> Vec<Signal<'_>> {
    let mut signals = Vec::new();
    for container in &context.containers {
        if container.exit_code.is_some() || container.terminated_reason.is_some() {
            signals.push(Signal {
                exit_code: container.exit_code,
                reason: container.terminated_reason.as_deref(),
            });
        }
        if let Some(waiting) = container.waiting_reason.as_deref() {
            signals.push(Signal {
                exit_code: None,
                reason: Some(waiting),
            });
        }
    }
    for reason in [&context.pod_reason, &context.job_reason]
        .into_iter()
        .flatten()
    {
        signals.push(Signal {
            exit_code: None,
            reason: Some(reason),
        });
    }
    signals
}

/// The signal shown when a pattern names no exit code or reason: the first non-zero exit.
pub(super) fn primary<'a>(signals: &[Signal<'a>]) -> Signal<'a> {
    let failed_exit = signals
        .iter()
        .find(|signal| signal.exit_code.is_some_and(|code| code != 0));
    failed_exit
        .or_else(|| signals.iter().find(|signal| signal.reason.is_some()))
        .copied()
        .unwrap_or_default()
}
