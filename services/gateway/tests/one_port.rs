//! gRPC and REST on one port, as the query plane serves them: the gateway
//! router merged with the tonic routes it forwards to, plus the gateway's
//! fallback for unknown paths.

mod support;

use guardian_api::v1::control_service_client::ControlServiceClient;
use guardian_api::v1::query_service_client::QueryServiceClient;
use guardian_api::v1::query_service_server::QueryServiceServer;
use guardian_api::v1::{GetCronJobRequest, GetHealthRequest, TriggerCronJobRequest};
use guardian_gateway::Gateway;
use support::TestServer;
use support::fakes::FakeQuery;

#[tokio::test]
async fn grpc_clients_and_rest_clients_share_one_listener() {
    let query = FakeQuery::default();
    let routes = tonic::service::Routes::new(QueryServiceServer::new(query.clone()));
    let gateway = Gateway::for_services(
        guardian_api::FILE_DESCRIPTOR_SET,
        &["guardian.v1.QueryService"],
    )
    .expect("gateway builds");
    let app = gateway
        .router(routes.clone())
        .merge(routes.into_axum_router())
        .fallback(guardian_gateway::fallback);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("address");
    tokio::spawn(async move { axum::serve(listener, app).await });

    let channel = tonic::transport::Endpoint::from_shared(format!("http://{addr}"))
        .expect("endpoint")
        .connect()
        .await
        .expect("h2c connect");
    let mut client = QueryServiceClient::new(channel.clone());
    let health = client
        .get_health(GetHealthRequest {})
        .await
        .expect("gRPC call")
        .into_inner();
    assert_eq!(health.status, "ok");
    let missing = client
        .get_cron_job(GetCronJobRequest {
            namespace: "ops".into(),
            name: "missing".into(),
        })
        .await
        .expect_err("not found");
    assert_eq!(missing.code(), tonic::Code::NotFound);
    // ControlService is not served here: the fallback answers the gRPC way.
    let unserved = ControlServiceClient::new(channel)
        .trigger_cron_job(TriggerCronJobRequest {
            namespace: "ops".into(),
            name: "backup".into(),
        })
        .await
        .expect_err("not served");
    assert_eq!(unserved.code(), tonic::Code::Unimplemented);

    let server = TestServer { addr, query };
    assert_eq!(server.get("/api/v1/health").await.json()["status"], "ok");
    let unknown = server
        .get("/api/v1/nothing-here")
        .await
        .problem(404, "NOT_FOUND");
    assert_eq!(unknown["detail"], "no route for GET /api/v1/nothing-here");
}
