//! What every gRPC port of the product serves besides its own services: server
//! reflection in both versions (grpcurl 1.8 speaks only v1alpha; buf curl and
//! newer clients use v1) and `grpc.health.v1.Health`.

use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;
use tonic::service::{Routes, RoutesBuilder};
use tonic::transport::server::TcpIncoming;

use crate::tls::{ServerTls, tls_incoming};

#[derive(Debug, thiserror::Error)]
pub enum GrpcError {
    #[error("cannot build gRPC reflection: {0}")]
    Reflection(#[from] tonic_reflection::server::Error),
    #[error("gRPC server failed: {0}")]
    Serve(#[from] tonic::transport::Error),
}

/// The services every gRPC port serves besides the process's own.
const ALWAYS_SERVED: [&str; 3] = [
    "grpc.health.v1.Health",
    "grpc.reflection.v1.ServerReflection",
    "grpc.reflection.v1alpha.ServerReflection",
];

/// Adds reflection (v1 and v1alpha) over `descriptor_sets` plus the health
/// service's own descriptors. Reflection lists exactly `served` (and health and
/// itself): one descriptor set describes every guardian service, and a client
/// must not be offered a service that this process would answer UNIMPLEMENTED.
pub fn add_reflection(
    routes: &mut RoutesBuilder,
    descriptor_sets: &[&'static [u8]],
    served: &[&str],
) -> Result<(), GrpcError> {
    let configure = || {
        let builder = descriptor_sets.iter().fold(
            tonic_reflection::server::Builder::configure()
                .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET),
            |builder, set| builder.register_encoded_file_descriptor_set(set),
        );
        served
            .iter()
            .chain(&ALWAYS_SERVED)
            .fold(builder, |builder, name| builder.with_service_name(*name))
    };
    routes.add_service(configure().build_v1()?);
    routes.add_service(configure().build_v1alpha()?);
    Ok(())
}

/// Serves `routes` on `listener` until `drain` fires; open streams end then.
///
/// Accepted sockets get `TCP_NODELAY`: HTTP/2 writes a reply as several small frames,
/// and with Nagle's algorithm on, the second waits for the client's delayed ACK (~40 ms).
/// `serve_with_incoming` ignores `Server::tcp_nodelay`, so it is set on the stream.
pub async fn serve(
    routes: Routes,
    listener: TcpListener,
    drain: CancellationToken,
) -> Result<(), GrpcError> {
    serve_with_tls(routes, listener, None, drain).await
}

/// [`serve`], over TLS when `tls` is given (certificates re-read for each new
/// connection; client certificates required when it has a client CA).
pub async fn serve_with_tls(
    routes: Routes,
    listener: TcpListener,
    tls: Option<ServerTls>,
    drain: CancellationToken,
) -> Result<(), GrpcError> {
    let server = tonic::transport::Server::builder()
        .trace_fn(|request| {
            guardian_telemetry::trace_context::request_span(request.headers(), request.uri().path())
        })
        .layer(tower::util::MapRequestLayer::new(
            |request: http::Request<tonic::body::Body>| {
                let (parts, body) = request.into_parts();
                let body = crate::request_frames::guard(parts.uri.path(), body);
                http::Request::from_parts(parts, body)
            },
        ))
        .add_routes(routes);
    match tls {
        Some(tls) => {
            let incoming = tls_incoming(listener, tls, drain.clone());
            server
                .serve_with_incoming_shutdown(incoming, drain.cancelled_owned())
                .await?;
        }
        None => {
            server
                .serve_with_incoming_shutdown(
                    TcpIncoming::from(listener).with_nodelay(Some(true)),
                    drain.cancelled_owned(),
                )
                .await?;
        }
    }
    Ok(())
}
