//! Alerts under failover, with real processes: controllers on one PostgreSQL, a query
//! replica, the Kubernetes stand-in, and two receivers on 127.0.0.1 standing in for a
//! webhook (keyed by its `Idempotency-Key` header) and PagerDuty (keyed by `dedup_key` and
//! `event_action`). Two leaders are killed with `kill -9`:
//!
//! 1. while the alert of `alpha` is pending (`alertDelay`): the next leader fires it;
//! 2. while the webhook holds the trigger of `beta` unanswered (a delivery in flight): the
//!    next leader re-sends it under the same key.
//!
//! Then both CronJobs succeed and each channel gets their resolves. Every notice must
//! arrive under exactly one key, none missing; the raw requests that repeat a key (the
//! uncertain in-flight send) are counted and printed. Waits are failure guards only.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use guardian_integration::cluster::{Database, LocalCluster, Timings, leader_of};
use guardian_integration::events::Collector;
use guardian_integration::receiver::{Received, Receiver};
use guardian_integration::{Process, wait_until};
use guardian_testkit::kube_api::scenario::JobEnd;
use jiff::{SignedDuration, Timestamp};
use k8s_openapi::api::batch::v1::CronJob;
use serde_json::{Value, json};

const DEADLINE: Duration = Duration::from_secs(120);
const NS: &str = "team-f";
const GROUP: &str = "guardian.illenium.net/v1alpha1";

fn key(cronjob: &str) -> String {
    format!("{NS}/{cronjob}-watch/{NS}/{cronjob}/jobFailed")
}

/// A notice as a receiver identifies it: (alert key, trigger or resolve).
type Notice = (String, String);

/// Webhook requests of our alerts: notice → the idempotency keys it came with, in order.
fn webhook_notices(received: &[Received]) -> BTreeMap<Notice, Vec<String>> {
    let mut notices: BTreeMap<Notice, Vec<String>> = BTreeMap::new();
    for request in received {
        let alert = request.header("x-guardian-alert-key").unwrap_or_default();
        let event = request.header("x-guardian-event").unwrap_or_default();
        if alert.starts_with(NS) && event != "test" {
            let idempotency = request.header("idempotency-key").unwrap_or_default();
            let notice = (alert.to_owned(), event.to_owned());
            notices
                .entry(notice)
                .or_default()
                .push(idempotency.to_owned());
        }
    }
    notices
}

/// PagerDuty events of our alerts: (dedup_key, event_action) → how many requests.
fn pagerduty_notices(received: &[Received]) -> BTreeMap<Notice, usize> {
    let mut notices: BTreeMap<Notice, usize> = BTreeMap::new();
    for request in received {
        let event = request.json();
        let dedup = event["dedup_key"].as_str().unwrap_or_default();
        if dedup.starts_with(NS) {
            let action = event["event_action"].as_str().unwrap_or_default();
            *notices
                .entry((dedup.to_owned(), action.to_owned()))
                .or_default() += 1;
        }
    }
    notices
}

fn custom(cluster: &LocalCluster, kind: &str, name: &str, spec: Value) -> anyhow::Result<()> {
    cluster.kube.apply(json!({
        "apiVersion": GROUP, "kind": kind,
        "metadata": {"name": name, "namespace": NS}, "spec": spec,
    }))?;
    Ok(())
}

/// The namespace, both channels, and `alpha` (alertDelay 20 s) and `beta` (no delay),
/// each with its own monitor alerting both channels and no reminders.
fn objects(cluster: &LocalCluster, hook: &Receiver) -> anyhow::Result<()> {
    let kube = &cluster.kube;
    kube.create_namespace(NS)?;
    for (name, key, value) in [
        ("hook-secret", "url", hook.url("/hook")),
        ("pd-secret", "routing-key", "R0UTINGKEY".to_owned()),
    ] {
        kube.apply(json!({"apiVersion": "v1", "kind": "Secret",
            "metadata": {"name": name, "namespace": NS}, "stringData": {key: value}}))?;
    }
    let secret = |name: &str, key: &str| json!({"name": name, "namespace": NS, "key": key});
    custom(
        cluster,
        "AlertChannel",
        "hook",
        json!({"type": "webhook",
        "webhook": {"urlSecretRef": secret("hook-secret", "url")}}),
    )?;
    custom(
        cluster,
        "AlertChannel",
        "pd",
        json!({"type": "pagerduty",
        "pagerduty": {"routingKeySecretRef": secret("pd-secret", "routing-key")}}),
    )?;
    for (cronjob, delay) in [("alpha", "20s"), ("beta", "0s")] {
        kube.create_cronjob(NS, cronjob, "0 3 * * *", &[("app", cronjob)])?;
        custom(
            cluster,
            "CronJobMonitor",
            &format!("{cronjob}-watch"),
            json!({
                "selector": {"matchNames": [cronjob]},
                "deadManSwitch": {"enabled": false},
                "sla": {"enabled": false},
                "alerting": {"channelRefs": [{"name": "hook"}, {"name": "pd"}],
                    "alertDelay": delay, "suppressDuplicatesFor": "24h"},
            }),
        )?;
    }
    Ok(())
}

/// A Job of `cronjob` scheduled `ago` before now that has just ended.
fn run(cluster: &LocalCluster, cronjob: &str, ago: i64, succeeded: bool) -> anyhow::Result<()> {
    let cj = cluster
        .kube
        .get_obj::<CronJob>(NS, cronjob)?
        .ok_or_else(|| anyhow::anyhow!("cronjob {cronjob} missing"))?;
    let now = Timestamp::now();
    let job = cluster
        .kube
        .start_job(&cj, now - SignedDuration::from_secs(ago))?;
    let end = if succeeded {
        JobEnd::succeeded(now)
    } else {
        JobEnd::failed(now, "BackoffLimitExceeded")
    };
    let name = job.metadata.name.unwrap_or_default();
    cluster.kube.finish_job(NS, &name, &end)?;
    Ok(())
}

/// Kills the leader among `controllers` and waits for another to lead.
async fn kill_leader(controllers: &mut [Process]) -> anyhow::Result<usize> {
    let all: Vec<&Process> = controllers.iter().collect();
    let leader = leader_of(&all, DEADLINE).await?;
    controllers[leader].kill().await?;
    let rest: Vec<(usize, &Process)> = controllers
        .iter()
        .enumerate()
        .filter(|(index, _)| *index != leader)
        .collect();
    let survivors: Vec<&Process> = rest.iter().map(|(_, process)| *process).collect();
    let next = leader_of(&survivors, DEADLINE).await?;
    Ok(rest[next].0)
}

fn pending_seen(collector: &Collector, alert: &str) -> bool {
    collector.events().iter().any(|event| {
        matches!(&event.change, Some(guardian_api::v1::event::Change::Alert(change))
            if change.id == alert && change.state == guardian_api::v1::AlertState::Pending as i32)
    })
}

/// The running deployment and its receivers.
struct Stage {
    cluster: LocalCluster,
    hook: Receiver,
    pd: Receiver,
    controllers: Vec<Process>,
    collector: Collector,
    _replica: Process,
}

impl Stage {
    /// Two controllers (one leads) and a query replica, alerts firing at once.
    async fn start(database: Database, name: &str) -> anyhow::Result<Stage> {
        let hook = Receiver::start(200).await?;
        let pd = Receiver::start(202).await?;
        let mut cluster = LocalCluster::on(database, name, Timings::default()).await?;
        cluster.env = vec![
            (
                "GUARDIAN_SCHEDULER_STARTUP_GRACE_PERIOD".into(),
                "0s".into(),
            ),
            (
                "GUARDIAN_ALERTS_PAGERDUTY_URL".into(),
                pd.url("/v2/enqueue"),
            ),
        ];
        objects(&cluster, &hook)?;
        let controllers = vec![
            cluster.controller("controller-a").await?,
            cluster.controller("controller-b").await?,
        ];
        let all: Vec<&Process> = controllers.iter().collect();
        leader_of(&all, DEADLINE).await?;
        let replica = cluster.query("query-a").await?;
        let collector = Collector::follow(replica.addresses.grpc_url());
        Ok(Stage {
            cluster,
            hook,
            pd,
            controllers,
            collector,
            _replica: replica,
        })
    }

    fn delivered(&self, notice: &Notice) -> (bool, bool) {
        (
            webhook_notices(&self.hook.received()).contains_key(notice),
            pagerduty_notices(&self.pd.received()).contains_key(notice),
        )
    }

    /// 1. The leader dies while alpha's alert waits out its delay; the next one fires it.
    async fn crash_while_pending(&mut self) -> anyhow::Result<()> {
        run(&self.cluster, "alpha", 600, false)?;
        wait_until("alpha's alert pending", DEADLINE, || async {
            pending_seen(&self.collector, &key("alpha")).then_some(())
        })
        .await?;
        kill_leader(&mut self.controllers).await?;
        let sent = webhook_notices(&self.hook.received()).len()
            + pagerduty_notices(&self.pd.received()).len();
        assert_eq!(sent, 0, "nothing was sent while pending");
        let spare = self.cluster.controller("controller-c").await?;
        self.controllers.push(spare);
        let trigger = (key("alpha"), "trigger".to_owned());
        wait_until("alpha's trigger on both channels", DEADLINE, || async {
            (self.delivered(&trigger) == (true, true)).then_some(())
        })
        .await
    }

    /// 2. The leader dies while the webhook holds beta's trigger unanswered; returns it.
    async fn crash_in_flight(&mut self) -> anyhow::Result<Notice> {
        self.hook.hold_next("x-guardian-alert-key", &key("beta"));
        run(&self.cluster, "beta", 600, false)?;
        let trigger = (key("beta"), "trigger".to_owned());
        wait_until("beta's trigger in flight", DEADLINE, || async {
            self.delivered(&trigger).0.then_some(())
        })
        .await?;
        kill_leader(&mut self.controllers).await?;
        self.hook.release();
        Ok(trigger)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_notice_arrives_exactly_once_across_two_leader_crashes() -> anyhow::Result<()> {
    exactly_once_across_crashes(Database::Postgres, "it_alert_failover").await
}

/// The same with MariaDB as the store and the lease (`storage.type: mysql`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_mariadb_every_notice_arrives_exactly_once_across_two_leader_crashes()
-> anyhow::Result<()> {
    if !Database::Mariadb.available() {
        return Ok(());
    }
    exactly_once_across_crashes(Database::Mariadb, "it_alert_failover_my").await
}

async fn exactly_once_across_crashes(database: Database, name: &str) -> anyhow::Result<()> {
    let mut stage = Stage::start(database, name).await?;
    stage.crash_while_pending().await?;
    let in_flight = stage.crash_in_flight().await?;

    // 3. Both recover: every trigger and resolve, on both channels.
    run(&stage.cluster, "alpha", 60, true)?;
    run(&stage.cluster, "beta", 60, true)?;
    let expected: BTreeSet<Notice> = ["alpha", "beta"]
        .iter()
        .flat_map(|cronjob| ["trigger", "resolve"].map(|event| (key(cronjob), event.to_owned())))
        .collect();
    wait_until("every notice on both channels", DEADLINE, || async {
        let on_hook: BTreeSet<Notice> = webhook_notices(&stage.hook.received())
            .into_keys()
            .collect();
        let on_pd: BTreeSet<Notice> = pagerduty_notices(&stage.pd.received())
            .into_keys()
            .collect();
        (on_hook == expected && on_pd == expected).then_some(())
    })
    .await?;
    report_and_check(&stage.hook, &stage.pd, &expected, &in_flight)
}

/// Each notice under exactly one key; repeats only of the in-flight notice, and counted.
fn report_and_check(
    hook: &Receiver,
    pd: &Receiver,
    expected: &BTreeSet<Notice>,
    in_flight: &Notice,
) -> anyhow::Result<()> {
    let hook_notices = webhook_notices(&hook.received());
    let pd_notices = pagerduty_notices(&pd.received());
    let mut raw_duplicates = 0;
    for (notice, keys) in &hook_notices {
        let distinct: BTreeSet<&String> = keys.iter().collect();
        assert_eq!(
            distinct.len(),
            1,
            "{notice:?} sent under several keys: {keys:?}"
        );
        assert!(!keys[0].is_empty(), "{notice:?} without an Idempotency-Key");
        if keys.len() > 1 {
            assert_eq!(
                notice, in_flight,
                "only the uncertain send may repeat: {hook_notices:?}"
            );
            raw_duplicates += keys.len() - 1;
        }
    }
    for (notice, count) in &pd_notices {
        if *count > 1 {
            assert_eq!(
                notice, in_flight,
                "only the uncertain send may repeat: {pd_notices:?}"
            );
            raw_duplicates += count - 1;
        }
    }
    let held = hook_notices.get(in_flight).map_or(0, Vec::len);
    assert!(
        held >= 2,
        "the unanswered send was sent again: {hook_notices:?}"
    );
    let keys: BTreeSet<&Notice> = hook_notices.keys().chain(pd_notices.keys()).collect();
    assert_eq!(keys, expected.iter().collect(), "none missing, none extra");
    println!(
        "alert failover: {} notices × 2 channels delivered once per key; {raw_duplicates} raw \
         duplicate request(s) from the uncertain in-flight send (same key, harmless)",
        expected.len()
    );
    Ok(())
}
