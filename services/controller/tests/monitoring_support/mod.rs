//! A leader's monitoring wired to real parts: the HTTP Kubernetes stand-in, the cluster
//! watch and fenced writer recording executions into PostgreSQL, and a fake clock that
//! tests move by hand. Passes run every few milliseconds of real time; decisions read the
//! fake clock, so a test jumps hours in one call.

#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)]

use std::sync::Arc;
use std::time::Duration;

use guardian_controller::leadership::{self, Leadership};
use guardian_controller::monitoring::{self, MonitoringContext, MonitoringSettings};
use guardian_controller::writer::Writer;
use guardian_core::{AlertRecord, Epoch};
use guardian_kube::{ClusterIndex, ClusterWatch, WatchScope, WatchSettings};
use guardian_store::Store;
use guardian_testkit::kube_api::scenario::JobEnd;
use guardian_testkit::kube_api::{GUARDIAN_GROUP, GUARDIAN_VERSION, KubeApi};
use jiff::{SignedDuration, Timestamp};
use k8s_openapi::api::batch::v1::CronJob;
use serde_json::{Value, json};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

mod parts;

#[allow(unused_imports)] // each test binary uses its own subset
pub use parts::{Backing, FakeClock, RecordingSink, active_types, listed, ready};

/// Failure guard for every wait: generous, never a timing assertion.
const PATIENCE: Duration = Duration::from_secs(60);

pub fn at(text: &str) -> Timestamp {
    text.parse().expect("valid timestamp")
}

pub fn plus(base: Timestamp, seconds: i64) -> Timestamp {
    base.checked_add(SignedDuration::from_secs(seconds))
        .expect("in range")
}

pub struct Harness {
    pub api: KubeApi,
    pub store: Store,
    pub clock: Arc<FakeClock>,
    pub effects: Arc<RecordingSink>,
    client: kube::Client,
    index: ClusterIndex,
    stop: CancellationToken,
    tasks: Vec<JoinHandle<()>>,
    leader: (CancellationToken, JoinHandle<()>),
}

impl Harness {
    /// Everything running, the clock at `now`.
    pub async fn start(now: Timestamp) -> Harness {
        let Backing {
            clock,
            api,
            store,
            epoch,
        } = Backing::start(now, "monitoring").await;
        let (leadership_tx, leadership) = leadership::channel();
        leadership_tx.lead(epoch);
        let client = api.client().expect("client");
        let watch = ClusterWatch::new(
            client.clone(),
            WatchScope::cluster_wide(),
            WatchSettings::default(),
        )
        .with_clock(clock.clone());
        let index = watch.index();
        let (updates_tx, mut updates) = tokio::sync::mpsc::channel(1024);
        let stop = CancellationToken::new();
        let writer = Writer::new(store.clone(), leadership.clone(), epoch, clock.clone());
        let writer_stop = stop.clone();
        let tasks = vec![
            tokio::spawn(watch.run(updates_tx)),
            tokio::spawn(async move {
                writer.run(&mut updates, &writer_stop).await;
            }),
        ];
        let effects = Arc::new(RecordingSink::default());
        let mut harness = Harness {
            api,
            store,
            clock,
            effects,
            client,
            index,
            stop,
            tasks,
            leader: (CancellationToken::new(), tokio::spawn(async {})),
        };
        harness.leader = harness.lead(leadership, epoch);
        harness
    }

    fn lead(&self, leadership: Leadership, epoch: Epoch) -> (CancellationToken, JoinHandle<()>) {
        let context = MonitoringContext {
            settings: MonitoringSettings {
                dead_man_interval: Duration::from_millis(50),
                sla_interval: Duration::from_secs(300),
                startup_grace: Duration::ZERO,
                debounce: Duration::from_millis(10),
                retry: Duration::from_millis(100),
                ..MonitoringSettings::default()
            },
            effects: self.effects.clone(),
            ..MonitoringContext::new(
                self.client.clone(),
                self.store.clone(),
                leadership,
                self.index.clone(),
                self.clock.clone(),
            )
        };
        let stop = CancellationToken::new();
        (
            stop.clone(),
            tokio::spawn(monitoring::lead(context, epoch, stop)),
        )
    }

    /// Ends this leader's monitoring and starts a new leader's, with a newer epoch and
    /// nothing in memory. (The writer keeps the old epoch: record no runs afterwards.)
    pub async fn fail_over(&mut self) {
        self.leader.0.cancel();
        (&mut self.leader.1)
            .await
            .expect("old leader stops cleanly");
        let epoch = self.store.acquire_epoch().await.expect("new epoch");
        let (leadership_tx, leadership) = leadership::channel();
        leadership_tx.lead(epoch);
        self.leader = self.lead(leadership, epoch);
    }

    pub fn cronjob(
        &self,
        namespace: &str,
        name: &str,
        schedule: &str,
        labels: &[(&str, &str)],
    ) -> CronJob {
        self.api
            .create_cronjob(namespace, name, schedule, labels)
            .expect("cronjob created")
    }

    /// A run of `cronjob` started at `started` that ends `seconds` later.
    pub fn run(&self, cronjob: &CronJob, started: Timestamp, seconds: i64, succeeded: bool) {
        let job = self.api.start_job(cronjob, started).expect("job started");
        let name = job.metadata.name.expect("job name");
        let namespace = job.metadata.namespace.expect("job namespace");
        let ended = plus(started, seconds);
        let end = if succeeded {
            JobEnd::succeeded(ended)
        } else {
            JobEnd::failed(ended, "BackoffLimitExceeded")
        };
        self.api
            .finish_job(&namespace, &name, &end)
            .expect("job finished");
    }

    pub fn monitor(&self, namespace: &str, name: &str, spec: Value) {
        let object = json!({
            "apiVersion": format!("{GUARDIAN_GROUP}/{GUARDIAN_VERSION}"),
            "kind": "CronJobMonitor",
            "metadata": {"name": name, "namespace": namespace},
            "spec": spec,
        });
        self.api.apply(object).expect("monitor applied");
    }

    /// The monitor's resourceVersion: it changes with every write, status included.
    pub fn resource_version(&self, namespace: &str, name: &str) -> String {
        let api_version = format!("{GUARDIAN_GROUP}/{GUARDIAN_VERSION}");
        let object = self
            .api
            .get(&api_version, "CronJobMonitor", namespace, name)
            .expect("get");
        object.expect("monitor exists")["metadata"]["resourceVersion"].to_string()
    }

    /// Waits until the monitor's status satisfies `check`; returns it.
    pub async fn status_until(
        &self,
        namespace: &str,
        name: &str,
        check: impl Fn(&Value) -> bool,
    ) -> Value {
        let api_version = format!("{GUARDIAN_GROUP}/{GUARDIAN_VERSION}");
        let mut last = Value::Null;
        let found = tokio::time::timeout(PATIENCE, async {
            loop {
                let object = self
                    .api
                    .get(&api_version, "CronJobMonitor", namespace, name)
                    .expect("get monitor");
                last = object
                    .and_then(|object| object.get("status").cloned())
                    .unwrap_or(Value::Null);
                if check(&last) {
                    return last.clone();
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        })
        .await;
        found.unwrap_or_else(|_| {
            panic!("status of {namespace}/{name} never matched; last: {last:#}")
        })
    }

    /// Waits until the alert `key` exists and satisfies `check`; returns it.
    pub async fn alert_until(
        &self,
        key: &str,
        check: impl Fn(&AlertRecord) -> bool,
    ) -> AlertRecord {
        let mut last = None;
        let found = tokio::time::timeout(PATIENCE, async {
            loop {
                last = self.store.get_alert(key).await.expect("read alert");
                if let Some(alert) = last.as_ref().filter(|alert| check(alert)) {
                    return alert.clone();
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        })
        .await;
        found.unwrap_or_else(|_| panic!("alert {key} never matched; last: {last:?}"))
    }
}

impl Drop for Harness {
    fn drop(&mut self) {
        self.stop.cancel();
        self.leader.0.cancel();
        self.leader.1.abort();
        for task in &self.tasks {
            task.abort();
        }
    }
}
