//! A stand-in leader: a tonic `EventService` streaming the outbox through
//! `OutboxFeed`, as the controller serves it, advertised in the database via
//! `acquire_epoch_for`, and recording every subscription's starting cursor.

use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::{Stream, StreamExt};
use guardian_api::v1::event_service_server::{EventService, EventServiceServer};
use guardian_api::v1::{self, SubscribeRequest, SubscribeResponse};
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
        let stop = shutdown.clone();
        let task = tokio::spawn(async move {
            tonic::transport::Server::builder()
                .add_service(EventServiceServer::new(service))
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
            shutdown,
            task,
            _commits: commits,
        }
    }

    pub fn subscriptions(&self) -> Vec<i64> {
        self.subscriptions.lock().expect("not poisoned").clone()
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
                    event: Some(v1::Event::from(&event)),
                }),
                Err(error) => Err(Status::unavailable(error.to_string())),
            })
            .take_until(self.drain.clone().cancelled_owned());
        Ok(Response::new(Box::pin(stream)))
    }
}
