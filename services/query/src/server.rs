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
//! Shutdown, when the token fires: readiness NotServing, background tasks stop,
//! streams end and servers stop (drain), then the pool closes.

mod http;

use std::sync::Arc;

use guardian_api::v1::control_service_server::ControlServiceServer;
use guardian_api::v1::event_service_server::EventServiceServer;
use guardian_api::v1::query_service_server::QueryServiceServer;
use guardian_core::{Clock, SystemClock};
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
use tracing::Instrument;

use crate::config::QueryConfig;
use crate::fanout::{EventHub, HubLimits};
use crate::grpc::control_forward::ControlForwarder;
use crate::grpc::event_service::EventFanoutService;
use crate::grpc::query_service::QueryRpc;
use crate::leader::LeaderDirectory;
use crate::metrics;
use crate::reads::{Reads, ReplicaInfo};
use crate::upstream::{StreamStatus, Upstream, UpstreamTiming};

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
    #[error("cannot read the event stream's head: {0}")]
    Store(#[from] StoreError),
}

/// What a caller may add to a replica: the clock, and — when a control plane
/// runs in the same process (`dev`) — its leadership, reported by `GetHealth`.
#[derive(Clone)]
pub struct StartOptions {
    pub clock: Arc<dyn Clock>,
    pub leadership: Option<watch::Receiver<bool>>,
}

impl Default for StartOptions {
    fn default() -> Self {
        StartOptions {
            clock: Arc::new(SystemClock),
            leadership: None,
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
        guardian_runtime::grpc::add_reflection(&mut routes, &[guardian_api::FILE_DESCRIPTOR_SET])?;
        parts.add_services(&mut routes, config, options);
        let servers = listeners.serve(routes.routes(), &readiness, &parts.drain, config)?;
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

    /// Serves until the shutdown token fires, then shuts down in order.
    pub async fn wait(self) {
        self.shutdown.cancelled().await;
        tracing::info!("shutting down: not ready, no new work");
        self.readiness.shut_down().await;
        self.background.cancel();
        for task in self.tasks {
            let _ = tokio::time::timeout(self.step, task).await;
        }
        self.drain.cancel();
        for server in self.servers {
            if tokio::time::timeout(self.step, server).await.is_err() {
                tracing::warn!("a server did not stop in time");
            }
        }
        self.store.close().await;
        tracing::info!("query plane stopped");
    }
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
        let grpc = tokio::spawn(async move {
            if let Err(error) = guardian_runtime::grpc::serve(routes, self.grpc, grpc_drain).await {
                tracing::error!(%error, "grpc server stopped");
            }
        });
        Ok(vec![
            grpc,
            http::spawn(self.http, api_router, drain.clone()),
            http::spawn(
                self.probes,
                probes::router(readiness.clone()),
                drain.clone(),
            ),
        ])
    }
}

/// The replica's shared state, before it is served.
struct Parts {
    store: Store,
    hub: EventHub,
    directory: LeaderDirectory,
    stream: StreamStatus,
    drain: CancellationToken,
    background: CancellationToken,
}

impl Parts {
    fn new(store: Store, config: &QueryConfig, head: i64) -> Parts {
        let tuning = &config.tuning;
        let limits = HubLimits {
            ring_capacity: tuning.event_ring_capacity,
            lag_limit: tuning.subscriber_lag_limit,
        };
        Parts {
            hub: EventHub::new(store.clone(), head, limits),
            directory: LeaderDirectory::new(store.clone(), tuning.connect_timeout),
            store,
            stream: StreamStatus::default(),
            drain: CancellationToken::new(),
            background: CancellationToken::new(),
        }
    }

    /// Adds the three guardian services.
    fn add_services(
        &self,
        routes: &mut RoutesBuilder,
        config: &QueryConfig,
        options: StartOptions,
    ) {
        let info = ReplicaInfo {
            version: config.version.clone(),
            started_at: options.clock.now(),
            settings: config.service.clone(),
            leadership: options.leadership,
            stream: self.stream.clone(),
        };
        let reads = Reads::new(self.store.clone(), options.clock, info);
        routes.add_service(QueryServiceServer::new(QueryRpc::new(reads)));
        routes.add_service(EventServiceServer::new(EventFanoutService::new(
            self.hub.clone(),
            self.drain.clone(),
        )));
        routes.add_service(ControlServiceServer::new(ControlForwarder::new(
            self.directory.clone(),
            config.tuning.forward_timeout,
            config.tuning.retry_after_seconds,
        )));
    }

    /// Starts the follower and the readiness task; both stop on `background`.
    fn spawn_tasks(&self, readiness: &Readiness, config: &QueryConfig) -> Vec<JoinHandle<()>> {
        let tuning = &config.tuning;
        let upstream = Upstream {
            hub: self.hub.clone(),
            directory: self.directory.clone(),
            store: self.store.clone(),
            timing: UpstreamTiming {
                backoff_min: tuning.reconnect_backoff_min,
                backoff_max: tuning.reconnect_backoff_max,
                leader_check: tuning.leader_check_interval,
                database_poll: tuning.database_poll_interval,
            },
            status: self.stream.clone(),
        };
        let readiness_task = watch_readiness(
            self.store.clone(),
            readiness.clone(),
            tuning.readiness_interval,
            self.background.clone(),
        );
        vec![
            upstream.spawn(self.background.clone()),
            tokio::spawn(readiness_task.instrument(tracing::info_span!("query.readiness"))),
        ]
    }
}

/// Damped readiness from database pings; publishes the pool gauges on the way.
async fn watch_readiness(
    store: Store,
    readiness: Readiness,
    period: std::time::Duration,
    stop: CancellationToken,
) {
    let mut interval = tokio::time::interval(period);
    loop {
        tokio::select! {
            () = stop.cancelled() => return,
            _ = interval.tick() => {}
        }
        let passed = store.ping().await.is_ok();
        store.report_pool_metrics();
        readiness.observe(passed).await;
    }
}
