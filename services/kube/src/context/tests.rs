use std::sync::Mutex;

use guardian_core::Outcome;
use serde_json::json;

use super::*;
use crate::fixtures::{failed_status, job, pod, terminated, waiting};

const JOB: &str = "backup-29000000";
const JOB_UID: &str = "job-uid-1";

/// Answers from canned data; `None` answers fail.
#[derive(Default)]
struct CannedFetcher {
    pods: Option<Vec<PodSummary>>,
    log: Option<String>,
    events: Vec<(&'static str, &'static str, EventLine)>,
    log_requests: Mutex<Vec<LogRequest>>,
}

fn refused() -> FetchError {
    FetchError::TimedOut(Duration::ZERO)
}

#[async_trait]
impl ContextFetcher for CannedFetcher {
    async fn job_pods(&self, _job: &JobView) -> Result<Vec<PodSummary>, FetchError> {
        self.pods.clone().ok_or_else(refused)
    }

    async fn log_tail(&self, request: &LogRequest) -> Result<String, FetchError> {
        if let Ok(mut seen) = self.log_requests.lock() {
            seen.push(request.clone());
        }
        self.log.clone().ok_or_else(refused)
    }

    async fn events(
        &self,
        _namespace: &str,
        kind: &str,
        name: &str,
    ) -> Result<Vec<EventLine>, FetchError> {
        let matching = self
            .events
            .iter()
            .filter(|(k, n, _)| *k == kind && *n == name);
        Ok(matching.map(|(_, _, line)| line.clone()).collect())
    }
}

fn failed_job() -> JobView {
    JobView::from_job(&job(JOB, JOB_UID, failed_status("BackoffLimitExceeded", 1)))
        .expect("fixture is owned")
}

fn oom_pod() -> PodSummary {
    pod(
        "p1",
        JOB,
        JOB_UID,
        "2025-01-01T02:00:06Z",
        json!({
            "phase": "Failed", "containerStatuses": [terminated("main", 137, "OOMKilled")]
        }),
    )
}

fn event(second: i64, reason: &str, message: &str) -> EventLine {
    EventLine {
        at: Some(Timestamp::from_second(1_735_696_800 + second).expect("a valid second")),
        reason: Some(reason.to_owned()),
        message: Some(message.to_owned()),
    }
}

fn request(pods: Vec<PodSummary>) -> FetchRequest {
    FetchRequest {
        job: failed_job(),
        pods,
    }
}

#[tokio::test]
async fn fresh_pods_give_the_exit_code_and_the_failing_containers_log() {
    let fetcher = CannedFetcher {
        pods: Some(vec![oom_pod()]),
        log: Some("killed\n".into()),
        ..Default::default()
    };
    let execution = gather(&fetcher, request(vec![]), &WatchSettings::default()).await;
    assert_eq!(execution.outcome, Outcome::Failed);
    assert_eq!(
        (execution.exit_code, execution.reason.as_deref()),
        (Some(137), Some("OOMKilled"))
    );
    assert_eq!(execution.logs.as_deref(), Some("killed\n"));
    let requests = fetcher.log_requests.lock().expect("not poisoned").clone();
    assert_eq!(requests.len(), 1);
    assert_eq!(
        (requests[0].pod.as_str(), requests[0].container.as_deref()),
        ("p1", Some("main"))
    );
    assert_eq!(requests[0].tail_lines, 50);
}

#[tokio::test]
async fn a_crash_looping_container_has_its_previous_log_read() {
    let looping = pod(
        "p1",
        JOB,
        JOB_UID,
        "2025-01-01T02:00:06Z",
        json!({
            "containerStatuses": [waiting("main", "CrashLoopBackOff", Some(1))]
        }),
    );
    let fetcher = CannedFetcher {
        pods: Some(vec![looping]),
        log: Some("panic".into()),
        ..Default::default()
    };
    gather(&fetcher, request(vec![]), &WatchSettings::default()).await;
    let requests = fetcher.log_requests.lock().expect("not poisoned").clone();
    assert!(requests[0].previous);
}

#[tokio::test]
async fn a_failed_log_fetch_keeps_the_execution_without_logs() {
    let fetcher = CannedFetcher {
        pods: Some(vec![oom_pod()]),
        log: None,
        ..Default::default()
    };
    let execution = gather(&fetcher, request(vec![]), &WatchSettings::default()).await;
    assert_eq!(execution.logs, None);
    assert_eq!(execution.exit_code, Some(137));
}

#[tokio::test]
async fn a_failed_pod_listing_falls_back_to_the_watched_pods() {
    let fetcher = CannedFetcher {
        pods: None,
        log: Some("x".into()),
        ..Default::default()
    };
    let execution = gather(
        &fetcher,
        request(vec![oom_pod()]),
        &WatchSettings::default(),
    )
    .await;
    assert_eq!(execution.reason.as_deref(), Some("OOMKilled"));
}

#[tokio::test]
async fn events_of_the_job_and_its_pod_are_kept_in_time_order_up_to_the_limit() {
    let fetcher = CannedFetcher {
        pods: Some(vec![oom_pod()]),
        log: Some("x".into()),
        events: vec![
            (
                "Job",
                JOB,
                event(
                    30,
                    "BackoffLimitExceeded",
                    "Job has reached the specified backoff limit",
                ),
            ),
            ("Pod", "p1", event(20, "Killing", "Stopping container main")),
            ("Job", JOB, event(1, "SuccessfulCreate", "Created pod: p1")),
            ("Pod", "other", event(25, "Pulled", "not ours")),
        ],
        ..Default::default()
    };
    let settings = WatchSettings {
        max_events: 2,
        ..WatchSettings::default()
    };
    let execution = gather(&fetcher, request(vec![]), &settings).await;
    assert_eq!(
        execution.events,
        vec![
            "Killing: Stopping container main".to_owned(),
            "BackoffLimitExceeded: Job has reached the specified backoff limit".to_owned(),
        ]
    );
}

#[test]
fn a_short_log_is_kept_whole() {
    assert_eq!(log_excerpt("one\ntwo\n", 64), "one\ntwo\n");
}

#[test]
fn a_long_log_keeps_its_end_from_a_whole_line_within_the_bound() {
    let text = "first line\nsecond line\nthird line\n";
    let excerpt = log_excerpt(text, 20);
    assert_eq!(excerpt, "third line\n");
    assert!(excerpt.len() <= 20);
}

#[test]
fn an_excerpt_never_splits_a_character() {
    let text = "ééééé";
    let excerpt = log_excerpt(text, 5);
    assert!(excerpt.len() <= 5);
    assert!(excerpt.chars().all(|c| c == 'é'));
    assert_eq!(excerpt, "éé");
}
