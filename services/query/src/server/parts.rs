//! The replica's shared state between binding and serving: the hub, the
//! leader directory and the stream status, the services built over them, and
//! the background tasks (follower, readiness).

use guardian_api::v1::control_service_server::ControlServiceServer;
use guardian_api::v1::event_service_server::EventServiceServer;
use guardian_api::v1::query_service_server::QueryServiceServer;
use guardian_runtime::Readiness;
use guardian_store::Store;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;
use tonic::service::RoutesBuilder;
use tracing::Instrument;

use super::StartOptions;
use crate::config::QueryConfig;
use crate::fanout::{EventHub, HubLimits};
use crate::grpc::control_forward::ControlForwarder;
use crate::grpc::event_service::EventFanoutService;
use crate::grpc::query_service::QueryRpc;
use crate::leader::LeaderDirectory;
use crate::reads::{ModelLimits, ReadModel, Reads, ReplicaInfo};
use crate::upstream::{StreamStatus, Upstream, UpstreamTiming};

/// The replica's shared state, before it is served.
pub(super) struct Parts {
    pub(super) store: Store,
    pub(super) hub: EventHub,
    pub(super) model: ReadModel,
    pub(super) directory: LeaderDirectory,
    pub(super) stream: StreamStatus,
    pub(super) drain: CancellationToken,
    pub(super) background: CancellationToken,
}

impl Parts {
    pub(super) fn new(store: Store, config: &QueryConfig, head: i64) -> Parts {
        let tuning = &config.tuning;
        let limits = HubLimits {
            ring_capacity: tuning.event_ring_capacity,
            lag_limit: tuning.subscriber_lag_limit,
        };
        Parts {
            hub: EventHub::new(store.clone(), head, limits),
            model: ReadModel::new(head, ModelLimits::default()),
            directory: LeaderDirectory::new(
                store.clone(),
                tuning.connect_timeout,
                config.controller_tls.clone(),
            ),
            store,
            stream: StreamStatus::default(),
            drain: CancellationToken::new(),
            background: CancellationToken::new(),
        }
    }

    /// Adds the three guardian services.
    pub(super) fn add_services(
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
        let reads = Reads::new(self.store.clone(), self.model.clone(), options.clock, info);
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
    pub(super) fn spawn_tasks(
        &self,
        readiness: &Readiness,
        config: &QueryConfig,
    ) -> Vec<JoinHandle<()>> {
        let tuning = &config.tuning;
        let upstream = Upstream {
            hub: self.hub.clone(),
            model: self.model.clone(),
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
