//! The cluster watch against the HTTP Kubernetes API stand-in: kube-rs watchers,
//! relists and context fetches end to end, as the controller will run them.

use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use guardian_core::{CronJobRef, Execution, Outcome};
use guardian_kube::view::ObjectKey;
use guardian_kube::{ClusterIndex, ClusterWatch, Update, WatchScope, WatchSettings};
use guardian_testkit::kube_api::KubeApi;
use guardian_testkit::kube_api::scenario::{JobEnd, PodEnd};
use jiff::{SignedDuration, Timestamp};
use k8s_openapi::api::batch::v1::{CronJob, Job};
use serde_json::json;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

/// Failure guard only: every wait ends as soon as its event arrives.
const GUARD: Duration = Duration::from_secs(60);

struct Harness {
    api: KubeApi,
    updates: mpsc::Receiver<Update>,
    seen: Vec<Update>,
    index: ClusterIndex,
    task: JoinHandle<()>,
}

impl Harness {
    async fn start(scope: WatchScope) -> Result<Self> {
        let api = KubeApi::start().await?;
        let watch = ClusterWatch::new(api.client()?, scope, WatchSettings::default());
        let index = watch.index();
        let (sender, updates) = mpsc::channel(1024);
        let task = tokio::spawn(watch.run(sender));
        tokio::time::timeout(GUARD, index.wait_synced())
            .await
            .context("initial list")?;
        Ok(Self {
            api,
            updates,
            seen: Vec::new(),
            index,
            task,
        })
    }

    /// Receives updates (keeping them all in `seen`) until one matches.
    async fn until(&mut self, what: &str, matches: impl Fn(&Update) -> bool) -> Result<Update> {
        loop {
            let next = tokio::time::timeout(GUARD, self.updates.recv()).await;
            let Ok(Some(update)) = next else {
                bail!("no update {what}; seen so far: {:#?}", self.seen);
            };
            self.seen.push(update.clone());
            if matches(&update) {
                return Ok(update);
            }
        }
    }

    async fn execution(&mut self, job: &Job, outcome: Outcome) -> Result<Execution> {
        let uid = job
            .metadata
            .uid
            .clone()
            .context("stand-in Jobs have a uid")?;
        let found = self
            .until(
                &format!("execution {outcome} of {uid}"),
                |u| matches!(u, Update::Execution(e) if e.job_uid == uid && e.outcome == outcome),
            )
            .await?;
        match found {
            Update::Execution(execution) => Ok(execution),
            other => bail!("expected an execution, got {other:?}"),
        }
    }

    async fn cronjob_record(&mut self, namespace: &str, name: &str) -> Result<()> {
        let wanted = CronJobRef::new(namespace, name);
        let is_record = |u: &Update| matches!(u, Update::CronJob(r) if r.cronjob == wanted);
        // The CronJob and Job watches are separate streams: the record may already be in.
        if self.seen.iter().any(is_record) {
            return Ok(());
        }
        self.until(&format!("record of {wanted}"), is_record)
            .await
            .map(|_| ())
    }

    fn executions(&self) -> impl Iterator<Item = &Execution> {
        self.seen.iter().filter_map(|u| match u {
            Update::Execution(execution) => Some(execution),
            _ => None,
        })
    }

    fn namespaces_seen(&self) -> BTreeSet<String> {
        self.seen
            .iter()
            .map(|u| match u {
                Update::CronJob(record) => record.cronjob.namespace.clone(),
                Update::CronJobDeleted(gone) => gone.namespace.clone(),
                Update::Execution(execution) => execution.cronjob.namespace.clone(),
            })
            .collect()
    }
}

impl Drop for Harness {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn at(minute: i64) -> Timestamp {
    Timestamp::from_second(1_767_225_600 + minute * 60).expect("a valid test time")
}

fn job_event(namespace: &str, job: &str, reason: &str, message: &str) -> serde_json::Value {
    json!({
        "apiVersion": "v1", "kind": "Event",
        "metadata": {"name": format!("{job}.{}", reason.to_lowercase()), "namespace": namespace},
        "involvedObject": {"apiVersion": "batch/v1", "kind": "Job", "name": job, "namespace": namespace},
        "reason": reason, "message": message, "type": "Warning",
        "lastTimestamp": "2026-01-01T00:03:00Z"
    })
}

fn name_of(job: &Job) -> &str {
    job.metadata.name.as_deref().unwrap_or_default()
}

#[tokio::test]
async fn a_failed_run_is_recorded_with_exit_code_reason_log_excerpt_and_events() -> Result<()> {
    let mut h = Harness::start(WatchScope::default()).await?;
    let cronjob: CronJob = h.api.create_cronjob("ops", "backup", "*/5 * * * *", &[])?;
    h.cronjob_record("ops", "backup").await?;

    let job = h.api.start_job(&cronjob, at(0))?;
    let running = h.execution(&job, Outcome::Running).await?;
    assert_eq!(running.cronjob, CronJobRef::new("ops", "backup"));
    assert_eq!(running.completed_at, None);

    let pod = h.api.start_pod(&job, at(0))?;
    let pod_name = pod
        .metadata
        .name
        .clone()
        .context("stand-in Pods have a name")?;
    h.api.set_pod_log(
        "ops",
        &pod_name,
        "main",
        "starting backup\nallocating buffers\nKilled\n",
    );
    h.api.apply(job_event(
        "ops",
        name_of(&job),
        "BackoffLimitExceeded",
        "Job has reached the specified backoff limit",
    ))?;
    h.api.finish_pod(
        "ops",
        &pod_name,
        &PodEnd {
            at: at(3),
            exit_code: 137,
            reason: "OOMKilled".into(),
        },
    )?;
    h.api.finish_job(
        "ops",
        name_of(&job),
        &JobEnd::failed(at(3), "BackoffLimitExceeded"),
    )?;

    let failed = h.execution(&job, Outcome::Failed).await?;
    assert_eq!(failed.exit_code, Some(137));
    assert_eq!(failed.reason.as_deref(), Some("OOMKilled"));
    assert!(
        failed
            .logs
            .as_deref()
            .is_some_and(|logs| logs.contains("Killed")),
        "logs: {:?}",
        failed.logs
    );
    assert_eq!(
        failed.events,
        vec!["BackoffLimitExceeded: Job has reached the specified backoff limit".to_owned()]
    );
    assert_eq!(failed.duration(), Some(SignedDuration::from_mins(3)));
    Ok(())
}

#[tokio::test]
async fn runs_in_an_ignored_namespace_are_not_recorded() -> Result<()> {
    let mut h = Harness::start(WatchScope::default()).await?;
    let system = h
        .api
        .create_cronjob("kube-system", "cleanup", "0 * * * *", &[])?;
    h.api.start_job(&system, at(0))?;
    let ops = h.api.create_cronjob("ops", "backup", "0 * * * *", &[])?;
    let ops_job = h.api.start_job(&ops, at(0))?;

    h.execution(&ops_job, Outcome::Running).await?;
    h.cronjob_record("ops", "backup").await?;
    assert_eq!(h.namespaces_seen(), BTreeSet::from(["ops".to_owned()]));
    assert!(
        h.index
            .cronjobs()
            .iter()
            .all(|view| view.namespace == "ops")
    );
    Ok(())
}

#[tokio::test]
async fn a_forced_watch_expiry_relists_without_losing_or_duplicating_runs() -> Result<()> {
    let mut h = Harness::start(WatchScope::default()).await?;
    let cronjob = h.api.create_cronjob("ops", "backup", "* * * * *", &[])?;
    let mut jobs = Vec::new();
    for minute in 0..3 {
        let job = h.api.start_job(&cronjob, at(minute))?;
        h.execution(&job, Outcome::Running).await?;
        jobs.push(job);
    }
    let lists_before = h.index.lists_completed();

    h.api.expire_watches();
    // Changes while the watches are gone reach us only through the relist.
    h.api
        .finish_job("ops", name_of(&jobs[0]), &JobEnd::succeeded(at(1)))?;
    h.api.delete("batch/v1", "Job", "ops", name_of(&jobs[2]))?;
    tokio::time::timeout(GUARD, h.index.wait_lists(lists_before + 3))
        .await
        .context("relist")?;

    h.execution(&jobs[0], Outcome::Succeeded).await?;
    let sentinel = h.api.start_job(&cronjob, at(5))?;
    h.execution(&sentinel, Outcome::Running).await?;

    let mut per_job: HashMap<(String, Outcome), usize> = HashMap::new();
    for execution in h.executions() {
        *per_job
            .entry((execution.job_uid.clone(), execution.outcome))
            .or_default() += 1;
    }
    assert!(
        per_job.values().all(|count| *count == 1),
        "duplicated emissions: {per_job:?}"
    );
    let distinct: BTreeSet<&str> = h.executions().map(|e| e.job_uid.as_str()).collect();
    assert_eq!(distinct.len(), 4);
    assert!(
        h.index
            .job(&ObjectKey::new("ops", name_of(&jobs[2])))
            .is_none()
    );
    assert_eq!(h.index.jobs_of(&CronJobRef::new("ops", "backup")).len(), 3);
    Ok(())
}

#[tokio::test]
async fn deleting_a_cronjob_emits_its_deletion() -> Result<()> {
    let mut h = Harness::start(WatchScope::default()).await?;
    h.api.create_cronjob("ops", "report", "0 6 * * *", &[])?;
    h.cronjob_record("ops", "report").await?;
    h.api.delete("batch/v1", "CronJob", "ops", "report")?;
    let gone = CronJobRef::new("ops", "report");
    h.until(
        "deletion of ops/report",
        |u| matches!(u, Update::CronJobDeleted(r) if *r == gone),
    )
    .await?;
    assert!(h.index.cronjob(&gone).is_none());
    Ok(())
}

#[tokio::test]
async fn a_namespace_limited_scope_ignores_other_namespaces() -> Result<()> {
    let mut h = Harness::start(WatchScope::namespaces(["team-a"])).await?;
    let other = h.api.create_cronjob("team-b", "sync", "0 * * * *", &[])?;
    h.api.start_job(&other, at(0))?;
    let mine = h.api.create_cronjob("team-a", "sync", "0 * * * *", &[])?;
    let my_job = h.api.start_job(&mine, at(0))?;

    h.execution(&my_job, Outcome::Running).await?;
    h.cronjob_record("team-a", "sync").await?;
    assert_eq!(h.namespaces_seen(), BTreeSet::from(["team-a".to_owned()]));
    assert_eq!(h.index.sizes().0, 1);
    Ok(())
}
