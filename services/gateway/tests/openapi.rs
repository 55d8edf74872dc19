//! The OpenAPI document: generated from the same bindings as the routes, served
//! by the gateway, and equal to the checked-in `services/api/openapi.json`.

mod support;

use guardian_gateway::{Gateway, OpenApiInfo};
use serde_json::Value;

fn info() -> OpenApiInfo {
    OpenApiInfo {
        title: guardian_api::API_TITLE.to_owned(),
        version: guardian_api::API_VERSION.to_owned(),
        description: Some(guardian_api::API_DESCRIPTION.to_owned()),
    }
}

fn document() -> Value {
    Gateway::new(guardian_api::FILE_DESCRIPTOR_SET)
        .expect("gateway builds")
        .openapi(&info())
}

fn parameter_names(operation: &Value, location: &str) -> Vec<String> {
    operation["parameters"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|p| p["in"] == location)
        .filter_map(|p| p["name"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn every_route_is_an_operation_with_its_parameters_and_schemas() {
    let document = document();
    let gateway = Gateway::new(guardian_api::FILE_DESCRIPTOR_SET).expect("gateway builds");
    let paths = document["paths"].as_object().expect("paths");
    let operations: usize = paths
        .values()
        .map(|item| item.as_object().map_or(0, |o| o.len()))
        .sum();
    assert_eq!(operations, gateway.bindings().len());

    let list = &paths["/api/v1/cronjobs/{namespace}/{name}/executions"]["get"];
    assert_eq!(list["operationId"], "QueryService_ListExecutions");
    assert_eq!(list["summary"], "Runs of a CronJob, newest first.");
    assert_eq!(parameter_names(list, "path"), ["namespace", "name"]);
    assert_eq!(
        parameter_names(list, "query"),
        ["limit", "offset", "since", "status", "pageToken"]
    );
    let reply = &list["responses"]["200"]["content"]["application/json"]["schema"]["$ref"];
    assert_eq!(
        reply,
        "#/components/schemas/guardian.v1.ListExecutionsResponse"
    );
    let problem = &list["responses"]["default"]["content"]["application/problem+json"];
    assert_eq!(problem["schema"]["$ref"], "#/components/schemas/Problem");

    let schemas = &document["components"]["schemas"];
    let item = &schemas["guardian.v1.ExecutionItem"]["properties"];
    assert_eq!(item["startTime"]["format"], "date-time");
    assert_eq!(
        item["id"]["type"], "integer",
        "int64 are numbers, as rendered"
    );
    assert_eq!(
        schemas["guardian.v1.ExecutionDetail"]["properties"]["cronJobUID"]["type"],
        "string"
    );

    let prune = &paths["/api/v1/admin/prune"]["post"];
    assert!(
        parameter_names(prune, "query").is_empty(),
        "body: * takes every field"
    );
    let body = &prune["requestBody"]["content"]["application/json"]["schema"]["$ref"];
    assert_eq!(body, "#/components/schemas/guardian.v1.PruneRequest");

    let events =
        &paths["/api/v1/events"]["get"]["responses"]["200"]["content"]["text/event-stream"];
    assert_eq!(
        events["schema"]["$ref"],
        "#/components/schemas/guardian.v1.Event"
    );
    let execution = &paths["/api/v1/cronjobs/{namespace}/{name}/executions/{job_name}"]["get"];
    let detail = &execution["responses"]["200"]["content"]["application/json"]["schema"]["$ref"];
    assert_eq!(
        detail, "#/components/schemas/guardian.v1.ExecutionDetail",
        "response_body is honoured"
    );
}

#[test]
fn checked_in_document_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../api/openapi.json");
    let checked_in = std::fs::read_to_string(path).expect("services/api/openapi.json exists");
    let checked_in: Value = serde_json::from_str(&checked_in).expect("valid JSON");
    assert!(
        checked_in == document(),
        "services/api/openapi.json is stale: run `cargo run -p guardian-gateway --example openapi`"
    );
}

#[tokio::test]
async fn the_document_is_served_next_to_the_routes() {
    let gateway = Gateway::new(guardian_api::FILE_DESCRIPTOR_SET).expect("gateway builds");
    let app = gateway.openapi_router("/api/v1/openapi.json", &info());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("address");
    tokio::spawn(async move { axum::serve(listener, app).await });
    let server = support::TestServer {
        addr,
        query: Default::default(),
    };
    let reply = server.get("/api/v1/openapi.json").await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.content_type(), "application/json");
    assert_eq!(reply.json(), document());
}
