//! A leader frozen while it holds the control row (mid-write) must not stall the
//! cluster: the standby takes its epoch within a bound while the old leader is still
//! frozen, and the old leader's open transaction never commits after it thaws.

use std::path::Path;
use std::time::Instant;

use guardian_api::v1::event::Change;
use guardian_integration::cluster::{LocalCluster, Timings, is_leader, leader_of};
use guardian_integration::events::{Collector, assert_gap_free};
use guardian_integration::jobs::{DEADLINE, NAMESPACE, complete_job, sorted, wait_for_jobs};
use guardian_integration::{http, wait_until};

/// The writer pauses before COMMIT while this file exists (a test-only pause point).
const PAUSE_VARIABLE: &str = "GUARDIAN_TEST_PAUSE_BEFORE_COMMIT";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_leader_frozen_mid_write_is_replaced_and_never_commits_late() -> anyhow::Result<()> {
    let gate_dir = tempfile::tempdir()?;
    let gate = gate_dir.path().join("pause");
    let reached = gate_dir.path().join("pause.reached");
    let mut cluster = LocalCluster::new("it_frozen_mid_write", Timings::default()).await?;
    cluster
        .env
        .push((PAUSE_VARIABLE.into(), gate.display().to_string()));
    cluster.kube.create_namespace(NAMESPACE)?;
    cluster
        .kube
        .create_cronjob(NAMESPACE, "ledger", "* * * * *", &[])?;
    let controllers = [
        cluster.controller("controller-a").await?,
        cluster.controller("controller-b").await?,
    ];
    let replica = cluster.query("query-a").await?;
    let stream = Collector::follow(replica.addresses.grpc_url());
    let leader = leader_of(&[&controllers[0], &controllers[1]], DEADLINE).await?;
    let mut jobs = vec![complete_job(&cluster, "ledger", 0)?];
    wait_for_jobs(&replica, "ledger", &jobs).await?;

    // The leader's next batch stops inside its transaction, holding the control row.
    std::fs::write(&gate, b"")?;
    let held = complete_job(&cluster, "ledger", 1)?;
    jobs.push(held.clone());
    wait_until("the leader to hold an open write", DEADLINE, || async {
        reached.exists().then_some(())
    })
    .await?;
    controllers[leader].freeze()?;
    let frozen_at = Instant::now();
    // The standby must not pause; the frozen leader, once thawed, goes on to COMMIT.
    std::fs::remove_file(&gate)?;

    let standby = &controllers[1 - leader];
    // `leader_status` is 1 only once the epoch is taken: the bound is on the epoch.
    wait_until("the standby to take its epoch", DEADLINE, || async {
        is_leader(standby).await.then_some(())
    })
    .await?;
    let takeover = frozen_at.elapsed();
    println!(
        "frozen-mid-write failover: {takeover:?} (lease {:?})",
        cluster.timings.lease
    );
    jobs.push(complete_job(&cluster, "ledger", 2)?);
    wait_for_jobs(&replica, "ledger", &sorted(&jobs)).await?;
    assert!(
        !takeover_waited_for_thaw(&controllers[leader]),
        "the new leader wrote while the old one was still frozen"
    );
    assert!(
        standby
            .log()
            .contains("ended database sessions of an older leader"),
        "the new leader ended the frozen leader's session:\n{}",
        standby.log()
    );

    controllers[leader].thaw()?;
    wait_until("the thawed replica to stand by", DEADLINE, || async {
        (!is_leader(&controllers[leader]).await).then_some(())
    })
    .await?;
    jobs.push(complete_job(&cluster, "ledger", 3)?);
    let page = wait_for_jobs(&replica, "ledger", &sorted(&jobs)).await?;
    assert_eq!(
        page["pagination"]["total"], 4,
        "each Job exactly once: {page}"
    );
    // Time for a late commit of the thawed leader to show up, if one happened.
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

/// Whether the process was thawed already (it is not: the takeover happened while frozen).
fn takeover_waited_for_thaw(process: &guardian_integration::Process) -> bool {
    let state =
        std::fs::read_to_string(format!("/proc/{}/stat", process.pid())).unwrap_or_default();
    // Field 3 of /proc/<pid>/stat is the state; `T` is stopped by a signal.
    let stopped = state.split_whitespace().nth(2) == Some("T");
    !stopped && Path::new(&format!("/proc/{}", process.pid())).exists()
}
