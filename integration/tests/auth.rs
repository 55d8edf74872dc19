//! API authentication and per-namespace authorisation, end to end: a query
//! replica started with `GUARDIAN_AUTH_ENABLED=true` checks bearer tokens with
//! the Kubernetes stand-in's TokenReview and rights with its
//! SubjectAccessReview. REST and gRPC answer alike: no token 401 /
//! UNAUTHENTICATED, no right in that namespace 403 / PERMISSION_DENIED, with
//! the right 200 / OK, API server gone 503 / UNAVAILABLE; health, readiness and
//! metrics stay open.

use guardian_api::v1::ListCronJobsRequest;
use guardian_api::v1::query_service_client::QueryServiceClient;
use guardian_integration::cluster::{LocalCluster, Timings};
use guardian_integration::http;
use guardian_integration::process::Process;
use tempfile::NamedTempFile;
use tonic::Code;

const ALICE: &str = "token-alice";
const BOB: &str = "token-bob";

/// A replica with auth on, against a stand-in where alice may read team-a and
/// bob is known but may read nothing.
async fn protected_replica(cluster: &mut LocalCluster) -> anyhow::Result<(Process, NamedTempFile)> {
    let access = cluster.kube.access();
    access.add_token(ALICE, "alice");
    access.add_token(BOB, "bob");
    access.allow("alice", "team-a", "get");
    let kubeconfig = NamedTempFile::new()?;
    std::fs::write(kubeconfig.path(), cluster.kube.kubeconfig())?;
    cluster.env.extend([
        ("GUARDIAN_AUTH_ENABLED".to_owned(), "true".to_owned()),
        (
            "KUBECONFIG".to_owned(),
            kubeconfig.path().display().to_string(),
        ),
    ]);
    Ok((cluster.query("query-auth").await?, kubeconfig))
}

async fn rest_get(
    replica: &Process,
    path: &str,
    token: Option<&str>,
) -> anyhow::Result<http::Response> {
    let bearer = token.map(|token| format!("Bearer {token}"));
    let headers: Vec<(&str, &str)> = bearer
        .iter()
        .map(|value| ("authorization", value.as_str()))
        .collect();
    http::request_with_headers(replica.addresses.http, "GET", path, None, &headers).await
}

async fn grpc_list(
    replica: &Process,
    namespace: &str,
    token: Option<&str>,
) -> anyhow::Result<Result<(), Code>> {
    let mut client = QueryServiceClient::connect(replica.addresses.grpc_url()).await?;
    let mut request = tonic::Request::new(ListCronJobsRequest {
        namespace: namespace.to_owned(),
        ..Default::default()
    });
    if let Some(token) = token {
        request
            .metadata_mut()
            .insert("authorization", format!("Bearer {token}").parse()?);
    }
    Ok(client
        .list_cron_jobs(request)
        .await
        .map(|_| ())
        .map_err(|status| status.code()))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rest_calls_need_a_token_with_rights_in_the_namespace() -> anyhow::Result<()> {
    let mut cluster = LocalCluster::new("it_auth_rest", Timings::default()).await?;
    let (replica, _kubeconfig) = protected_replica(&mut cluster).await?;
    let team_a = "/api/v1/cronjobs?namespace=team-a";

    let anonymous = rest_get(&replica, team_a, None).await?;
    assert_eq!(anonymous.status, 401, "{}", anonymous.body);
    assert!(
        anonymous
            .content_type
            .starts_with("application/problem+json"),
        "{}",
        anonymous.content_type
    );
    assert_eq!(
        anonymous.json()?["error"]["code"],
        "UNAUTHENTICATED",
        "{}",
        anonymous.body
    );
    let unknown = rest_get(&replica, team_a, Some("not-a-token")).await?;
    assert_eq!(unknown.status, 401, "{}", unknown.body);
    let bob = rest_get(&replica, team_a, Some(BOB)).await?;
    assert_eq!(bob.status, 403, "{}", bob.body);
    assert_eq!(
        bob.json()?["error"]["code"],
        "PERMISSION_DENIED",
        "{}",
        bob.body
    );
    let alice = rest_get(&replica, team_a, Some(ALICE)).await?;
    assert_eq!(alice.status, 200, "{}", alice.body);
    // Her right is in team-a only: not in team-b (path or query), not cluster-wide.
    for path in [
        "/api/v1/cronjobs?namespace=team-b",
        "/api/v1/cronjobs/team-b/backup",
        "/api/v1/cronjobs",
    ] {
        let refused = rest_get(&replica, path, Some(ALICE)).await?;
        assert_eq!(refused.status, 403, "{path}: {}", refused.body);
    }
    // The path's namespace counts: alice reaches team-a's routes (no such CronJob: 404).
    let missing = rest_get(&replica, "/api/v1/cronjobs/team-a/backup", Some(ALICE)).await?;
    assert_eq!(missing.status, 404, "{}", missing.body);

    let metrics = http::get(replica.addresses.http, "/metrics").await?;
    assert_eq!(metrics.status, 200, "metrics stay open");
    let healthz = http::get(replica.addresses.probes, "/healthz").await?;
    assert_eq!(healthz.status, 200, "liveness stays open");
    let health = rest_get(&replica, "/api/v1/health", None).await?;
    assert_eq!(health.status, 200, "GetHealth stays open: {}", health.body);

    // The dashboard's files are public; what it shows is not: its API calls and
    // its event stream without a token are refused like any other client's.
    let page = rest_get(&replica, "/", None).await?;
    assert_eq!(page.status, 200, "the page shell is served: {}", page.body);
    assert!(page.body.contains("/ui/app.js"), "{}", page.body);
    let script = rest_get(&replica, "/ui/api.js", None).await?;
    assert_eq!(script.status, 200, "{}", script.body);
    for path in ["/api/v1/cronjobs", "/api/v1/alerts", "/api/v1/events"] {
        let refused = rest_get(&replica, path, None).await?;
        assert_eq!(
            refused.status, 401,
            "{path} without a token: {}",
            refused.body
        );
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn grpc_calls_are_checked_alike_and_fail_closed_without_the_api_server() -> anyhow::Result<()>
{
    let mut cluster = LocalCluster::new("it_auth_grpc", Timings::default()).await?;
    let (replica, _kubeconfig) = protected_replica(&mut cluster).await?;

    assert_eq!(
        grpc_list(&replica, "team-a", None).await?,
        Err(Code::Unauthenticated)
    );
    assert_eq!(
        grpc_list(&replica, "team-a", Some(BOB)).await?,
        Err(Code::PermissionDenied)
    );
    assert_eq!(
        grpc_list(&replica, "team-b", Some(ALICE)).await?,
        Err(Code::PermissionDenied)
    );
    assert_eq!(grpc_list(&replica, "team-a", Some(ALICE)).await?, Ok(()));

    // With the API server gone, a token not yet decided cannot be checked: 503, never allowed.
    cluster.kube.access().add_token("token-carol", "carol");
    let LocalCluster { kube, .. } = cluster;
    kube.shutdown().await;
    assert_eq!(
        grpc_list(&replica, "team-a", Some("token-carol")).await?,
        Err(Code::Unavailable)
    );
    let rest = rest_get(
        &replica,
        "/api/v1/cronjobs?namespace=team-a",
        Some("token-carol"),
    )
    .await?;
    assert_eq!(rest.status, 503, "{}", rest.body);
    Ok(())
}
