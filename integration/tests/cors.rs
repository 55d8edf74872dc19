//! CORS is off unless configured: the REST API of a query replica grants no
//! cross-origin access, neither to a simple cross-origin read nor to a
//! preflight for a mutation (the existing operator answered `*` to everyone).

use guardian_integration::cluster::{LocalCluster, Timings};
use guardian_integration::http;

const ORIGIN: &str = "https://evil.example";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_rest_api_sends_no_cors_headers_by_default() -> anyhow::Result<()> {
    let cluster = LocalCluster::new("it_cors", Timings::default()).await?;
    let replica = cluster.query("query-a").await?;
    let api = replica.addresses.http;

    let read =
        http::request_with_headers(api, "GET", "/api/v1/cronjobs", None, &[("origin", ORIGIN)])
            .await?;
    assert_eq!(read.status, 200, "{}", read.body);
    let preflight = http::request_with_headers(
        api,
        "OPTIONS",
        "/api/v1/cronjobs/ops/backup/trigger",
        None,
        &[
            ("origin", ORIGIN),
            ("access-control-request-method", "POST"),
        ],
    )
    .await?;
    assert_ne!(preflight.status / 100, 2, "no preflight is granted");
    for response in [&read, &preflight] {
        let granted: Vec<&(String, String)> = response
            .headers
            .iter()
            .filter(|(name, _)| name.starts_with("access-control-"))
            .collect();
        assert!(granted.is_empty(), "CORS headers sent: {granted:?}");
    }
    assert!(read.header("content-type").is_some(), "headers are parsed");
    Ok(())
}
