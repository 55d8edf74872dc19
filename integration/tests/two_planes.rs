//! The product's spine against real processes: two controllers electing
//! through PostgreSQL, two query replicas, the Kubernetes stand-in.

use std::time::{Duration, Instant};

use guardian_integration::cluster::{Database, LocalCluster, Timings, is_leader, leader_of};
use guardian_integration::events::{Collector, assert_gap_free};
use guardian_integration::jobs::{DEADLINE, NAMESPACE, complete_job, sorted, wait_for_jobs};
use guardian_integration::wait_until;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_finished_job_reaches_both_query_replicas_over_grpc_rest_and_streams()
-> anyhow::Result<()> {
    both_planes_end_to_end(Database::Postgres, "it_two_planes").await
}

/// The same path with `storage.type: mysql`: Job → execution → stream → REST.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_mariadb_a_finished_job_reaches_both_query_replicas() -> anyhow::Result<()> {
    if !Database::Mariadb.available() {
        return Ok(());
    }
    both_planes_end_to_end(Database::Mariadb, "it_two_planes_my").await
}

async fn both_planes_end_to_end(database: Database, name: &str) -> anyhow::Result<()> {
    let cluster = LocalCluster::on(database, name, Timings::default()).await?;
    cluster.kube.create_namespace(NAMESPACE)?;
    cluster
        .kube
        .create_cronjob(NAMESPACE, "backup", "*/5 * * * *", &[("app", "backup")])?;
    let first = cluster.controller("controller-a").await?;
    let second = cluster.controller("controller-b").await?;
    leader_of(&[&first, &second], DEADLINE).await?;
    let replicas = [
        cluster.query("query-a").await?,
        cluster.query("query-b").await?,
    ];
    let streams: Vec<Collector> = replicas
        .iter()
        .map(|r| Collector::follow(r.addresses.grpc_url()))
        .collect();

    let job = complete_job(&cluster.kube, "backup", 1)?;
    for replica in &replicas {
        let page = wait_for_jobs(replica, "backup", std::slice::from_ref(&job)).await?;
        assert_eq!(page["items"][0]["status"], "success", "{page}");
        assert_eq!(page["pagination"]["total"], 1, "{page}");
    }
    let mut client = guardian_api::v1::query_service_client::QueryServiceClient::connect(
        replicas[1].addresses.grpc_url(),
    )
    .await?;
    let listed = client
        .list_executions(guardian_api::v1::ListExecutionsRequest {
            namespace: NAMESPACE.into(),
            name: "backup".into(),
            ..Default::default()
        })
        .await?
        .into_inner();
    assert_eq!(
        listed
            .items
            .iter()
            .map(|item| item.job_name.clone())
            .collect::<Vec<_>>(),
        vec![job.clone()]
    );

    for stream in &streams {
        let events = wait_until("the execution event on the stream", DEADLINE, || async {
            let events = stream.events();
            let seen = events.iter().any(|event| {
                matches!(&event.change, Some(guardian_api::v1::event::Change::Execution(execution))
                    if execution.job_name == job && execution.outcome == guardian_api::v1::ExecutionOutcome::Succeeded as i32)
            });
            seen.then_some(events)
        })
        .await?;
        assert_gap_free(&events);
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killing_the_leader_loses_and_doubles_nothing() -> anyhow::Result<()> {
    kill_the_leader_during_ingest(Database::Postgres, "it_kill_leader").await
}

/// `kill -9` of the leader during ingest with MariaDB as the store and lease.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_mariadb_killing_the_leader_loses_and_doubles_nothing() -> anyhow::Result<()> {
    if !Database::Mariadb.available() {
        return Ok(());
    }
    kill_the_leader_during_ingest(Database::Mariadb, "it_kill_leader_my").await
}

async fn kill_the_leader_during_ingest(database: Database, name: &str) -> anyhow::Result<()> {
    let cluster = LocalCluster::on(database, name, Timings::default()).await?;
    cluster.kube.create_namespace(NAMESPACE)?;
    cluster
        .kube
        .create_cronjob(NAMESPACE, "etl", "* * * * *", &[])?;
    let mut controllers = [
        cluster.controller("controller-a").await?,
        cluster.controller("controller-b").await?,
    ];
    let replica = cluster.query("query-a").await?;
    let stream = Collector::follow(replica.addresses.grpc_url());
    let leader = leader_of(&[&controllers[0], &controllers[1]], DEADLINE).await?;

    let mut jobs = Vec::new();
    for minute in 0..5 {
        jobs.push(complete_job(&cluster.kube, "etl", minute)?);
    }
    wait_for_jobs(&replica, "etl", &sorted(&jobs)).await?;
    let killed_at = Instant::now();
    controllers[leader].kill().await?;
    // Jobs finishing while nobody leads must all be recorded by the next leader.
    for minute in 5..10 {
        jobs.push(complete_job(&cluster.kube, "etl", minute)?);
    }
    let standby = &controllers[1 - leader];
    wait_until("the standby to lead", DEADLINE, || async {
        is_leader(standby).await.then_some(())
    })
    .await?;
    let takeover = killed_at.elapsed();
    println!(
        "crash failover: {takeover:?} (lease {:?}, retry {:?})",
        cluster.timings.lease, cluster.timings.retry
    );
    // Behaviour, not speed: the configured lease (4 s) is honoured, not a 15 s default.
    assert!(
        takeover < Duration::from_secs(12),
        "takeover took {takeover:?}"
    );

    let page = wait_for_jobs(&replica, "etl", &sorted(&jobs)).await?;
    assert_eq!(
        page["pagination"]["total"], 10,
        "each Job exactly once: {page}"
    );
    let events = wait_until("all ten executions on the stream", DEADLINE, || async {
        let events = stream.events();
        let mut finished: Vec<String> = events
            .iter()
            .filter_map(|event| match &event.change {
                Some(guardian_api::v1::event::Change::Execution(execution)) => {
                    Some(execution.job_name.clone())
                }
                _ => None,
            })
            .collect();
        finished.sort();
        finished.dedup();
        (finished == sorted(&jobs)).then_some(events)
    })
    .await?;
    assert_gap_free(&events);
    let epochs: std::collections::BTreeSet<i64> = events.iter().map(|event| event.epoch).collect();
    assert!(
        epochs.len() >= 2,
        "events from both leaderships: {epochs:?}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_hands_over_before_the_lease_could_expire() -> anyhow::Result<()> {
    let timings = Timings {
        lease: Duration::from_secs(8),
        renew: Duration::from_secs(6),
        retry: Duration::from_millis(500),
    };
    let cluster = LocalCluster::new("it_sigterm", timings).await?;
    let mut controllers = [
        cluster.controller("controller-a").await?,
        cluster.controller("controller-b").await?,
    ];
    let leader = leader_of(&[&controllers[0], &controllers[1]], DEADLINE).await?;
    let started = Instant::now();
    let status = controllers[leader]
        .terminate(Duration::from_secs(30))
        .await?;
    assert!(
        status.success(),
        "clean exit on SIGTERM: {status:?}\n{}",
        controllers[leader].log()
    );
    let standby = &controllers[1 - leader];
    wait_until("the standby to lead", DEADLINE, || async {
        is_leader(standby).await.then_some(())
    })
    .await?;
    let handover = started.elapsed();
    println!(
        "graceful handover: {handover:?} (retry {:?})",
        timings.retry
    );
    // Without a release the standby would wait a whole lease (8 s) after its last
    // observed renewal; a release lets it take over on its next retry.
    assert!(
        handover < timings.lease,
        "handover took {handover:?}: the lease was not released"
    );
    let log = controllers[leader].log();
    let order = ["shutting down: no new work", "lease released", "stopped"]
        .map(|message| log.find(&format!("\"message\":\"{message}\"")));
    assert!(
        order.iter().all(Option::is_some),
        "shutdown steps logged:\n{log}"
    );
    assert!(
        order.windows(2).all(|pair| pair[0] < pair[1]),
        "seed's shutdown order:\n{log}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_frozen_leader_gets_no_write_accepted_after_it_thaws() -> anyhow::Result<()> {
    let cluster = LocalCluster::new("it_sigstop", Timings::default()).await?;
    cluster.kube.create_namespace(NAMESPACE)?;
    cluster
        .kube
        .create_cronjob(NAMESPACE, "report", "* * * * *", &[])?;
    let controllers = [
        cluster.controller("controller-a").await?,
        cluster.controller("controller-b").await?,
    ];
    let replica = cluster.query("query-a").await?;
    let stream = Collector::follow(replica.addresses.grpc_url());
    let leader = leader_of(&[&controllers[0], &controllers[1]], DEADLINE).await?;
    let mut jobs = vec![complete_job(&cluster.kube, "report", 0)?];
    wait_for_jobs(&replica, "report", &jobs).await?;

    controllers[leader].freeze()?;
    let standby = &controllers[1 - leader];
    wait_until("the standby to lead", DEADLINE, || async {
        is_leader(standby).await.then_some(())
    })
    .await?;
    // The frozen leader's watch will deliver these when it thaws: it must not write them.
    jobs.push(complete_job(&cluster.kube, "report", 1)?);
    controllers[leader].thaw()?;
    jobs.push(complete_job(&cluster.kube, "report", 2)?);
    wait_until("the thawed replica to stand by", DEADLINE, || async {
        (!is_leader(&controllers[leader]).await).then_some(())
    })
    .await?;
    let page = wait_for_jobs(&replica, "report", &sorted(&jobs)).await?;
    assert_eq!(page["pagination"]["total"], 3, "{page}");
    tokio::time::sleep(cluster.timings.lease).await;
    let events = stream.events();
    assert_gap_free(&events);
    let newest = events
        .iter()
        .map(|event| event.epoch)
        .max()
        .unwrap_or_default();
    let first_of_newest = events
        .iter()
        .position(|event| event.epoch == newest)
        .unwrap_or(events.len());
    assert!(
        events[first_of_newest..]
            .iter()
            .all(|event| event.epoch == newest),
        "an older epoch wrote after the newer leader started: {events:#?}"
    );
    assert!(is_leader(standby).await, "the new leader keeps leading");
    Ok(())
}
