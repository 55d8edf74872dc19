//! The client side: a reloading rustls configuration and a connector tonic's
//! `Endpoint::connect_with_connector_lazy` takes.

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use hyper_util::rt::TokioIo;
use rustls::ClientConfig;
use rustls::pki_types::ServerName;
use tokio::net::TcpStream;
use tonic::codegen::http::Uri;

use super::ClientTlsFiles;
use super::files::{Reloading, TlsError, certificates, private_key, provider, roots};

/// A TLS client configuration that follows its files, and the name the server's
/// certificate must carry (`None`: the host of the address dialled).
#[derive(Clone)]
pub struct ClientTls {
    config: Arc<Reloading<ClientConfig>>,
    server_name: Option<String>,
}

impl std::fmt::Debug for ClientTls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientTls")
            .field("server_name", &self.server_name)
            .finish_non_exhaustive()
    }
}

impl ClientTls {
    pub fn load(
        files: &ClientTlsFiles,
        server_name: Option<String>,
    ) -> Result<ClientTls, TlsError> {
        let mut paths = vec![files.ca.clone()];
        match (&files.cert, &files.key) {
            (Some(cert), Some(key)) => paths.extend([cert.clone(), key.clone()]),
            (None, None) => {}
            _ => {
                return Err(TlsError::Config(
                    "a client certificate needs both its certificate and its key file".to_owned(),
                ));
            }
        }
        Ok(ClientTls {
            config: Arc::new(Reloading::new(paths, build)?),
            server_name,
        })
    }

    pub fn connector(&self) -> TlsConnector {
        TlsConnector { tls: self.clone() }
    }
}

fn build(paths: &[PathBuf], bytes: &[Vec<u8>]) -> Result<ClientConfig, TlsError> {
    let builder = ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|error| TlsError::Config(error.to_string()))?
        .with_root_certificates(roots(&paths[0], &bytes[0])?);
    let mut config = match (paths.get(1), paths.get(2)) {
        (Some(cert), Some(key)) => builder
            .with_client_auth_cert(certificates(cert, &bytes[1])?, private_key(key, &bytes[2])?)
            .map_err(|error| TlsError::Config(error.to_string()))?,
        _ => builder.with_no_client_auth(),
    };
    config.alpn_protocols = vec![b"h2".to_vec()];
    Ok(config)
}

/// Dials TCP and runs the TLS handshake, verifying the server's name.
#[derive(Clone, Debug)]
pub struct TlsConnector {
    tls: ClientTls,
}

type BoxError = Box<dyn std::error::Error + Send + Sync>;

impl tower::Service<Uri> for TlsConnector {
    type Response = TokioIo<tokio_rustls::client::TlsStream<TcpStream>>;
    type Error = BoxError;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, BoxError>> + Send>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), BoxError>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, uri: Uri) -> Self::Future {
        let tls = self.tls.clone();
        Box::pin(async move {
            let host = uri.host().ok_or("the address has no host")?;
            let host = host
                .trim_start_matches('[')
                .trim_end_matches(']')
                .to_owned();
            let port = uri.port_u16().unwrap_or(443);
            let name = tls.server_name.clone().unwrap_or_else(|| host.clone());
            let name = ServerName::try_from(name)?;
            let stream = TcpStream::connect((host.as_str(), port)).await?;
            stream.set_nodelay(true)?;
            let connector = tokio_rustls::TlsConnector::from(tls.config.current());
            Ok(TokioIo::new(connector.connect(name, stream).await?))
        })
    }
}
