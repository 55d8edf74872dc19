//! `guardian.v1.EventService` on the controller: [`OutboxFeed`] over gRPC.
//! Streams end when the process drains for shutdown, so clients reconnect to
//! the next leader from their last sequence.

use std::pin::Pin;

use futures::{Stream, StreamExt};
use guardian_api::ErrorCode;
use guardian_api::v1::event_service_server::EventService;
use guardian_api::v1::{self, SubscribeRequest, SubscribeResponse};
use guardian_core::Sequence;
use tokio_util::sync::CancellationToken;
use tonic::{Request, Response, Status};

use guardian_store::OutboxFeed;

pub struct EventStreamService {
    feed: OutboxFeed,
    drain: CancellationToken,
}

impl EventStreamService {
    pub fn new(feed: OutboxFeed, drain: CancellationToken) -> Self {
        Self { feed, drain }
    }
}

type EventStream = Pin<Box<dyn Stream<Item = Result<SubscribeResponse, Status>> + Send>>;

#[tonic::async_trait]
impl EventService for EventStreamService {
    type SubscribeStream = EventStream;

    async fn subscribe(
        &self,
        request: Request<SubscribeRequest>,
    ) -> Result<Response<EventStream>, Status> {
        let after = request.into_inner().after_sequence;
        if after < 0 {
            return Err(Status::invalid_argument(format!(
                "after_sequence must not be negative, got {after}"
            )));
        }
        let drained = self.drain.clone().cancelled_owned();
        let stream = self
            .feed
            .follow(Sequence(after))
            .map(|item| match item {
                Ok(event) => Ok(SubscribeResponse {
                    event: Some(v1::Event::from(&event)),
                }),
                Err(error) => {
                    tracing::warn!(%error, "event stream stopped on a database error");
                    Err(Status::new(
                        ErrorCode::Unavailable.grpc_code(),
                        "event store unavailable, resume later",
                    ))
                }
            })
            .take_until(drained);
        Ok(Response::new(Box::pin(stream)))
    }
}
