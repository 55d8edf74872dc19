//! Reflection lists exactly what a process serves: a controller does not serve
//! `QueryService`, so its reflection must not offer it.

use std::time::Duration;

use guardian_integration::cluster::{LocalCluster, Timings, leader_of};
use tonic_reflection::pb::v1::ServerReflectionRequest;
use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;

const DEADLINE: Duration = Duration::from_secs(60);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_controller_reflects_only_the_services_it_serves() -> anyhow::Result<()> {
    let cluster = LocalCluster::new("it_reflection", Timings::default()).await?;
    let controller = cluster.controller("controller-a").await?;
    leader_of(&[&controller], DEADLINE).await?;
    let channel = tonic::transport::Channel::from_shared(controller.addresses.grpc_url())?
        .connect()
        .await?;
    let request = ServerReflectionRequest {
        host: String::new(),
        message_request: Some(MessageRequest::ListServices(String::new())),
    };
    let mut replies = ServerReflectionClient::new(channel)
        .server_reflection_info(futures::stream::iter([request]))
        .await?
        .into_inner();
    let reply = replies
        .message()
        .await?
        .ok_or_else(|| anyhow::anyhow!("no reply"))?;
    let Some(MessageResponse::ListServicesResponse(list)) = reply.message_response else {
        anyhow::bail!("unexpected reflection reply {reply:?}");
    };
    let mut services: Vec<String> = list.service.into_iter().map(|s| s.name).collect();
    services.sort();
    assert_eq!(
        services,
        [
            "grpc.health.v1.Health",
            "grpc.reflection.v1.ServerReflection",
            "grpc.reflection.v1alpha.ServerReflection",
            "guardian.v1.ControlService",
            "guardian.v1.EventService",
        ]
    );
    Ok(())
}
