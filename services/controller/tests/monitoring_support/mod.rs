//! A leader's monitoring wired to real parts: the HTTP Kubernetes stand-in, the cluster
//! watch and fenced writer recording executions into PostgreSQL, and a fake clock that
//! tests move by hand. Passes run every few milliseconds of real time; decisions read the
//! fake clock, so a test jumps hours in one call.

#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use guardian_controller::leadership;
use guardian_controller::monitoring::{self, MonitoringContext, MonitoringSettings};
use guardian_controller::writer::Writer;
use guardian_core::{AlertRecord, Clock};
use guardian_kube::{ClusterWatch, WatchScope, WatchSettings};
use guardian_store::{Backend, Store, StoreConfig};
use guardian_testkit::kube_api::scenario::JobEnd;
use guardian_testkit::kube_api::{GUARDIAN_GROUP, GUARDIAN_VERSION, KubeApi, KubeApiConfig};
use guardian_testkit::postgres::PgHarness;
use jiff::{SignedDuration, Timestamp};
use k8s_openapi::api::batch::v1::CronJob;
use serde_json::{Value, json};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

/// Failure guard for every wait: generous, never a timing assertion.
const PATIENCE: Duration = Duration::from_secs(60);

static DATABASES: AtomicUsize = AtomicUsize::new(0);

/// A clock the test sets.
#[derive(Debug)]
pub struct FakeClock(Mutex<Timestamp>);

impl FakeClock {
    pub fn set(&self, at: Timestamp) {
        *self.0.lock().unwrap() = at;
    }
}

impl Clock for FakeClock {
    fn now(&self) -> Timestamp {
        *self.0.lock().unwrap()
    }
}

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
    stop: CancellationToken,
    tasks: Vec<JoinHandle<()>>,
}

impl Harness {
    /// Everything running, the clock at `now`.
    pub async fn start(now: Timestamp) -> Harness {
        let clock = Arc::new(FakeClock(Mutex::new(now)));
        let config = KubeApiConfig {
            clock: clock.clone(),
            ..KubeApiConfig::default()
        };
        let api = KubeApi::start_with(config)
            .await
            .expect("kube stand-in starts");
        let pg = PgHarness::shared().await.expect("postgres starts");
        let name = format!("monitoring_{}", DATABASES.fetch_add(1, Ordering::SeqCst));
        let url = pg.fresh_database(&name).await.expect("fresh database");
        let store = Store::connect(&StoreConfig::new(Backend::PostgresUrl(url)))
            .await
            .expect("store opens");
        let epoch = store.acquire_epoch().await.expect("epoch");
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
        let mut tasks = vec![
            tokio::spawn(watch.run(updates_tx)),
            tokio::spawn(async move {
                writer.run(&mut updates, &writer_stop).await;
            }),
        ];
        let context = MonitoringContext {
            settings: MonitoringSettings {
                dead_man_interval: Duration::from_millis(50),
                sla_interval: Duration::from_secs(300),
                startup_grace: Duration::ZERO,
                debounce: Duration::from_millis(10),
                retry: Duration::from_millis(100),
                ..MonitoringSettings::default()
            },
            ..MonitoringContext::new(client, store.clone(), leadership, index, clock.clone())
        };
        tasks.push(tokio::spawn(monitoring::lead(context, epoch, stop.clone())));
        Harness {
            api,
            store,
            clock,
            stop,
            tasks,
        }
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
        for task in &self.tasks {
            task.abort();
        }
    }
}

/// The Ready condition of a status, if any.
pub fn ready(status: &Value) -> Option<&Value> {
    status["conditions"]
        .as_array()?
        .iter()
        .find(|condition| condition["type"] == "Ready")
}

/// Names of the CronJobs a status lists.
pub fn listed(status: &Value) -> Vec<String> {
    status["cronJobs"]
        .as_array()
        .map(|all| {
            all.iter()
                .filter_map(|cj| cj["name"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Alert types active on the first CronJob of a status.
pub fn active_types(status: &Value) -> Vec<String> {
    status["cronJobs"][0]["activeAlerts"]
        .as_array()
        .map(|all| {
            all.iter()
                .filter_map(|a| a["type"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}
