//! [`QueryPlane`]: one query replica, wired and serving.
//!
//! ```text
//!  gRPC  :9090  QueryService (Reads) · EventService (EventHub) · ControlService (→ leader)
//!               grpc.health.v1 (Readiness) · reflection v1 + v1alpha
//!  HTTP  :8080  /api/v1/... (REST bridge → the same gRPC routes, in-process)
//!               /api/v1/openapi.json · /metrics
//!  probes :8081 /healthz · /readyz (Readiness)
//!  tasks        upstream follower → EventHub · readiness (damped database pings)
//! ```
//!
//! With [`StartOptions::access`], [`crate::auth`] checks every guardian call
//! (gRPC and the REST bridge alike); health, reflection and HTTP stay open.
//!
//! Shutdown, when the token fires: readiness NotServing, background tasks stop,
//! streams end and servers stop (drain), then the pool closes.

mod http;
mod parts;

use std::sync::Arc;

use guardian_core::{Clock, SystemClock};
use guardian_runtime::access::AccessReview;
use guardian_runtime::grpc::GrpcError;
use guardian_runtime::listeners::ListenError;
use guardian_runtime::{BoundAddresses, Readiness, bind, probes};
use guardian_store::{Store, StoreError};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;
use tonic::service::{Routes, RoutesBuilder};
use tonic_health::ServingStatus;

use crate::auth::ApiAuth;
use crate::config::QueryConfig;
use crate::fanout::EventHub;
use crate::metrics;
use crate::upstream::StreamStatus;
use parts::Parts;

/// The gRPC services whose health this replica reports (besides "").
pub const SERVED_SERVICES: [&str; 3] = [
    "guardian.v1.QueryService",
    "guardian.v1.EventService",
    "guardian.v1.ControlService",
];

/// Why a replica could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Listen(#[from] ListenError),
    #[error("cannot read the bound address: {0}")]
    Address(#[from] std::io::Error),
    #[error(transparent)]
    Grpc(#[from] GrpcError),
    #[error("cannot build the REST bridge: {0}")]
    Gateway(#[from] guardian_gateway::GatewayError),
    #[error("cannot build the API access check: {0}")]
    Auth(#[from] prost_reflect::DescriptorError),
    #[error("cannot read the event stream's head: {0}")]
    Store(#[from] StoreError),
}

/// What a caller may add to a replica: the clock, and — when a control plane
/// runs in the same process (`dev`) — its leadership, reported by `GetHealth`.
#[derive(Clone)]
pub struct StartOptions {
    pub clock: Arc<dyn Clock>,
    pub leadership: Option<watch::Receiver<bool>>,
    /// Who decides API access ([`crate::auth`]); `None` leaves the API open.
    pub access: Option<Arc<dyn AccessReview>>,
}

impl Default for StartOptions {
    fn default() -> Self {
        StartOptions {
            clock: Arc::new(SystemClock),
            leadership: None,
            access: None,
        }
    }
}

/// A running query replica.
pub struct QueryPlane {
    addresses: BoundAddresses,
    readiness: Readiness,
    stream: StreamStatus,
    hub: EventHub,
    store: Store,
    shutdown: CancellationToken,
    /// Ends streams and stops the servers.
    drain: CancellationToken,
    /// Stops the follower and readiness tasks.
    background: CancellationToken,
    servers: Vec<JoinHandle<()>>,
    tasks: Vec<JoinHandle<()>>,
    step: std::time::Duration,
}

impl QueryPlane {
    /// Binds the listeners of `config` and starts serving reads from `store`
    /// (already connected; `config.store` is not used). Stops when `shutdown` fires
    /// and [`QueryPlane::wait`] runs.
    pub async fn start(
        store: Store,
        config: &QueryConfig,
        shutdown: CancellationToken,
    ) -> Result<QueryPlane, StartError> {
        QueryPlane::start_with(store, config, StartOptions::default(), shutdown).await
    }

    /// [`QueryPlane::start`] with a clock and leadership of the caller's choosing.
    pub async fn start_with(
        store: Store,
        config: &QueryConfig,
        options: StartOptions,
        shutdown: CancellationToken,
    ) -> Result<QueryPlane, StartError> {
        metrics::describe();
        let listeners = Listeners::bind(config).await?;
        let addresses = listeners.addresses()?;
        let head = store.last_sequence().await?;
        let parts = Parts::new(store, config, head.0);
        let (reporter, health_service) = tonic_health::server::health_reporter();
        // The reporter starts "" as SERVING; nothing is ready before the first database ping.
        reporter
            .set_service_status("", ServingStatus::NotServing)
            .await;
        let readiness = Readiness::new(reporter, &SERVED_SERVICES);
        let mut routes = RoutesBuilder::default();
        routes.add_service(health_service);
        guardian_runtime::grpc::add_reflection(
            &mut routes,
            &[guardian_api::FILE_DESCRIPTOR_SET],
            &SERVED_SERVICES,
        )?;
        let access = options.access.clone();
        parts.add_services(&mut routes, config, options);
        let routes = match access {
            Some(reviewer) => ApiAuth::new(reviewer)?.protect(routes.routes()),
            None => routes.routes(),
        };
        let servers = listeners.serve(routes, &readiness, &parts.drain, config)?;
        addresses.publish(config.address_file.as_deref())?;
        let tasks = parts.spawn_tasks(&readiness, config);
        tracing::info!(head = head.0, "query plane started");
        Ok(QueryPlane {
            addresses,
            readiness,
            stream: parts.stream,
            hub: parts.hub,
            store: parts.store,
            shutdown,
            drain: parts.drain,
            background: parts.background,
            servers,
            tasks,
            step: config.tuning.shutdown_step,
        })
    }

    /// Where the listeners are bound.
    pub fn addresses(&self) -> BoundAddresses {
        self.addresses
    }

    /// The follower's state (connected, lag).
    pub fn stream_status(&self) -> StreamStatus {
        self.stream.clone()
    }

    /// The replica's event hub.
    pub fn hub(&self) -> &EventHub {
        &self.hub
    }

    /// True while readiness reports SERVING.
    pub fn is_ready(&self) -> bool {
        self.readiness.is_ready()
    }

    /// Serves until the shutdown token fires, or until a server stops on its own
    /// (an error), then shuts down in order.
    pub async fn wait(mut self) -> Result<(), ServeError> {
        let unexpected = tokio::select! {
            () = self.shutdown.cancelled() => false,
            _ = futures::future::select_all(self.servers.iter_mut()) => true,
        };
        if unexpected {
            tracing::error!("a server stopped on its own; shutting the replica down");
        }
        tracing::info!("shutting down: not ready, no new work");
        self.readiness.shut_down().await;
        self.background.cancel();
        for task in self.tasks {
            let _ = tokio::time::timeout(self.step, task).await;
        }
        self.drain.cancel();
        // A finished server was already awaited by the select above; it must not be polled again.
        for server in self
            .servers
            .into_iter()
            .filter(|server| !server.is_finished())
        {
            if tokio::time::timeout(self.step, server).await.is_err() {
                tracing::warn!("a server did not stop in time");
            }
        }
        self.store.close().await;
        tracing::info!("query plane stopped");
        if unexpected {
            return Err(ServeError::ServerStopped);
        }
        Ok(())
    }
}

/// Why a running replica stopped without being asked to.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("a server of the query plane stopped unexpectedly")]
    ServerStopped,
}

/// The three listeners, bound before anything is served.
struct Listeners {
    grpc: TcpListener,
    http: TcpListener,
    probes: TcpListener,
}

impl Listeners {
    async fn bind(config: &QueryConfig) -> Result<Listeners, ListenError> {
        Ok(Listeners {
            grpc: bind(&config.grpc_bind_address, "grpc").await?,
            http: bind(&config.api_bind_address, "api").await?,
            probes: bind(&config.probes_bind_address, "probes").await?,
        })
    }

    fn addresses(&self) -> std::io::Result<BoundAddresses> {
        Ok(BoundAddresses {
            grpc: self.grpc.local_addr()?,
            http: self.http.local_addr()?,
            probes: self.probes.local_addr()?,
        })
    }

    /// Starts the gRPC, API and probe servers; all stop on `drain`.
    fn serve(
        self,
        routes: Routes,
        readiness: &Readiness,
        drain: &CancellationToken,
        config: &QueryConfig,
    ) -> Result<Vec<JoinHandle<()>>, StartError> {
        let api_router = http::api_router(routes.clone(), config.tuning.retry_after_seconds)?;
        let grpc_drain = drain.clone();
        let tls = config.grpc_tls.clone();
        let grpc = tokio::spawn(async move {
            let served = guardian_runtime::grpc::serve_with_tls(routes, self.grpc, tls, grpc_drain);
            if let Err(error) = served.await {
                tracing::error!(%error, "grpc server stopped");
            }
        });
        Ok(vec![
            grpc,
            guardian_runtime::listeners::spawn_http(self.http, api_router, drain.clone()),
            guardian_runtime::listeners::spawn_http(
                self.probes,
                probes::router(readiness.clone()),
                drain.clone(),
            ),
        ])
    }
}
