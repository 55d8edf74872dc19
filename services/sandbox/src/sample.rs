//! The simulated sample cluster of `cronjob-guardian dev`: four CronJobs in the
//! namespace [`NAMESPACE`], all labelled [`SIMULATED_LABEL`], whose Jobs
//! succeed, fail, run slower and slower, or never run at all — so executions,
//! SLA figures, regressions and the dead-man's switch show within a minute.
//!
//! An hour of history is written at start; after that a Job starts at every
//! fire time (each minute) and finishes a few seconds later.

use std::sync::Arc;
use std::time::Duration;

use guardian_core::{Clock, SystemClock};
use jiff::{SignedDuration, Timestamp};
use k8s_openapi::api::batch::v1::CronJob;
use tokio::task::JoinHandle;

use crate::kube_api::scenario::{JobEnd, PodEnd};
use crate::kube_api::{KubeApi, KubeApiError};

pub const NAMESPACE: &str = "guardian-sandbox";
/// Marks every sandbox object as simulated.
pub const SIMULATED_LABEL: (&str, &str) = ("guardian.illenium.net/simulated", "true");
const HISTORY_MINUTES: i64 = 60;

/// How one sample CronJob behaves.
#[derive(Debug, Clone, Copy)]
enum Behaviour {
    /// Succeeds in a few seconds.
    Healthy,
    /// Fails every third run: connection refused, or out of memory.
    Flaky,
    /// Succeeds, but the last quarter hour runs four times longer.
    Slowing,
    /// Its Jobs never start: a missed schedule and a dead-man's switch.
    Silent,
}

const SAMPLES: [(&str, Behaviour); 4] = [
    ("nightly-backup", Behaviour::Healthy),
    ("report-generator", Behaviour::Flaky),
    ("etl-pipeline", Behaviour::Slowing),
    ("cache-warmer", Behaviour::Silent),
];

/// A run's outcome: its duration and, when failed, exit code, reason and log.
struct Run {
    seconds: i64,
    failure: Option<(i32, &'static str, &'static str)>,
}

fn run_for(behaviour: Behaviour, minute: i64, recent: bool) -> Option<Run> {
    match behaviour {
        Behaviour::Healthy => Some(Run {
            seconds: 3 + minute % 3,
            failure: None,
        }),
        Behaviour::Flaky if minute % 6 == 0 => Some(Run {
            seconds: 2,
            failure: Some((137, "OOMKilled", "loading 2.1 GiB report into memory\n")),
        }),
        Behaviour::Flaky if minute % 3 == 0 => Some(Run {
            seconds: 4,
            failure: Some((
                1,
                "Error",
                "dial tcp 10.0.0.12:5432: connect: connection refused\n",
            )),
        }),
        Behaviour::Flaky => Some(Run {
            seconds: 5,
            failure: None,
        }),
        Behaviour::Slowing => Some(Run {
            seconds: if recent { 24 } else { 6 },
            failure: None,
        }),
        Behaviour::Silent => None,
    }
}

/// The running sandbox: the API server and the task that plays the schedule.
pub struct Sandbox {
    api: Arc<KubeApi>,
    driver: JoinHandle<()>,
}

impl Sandbox {
    /// Starts the API on a loopback port, writes the sample objects and history,
    /// and plays the schedule in the background.
    pub async fn start() -> Result<Sandbox, KubeApiError> {
        let api = Arc::new(KubeApi::start().await?);
        let now = SystemClock.now();
        api.create_namespace(NAMESPACE)?;
        let mut cronjobs = Vec::new();
        for (name, behaviour) in SAMPLES {
            let cronjob = api.create_cronjob(
                NAMESPACE,
                name,
                "* * * * *",
                &[SIMULATED_LABEL, ("app", name)],
            )?;
            for ago in (1..=HISTORY_MINUTES).rev() {
                let scheduled = minute_floor(now) - SignedDuration::from_mins(ago);
                play(&api, &cronjob, behaviour, scheduled, Some(ago <= 15))?;
            }
            cronjobs.push((cronjob, behaviour));
        }
        api.apply(sample_monitor())?;
        let driver = tokio::spawn(drive(Arc::clone(&api), cronjobs));
        Ok(Sandbox { api, driver })
    }

    pub fn url(&self) -> &str {
        self.api.url()
    }

    /// A client for the sandbox API.
    pub fn client(&self) -> Result<kube::Client, KubeApiError> {
        self.api.client()
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.driver.abort();
    }
}

/// One monitor over every sample: dead-man's switch from the schedule, SLA and
/// regression checks, so alerts and monitor status show in dev.
fn sample_monitor() -> serde_json::Value {
    serde_json::json!({
        "apiVersion": "guardian.illenium.net/v1alpha1",
        "kind": "CronJobMonitor",
        "metadata": {"name": "sandbox-samples", "namespace": NAMESPACE, "labels": {SIMULATED_LABEL.0: SIMULATED_LABEL.1}},
        "spec": {
            "selector": {"matchLabels": {SIMULATED_LABEL.0: SIMULATED_LABEL.1}},
            "deadManSwitch": {"autoFromSchedule": {"enabled": true, "buffer": "2m", "missedScheduleThreshold": 2}},
            "sla": {"minSuccessRate": 90, "windowDays": 1, "durationRegressionThreshold": 100, "durationBaselineWindowDays": 1},
            "alerting": {"suppressDuplicatesFor": "10m"}
        }
    })
}

fn minute_floor(at: Timestamp) -> Timestamp {
    Timestamp::from_second(at.as_second().div_euclid(60) * 60).unwrap_or(at)
}

/// Plays one scheduled run. `finished`: `Some(recent)` writes the whole run at
/// once (history); `None` is handled by [`drive`], which waits in between.
fn play(
    api: &KubeApi,
    cronjob: &CronJob,
    behaviour: Behaviour,
    scheduled: Timestamp,
    recent: Option<bool>,
) -> Result<(), KubeApiError> {
    let minute = scheduled.as_second().div_euclid(60);
    let Some(run) = run_for(behaviour, minute, recent.unwrap_or(true)) else {
        return Ok(());
    };
    let job = api.start_job(cronjob, scheduled)?;
    let pod = api.start_pod(&job, scheduled)?;
    let end = scheduled + SignedDuration::from_secs(run.seconds);
    finish(api, &job, &pod, &run, end)
}

fn finish(
    api: &KubeApi,
    job: &k8s_openapi::api::batch::v1::Job,
    pod: &k8s_openapi::api::core::v1::Pod,
    run: &Run,
    end: Timestamp,
) -> Result<(), KubeApiError> {
    let job_name = job.metadata.name.clone().unwrap_or_default();
    let pod_name = pod.metadata.name.clone().unwrap_or_default();
    match run.failure {
        None => {
            api.set_pod_log(NAMESPACE, &pod_name, "main", "done\n");
            api.finish_pod(NAMESPACE, &pod_name, &PodEnd::exited(end, 0))?;
            api.finish_job(NAMESPACE, &job_name, &JobEnd::succeeded(end))?;
        }
        Some((exit_code, reason, log)) => {
            api.set_pod_log(NAMESPACE, &pod_name, "main", log);
            let pod_end = PodEnd {
                at: end,
                exit_code,
                reason: reason.to_owned(),
            };
            api.finish_pod(NAMESPACE, &pod_name, &pod_end)?;
            api.finish_job(
                NAMESPACE,
                &job_name,
                &JobEnd::failed(end, "BackoffLimitExceeded"),
            )?;
        }
    }
    Ok(())
}

/// Starts a Job at each minute and finishes it after its run time.
async fn drive(api: Arc<KubeApi>, cronjobs: Vec<(CronJob, Behaviour)>) {
    loop {
        let now = SystemClock.now();
        let next = minute_floor(now) + SignedDuration::from_mins(1);
        let wait = next.duration_since(now).unsigned_abs();
        tokio::time::sleep(wait).await;
        for (cronjob, behaviour) in &cronjobs {
            let api = Arc::clone(&api);
            let cronjob = cronjob.clone();
            let behaviour = *behaviour;
            tokio::spawn(async move {
                if let Err(error) = play_live(&api, &cronjob, behaviour, next).await {
                    tracing::warn!(%error, "sandbox run failed");
                }
            });
        }
    }
}

async fn play_live(
    api: &KubeApi,
    cronjob: &CronJob,
    behaviour: Behaviour,
    scheduled: Timestamp,
) -> Result<(), KubeApiError> {
    let minute = scheduled.as_second().div_euclid(60);
    let Some(run) = run_for(behaviour, minute, true) else {
        return Ok(());
    };
    let job = api.start_job(cronjob, scheduled)?;
    let pod = api.start_pod(&job, scheduled)?;
    tokio::time::sleep(Duration::from_secs(run.seconds.unsigned_abs())).await;
    finish(
        api,
        &job,
        &pod,
        &run,
        scheduled + SignedDuration::from_secs(run.seconds),
    )
}
