//! A leader's monitoring and alert dispatcher wired to real parts: the HTTP Kubernetes
//! stand-in (Secrets, AlertChannels, CronJobMonitors, Jobs), the real PostgreSQL, real
//! 127.0.0.1 HTTP receivers (the notify crate's test receivers), and a fake clock the
//! tests move by hand. A fail-over stops both leader tasks and starts new ones with a new
//! epoch and nothing in memory.

#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)]

use std::sync::Arc;
use std::time::Duration;

use guardian_controller::dispatch::{self, ChannelDirectory, DispatchContext, DispatchSettings};
use guardian_controller::leadership;
use guardian_controller::monitoring::{self, MonitoringContext, MonitoringSettings};
use guardian_controller::writer::Writer;
use guardian_core::Epoch;
use guardian_kube::{ClusterIndex, ClusterWatch, WatchScope, WatchSettings};
use guardian_notify::RetryPolicy;
use guardian_store::{DeliveryRecord, Store};
use guardian_testkit::kube_api::scenario::JobEnd;
use guardian_testkit::kube_api::{GUARDIAN_GROUP, GUARDIAN_VERSION, KubeApi};
use jiff::{SignedDuration, Timestamp};
use k8s_openapi::api::batch::v1::CronJob;
use serde_json::{Value, json};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

#[path = "../monitoring_support/parts.rs"]
mod parts;
pub use parts::{Backing, FakeClock};

/// Failure guard for every wait: generous, never a timing assertion.
pub const PATIENCE: Duration = Duration::from_secs(60);

pub fn plus(base: Timestamp, seconds: i64) -> Timestamp {
    base.checked_add(SignedDuration::from_secs(seconds))
        .expect("in range")
}

pub struct Harness {
    pub api: KubeApi,
    pub store: Store,
    pub clock: Arc<FakeClock>,
    pub settings: DispatchSettings,
    client: kube::Client,
    index: ClusterIndex,
    stop: CancellationToken,
    tasks: Vec<JoinHandle<()>>,
    leader: Option<(CancellationToken, Vec<JoinHandle<()>>)>,
}

impl Harness {
    /// Everything running, the clock at `now`; PagerDuty events go to `pagerduty_url`.
    pub async fn start(now: Timestamp, pagerduty_url: Option<String>) -> Harness {
        let Backing {
            clock,
            api,
            store,
            epoch,
        } = Backing::start(now, "dispatch").await;
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
        let (writer_tx, writer_leadership) = leadership::channel();
        writer_tx.lead(epoch);
        let writer = Writer::new(store.clone(), writer_leadership, epoch, clock.clone());
        let writer_stop = stop.clone();
        let tasks = vec![
            tokio::spawn(watch.run(updates_tx)),
            tokio::spawn(async move {
                writer.run(&mut updates, &writer_stop).await;
            }),
        ];
        let settings = test_settings(pagerduty_url);
        let mut harness = Harness {
            api,
            store,
            clock,
            settings,
            client,
            index,
            stop,
            tasks,
            leader: None,
        };
        harness.lead(epoch);
        harness
    }

    /// Starts the leader's monitoring and dispatcher for `epoch`.
    fn lead(&mut self, epoch: Epoch) {
        let (leadership_tx, leadership) = leadership::channel();
        leadership_tx.lead(epoch);
        let directory = ChannelDirectory::new("guardian");
        let context = MonitoringContext {
            settings: MonitoringSettings {
                dead_man_interval: Duration::from_millis(50),
                startup_grace: Duration::ZERO,
                debounce: Duration::from_millis(10),
                retry: Duration::from_millis(100),
                ..MonitoringSettings::default()
            },
            channels: directory.clone(),
            ..MonitoringContext::new(
                self.client.clone(),
                self.store.clone(),
                leadership.clone(),
                self.index.clone(),
                self.clock.clone(),
            )
        };
        let dispatch = DispatchContext {
            client: self.client.clone(),
            store: self.store.clone(),
            leadership,
            clock: self.clock.clone(),
            settings: self.settings.clone(),
            directory,
        };
        let stop = CancellationToken::new();
        let tasks = vec![
            tokio::spawn(monitoring::lead(context, epoch, stop.clone())),
            tokio::spawn(dispatch::lead(dispatch, epoch, stop.clone())),
        ];
        self.leader = Some((stop, tasks));
    }

    /// Stops this leader (an in-flight send is abandoned mid-air, as in a crash) and
    /// starts the next one with a newer epoch.
    pub async fn fail_over(&mut self) {
        if let Some((stop, tasks)) = self.leader.take() {
            stop.cancel();
            for task in tasks {
                task.await.expect("old leader stops cleanly");
            }
        }
        let epoch = self.store.acquire_epoch().await.expect("new epoch");
        self.lead(epoch);
    }

    /// A Secret holding `key: value`.
    pub fn secret(&self, namespace: &str, name: &str, key: &str, value: &str) {
        self.api
            .apply(json!({
                "apiVersion": "v1", "kind": "Secret",
                "metadata": {"name": name, "namespace": namespace},
                "stringData": {key: value},
            }))
            .expect("secret applied");
    }

    pub fn channel(&self, namespace: &str, name: &str, spec: Value) {
        self.custom("AlertChannel", namespace, name, spec);
    }

    pub fn monitor(&self, namespace: &str, name: &str, spec: Value) {
        self.custom("CronJobMonitor", namespace, name, spec);
    }

    fn custom(&self, kind: &str, namespace: &str, name: &str, spec: Value) {
        let object = json!({
            "apiVersion": format!("{GUARDIAN_GROUP}/{GUARDIAN_VERSION}"),
            "kind": kind,
            "metadata": {"name": name, "namespace": namespace},
            "spec": spec,
        });
        self.api.apply(object).expect("object applied");
    }

    /// The status of an AlertChannel, once it satisfies `check`.
    pub async fn channel_status_until(
        &self,
        namespace: &str,
        name: &str,
        check: impl Fn(&Value) -> bool,
    ) -> Value {
        let api_version = format!("{GUARDIAN_GROUP}/{GUARDIAN_VERSION}");
        wait_for(&format!("status of channel {namespace}/{name}"), || {
            let object = self
                .api
                .get(&api_version, "AlertChannel", namespace, name)
                .expect("get channel");
            let status = object.and_then(|object| object.get("status").cloned())?;
            check(&status).then_some(status)
        })
        .await
    }

    pub fn cronjob(&self, namespace: &str, name: &str) -> CronJob {
        self.api
            .create_cronjob(namespace, name, "0 * * * *", &[("app", name)])
            .expect("cronjob created")
    }

    /// A run of `cronjob` that started at `started` and ended a minute later.
    pub fn run(&self, cronjob: &CronJob, started: Timestamp, succeeded: bool) {
        let job = self.api.start_job(cronjob, started).expect("job started");
        let name = job.metadata.name.expect("job name");
        let namespace = job.metadata.namespace.expect("job namespace");
        let ended = plus(started, 60);
        let end = if succeeded {
            JobEnd::succeeded(ended)
        } else {
            JobEnd::failed(ended, "BackoffLimitExceeded")
        };
        self.api
            .finish_job(&namespace, &name, &end)
            .expect("job finished");
    }

    /// Deliveries of `alert_key` once `check` holds for them.
    pub async fn deliveries_until(
        &self,
        alert_key: &str,
        check: impl Fn(&[DeliveryRecord]) -> bool,
    ) -> Vec<DeliveryRecord> {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        loop {
            let rows = self
                .store
                .deliveries_of_alert(alert_key)
                .await
                .expect("read deliveries");
            if check(&rows) {
                return rows;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "deliveries of {alert_key} never matched; last: {rows:#?}"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

impl Harness {
    /// The delivery of `alert_key` to `channel`, once it is in `state`.
    pub async fn delivery_in(
        &self,
        alert_key: &str,
        channel: &str,
        state: guardian_store::DeliveryState,
    ) -> DeliveryRecord {
        let rows = self
            .deliveries_until(alert_key, |rows| {
                rows.iter()
                    .any(|row| row.channel.name == channel && row.state == state)
            })
            .await;
        rows.into_iter()
            .find(|row| row.channel.name == channel)
            .expect("the row just seen")
    }
}

/// Fast scans, 10 s backoff (tests move the clock past it), 3 attempts.
fn test_settings(pagerduty_url: Option<String>) -> DispatchSettings {
    DispatchSettings {
        // Long enough never to fire in a passing test; a hang is released by the test.
        attempt_timeout: Duration::from_secs(120),
        retry: RetryPolicy {
            max_attempts: 3,
            initial_backoff: Duration::from_secs(10),
            max_backoff: Duration::from_secs(10),
        },
        poll: Duration::from_millis(20),
        batch: 100,
        refresh: Duration::from_millis(200),
        running_config: serde_json::json!({"storage": {"postgres": {"password": "[REDACTED]"}}}),
        pagerduty_url,
    }
}

/// Polls `probe` until it gives a value (failure guard: [`PATIENCE`]).
pub async fn wait_for<T>(what: &str, mut probe: impl FnMut() -> Option<T>) -> T {
    let deadline = tokio::time::Instant::now() + PATIENCE;
    loop {
        if let Some(value) = probe() {
            return value;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "{what} never happened"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

impl Drop for Harness {
    fn drop(&mut self) {
        self.stop.cancel();
        if let Some((stop, tasks)) = &self.leader {
            stop.cancel();
            for task in tasks {
                task.abort();
            }
        }
        for task in &self.tasks {
            task.abort();
        }
    }
}
