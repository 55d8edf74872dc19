//! A stand-in leader: a tonic `EventService` streaming the outbox through
//! `OutboxFeed`, as the controller serves it, and a `ControlService` that
//! answers `TriggerCronJob` (or refuses as a standby), advertised in the
//! database via `acquire_epoch_for`. It records every subscription's starting
//! cursor and the `traceparent` of every control call.

use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::{Stream, StreamExt};
use guardian_api::ErrorCode;
use guardian_api::v1::control_service_server::{ControlService, ControlServiceServer};
use guardian_api::v1::event_service_server::{EventService, EventServiceServer};
use guardian_api::v1::*;
use guardian_core::{Epoch, Sequence};
use guardian_store::{OutboxFeed, Store};
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tokio_stream::wrappers::TcpListenerStream;
use tokio_util::sync::CancellationToken;
use tonic::{Request, Response, Status};

use super::guarded;

pub struct FakeLeader {
    pub address: String,
    pub epoch: Epoch,
    /// `after_sequence` of every subscription received, in order.
    pub subscriptions: Arc<Mutex<Vec<i64>>>,
    /// `traceparent` of every control call (empty when absent).
    pub control_calls: Arc<Mutex<Vec<String>>>,
    /// When set, control calls are refused with NOT_LEADER.
    pub standby: Arc<std::sync::atomic::AtomicBool>,
    shutdown: CancellationToken,
    task: JoinHandle<()>,
    _commits: watch::Sender<Sequence>,
}

impl FakeLeader {
    /// Serves on a fresh port and becomes the leader (new epoch, advertised address).
    pub async fn start(store: &Store) -> FakeLeader {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let address = format!("http://{}", listener.local_addr().expect("bound"));
        let (commits, committed) = watch::channel(Sequence(0));
        let feed = OutboxFeed::new(store.clone(), committed, Duration::from_millis(20));
        let shutdown = CancellationToken::new();
        let subscriptions = Arc::new(Mutex::new(Vec::new()));
        let service = LeaderEvents {
            feed,
            drain: shutdown.clone(),
            subscriptions: Arc::clone(&subscriptions),
        };
        let control = LeaderControl::default();
        let (control_calls, standby) = (Arc::clone(&control.calls), Arc::clone(&control.standby));
        let stop = shutdown.clone();
        let task = tokio::spawn(async move {
            tonic::transport::Server::builder()
                .add_service(EventServiceServer::new(service))
                .add_service(ControlServiceServer::new(control))
                .serve_with_incoming_shutdown(
                    TcpListenerStream::new(listener),
                    stop.cancelled_owned(),
                )
                .await
                .expect("fake leader serves");
        });
        let epoch = store
            .acquire_epoch_for(&address)
            .await
            .expect("epoch acquired");
        FakeLeader {
            address,
            epoch,
            subscriptions,
            control_calls,
            standby,
            shutdown,
            task,
            _commits: commits,
        }
    }

    pub fn subscriptions(&self) -> Vec<i64> {
        self.subscriptions.lock().expect("not poisoned").clone()
    }

    pub fn control_calls(&self) -> Vec<String> {
        self.control_calls.lock().expect("not poisoned").clone()
    }

    /// Ends every stream and stops serving.
    pub async fn stop(self) {
        self.shutdown.cancel();
        guarded("fake leader stops", self.task)
            .await
            .expect("server task ends");
    }
}

struct LeaderEvents {
    feed: OutboxFeed,
    drain: CancellationToken,
    subscriptions: Arc<Mutex<Vec<i64>>>,
}

type EventStream = Pin<Box<dyn Stream<Item = Result<SubscribeResponse, Status>> + Send>>;

#[tonic::async_trait]
impl EventService for LeaderEvents {
    type SubscribeStream = EventStream;

    async fn subscribe(
        &self,
        request: Request<SubscribeRequest>,
    ) -> Result<Response<EventStream>, Status> {
        let after = request.into_inner().after_sequence;
        self.subscriptions.lock().expect("not poisoned").push(after);
        let stream = self
            .feed
            .follow(Sequence(after))
            .map(|item| match item {
                Ok(event) => Ok(SubscribeResponse {
                    event: Some(Event::from(&event)),
                }),
                Err(error) => Err(Status::unavailable(error.to_string())),
            })
            .take_until(self.drain.clone().cancelled_owned());
        Ok(Response::new(Box::pin(stream)))
    }
}

#[derive(Default)]
struct LeaderControl {
    calls: Arc<Mutex<Vec<String>>>,
    standby: Arc<std::sync::atomic::AtomicBool>,
}

#[tonic::async_trait]
impl ControlService for LeaderControl {
    async fn trigger_cron_job(
        &self,
        request: Request<TriggerCronJobRequest>,
    ) -> Result<Response<TriggerCronJobResponse>, Status> {
        let trace = request
            .metadata()
            .get("traceparent")
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default();
        self.calls
            .lock()
            .expect("not poisoned")
            .push(trace.to_owned());
        if self.standby.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(ErrorCode::NotLeader.to_status("this controller is a standby"));
        }
        let name = request.into_inner().name;
        Ok(Response::new(TriggerCronJobResponse {
            success: true,
            job_name: Some(format!("{name}-manual")),
            message: "job created".into(),
        }))
    }

    async fn suspend_cron_job(
        &self,
        _: Request<SuspendCronJobRequest>,
    ) -> Result<Response<SuspendCronJobResponse>, Status> {
        Err(Status::unimplemented("not in the fake"))
    }

    async fn resume_cron_job(
        &self,
        _: Request<ResumeCronJobRequest>,
    ) -> Result<Response<ResumeCronJobResponse>, Status> {
        Err(Status::unimplemented("not in the fake"))
    }

    async fn delete_history(
        &self,
        _: Request<DeleteHistoryRequest>,
    ) -> Result<Response<DeleteHistoryResponse>, Status> {
        Err(Status::unimplemented("not in the fake"))
    }

    async fn test_channel(
        &self,
        _: Request<TestChannelRequest>,
    ) -> Result<Response<TestChannelResponse>, Status> {
        Err(Status::unimplemented("not in the fake"))
    }

    async fn prune(&self, _: Request<PruneRequest>) -> Result<Response<PruneResponse>, Status> {
        Err(Status::unimplemented("not in the fake"))
    }

    async fn acknowledge_alert(
        &self,
        _: Request<AcknowledgeAlertRequest>,
    ) -> Result<Response<AcknowledgeAlertResponse>, Status> {
        Err(Status::unimplemented("not in the fake"))
    }

    async fn silence_alert(
        &self,
        _: Request<SilenceAlertRequest>,
    ) -> Result<Response<SilenceAlertResponse>, Status> {
        Err(Status::unimplemented("not in the fake"))
    }
}
