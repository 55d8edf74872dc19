//! Collects a replica's event stream the way a client would: subscribe from a
//! sequence, and on any break resubscribe after the last sequence seen.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use guardian_api::v1::event_service_client::EventServiceClient;
use guardian_api::v1::{Event, SubscribeRequest};
use tokio::task::JoinHandle;

pub struct Collector {
    events: Arc<Mutex<Vec<Event>>>,
    task: JoinHandle<()>,
}

impl Collector {
    /// Follows `grpc_url` from the beginning of the outbox.
    pub fn follow(grpc_url: String) -> Collector {
        let events: Arc<Mutex<Vec<Event>>> = Arc::new(Mutex::new(Vec::new()));
        let sink = events.clone();
        let task = tokio::spawn(async move {
            loop {
                let after = sink
                    .lock()
                    .map(|seen| seen.last().map_or(0, |event| event.sequence))
                    .unwrap_or(0);
                if let Ok(mut client) = EventServiceClient::connect(grpc_url.clone()).await
                    && let Ok(response) = client
                        .subscribe(SubscribeRequest {
                            after_sequence: after,
                        })
                        .await
                {
                    let mut stream = response.into_inner();
                    while let Ok(Some(message)) = stream.message().await {
                        if let (Some(event), Ok(mut seen)) = (message.event, sink.lock()) {
                            seen.push(event);
                        }
                    }
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        });
        Collector { events, task }
    }

    /// Everything received so far, in arrival order.
    pub fn events(&self) -> Vec<Event> {
        self.events
            .lock()
            .map(|seen| seen.clone())
            .unwrap_or_default()
    }
}

impl Drop for Collector {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Checks the stream contract: sequences 1, 2, 3, … with no gap, no duplicate,
/// no reordering, and epochs never going back.
pub fn assert_gap_free(events: &[Event]) {
    for (index, event) in events.iter().enumerate() {
        assert_eq!(
            event.sequence,
            index as i64 + 1,
            "sequence at position {index}: {events:#?}"
        );
    }
    for pair in events.windows(2) {
        assert!(
            pair[0].epoch <= pair[1].epoch,
            "epoch went back: {:?} then {:?}",
            pair[0],
            pair[1]
        );
    }
}
