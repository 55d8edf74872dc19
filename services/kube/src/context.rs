//! The context of a failed run: its Pods as listed now (the Pod watch may lag behind the
//! Job watch), the failing container's log tail and the events of the Job and that Pod.
//! Fetched through the small [`ContextFetcher`] trait so the logic stays testable. A
//! failed fetch never drops the execution: it is recorded without what could not be
//! fetched, and a warning is logged.

use std::future::Future;
use std::time::Duration;

use async_trait::async_trait;
use guardian_core::Execution;
use jiff::Timestamp;
use tracing::warn;

use crate::execution::execution_for;
use crate::failure::{FailureSignal, failing_container};
use crate::metrics;
use crate::pod::PodSummary;
use crate::scope::WatchSettings;
use crate::update::FetchRequest;
use crate::view::JobView;

/// Why a context fetch failed.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("kubernetes api call failed: {0}")]
    Kube(#[from] kube::Error),
    #[error("kubernetes api call timed out after {0:?}")]
    TimedOut(Duration),
}

/// Which log to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogRequest {
    pub namespace: String,
    pub pod: String,
    pub container: Option<String>,
    /// The previous instance's log (the current one is waiting to restart).
    pub previous: bool,
    pub tail_lines: i64,
}

/// One event about the Job or its Pod.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventLine {
    pub at: Option<Timestamp>,
    pub reason: Option<String>,
    pub message: Option<String>,
}

impl EventLine {
    /// `Reason: message`, as executions store events.
    pub fn render(&self) -> String {
        match (&self.reason, &self.message) {
            (Some(reason), Some(message)) => format!("{reason}: {message}"),
            (Some(text), None) | (None, Some(text)) => text.clone(),
            (None, None) => String::new(),
        }
    }
}

/// Reads what a failed run's record needs from the API server.
#[async_trait]
pub trait ContextFetcher: Send + Sync {
    /// The Job's Pods as the API server lists them now.
    async fn job_pods(&self, job: &JobView) -> Result<Vec<PodSummary>, FetchError>;
    /// The tail of one container's log.
    async fn log_tail(&self, request: &LogRequest) -> Result<String, FetchError>;
    /// Events whose involved object is `kind`/`name` in `namespace`.
    async fn events(
        &self,
        namespace: &str,
        kind: &str,
        name: &str,
    ) -> Result<Vec<EventLine>, FetchError>;
}

/// The failed run's execution with whatever context could be fetched.
pub async fn gather(
    fetcher: &dyn ContextFetcher,
    request: FetchRequest,
    settings: &WatchSettings,
) -> Execution {
    let FetchRequest { job, pods: known } = request;
    let pods = match bounded(&job, "pods", settings, fetcher.job_pods(&job)).await {
        Some(fresh) => with_departed(fresh, known),
        None => known,
    };
    let job_key = job.key();
    let own: Vec<PodSummary> = pods
        .iter()
        .filter(|p| p.belongs_to(&job_key, &job.uid))
        .cloned()
        .collect();
    let signal = failing_container(&own);
    let logs = match &signal {
        Some(failing) => fetch_log(fetcher, &job, failing, settings).await,
        None => None,
    };
    let events = fetch_events(fetcher, &job, signal.as_ref(), settings).await;
    execution_for(&job, &own, &events, logs)
}

/// The end of a log, at most `max_bytes` long, starting at a whole line when it can.
pub fn log_excerpt(text: &str, max_bytes: usize) -> String {
    if text.len() <= max_bytes {
        return text.to_owned();
    }
    let mut start = text.len() - max_bytes;
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let tail = &text[start..];
    match tail.find('\n') {
        Some(newline) if newline + 1 < tail.len() => tail[newline + 1..].to_owned(),
        _ => tail.to_owned(),
    }
}

/// Fresh Pods, plus remembered ones the API no longer lists.
fn with_departed(mut fresh: Vec<PodSummary>, known: Vec<PodSummary>) -> Vec<PodSummary> {
    let departed: Vec<PodSummary> = known
        .into_iter()
        .filter(|old| fresh.iter().all(|new| new.name != old.name))
        .collect();
    fresh.extend(departed);
    fresh
}

async fn fetch_log(
    fetcher: &dyn ContextFetcher,
    job: &JobView,
    failing: &FailureSignal,
    settings: &WatchSettings,
) -> Option<String> {
    let request = LogRequest {
        namespace: job.namespace.clone(),
        pod: failing.pod.clone(),
        container: failing.container.clone(),
        previous: failing.previous,
        tail_lines: settings.log_tail_lines,
    };
    let text = bounded(job, "logs", settings, fetcher.log_tail(&request)).await?;
    let excerpt = log_excerpt(&text, settings.max_log_bytes);
    (!excerpt.is_empty()).then_some(excerpt)
}

async fn fetch_events(
    fetcher: &dyn ContextFetcher,
    job: &JobView,
    failing: Option<&FailureSignal>,
    settings: &WatchSettings,
) -> Vec<String> {
    let namespace = job.namespace.as_str();
    let mut lines = bounded(
        job,
        "events",
        settings,
        fetcher.events(namespace, "Job", &job.name),
    )
    .await
    .unwrap_or_default();
    if let Some(failing) = failing {
        let pod_events = fetcher.events(namespace, "Pod", &failing.pod);
        lines.extend(
            bounded(job, "events", settings, pod_events)
                .await
                .unwrap_or_default(),
        );
    }
    lines.sort_by_key(|line| line.at);
    let skip = lines.len().saturating_sub(settings.max_events);
    lines
        .iter()
        .skip(skip)
        .map(EventLine::render)
        .filter(|line| !line.is_empty())
        .collect()
}

/// Runs one fetch under the call timeout; a failure is logged and counted, not returned.
async fn bounded<T>(
    job: &JobView,
    kind: &'static str,
    settings: &WatchSettings,
    call: impl Future<Output = Result<T, FetchError>>,
) -> Option<T> {
    let outcome = match tokio::time::timeout(settings.call_timeout, call).await {
        Ok(result) => result,
        Err(_) => Err(FetchError::TimedOut(settings.call_timeout)),
    };
    match outcome {
        Ok(value) => Some(value),
        Err(error) => {
            metrics::record_fetch_failure(kind);
            warn!(%error, kind, job = %job.key(), "could not fetch failed run context; recording without it");
            None
        }
    }
}

#[cfg(test)]
mod tests;
