//! TLS for the gRPC ports (rustls on ring). Certificates and keys come from PEM
//! files, usually a mounted Secret that cert-manager renews in place: the files
//! are read again for every new connection and the configuration is rebuilt when
//! their bytes changed, so a renewed certificate is served (or presented) on the
//! next connection without a restart, while open connections keep their session.
//!
//! - [`ServerTls`]: a server certificate, and optionally a client CA, which makes
//!   client certificates mandatory (mutual TLS).
//! - [`ClientTls`]: the CA a client trusts, the name it expects in the server's
//!   certificate, and optionally its own certificate for mutual TLS.

mod client;
mod files;
mod server;

pub use client::{ClientTls, TlsConnector};
pub use files::{ClientTlsFiles, ServerTlsFiles, TlsError};
pub use server::{ServerTls, TlsConnection, tls_incoming};
