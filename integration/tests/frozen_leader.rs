//! A leader stuck while it holds the control row (mid-write) must not stall the
//! cluster: the standby takes its epoch within a bound while the old leader is still
//! stuck, and the old leader's open transaction never commits when it comes back.
//! Stuck means frozen (SIGSTOP, a paused VM) or cut off from the database with its
//! TCP connections left open (a partition).

use std::time::Instant;

use guardian_api::v1::event::Change;
use guardian_integration::cluster::{LocalCluster, Timings, is_leader, leader_of};
use guardian_integration::events::{Collector, assert_gap_free};
use guardian_integration::jobs::{DEADLINE, NAMESPACE, complete_job, sorted, wait_for_jobs};
use guardian_integration::link::Link;
use guardian_integration::pause::PauseGate;
use guardian_integration::{Process, http, wait_until};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stuck {
    Frozen,
    CutOff,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_leader_frozen_mid_write_is_replaced_and_never_commits_late() -> anyhow::Result<()> {
    replace_a_stuck_leader(Stuck::Frozen, "it_frozen_mid_write").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_leader_cut_off_mid_write_is_replaced_and_never_commits_late() -> anyhow::Result<()> {
    replace_a_stuck_leader(Stuck::CutOff, "it_cut_mid_write").await
}

async fn replace_a_stuck_leader(stuck: Stuck, database: &str) -> anyhow::Result<()> {
    let pause = PauseGate::new()?;
    let mut cluster = LocalCluster::new(database, Timings::default()).await?;
    cluster.env.push(pause.env());
    cluster.kube.create_namespace(NAMESPACE)?;
    cluster
        .kube
        .create_cronjob(NAMESPACE, "ledger", "* * * * *", &[])?;
    let database = std::net::SocketAddr::from(([127, 0, 0, 1], cluster.database_port()));
    let links = [Link::start(database).await?, Link::start(database).await?];
    let controllers = [
        cluster
            .controller_via("controller-a", links[0].addr.port())
            .await?,
        cluster
            .controller_via("controller-b", links[1].addr.port())
            .await?,
    ];
    let replica = cluster.query("query-a").await?;
    let stream = Collector::follow(replica.addresses.grpc_url());
    let leader = leader_of(&[&controllers[0], &controllers[1]], DEADLINE).await?;
    let mut jobs = vec![complete_job(&cluster.kube, "ledger", 0)?];
    wait_for_jobs(&replica, "ledger", &jobs).await?;

    // The leader's next batch stops inside its transaction, holding the control row.
    pause.arm()?;
    let held = complete_job(&cluster.kube, "ledger", 1)?;
    jobs.push(held.clone());
    pause.reached(DEADLINE).await?;
    match stuck {
        Stuck::Frozen => controllers[leader].freeze()?,
        Stuck::CutOff => links[leader].cut(),
    }
    let stuck_at = Instant::now();
    // The standby must not pause; the stuck leader goes on to COMMIT when it can.
    pause.release()?;

    let standby = &controllers[1 - leader];
    // `leader_status` is 1 only once the epoch is taken: the bound is on the epoch.
    wait_until("the standby to take its epoch", DEADLINE, || async {
        is_leader(standby).await.then_some(())
    })
    .await?;
    let takeover = stuck_at.elapsed();
    println!(
        "{stuck:?}-mid-write failover: {takeover:?} (lease {:?})",
        cluster.timings.lease
    );
    jobs.push(complete_job(&cluster.kube, "ledger", 2)?);
    wait_for_jobs(&replica, "ledger", &sorted(&jobs)).await?;
    if stuck == Stuck::Frozen {
        assert!(
            is_stopped(&controllers[leader]),
            "the new leader wrote while the old one was still frozen"
        );
    }
    assert!(
        standby
            .log()
            .contains("ended database sessions of an older leader"),
        "the new leader ended the stuck leader's session:\n{}",
        standby.log()
    );

    match stuck {
        Stuck::Frozen => controllers[leader].thaw()?,
        Stuck::CutOff => links[leader].restore(),
    }
    wait_until("the old leader to stand by", DEADLINE, || async {
        (!is_leader(&controllers[leader]).await).then_some(())
    })
    .await?;
    jobs.push(complete_job(&cluster.kube, "ledger", 3)?);
    let page = wait_for_jobs(&replica, "ledger", &sorted(&jobs)).await?;
    assert_eq!(
        page["pagination"]["total"], 4,
        "each Job exactly once: {page}"
    );
    // Time for a late commit of the old leader to show up, if one happened.
    tokio::time::sleep(cluster.timings.lease).await;

    let events = stream.events();
    assert_gap_free(&events);
    let epochs: Vec<i64> = events.iter().map(|event| event.epoch).collect();
    assert!(
        epochs.windows(2).all(|pair| pair[0] <= pair[1]),
        "an older epoch committed after a newer one: {epochs:?}"
    );
    let old_epoch = epochs.first().copied().unwrap_or_default();
    let held_epochs: Vec<i64> = events
        .iter()
        .filter(
            |event| matches!(&event.change, Some(Change::Execution(run)) if run.job_name == held),
        )
        .map(|event| event.epoch)
        .collect();
    assert!(
        !held_epochs.is_empty() && held_epochs.iter().all(|epoch| *epoch > old_epoch),
        "the held batch was written by the new leader only: {held_epochs:?} (old epoch {old_epoch})"
    );
    let metrics = http::get(standby.addresses.http, "/metrics").await?.body;
    assert!(
        metrics.contains("cronjob_guardian_leader_epoch_wait_seconds_count 1"),
        "the wait for the epoch is measured:\n{metrics}"
    );
    assert!(is_leader(standby).await, "the new leader keeps leading");
    Ok(())
}

/// Whether `process` is stopped by a signal (state `T` in `/proc/<pid>/stat`).
fn is_stopped(process: &Process) -> bool {
    let stat = std::fs::read_to_string(format!("/proc/{}/stat", process.pid())).unwrap_or_default();
    // The command name (field 2) is in parentheses and may hold spaces.
    let state = stat
        .rsplit_once(')')
        .and_then(|(_, rest)| rest.split_whitespace().next());
    state == Some("T")
}
