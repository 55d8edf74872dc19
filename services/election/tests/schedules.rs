//! Property: whatever happens to the replicas (kills, graceful releases, restarts,
//! lost connections, slow connections), no two of them ever lead at the same time; and
//! once the faults stop, exactly one live replica leads. Each case runs minutes of
//! virtual time on a paused tokio clock.

mod support;

use std::time::Duration;

use guardian_election::testing::MemoryLease;
use proptest::prelude::*;
use support::{Replica, Timeline, is_leader, start};
use tokio::time::sleep;

const REPLICAS: usize = 3;

#[derive(Debug, Clone)]
enum Action {
    Kill,
    Release,
    Restart,
    Disconnect(bool),
    Latency { request: Duration, answer: Duration },
}

#[derive(Debug, Clone)]
struct Event {
    after: Duration,
    replica: usize,
    action: Action,
}

fn latency() -> impl Strategy<Value = Duration> {
    prop_oneof![
        Just(Duration::ZERO),
        (0u64..20_000).prop_map(Duration::from_millis)
    ]
}

fn event() -> impl Strategy<Value = Event> {
    let action = prop_oneof![
        1 => Just(Action::Kill),
        1 => Just(Action::Release),
        2 => Just(Action::Restart),
        2 => any::<bool>().prop_map(Action::Disconnect),
        // Up to twice the renew deadline per leg: some renewals hang past the deadline,
        // some land early and are answered late.
        3 => (latency(), latency()).prop_map(|(request, answer)| Action::Latency { request, answer }),
    ];
    (0u64..20_000, 0..REPLICAS, action).prop_map(|(after_ms, replica, action)| Event {
        after: Duration::from_millis(after_ms),
        replica,
        action,
    })
}

struct Cluster {
    lease: MemoryLease,
    timeline: Timeline,
    slots: Vec<Option<Replica>>,
    incarnations: usize,
}

impl Cluster {
    fn start(&mut self, slot: usize) {
        self.incarnations += 1;
        // A restarted pod has a new name, as with a Deployment.
        let identity = format!("replica-{slot}-{}", self.incarnations);
        self.slots[slot] = Some(start(&self.lease, &identity, &self.timeline));
    }

    async fn apply(&mut self, event: Event) {
        let slot = event.replica;
        match event.action {
            Action::Restart if self.slots[slot].is_none() => self.start(slot),
            Action::Restart => {}
            Action::Kill => {
                if let Some(replica) = self.slots[slot].take() {
                    replica.handle.abort();
                }
            }
            Action::Release => {
                if let Some(replica) = self.slots[slot].take() {
                    // A release against a broken connection may fail; the lease then
                    // simply runs out, which the invariant must survive too.
                    let _ = replica.handle.release().await;
                }
            }
            Action::Disconnect(down) => {
                if let Some(replica) = &self.slots[slot] {
                    replica.connection.set_unavailable(down);
                }
            }
            Action::Latency { request, answer } => {
                if let Some(replica) = &self.slots[slot] {
                    replica.connection.set_latency(request, answer);
                }
            }
        }
    }

    fn heal(&self) {
        for replica in self.slots.iter().flatten() {
            replica.connection.set_unavailable(false);
            replica
                .connection
                .set_latency(Duration::ZERO, Duration::ZERO);
        }
    }
}

async fn simulate(events: Vec<Event>) -> (usize, usize) {
    let mut cluster = Cluster {
        lease: MemoryLease::new(),
        timeline: Timeline::default(),
        slots: (0..REPLICAS).map(|_| None).collect(),
        incarnations: 0,
    };
    for slot in 0..REPLICAS {
        cluster.start(slot);
    }
    for event in events {
        sleep(event.after).await;
        cluster.apply(event).await;
    }
    cluster.heal();
    // Long enough for any held lease to run out and a live replica to take it.
    sleep(Duration::from_secs(60)).await;
    cluster.timeline.assert_no_overlap();
    let live = cluster.slots.iter().flatten().count();
    let leaders = cluster
        .slots
        .iter()
        .flatten()
        .filter(|r| is_leader(r))
        .count();
    (live, leaders)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn never_two_leaders_and_one_leader_once_healed(
        events in proptest::collection::vec(event(), 0..40),
    ) {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .start_paused(true)
            .build()?;
        let (live, leaders) = runtime.block_on(simulate(events));
        prop_assert_eq!(leaders, usize::from(live > 0), "live replicas: {}", live);
    }
}
