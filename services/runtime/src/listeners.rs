//! Binding the three listeners, and publishing where they ended up so that tests
//! (and several processes on one machine) can use `127.0.0.1:0`.

use std::net::SocketAddr;
use std::path::Path;

use axum::serve::ListenerExt;
use serde::Serialize;
use tokio::net::TcpListener;

#[derive(Debug, thiserror::Error)]
pub enum ListenError {
    #[error("cannot listen on {address} ({purpose}): {source}")]
    Bind {
        address: String,
        purpose: &'static str,
        source: std::io::Error,
    },
    #[error("cannot write the address file {path}: {source}")]
    AddressFile {
        path: String,
        source: std::io::Error,
    },
}

/// Binds `address` (`host:port`, `:port` meaning all interfaces).
pub async fn bind(address: &str, purpose: &'static str) -> Result<TcpListener, ListenError> {
    let normalized = if address.starts_with(':') {
        format!("0.0.0.0{address}")
    } else {
        address.to_owned()
    };
    TcpListener::bind(&normalized)
        .await
        .map_err(|source| ListenError::Bind {
            address: address.to_owned(),
            purpose,
            source,
        })
}

/// Where each listener is bound.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct BoundAddresses {
    pub grpc: SocketAddr,
    pub http: SocketAddr,
    pub probes: SocketAddr,
}

impl BoundAddresses {
    /// Logs the addresses and, when asked, writes them as JSON (atomically, via a rename).
    pub fn publish(&self, address_file: Option<&Path>) -> Result<(), ListenError> {
        tracing::info!(grpc = %self.grpc, http = %self.http, probes = %self.probes, "listening");
        let Some(path) = address_file else {
            return Ok(());
        };
        let to_error = |source| ListenError::AddressFile {
            path: path.display().to_string(),
            source,
        };
        let json =
            serde_json::to_vec(self).map_err(|error| to_error(std::io::Error::other(error)))?;
        let partial = path.with_extension("partial");
        std::fs::write(&partial, json).map_err(to_error)?;
        std::fs::rename(&partial, path).map_err(to_error)
    }
}

/// Serves `router` on `listener` until `drain` fires; a failure is logged.
pub fn spawn_http(
    listener: TcpListener,
    router: axum::Router,
    drain: tokio_util::sync::CancellationToken,
) -> tokio::task::JoinHandle<()> {
    // No Nagle delay behind a reply written in more than one piece (see `grpc::serve`).
    let listener = listener.tap_io(|stream| {
        if let Err(error) = stream.set_nodelay(true) {
            tracing::debug!(%error, "cannot set TCP_NODELAY on an accepted connection");
        }
    });
    tokio::spawn(async move {
        let served = axum::serve(listener, router)
            .with_graceful_shutdown(drain.cancelled_owned())
            .await;
        if let Err(error) = served {
            tracing::error!(%error, "http server stopped");
        }
    })
}
