//! `guardian.v1.EventService` on a query replica: the replica's [`EventHub`]
//! over gRPC (and, through the REST bridge, as Server-Sent Events). Streams end
//! when the replica drains for shutdown; clients resume from their last
//! sequence at any replica.

use std::pin::Pin;

use futures::{Stream, StreamExt};
use guardian_api::v1::event_service_server::EventService;
use guardian_api::v1::{SubscribeRequest, SubscribeResponse};
use guardian_api::{ErrorCode, InputError};
use tokio_util::sync::CancellationToken;
use tonic::{Request, Response, Status};

use crate::fanout::EventHub;

/// Serves subscriptions from the hub.
pub struct EventFanoutService {
    hub: EventHub,
    drain: CancellationToken,
}

impl EventFanoutService {
    pub fn new(hub: EventHub, drain: CancellationToken) -> EventFanoutService {
        EventFanoutService { hub, drain }
    }
}

type SubscribeStream = Pin<Box<dyn Stream<Item = Result<SubscribeResponse, Status>> + Send>>;

#[tonic::async_trait]
impl EventService for EventFanoutService {
    type SubscribeStream = SubscribeStream;

    async fn subscribe(
        &self,
        request: Request<SubscribeRequest>,
    ) -> Result<Response<SubscribeStream>, Status> {
        let after = request.into_inner().after_sequence;
        if after < 0 {
            return Err(InputError::new("afterSequence", format!("{after} is negative")).into());
        }
        if self.drain.is_cancelled() {
            return Err(ErrorCode::Unavailable.to_status("this replica is shutting down"));
        }
        let stream = self
            .hub
            .subscribe(after)
            .map(|item| item.map(|event| SubscribeResponse { event: Some(event) }))
            .take_until(self.drain.clone().cancelled_owned());
        Ok(Response::new(Box::pin(stream)))
    }
}
