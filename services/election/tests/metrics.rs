//! The HA metrics are really recorded (the old operator only documented them): leader
//! status follows the claim, transitions and renew failures are counted, HELP is set.
//! A small capturing recorder keeps the latest values (metrics-util's debugging
//! recorder resets them on every snapshot, which would hide a gauge never lowered).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use guardian_election::metrics::{
    LEADER_STATUS, LEADER_TRANSITIONS, LEASE_RENEW_FAILURES, describe,
};
use guardian_election::testing::MemoryLease;
use guardian_election::{Elector, LeaseTimings, became_leader, lost_leadership};
use metrics::{Counter, Gauge, Histogram, Key, KeyName, Metadata, Recorder, SharedString, Unit};
use tokio::time::timeout;

const GUARD: Duration = Duration::from_secs(600);

/// Keeps the latest value of every counter and gauge, and every HELP text.
#[derive(Default)]
struct Capture {
    values: Mutex<HashMap<String, Arc<AtomicU64>>>,
    help: Mutex<HashMap<String, String>>,
}

impl Capture {
    fn cell(&self, name: &str) -> Arc<AtomicU64> {
        let mut values = self.values.lock().expect("capture lock");
        Arc::clone(values.entry(name.to_owned()).or_default())
    }

    fn counter(&self, name: &str) -> u64 {
        self.cell(name).load(Ordering::SeqCst)
    }

    fn gauge(&self, name: &str) -> f64 {
        f64::from_bits(self.cell(name).load(Ordering::SeqCst))
    }

    fn help(&self, name: &str) -> Option<String> {
        self.help.lock().expect("capture lock").get(name).cloned()
    }

    fn describe(&self, key: KeyName, description: SharedString) {
        let mut help = self.help.lock().expect("capture lock");
        help.insert(key.as_str().to_owned(), description.into_owned());
    }
}

impl Recorder for Capture {
    fn describe_counter(&self, key: KeyName, _unit: Option<Unit>, description: SharedString) {
        self.describe(key, description);
    }

    fn describe_gauge(&self, key: KeyName, _unit: Option<Unit>, description: SharedString) {
        self.describe(key, description);
    }

    fn describe_histogram(&self, key: KeyName, _unit: Option<Unit>, description: SharedString) {
        self.describe(key, description);
    }

    fn register_counter(&self, key: &Key, _metadata: &Metadata<'_>) -> Counter {
        Counter::from_arc(self.cell(key.name()))
    }

    fn register_gauge(&self, key: &Key, _metadata: &Metadata<'_>) -> Gauge {
        Gauge::from_arc(self.cell(key.name()))
    }

    fn register_histogram(&self, _key: &Key, _metadata: &Metadata<'_>) -> Histogram {
        Histogram::noop()
    }
}

#[test]
fn leader_status_transitions_and_renew_failures_are_recorded() {
    let recorder = Capture::default();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .expect("runtime builds");
    // A current-thread runtime polls every task on this thread, so the thread-local
    // recorder sees everything the elector records.
    metrics::with_local_recorder(&recorder, || {
        runtime.block_on(async {
            describe();
            let lease = MemoryLease::new();
            let elector = Elector::new(
                Arc::new(lease.clone()),
                "replica-a",
                LeaseTimings::default(),
            )
            .expect("default timings are valid");
            let validity = elector.validity();
            let (handle, mut claims) = elector.spawn();
            let term = timeout(GUARD, became_leader(&mut claims))
                .await
                .expect("leads in time")
                .expect("elector running");
            // Holding the lease alone is not leading: the controller reports 1 once
            // it holds its database epoch too.
            assert_eq!(recorder.gauge(LEADER_STATUS), 0.0);
            assert_eq!(recorder.counter(LEADER_TRANSITIONS), 1);

            lease.set_unavailable(true);
            timeout(GUARD, lost_leadership(&mut claims, term))
                .await
                .expect("steps down in time");
            assert!(
                !validity.holds(),
                "a leader past its renew deadline may not write"
            );
            assert_eq!(recorder.gauge(LEADER_STATUS), 0.0);
            assert_eq!(recorder.counter(LEADER_TRANSITIONS), 2);
            // Renewals every retry period within the deadline, all failed.
            let failures = recorder.counter(LEASE_RENEW_FAILURES);
            assert!(failures >= 4, "{failures}");

            // Back online: the lease still names us, so we lead again in term 2.
            lease.set_unavailable(false);
            let term = timeout(GUARD, became_leader(&mut claims))
                .await
                .expect("leads again in time")
                .expect("elector running");
            assert_eq!(term, 2);
            // As the controller does once it holds its epoch; release must clear it.
            guardian_election::metrics::set_leader_status(true);
            assert!(validity.holds(), "a renewed leadership may write");

            handle.release().await.expect("released");
            assert!(!validity.holds(), "a released lease ends the claim");
            assert_eq!(recorder.gauge(LEADER_STATUS), 0.0);
            assert_eq!(recorder.counter(LEADER_TRANSITIONS), 4);
        });
    });
    assert_eq!(
        recorder.help(LEADER_STATUS).as_deref(),
        Some("Whether this replica is the leader (1) or a standby (0)")
    );
    for name in [LEADER_TRANSITIONS, LEASE_RENEW_FAILURES] {
        assert!(recorder.help(name).is_some(), "{name} has HELP text");
    }
}
