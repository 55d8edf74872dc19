//! The container image, run by podman. `scripts/check-image` builds the image and
//! runs this test with `GUARDIAN_BIN` set to a wrapper that starts the binary from
//! the image (read-only root file system, host network, the image's own user), so
//! these processes are containers: against the throwaway PostgreSQL and the
//! Kubernetes API stand-in, both planes come up healthy, a Job reaches a query
//! replica's REST API, and SIGTERM ends each with exit code 0 within 5 s.

use std::os::unix::fs::MetadataExt as _;
use std::time::Duration;

use guardian_integration::cluster::{LocalCluster, Timings, leader_of};
use guardian_integration::jobs::{complete_job_at, newest_execution_on};
use guardian_integration::{Process, http, wait_until};
use jiff::Timestamp;
use tonic_health::pb::health_client::HealthClient;
use tonic_health::pb::{HealthCheckRequest, health_check_response::ServingStatus};

const DEADLINE: Duration = Duration::from_secs(60);
const NAMESPACE: &str = "team-image";
/// The image's user (distroless `nonroot`).
const IMAGE_UID: u32 = 65532;
/// Kubernetes' default grace period is 30 s; the product promises far less.
const SHUTDOWN_DEADLINE: Duration = Duration::from_secs(5);

async fn grpc_serving(process: &Process) -> Option<()> {
    let channel = tonic::transport::Endpoint::from_shared(process.addresses.grpc_url())
        .ok()?
        .connect()
        .await
        .ok()?;
    let mut client = HealthClient::new(channel);
    let reply = client
        .check(HealthCheckRequest::default())
        .await
        .ok()?
        .into_inner();
    (reply.status == ServingStatus::Serving as i32).then_some(())
}

async fn healthy(process: &Process) -> anyhow::Result<()> {
    wait_until(
        &format!("{} gRPC health SERVING", process.name),
        DEADLINE,
        || grpc_serving(process),
    )
    .await?;
    wait_until(
        &format!("{} /readyz 200", process.name),
        DEADLINE,
        || async {
            let response = http::get(process.addresses.probes, "/readyz").await.ok()?;
            (response.status == 200).then_some(())
        },
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the container image: run by scripts/check-image"]
async fn both_planes_run_from_the_image_as_a_non_root_user() -> anyhow::Result<()> {
    anyhow::ensure!(
        std::env::var_os("GUARDIAN_IMAGE").is_some(),
        "run through scripts/check-image (GUARDIAN_IMAGE and GUARDIAN_BIN unset)"
    );
    let cluster = LocalCluster::new("it_image", Timings::default()).await?;
    cluster.kube.create_namespace(NAMESPACE)?;
    cluster
        .kube
        .create_cronjob(NAMESPACE, "backup", "*/5 * * * *", &[])?;
    let mut controller = cluster.controller("image-controller").await?;
    leader_of(&[&controller], DEADLINE).await?;
    let mut replica = cluster.query("image-query").await?;
    for process in [&controller, &replica] {
        let owner = std::fs::metadata(process.address_file())?.uid();
        assert_eq!(
            owner, IMAGE_UID,
            "{} runs as the image's user",
            process.name
        );
        healthy(process).await?;
    }

    let job = complete_job_at(
        &cluster.kube,
        NAMESPACE,
        "backup",
        Timestamp::from_second(1_700_000_000)?,
    )?;
    let page = newest_execution_on(&replica, NAMESPACE, "backup", &job).await?;
    assert_eq!(page["items"][0]["status"], "success", "{page}");

    for process in [&mut replica, &mut controller] {
        let status = process.terminate(SHUTDOWN_DEADLINE).await?;
        assert_eq!(
            status.code(),
            Some(0),
            "{}: {}",
            process.name,
            process.log()
        );
    }
    Ok(())
}
