//! TLS on a gRPC port, over real sockets: a mutual-TLS handshake, refused
//! clients (no certificate, an untrusted one, plaintext, a wrong server name),
//! and certificate rotation picked up by the next connection while an open
//! stream continues on the old one.

use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

use guardian_runtime::grpc::serve_with_tls;
use guardian_runtime::tls::{ClientTls, ClientTlsFiles, ServerTls, ServerTlsFiles};
use guardian_testkit::certs::{CertFiles, TestCa, write};
use tokio_util::sync::CancellationToken;
use tonic::service::RoutesBuilder;
use tonic::transport::{Channel, Endpoint};
use tonic_health::pb::health_client::HealthClient;
use tonic_health::pb::{HealthCheckRequest, health_check_response::ServingStatus};
use tonic_health::server::HealthReporter;

const SERVER_NAME: &str = "controller.guardian.test";
const WATCHED: &str = "guardian.v1.EventService";

struct Server {
    address: SocketAddr,
    reporter: HealthReporter,
    stop: CancellationToken,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.cancel();
    }
}

async fn start(files: &ServerTlsFiles) -> anyhow::Result<Server> {
    let (reporter, service) = tonic_health::server::health_reporter();
    reporter
        .set_service_status(WATCHED, tonic_health::ServingStatus::NotServing)
        .await;
    let mut routes = RoutesBuilder::default();
    routes.add_service(service);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    let stop = CancellationToken::new();
    let tls = ServerTls::load(files)?;
    tokio::spawn(serve_with_tls(
        routes.routes(),
        listener,
        Some(tls),
        stop.clone(),
    ));
    Ok(Server {
        address,
        reporter,
        stop,
    })
}

fn server_files(server: &CertFiles, client_ca: Option<&Path>) -> ServerTlsFiles {
    ServerTlsFiles {
        cert: server.cert.clone(),
        key: server.key.clone(),
        client_ca: client_ca.map(Path::to_path_buf),
    }
}

/// A fresh connection through the TLS connector.
async fn tls_channel(
    address: SocketAddr,
    ca: &Path,
    identity: Option<&CertFiles>,
    server_name: &str,
) -> anyhow::Result<Channel> {
    let files = ClientTlsFiles {
        ca: ca.to_path_buf(),
        cert: identity.map(|files| files.cert.clone()),
        key: identity.map(|files| files.key.clone()),
    };
    let tls = ClientTls::load(&files, Some(server_name.to_owned()))?;
    let endpoint = Endpoint::from_shared(format!("https://{address}"))?
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(5));
    Ok(endpoint.connect_with_connector(tls.connector()).await?)
}

async fn check(channel: Channel) -> Result<i32, tonic::Status> {
    let reply = HealthClient::new(channel)
        .check(HealthCheckRequest::default())
        .await?;
    Ok(reply.into_inner().status)
}

/// Whether a client gets no answer (refused at connect or at the first call).
async fn refused(channel: anyhow::Result<Channel>) -> bool {
    match channel {
        Ok(channel) => check(channel).await.is_err(),
        Err(_) => true,
    }
}

struct Pki {
    dir: tempfile::TempDir,
    server: CertFiles,
    client: CertFiles,
}

fn pki() -> anyhow::Result<Pki> {
    let dir = tempfile::tempdir()?;
    let ca = TestCa::new("guardian test CA")?;
    let server = ca.issue(&[SERVER_NAME], dir.path(), "server")?;
    let client = ca.issue(&["query.guardian.test"], dir.path(), "client")?;
    Ok(Pki {
        dir,
        server,
        client,
    })
}

#[tokio::test]
async fn mutual_tls_serves_a_client_whose_certificate_chains_to_the_ca() -> anyhow::Result<()> {
    let pki = pki()?;
    let server = start(&server_files(&pki.server, Some(&pki.server.ca))).await?;
    let channel = tls_channel(
        server.address,
        &pki.server.ca,
        Some(&pki.client),
        SERVER_NAME,
    )
    .await?;
    assert_eq!(check(channel).await?, ServingStatus::Serving as i32);
    Ok(())
}

#[tokio::test]
async fn mutual_tls_refuses_a_client_without_a_certificate() -> anyhow::Result<()> {
    let pki = pki()?;
    let server = start(&server_files(&pki.server, Some(&pki.server.ca))).await?;
    let channel = tls_channel(server.address, &pki.server.ca, None, SERVER_NAME).await;
    assert!(
        refused(channel).await,
        "a client without a certificate got an answer"
    );
    Ok(())
}

#[tokio::test]
async fn mutual_tls_refuses_a_certificate_from_another_ca() -> anyhow::Result<()> {
    let pki = pki()?;
    let server = start(&server_files(&pki.server, Some(&pki.server.ca))).await?;
    let stranger =
        TestCa::new("someone else's CA")?.issue(&["query"], pki.dir.path(), "stranger")?;
    let channel = tls_channel(server.address, &pki.server.ca, Some(&stranger), SERVER_NAME).await;
    assert!(
        refused(channel).await,
        "a client with an untrusted certificate got an answer"
    );
    Ok(())
}

#[tokio::test]
async fn a_plaintext_client_is_refused_on_a_tls_port() -> anyhow::Result<()> {
    let pki = pki()?;
    let server = start(&server_files(&pki.server, None)).await?;
    let plaintext = Endpoint::from_shared(format!("http://{}", server.address))?
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(5));
    let channel = plaintext.connect().await.map_err(anyhow::Error::from);
    assert!(
        refused(channel).await,
        "a plaintext client got an answer on a TLS port"
    );
    // The port still serves TLS clients after the failed handshake.
    let channel = tls_channel(server.address, &pki.server.ca, None, SERVER_NAME).await?;
    assert_eq!(check(channel).await?, ServingStatus::Serving as i32);
    Ok(())
}

#[tokio::test]
async fn the_client_refuses_a_server_certificate_for_another_name() -> anyhow::Result<()> {
    let pki = pki()?;
    let server = start(&server_files(&pki.server, None)).await?;
    let channel = tls_channel(
        server.address,
        &pki.server.ca,
        None,
        "impostor.guardian.test",
    )
    .await;
    assert!(
        refused(channel).await,
        "the client accepted a certificate for another name"
    );
    Ok(())
}

#[tokio::test]
async fn a_rotated_certificate_is_served_to_the_next_connection_while_a_stream_continues()
-> anyhow::Result<()> {
    let pki = pki()?;
    let server = start(&server_files(&pki.server, Some(&pki.server.ca))).await?;
    let old = tls_channel(
        server.address,
        &pki.server.ca,
        Some(&pki.client),
        SERVER_NAME,
    )
    .await?;
    let mut stream = HealthClient::new(old)
        .watch(HealthCheckRequest {
            service: WATCHED.to_owned(),
        })
        .await?
        .into_inner();
    let first = stream.message().await?.map(|reply| reply.status);
    assert_eq!(first, Some(ServingStatus::NotServing as i32));

    // cert-manager renews the Secret: a server certificate from a new CA.
    let renewed = TestCa::new("renewed CA")?.issue(&[SERVER_NAME], pki.dir.path(), "renewed")?;
    write(&pki.server.cert, &std::fs::read_to_string(&renewed.cert)?)?;
    write(&pki.server.key, &std::fs::read_to_string(&renewed.key)?)?;

    // A new connection gets the renewed certificate: trusted only with the new CA.
    let fresh = tls_channel(server.address, &renewed.ca, Some(&pki.client), SERVER_NAME).await?;
    assert_eq!(check(fresh).await?, ServingStatus::Serving as i32);
    let stale = tls_channel(
        server.address,
        &pki.server.ca,
        Some(&pki.client),
        SERVER_NAME,
    )
    .await;
    assert!(
        refused(stale).await,
        "a new connection still got the old certificate"
    );

    // The stream opened before the rotation keeps running on its connection.
    server
        .reporter
        .set_service_status(WATCHED, tonic_health::ServingStatus::Serving)
        .await;
    let next = tokio::time::timeout(Duration::from_secs(10), stream.message()).await??;
    assert_eq!(
        next.map(|reply| reply.status),
        Some(ServingStatus::Serving as i32)
    );
    Ok(())
}
