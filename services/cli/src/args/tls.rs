//! TLS keys. `grpc.tls.*` puts this process's gRPC port on TLS (the controller's
//! port between the planes, or a query replica's public one); with
//! `grpc.tls.client-ca-file` clients must present a certificate chaining to it
//! (mutual TLS). `controller.tls.*` makes a query replica reach the leader over
//! TLS, verifying its certificate's name. Files are PEM, usually a mounted
//! Secret; a renewed certificate is used for new connections without a restart.

use std::path::PathBuf;

use clap::Args;
use guardian_runtime::tls::{ClientTls, ClientTlsFiles, ServerTls, ServerTlsFiles, TlsError};

#[derive(Debug, Clone, Args)]
pub struct TlsArgs {
    /// Serve the gRPC port over TLS with this certificate chain (PEM).
    #[arg(long, env = "GUARDIAN_GRPC_TLS_CERT_FILE")]
    pub grpc_tls_cert_file: Option<PathBuf>,
    /// The private key of `--grpc-tls-cert-file` (PEM).
    #[arg(long, env = "GUARDIAN_GRPC_TLS_KEY_FILE")]
    pub grpc_tls_key_file: Option<PathBuf>,
    /// Require client certificates chaining to this CA on the gRPC port (mutual TLS).
    #[arg(long, env = "GUARDIAN_GRPC_TLS_CLIENT_CA_FILE")]
    pub grpc_tls_client_ca_file: Option<PathBuf>,
    /// Query replicas: reach the leader over TLS, trusting this CA (PEM).
    #[arg(long, env = "GUARDIAN_CONTROLLER_TLS_CA_FILE")]
    pub controller_tls_ca_file: Option<PathBuf>,
    /// Query replicas: the client certificate shown to the leader (mutual TLS).
    #[arg(long, env = "GUARDIAN_CONTROLLER_TLS_CERT_FILE")]
    pub controller_tls_cert_file: Option<PathBuf>,
    /// The private key of `--controller-tls-cert-file`.
    #[arg(long, env = "GUARDIAN_CONTROLLER_TLS_KEY_FILE")]
    pub controller_tls_key_file: Option<PathBuf>,
    /// The name the leader's certificate must carry; default: the host of its
    /// advertised address (set it when controllers advertise pod IPs).
    #[arg(long, env = "GUARDIAN_CONTROLLER_TLS_SERVER_NAME")]
    pub controller_tls_server_name: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum TlsArgsError {
    #[error("{0}")]
    Incomplete(&'static str),
    #[error(transparent)]
    Load(#[from] TlsError),
}

impl TlsArgs {
    /// The gRPC port's TLS; `None` when no certificate is configured.
    pub fn server(&self) -> Result<Option<ServerTls>, TlsArgsError> {
        let (cert, key) = match (&self.grpc_tls_cert_file, &self.grpc_tls_key_file) {
            (Some(cert), Some(key)) => (cert.clone(), key.clone()),
            (None, None) if self.grpc_tls_client_ca_file.is_some() => {
                return Err(TlsArgsError::Incomplete(
                    "grpc.tls.client-ca-file needs grpc.tls.cert-file and grpc.tls.key-file",
                ));
            }
            (None, None) => return Ok(None),
            _ => {
                return Err(TlsArgsError::Incomplete(
                    "grpc.tls.cert-file and grpc.tls.key-file go together",
                ));
            }
        };
        let files = ServerTlsFiles {
            cert,
            key,
            client_ca: self.grpc_tls_client_ca_file.clone(),
        };
        Ok(Some(ServerTls::load(&files)?))
    }

    /// TLS to the leader; `None` when no CA is configured.
    pub fn controller_client(&self) -> Result<Option<ClientTls>, TlsArgsError> {
        let Some(ca) = self.controller_tls_ca_file.clone() else {
            if self.controller_tls_cert_file.is_some() || self.controller_tls_key_file.is_some() {
                return Err(TlsArgsError::Incomplete(
                    "controller.tls.cert-file needs controller.tls.ca-file",
                ));
            }
            return Ok(None);
        };
        let files = ClientTlsFiles {
            ca,
            cert: self.controller_tls_cert_file.clone(),
            key: self.controller_tls_key_file.clone(),
        };
        let name = self.controller_tls_server_name.clone();
        Ok(Some(ClientTls::load(&files, name)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none() -> TlsArgs {
        TlsArgs {
            grpc_tls_cert_file: None,
            grpc_tls_key_file: None,
            grpc_tls_client_ca_file: None,
            controller_tls_ca_file: None,
            controller_tls_cert_file: None,
            controller_tls_key_file: None,
            controller_tls_server_name: None,
        }
    }

    #[test]
    fn no_files_means_plaintext() {
        assert!(none().server().expect("valid").is_none());
        assert!(none().controller_client().expect("valid").is_none());
    }

    #[test]
    fn half_configured_tls_is_an_error_naming_the_missing_key() {
        let mut args = none();
        args.grpc_tls_cert_file = Some("/tls/tls.crt".into());
        let error = args.server().expect_err("a key is needed");
        assert!(error.to_string().contains("grpc.tls.key-file"), "{error}");

        let mut args = none();
        args.grpc_tls_client_ca_file = Some("/tls/ca.crt".into());
        let error = args.server().expect_err("a certificate is needed");
        assert!(error.to_string().contains("grpc.tls.cert-file"), "{error}");

        let mut args = none();
        args.controller_tls_cert_file = Some("/tls/tls.crt".into());
        let error = args.controller_client().expect_err("a CA is needed");
        assert!(
            error.to_string().contains("controller.tls.ca-file"),
            "{error}"
        );
    }

    #[test]
    fn a_missing_file_is_an_error_naming_it() {
        let mut args = none();
        args.grpc_tls_cert_file = Some("/nonexistent/tls.crt".into());
        args.grpc_tls_key_file = Some("/nonexistent/tls.key".into());
        let error = args.server().expect_err("files are missing");
        assert!(
            error.to_string().contains("/nonexistent/tls.crt"),
            "{error}"
        );
    }
}
