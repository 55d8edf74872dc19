//! Stream clients of a query replica that timestamp what they receive: a gRPC
//! `EventService/Subscribe` subscriber and an SSE reader of `/api/v1/events`.
//! Each records the first arrival of every finished execution in [`Arrivals`].

use std::net::SocketAddr;
use std::time::Instant;

use guardian_api::v1::SubscribeRequest;
use guardian_api::v1::event_service_client::EventServiceClient;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tonic::transport::Channel;

use super::arrivals::Arrivals;
use crate::http_client::{follow_sse, json};

/// Background readers, stopped when dropped.
#[derive(Default)]
pub struct Readers(Vec<JoinHandle<()>>);

impl Readers {
    pub fn new() -> Readers {
        Readers::default()
    }

    pub fn add(&mut self, reader: JoinHandle<()>) {
        self.0.push(reader);
    }

    /// Subscribes on `channel` after `after` (see [`grpc_reader`]).
    pub async fn grpc(
        &mut self,
        channel: Channel,
        after: i64,
        arrivals: Arrivals,
    ) -> anyhow::Result<()> {
        self.add(grpc_reader(channel, after, arrivals).await?);
        Ok(())
    }

    /// Follows `/api/v1/events` over HTTP/1.1 from after `after`.
    pub async fn sse(
        &mut self,
        http: SocketAddr,
        after: i64,
        arrivals: Arrivals,
    ) -> anyhow::Result<()> {
        let (sender, mut events) = mpsc::unbounded_channel();
        follow_sse(
            http,
            &format!("/api/v1/events?afterSequence={after}"),
            sender,
        )
        .await?;
        self.0.push(tokio::spawn(async move {
            while let Some(event) = events.recv().await {
                let Ok(value) = json(&event.data) else {
                    continue;
                };
                let execution = &value["execution"];
                let finished = execution["outcome"]
                    .as_str()
                    .is_some_and(|outcome| outcome != "EXECUTION_OUTCOME_RUNNING");
                if let (true, Some(uid)) = (finished, execution["jobUid"].as_str()) {
                    arrivals.record(uid, event.at);
                }
            }
        }));
        Ok(())
    }
}

/// Subscribes on `channel` after `after` and returns once the server has
/// answered the call (the stream is open); messages are read by the returned task.
pub async fn grpc_reader(
    channel: Channel,
    after: i64,
    arrivals: Arrivals,
) -> anyhow::Result<JoinHandle<()>> {
    let mut client = EventServiceClient::new(channel);
    let response = client
        .subscribe(SubscribeRequest {
            after_sequence: after,
        })
        .await?;
    let mut stream = response.into_inner();
    Ok(tokio::spawn(async move {
        while let Ok(Some(message)) = stream.message().await {
            let at = Instant::now();
            if let Some(event) = &message.event {
                arrivals.record_wire(event, at);
            }
        }
    }))
}

impl Drop for Readers {
    fn drop(&mut self) {
        for reader in &self.0 {
            reader.abort();
        }
    }
}
