//! TLS between the planes, with real processes: the controller serves its gRPC
//! port over mutual TLS (certificates made at test time), a query replica
//! follows the leader's event stream through it, verifying the controller's
//! certificate name, and a replica without a client certificate is refused.

use std::time::Duration;

use guardian_integration::cluster::{LocalCluster, Timings, leader_of};
use guardian_integration::jobs::{complete_job_at, newest_execution_on};
use guardian_integration::{Process, http, wait_until};
use guardian_testkit::certs::{CertFiles, TestCa};
use jiff::Timestamp;

const DEADLINE: Duration = Duration::from_secs(60);
const NAMESPACE: &str = "team-tls";
/// The controller's certificate name; it advertises 127.0.0.1, so the replica
/// is told which name to expect (as with pod IPs in a cluster).
const CONTROLLER_NAME: &str = "cronjob-guardian.guardian.svc";

fn env(pairs: &[(&str, &std::path::Path)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(key, path)| ((*key).to_owned(), path.display().to_string()))
        .collect()
}

fn controller_env(controller: &CertFiles) -> Vec<(String, String)> {
    env(&[
        ("GUARDIAN_GRPC_TLS_CERT_FILE", &controller.cert),
        ("GUARDIAN_GRPC_TLS_KEY_FILE", &controller.key),
        ("GUARDIAN_GRPC_TLS_CLIENT_CA_FILE", &controller.ca),
    ])
}

fn replica_env(ca: &std::path::Path, identity: Option<&CertFiles>) -> Vec<(String, String)> {
    let mut pairs = env(&[("GUARDIAN_CONTROLLER_TLS_CA_FILE", ca)]);
    if let Some(identity) = identity {
        pairs.extend(env(&[
            ("GUARDIAN_CONTROLLER_TLS_CERT_FILE", &identity.cert),
            ("GUARDIAN_CONTROLLER_TLS_KEY_FILE", &identity.key),
        ]));
    }
    pairs.push((
        "GUARDIAN_CONTROLLER_TLS_SERVER_NAME".to_owned(),
        CONTROLLER_NAME.to_owned(),
    ));
    pairs
}

async fn stream_connected(replica: &Process) -> Option<bool> {
    let body = http::get(replica.addresses.http, "/metrics")
        .await
        .ok()?
        .body;
    let line = body
        .lines()
        .find(|line| line.starts_with("cronjob_guardian_event_stream_connected "))?;
    Some(line.ends_with(" 1"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_query_replica_follows_the_leader_over_mutual_tls() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let ca = TestCa::new("guardian planes CA")?;
    let controller_cert = ca.issue(&[CONTROLLER_NAME], dir.path(), "controller")?;
    let replica_cert = ca.issue(&["cronjob-guardian-query"], dir.path(), "query")?;

    let mut cluster = LocalCluster::new("it_tls_planes", Timings::default()).await?;
    cluster.kube.create_namespace(NAMESPACE)?;
    cluster
        .kube
        .create_cronjob(NAMESPACE, "backup", "*/5 * * * *", &[])?;
    cluster.env = controller_env(&controller_cert);
    let controller = cluster.controller("tls-controller").await?;
    leader_of(&[&controller], DEADLINE).await?;
    cluster.env = replica_env(&controller_cert.ca, Some(&replica_cert));
    let replica = cluster.query("tls-query").await?;
    wait_until("the replica's stream over TLS", DEADLINE, || async {
        stream_connected(&replica).await?.then_some(())
    })
    .await?;

    let job = complete_job_at(
        &cluster.kube,
        NAMESPACE,
        "backup",
        Timestamp::from_second(1_700_000_000)?,
    )?;
    newest_execution_on(&replica, NAMESPACE, "backup", &job).await?;
    let sequence = |body: &str| {
        body.lines()
            .find(|line| line.starts_with("cronjob_guardian_event_stream_sequence "))
            .and_then(|line| line.rsplit(' ').next()?.parse::<f64>().ok())
    };
    // The execution's event arrived over the TLS stream, not just the database.
    wait_until("the execution event over TLS", DEADLINE, || async {
        let body = http::get(replica.addresses.http, "/metrics")
            .await
            .ok()?
            .body;
        (sequence(&body)? > 0.0).then_some(())
    })
    .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replica_without_a_client_certificate_is_refused_by_the_controller() -> anyhow::Result<()>
{
    let dir = tempfile::tempdir()?;
    let ca = TestCa::new("guardian planes CA")?;
    let controller_cert = ca.issue(&[CONTROLLER_NAME], dir.path(), "controller")?;

    let mut cluster = LocalCluster::new("it_tls_refused", Timings::default()).await?;
    cluster.env = controller_env(&controller_cert);
    let controller = cluster.controller("tls-controller").await?;
    leader_of(&[&controller], DEADLINE).await?;
    cluster.env = replica_env(&controller_cert.ca, None);
    let replica = cluster.query("tls-query-anonymous").await?;
    wait_until(
        "the controller refusing the handshake",
        DEADLINE,
        || async {
            controller
                .log()
                .contains("TLS handshake refused")
                .then_some(())
        },
    )
    .await?;
    assert_eq!(
        stream_connected(&replica).await,
        Some(false),
        "a replica without a certificate follows the stream"
    );
    Ok(())
}
