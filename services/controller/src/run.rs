//! Wiring: listeners, services, watchers, the elector and the role loop, and
//! the seed's shutdown order.
//!
//! Shutdown on SIGTERM: (1) stop taking new work — readiness NotServing, no new
//! leader work; (2) finish in-flight work — the writer commits what is queued;
//! (3) release the lease, so a standby takes over within one retry period;
//! (4) end streams and servers, close database connections.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use guardian_api::v1::control_service_server::ControlServiceServer;
use guardian_api::v1::event_service_server::EventServiceServer;
use guardian_core::{Clock, SystemClock};
use guardian_election::{Claim, Elector, ElectorHandle};
use guardian_runtime::{BoundAddresses, Readiness, bind, probes};
use guardian_store::{OutboxFeed, Store};
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;
use tonic::service::RoutesBuilder;

use crate::config::{ControllerConfig, lease_backend};
use crate::grpc::control_service::ControlRpc;
use crate::grpc::event_service::EventStreamService;
use crate::role::{self, RoleContext};
use crate::{leadership, metrics, watch as cluster};

/// How often followers re-read the outbox when no local commit woke them.
const FEED_POLL: Duration = Duration::from_millis(500);
/// How often readiness pings the database and pool metrics are published.
const HEALTH_INTERVAL: Duration = Duration::from_secs(2);
/// Upper bound for the steps of shutdown, inside the 30 s grace period.
const STEP_DEADLINE: Duration = Duration::from_secs(8);
/// The guardian services a controller serves (queries go to the query plane).
const SERVED_SERVICES: [&str; 2] = ["guardian.v1.EventService", "guardian.v1.ControlService"];

/// Runs the control plane until `shutdown` fires, then shuts down in order.
pub async fn run(
    config: ControllerConfig,
    client: kube::Client,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    metrics::describe();
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let store = Store::connect(&config.store)
        .await
        .context("cannot open the database")?;
    let elector = elector(&config, &client, &store)?;
    // A leader frozen past its renew deadline thaws with its writes still queued: every
    // fenced transaction of this process commits only while the claim holds.
    let store = match &elector {
        Some(elector) => {
            let validity = elector.validity();
            store.with_commit_guard(move || validity.holds())
        }
        None => store,
    };
    let grpc_listener = bind(&config.listen.grpc, "grpc").await?;
    let http_listener = bind(&config.listen.http, "metrics").await?;
    let probes_listener = bind(&config.listen.probes, "probes").await?;
    let addresses = BoundAddresses {
        grpc: grpc_listener.local_addr()?,
        http: http_listener.local_addr()?,
        probes: probes_listener.local_addr()?,
    };
    let advertise = config
        .listen
        .advertise
        .clone()
        .unwrap_or_else(|| advertised(&addresses, config.listen.tls.is_some()));

    let (leadership_tx, leadership) = leadership::channel();
    let (reporter, health_service) = tonic_health::server::health_reporter();
    let readiness = Readiness::new(reporter, &SERVED_SERVICES);
    let drain = CancellationToken::new();
    let mut routes = RoutesBuilder::default();
    routes.add_service(health_service);
    guardian_runtime::grpc::add_reflection(
        &mut routes,
        &[guardian_api::FILE_DESCRIPTOR_SET],
        &SERVED_SERVICES,
    )?;
    let feed = OutboxFeed::new(store.clone(), leadership.commits(), FEED_POLL);
    routes.add_service(EventServiceServer::new(EventStreamService::new(
        feed,
        drain.clone(),
    )));
    routes.add_service(ControlServiceServer::new(ControlRpc::new(
        client.clone(),
        store.clone(),
        leadership.clone(),
        config.dispatch.clone(),
    )));
    let servers = Servers::start(
        routes,
        grpc_listener,
        http_listener,
        probes_listener,
        config.listen.tls.clone(),
        &readiness,
        &drain,
    );
    addresses.publish(config.listen.address_file.as_deref())?;

    let cluster = cluster::start(client.clone(), store.clone(), &config.scope, clock.clone());
    let (claims, elector) = elect(elector);
    let health = tokio::spawn(watch_health(
        store.clone(),
        readiness.clone(),
        shutdown.clone(),
    ));
    let context = RoleContext {
        store: store.clone(),
        leadership_tx,
        leadership,
        clock,
        advertise,
        client: client.clone(),
        index: cluster.index,
        resync: cluster.resync,
        dispatch: config.dispatch.clone(),
        release_namespace: config.release_namespace.clone(),
        monitoring: config.monitoring.clone(),
        retention: config.retention.clone(),
    };
    let roles = tokio::spawn(role::run(
        context,
        claims,
        cluster.updates,
        shutdown.clone(),
    ));

    shutdown.cancelled().await;
    tracing::info!("shutting down: no new work");
    readiness.shut_down().await;
    health.abort();
    cluster.task.abort();
    if tokio::time::timeout(STEP_DEADLINE, roles).await.is_err() {
        tracing::warn!("in-flight writes did not finish in time");
    }
    if let Electing::Elector(elector) = elector {
        match tokio::time::timeout(STEP_DEADLINE, elector.release()).await {
            Ok(Ok(())) => tracing::info!("lease released"),
            Ok(Err(error)) => tracing::warn!(%error, "lease release failed; it expires on its own"),
            Err(_) => tracing::warn!("lease release timed out; it expires on its own"),
        }
    }
    drain.cancel();
    servers.stop().await;
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// `http(s)://<bound gRPC address>`, with an unspecified host replaced by loopback.
fn advertised(addresses: &BoundAddresses, tls: bool) -> String {
    let mut grpc = addresses.grpc;
    if grpc.ip().is_unspecified() {
        grpc.set_ip(std::net::Ipv4Addr::LOCALHOST.into());
    }
    let scheme = if tls { "https" } else { "http" };
    format!("{scheme}://{grpc}")
}

/// Who decides leadership; kept alive until shutdown.
enum Electing {
    Elector(ElectorHandle),
    /// Election is off: this single replica leads for its whole life.
    Single(#[allow(dead_code)] watch::Sender<Claim>),
}

/// The elector when election is on (not started yet).
fn elector(
    config: &ControllerConfig,
    client: &kube::Client,
    store: &Store,
) -> anyhow::Result<Option<Elector>> {
    let Some(election) = &config.election else {
        return Ok(None);
    };
    let backend = lease_backend(&election.lease, client, store);
    let elector = Elector::new(backend, election.identity.clone(), election.timings)?;
    Ok(Some(elector))
}

/// Starts the elector, or a constant leadership when election is off.
fn elect(elector: Option<Elector>) -> (watch::Receiver<Claim>, Electing) {
    let Some(elector) = elector else {
        tracing::info!("leader election disabled: this single replica leads");
        let (sender, claims) = watch::channel(Claim::Leader {
            since: SystemClock.now(),
            term: 1,
        });
        return (claims, Electing::Single(sender));
    };
    let (handle, claims) = elector.spawn();
    (claims, Electing::Elector(handle))
}

/// Damped readiness from database pings; publishes pool gauges on the way.
async fn watch_health(store: Store, readiness: Readiness, shutdown: CancellationToken) {
    let mut interval = tokio::time::interval(HEALTH_INTERVAL);
    loop {
        tokio::select! {
            () = shutdown.cancelled() => return,
            _ = interval.tick() => {}
        }
        let passed = store.ping().await.is_ok();
        store.report_pool_metrics();
        readiness.observe(passed).await;
    }
}

/// The three listeners' tasks.
struct Servers {
    tasks: Vec<JoinHandle<()>>,
}

impl Servers {
    fn start(
        routes: RoutesBuilder,
        grpc: tokio::net::TcpListener,
        http: tokio::net::TcpListener,
        probes_listener: tokio::net::TcpListener,
        tls: Option<guardian_runtime::tls::ServerTls>,
        readiness: &Readiness,
        drain: &CancellationToken,
    ) -> Self {
        let grpc_drain = drain.clone();
        let grpc_task = tokio::spawn(async move {
            let served =
                guardian_runtime::grpc::serve_with_tls(routes.routes(), grpc, tls, grpc_drain);
            if let Err(error) = served.await {
                tracing::error!(%error, "grpc server stopped");
            }
        });
        let http_task =
            guardian_runtime::listeners::spawn_http(http, probes::metrics_router(), drain.clone());
        let probes_task = guardian_runtime::listeners::spawn_http(
            probes_listener,
            probes::router(readiness.clone()),
            drain.clone(),
        );
        Self {
            tasks: vec![grpc_task, http_task, probes_task],
        }
    }

    async fn stop(self) {
        for task in self.tasks {
            if tokio::time::timeout(STEP_DEADLINE, task).await.is_err() {
                tracing::warn!("a server did not stop in time");
            }
        }
    }
}
