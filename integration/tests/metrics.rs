//! The real `/metrics` of a running controller and query replica expose every
//! metric the seed's HA document and our Prometheus rules name, with HELP text
//! (so the seed's `CronJobGuardianNoLeader` alert can work — the old operator
//! documented these metrics but never registered them).

use std::time::Duration;

use guardian_integration::cluster::{LocalCluster, Timings, leader_of};
use guardian_integration::http;

/// Named by the seed (`high-availability.md`) and by `deploy/prometheus/rules.yaml`.
const CONTROLLER_METRICS: &[&str] = &[
    "cronjob_guardian_leader_status",
    "cronjob_guardian_db_connections_open",
    "cronjob_guardian_db_connections_idle",
    "cronjob_guardian_leader_transitions_total",
    "cronjob_guardian_lease_renew_failures_total",
    "cronjob_guardian_fenced_writes_rejected_total",
    "cronjob_guardian_write_failures_total",
    "cronjob_guardian_watch_errors_total",
    "cronjob_guardian_leader_waiting_for_epoch",
    "cronjob_guardian_leader_epoch_wait_seconds",
];
const QUERY_METRICS: &[&str] = &[
    "cronjob_guardian_db_connections_open",
    "cronjob_guardian_event_stream_lag",
];

fn missing(body: &str, names: &[&str]) -> Vec<String> {
    names
        .iter()
        .filter(|name| {
            let help = format!("# HELP {name} ");
            let sample = body
                .lines()
                .any(|line| line.starts_with(*name) && !line.starts_with('#'));
            !(body.contains(&help) && sample)
        })
        .map(|name| (*name).to_owned())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn controller_and_query_expose_the_seed_and_rule_metrics() -> anyhow::Result<()> {
    let cluster = LocalCluster::new("it_metrics", Timings::default()).await?;
    let controller = cluster.controller("controller-a").await?;
    leader_of(&[&controller], Duration::from_secs(60)).await?;
    let replica = cluster.query("query-a").await?;
    // Gauges are published by periodic tasks; give them one round.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let controller_body = http::get(controller.addresses.http, "/metrics").await?.body;
        let query_body = http::get(replica.addresses.http, "/metrics").await?.body;
        let absent = [
            missing(&controller_body, CONTROLLER_METRICS),
            missing(&query_body, QUERY_METRICS),
        ];
        if absent.iter().all(Vec::is_empty) {
            assert!(
                controller_body.contains("cronjob_guardian_leader_status 1"),
                "{controller_body}"
            );
            return Ok(());
        }
        anyhow::ensure!(
            tokio::time::Instant::now() < deadline,
            "metrics missing: {absent:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
