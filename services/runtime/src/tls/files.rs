//! PEM files to rustls configurations, and the reload-on-change holder.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use rustls::RootCertStore;
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::PemObject as _;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};

#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: no usable PEM {what}: {message}")]
    Pem {
        path: PathBuf,
        what: &'static str,
        message: String,
    },
    #[error("TLS configuration: {0}")]
    Config(String),
}

/// The files of a TLS server: its certificate chain and key; with `client_ca`,
/// clients must present a certificate that chains to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerTlsFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
    pub client_ca: Option<PathBuf>,
}

/// The files of a TLS client: the CA it trusts, and optionally its own
/// certificate and key (for a server that asks for one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientTlsFiles {
    pub ca: PathBuf,
    pub cert: Option<PathBuf>,
    pub key: Option<PathBuf>,
}

pub(super) fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// The bytes of every file, in order (what a rebuild depends on).
pub(super) fn read_all(paths: &[&Path]) -> Result<Vec<Vec<u8>>, TlsError> {
    paths
        .iter()
        .map(|path| {
            std::fs::read(path).map_err(|source| TlsError::Read {
                path: path.to_path_buf(),
                source,
            })
        })
        .collect()
}

pub(super) fn certificates(
    path: &Path,
    pem: &[u8],
) -> Result<Vec<CertificateDer<'static>>, TlsError> {
    let error = |message: String| TlsError::Pem {
        path: path.to_path_buf(),
        what: "certificate",
        message,
    };
    let certs = CertificateDer::pem_slice_iter(pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| error(e.to_string()))?;
    if certs.is_empty() {
        return Err(error("the file holds no CERTIFICATE block".to_owned()));
    }
    Ok(certs)
}

pub(super) fn private_key(path: &Path, pem: &[u8]) -> Result<PrivateKeyDer<'static>, TlsError> {
    PrivateKeyDer::from_pem_slice(pem).map_err(|error| TlsError::Pem {
        path: path.to_path_buf(),
        what: "private key",
        message: error.to_string(),
    })
}

pub(super) fn roots(path: &Path, pem: &[u8]) -> Result<Arc<RootCertStore>, TlsError> {
    let mut roots = RootCertStore::empty();
    for cert in certificates(path, pem)? {
        roots
            .add(cert)
            .map_err(|error| TlsError::Config(format!("{}: {error}", path.display())))?;
    }
    Ok(Arc::new(roots))
}

/// Builds a configuration from the files' paths and bytes (in the same order).
pub(super) type Build<T> = fn(&[PathBuf], &[Vec<u8>]) -> Result<T, TlsError>;

/// A configuration built from files, rebuilt when their bytes change. A failed
/// rebuild (a half-written file during rotation) keeps the previous one.
pub(super) struct Reloading<T> {
    paths: Vec<PathBuf>,
    build: Build<T>,
    current: Mutex<(Vec<Vec<u8>>, Arc<T>)>,
}

impl<T> Reloading<T> {
    /// Loads once: a broken file is an error at start-up, not at the first connection.
    pub(super) fn new(paths: Vec<PathBuf>, build: Build<T>) -> Result<Self, TlsError> {
        let bytes = read_all(&paths.iter().map(PathBuf::as_path).collect::<Vec<_>>())?;
        let value = Arc::new(build(&paths, &bytes)?);
        Ok(Reloading {
            paths,
            build,
            current: Mutex::new((bytes, value)),
        })
    }

    /// The configuration for a new connection.
    pub(super) fn current(&self) -> Arc<T> {
        let mut current = self.current.lock().unwrap_or_else(PoisonError::into_inner);
        let paths: Vec<&Path> = self.paths.iter().map(PathBuf::as_path).collect();
        match read_all(&paths) {
            Ok(bytes) if bytes != current.0 => match (self.build)(&self.paths, &bytes) {
                Ok(value) => {
                    tracing::info!(files = ?self.paths, "TLS files changed: new connections use them");
                    *current = (bytes, Arc::new(value));
                }
                Err(error) => {
                    tracing::warn!(%error, "TLS files changed but do not load; keeping the previous ones");
                }
            },
            Ok(_) => {}
            Err(error) => {
                tracing::warn!(%error, "cannot re-read TLS files; keeping the loaded ones")
            }
        }
        current.1.clone()
    }
}
