//! The replica's event stream: replay from the database, then live from the
//! leader's stream, resumed after the leader restarts — with no gap and no
//! duplicate — and the fan-out's treatment of slow and numerous subscribers.

mod support;

use futures::StreamExt;
use guardian_api::v1::event_service_client::EventServiceClient;
use guardian_api::v1::{self, SubscribeRequest};
use guardian_core::{CronJobRef, Epoch, Outcome};
use guardian_query::fanout::{EventHub, HubLimits};
use guardian_store::Store;
use jiff::Timestamp;
use support::leader::FakeLeader;
use support::{TestPlane, TestStore, eventually, fast_config, guarded, record, run};
use tonic::Code;

/// Commits `count` executions (one event each), named from `first`.
async fn commit_runs(store: &Store, epoch: Epoch, first: usize, count: usize) {
    let backup = CronJobRef::new("ops", "backup");
    let now = Timestamp::now();
    let runs: Vec<_> = (first..first + count)
        .map(|index| {
            run(
                &backup,
                &format!("backup-{index}"),
                now,
                60,
                Some(1),
                Outcome::Succeeded,
            )
        })
        .collect();
    assert_eq!(
        record(store, epoch, &runs).await,
        count,
        "one event per new run"
    );
}

/// Reads `count` events from a gRPC subscription.
async fn take_events(
    stream: &mut tonic::Streaming<v1::SubscribeResponse>,
    count: usize,
) -> Vec<i64> {
    let mut sequences = Vec::new();
    while sequences.len() < count {
        let reply = guarded("next event", stream.message())
            .await
            .expect("stream healthy")
            .expect("stream open");
        sequences.push(reply.event.expect("an event").sequence);
    }
    sequences
}

async fn subscribe(plane: &TestPlane, after: i64) -> tonic::Streaming<v1::SubscribeResponse> {
    let mut client = EventServiceClient::new(plane.grpc().await);
    client
        .subscribe(SubscribeRequest {
            after_sequence: after,
        })
        .await
        .expect("subscribed")
        .into_inner()
}

/// The leader goes away; a new one (new epoch, new address) commits and takes over.
async fn successor_takes_over(
    store: &Store,
    leader: FakeLeader,
    stream: &mut tonic::Streaming<v1::SubscribeResponse>,
) -> FakeLeader {
    leader.stop().await;
    let successor = FakeLeader::start(store).await;
    commit_runs(store, successor.epoch, 8, 4).await;
    assert_eq!(
        take_events(stream, 4).await,
        [9, 10, 11, 12],
        "no gap, no duplicate across the restart"
    );
    let resumed = eventually("follower resubscribes", || async {
        let subscriptions = successor.subscriptions();
        (!subscriptions.is_empty()).then_some(subscriptions)
    })
    .await;
    assert!(
        resumed.iter().all(|after| (8..=12).contains(after)),
        "resumed from its cursor: {resumed:?}"
    );
    successor
}

/// A second client resuming mid-stream, over REST as Server-Sent Events.
async fn check_server_sent_events(plane: &TestPlane) {
    let events = plane.http().sse("/api/v1/events?afterSequence=10", 4).await;
    let ids: Vec<&str> = events.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["11", "12", "13", "14"]);
    assert_eq!(events[0].1["execution"]["jobName"], "backup-10");
}

#[tokio::test]
async fn replica_replays_from_the_database_then_follows_the_leader_across_restarts() {
    let test_store = TestStore::sqlite().await;
    let store = &test_store.store;
    let epoch = store.acquire_epoch().await.expect("epoch");
    commit_runs(store, epoch, 0, 5).await;

    let plane = TestPlane::start(store, &fast_config(&test_store.config)).await;
    let leader = FakeLeader::start(store).await;
    eventually("follower connects", || async {
        plane.stream.connected().then_some(())
    })
    .await;
    let mut stream = subscribe(&plane, 0).await;
    assert_eq!(
        take_events(&mut stream, 5).await,
        [1, 2, 3, 4, 5],
        "history replayed from the database"
    );

    commit_runs(store, leader.epoch, 5, 3).await;
    assert_eq!(
        take_events(&mut stream, 3).await,
        [6, 7, 8],
        "live from the leader's stream"
    );
    assert_eq!(
        leader.subscriptions(),
        [5],
        "the follower subscribed after the head it started with"
    );

    let successor = successor_takes_over(store, leader, &mut stream).await;
    commit_runs(store, successor.epoch, 12, 2).await;
    assert_eq!(take_events(&mut stream, 2).await, [13, 14]);
    assert!(
        plane.stream.connections() >= 2,
        "reconnected to the successor"
    );
    eventually("caught up", || async {
        (plane.stream.caught_up() && plane.hub.head() == 14).then_some(())
    })
    .await;

    check_server_sent_events(&plane).await;

    successor.stop().await;
    plane.stop().await;
}

#[tokio::test]
async fn without_a_leader_the_replica_still_streams_what_the_database_holds() {
    let test_store = TestStore::sqlite().await;
    let store = &test_store.store;
    let epoch = store.acquire_epoch().await.expect("epoch");
    commit_runs(store, epoch, 0, 2).await;
    let plane = TestPlane::start(store, &fast_config(&test_store.config)).await;
    let mut client = EventServiceClient::new(plane.grpc().await);
    let mut stream = client
        .subscribe(SubscribeRequest { after_sequence: 1 })
        .await
        .expect("subscribed")
        .into_inner();
    assert_eq!(take_events(&mut stream, 1).await, [2]);
    // Committed by a writer that advertises no address: the follower reads it from the database.
    commit_runs(store, epoch, 2, 2).await;
    assert_eq!(take_events(&mut stream, 2).await, [3, 4]);
    assert!(!plane.stream.connected());
    assert_eq!(
        plane.stream.connections(),
        0,
        "no leader, no stream, no reconnect counted"
    );
    let refused = client
        .subscribe(SubscribeRequest { after_sequence: -1 })
        .await
        .expect_err("negative cursor");
    assert_eq!(refused.code(), Code::InvalidArgument);
    plane.stop().await;
    let end = guarded("stream ends on shutdown", stream.message()).await;
    assert!(
        matches!(end, Ok(None)),
        "a drained replica ends open streams cleanly: {end:?}"
    );
}

fn event(sequence: i64) -> v1::Event {
    v1::Event {
        sequence,
        ..Default::default()
    }
}

async fn sequences_of(stream: &mut guardian_query::fanout::EventStream, count: usize) -> Vec<i64> {
    let mut sequences = Vec::new();
    while sequences.len() < count {
        let item = guarded("hub event", stream.next())
            .await
            .expect("stream open");
        sequences.push(item.expect("no error").sequence);
    }
    sequences
}

#[tokio::test]
async fn a_slow_subscriber_is_dropped_with_its_resume_point_and_others_keep_up() {
    let test_store = TestStore::sqlite().await;
    let limits = HubLimits {
        ring_capacity: 64,
        lag_limit: 4,
    };
    let hub = EventHub::new(test_store.store.clone(), 0, limits);
    let mut slow = hub.subscribe(0);
    let mut fast = hub.subscribe(0);
    hub.publish(event(1));
    assert_eq!(sequences_of(&mut slow, 1).await, [1]);
    assert_eq!(sequences_of(&mut fast, 1).await, [1]);
    for sequence in 2..=20 {
        assert!(hub.publish(event(sequence)));
        assert_eq!(
            sequences_of(&mut fast, 1).await,
            [sequence],
            "the fast one is never held back"
        );
    }
    assert!(!hub.publish(event(20)), "duplicates are not published");
    let dropped = guarded("slow subscriber", slow.next())
        .await
        .expect("an item")
        .expect_err("dropped");
    assert_eq!(dropped.code(), Code::ResourceExhausted);
    assert!(
        dropped.message().contains("after_sequence 1"),
        "{dropped:?}"
    );
    assert!(
        guarded("ended", slow.next()).await.is_none(),
        "the stream ends after the error"
    );
    // It resumes from its last sequence, out of the ring.
    let mut resumed = hub.subscribe(1);
    assert_eq!(
        sequences_of(&mut resumed, 19).await,
        (2..=20).collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn thousands_of_subscribers_share_one_broadcast() {
    let test_store = TestStore::sqlite().await;
    let hub = EventHub::new(
        test_store.store.clone(),
        0,
        HubLimits {
            ring_capacity: 64,
            lag_limit: 64,
        },
    );
    let mut streams: Vec<_> = (0..2000).map(|_| hub.subscribe(0)).collect();
    assert_eq!(hub.subscriber_count(), 2000);
    for sequence in 1..=10 {
        hub.publish(event(sequence));
    }
    for stream in &mut streams {
        assert_eq!(sequences_of(stream, 10).await, (1..=10).collect::<Vec<_>>());
    }
    drop(streams);
    assert_eq!(hub.subscriber_count(), 0);
}
