//! Elector behaviour on an in-memory lease, under tokio's paused clock: the timings are
//! exact and the tests take milliseconds, whatever the machine.

mod support;

use std::sync::Arc;
use std::time::Duration;

use guardian_election::testing::MemoryLease;
use guardian_election::{
    Claim, Elector, LeaseTimings, TimingsError, became_leader, lost_leadership,
};
use support::{GUARD, Replica, Timeline, is_leader, start};
use tokio::time::{Instant, sleep, timeout};

const LEASE_DURATION: Duration = Duration::from_secs(15);
const RENEW_DEADLINE: Duration = Duration::from_secs(10);
const RETRY_PERIOD: Duration = Duration::from_secs(2);

async fn lead(replica: &mut Replica) -> u64 {
    timeout(GUARD, became_leader(&mut replica.claims))
        .await
        .expect("became leader in time")
        .expect("elector still running")
}

/// Starts `first`, waits until it leads, then starts `second` as its standby.
async fn leader_and_standby(lease: &MemoryLease, timeline: &Timeline) -> (Replica, Replica) {
    let mut leader = start(lease, "replica-a", timeline);
    assert_eq!(lead(&mut leader).await, 1);
    let standby = start(lease, "replica-b", timeline);
    sleep(RETRY_PERIOD * 3).await;
    assert_eq!(
        *standby.claims.borrow(),
        Claim::Standby {
            holder: Some("replica-a".to_owned())
        }
    );
    (leader, standby)
}

#[tokio::test(start_paused = true)]
async fn two_electors_on_one_lease_elect_exactly_one_leader() {
    let lease = MemoryLease::new();
    let timeline = Timeline::default();
    let a = start(&lease, "replica-a", &timeline);
    let b = start(&lease, "replica-b", &timeline);
    // Many renewals later, still exactly one leader, and it is the lease's holder.
    sleep(LEASE_DURATION * 10).await;
    let leaders: Vec<&Replica> = [&a, &b].into_iter().filter(|r| is_leader(r)).collect();
    assert_eq!(leaders.len(), 1, "exactly one leader");
    let leader = leaders[0];
    assert_eq!(lease.holder(), Some(leader.identity.clone()));
    let standby = if leader.identity == a.identity {
        &b
    } else {
        &a
    };
    assert_eq!(
        *standby.claims.borrow(),
        Claim::Standby {
            holder: Some(leader.identity.clone())
        }
    );
    assert_eq!(
        timeline.leaderships().len(),
        1,
        "leadership never changed hands"
    );
    let record = lease.current().expect("lease exists").record;
    assert_eq!(record.transitions, 0, "created once, never taken over");
}

#[tokio::test(start_paused = true)]
async fn killed_leader_is_replaced_after_its_lease_runs_out() {
    let lease = MemoryLease::new();
    let timeline = Timeline::default();
    let (leader, mut standby) = leader_and_standby(&lease, &timeline).await;

    leader.handle.abort();
    let killed_at = Instant::now();
    assert_eq!(lead(&mut standby).await, 1);
    let takeover = Instant::now() - killed_at;

    // The last renewal was at most one retry period before the kill; the standby waits a
    // whole lease from when it saw that renewal, then acts at its next retry.
    assert!(takeover >= LEASE_DURATION - RETRY_PERIOD, "{takeover:?}");
    assert!(takeover <= LEASE_DURATION + RETRY_PERIOD, "{takeover:?}");
    assert_eq!(lease.holder().as_deref(), Some("replica-b"));
    assert_eq!(lease.current().expect("lease").record.transitions, 1);
    // The dead elector's receivers do not keep believing in its leadership.
    assert_eq!(*leader.claims.borrow(), Claim::Standby { holder: None });
    timeline.assert_no_overlap();
}

#[tokio::test(start_paused = true)]
async fn released_lease_is_taken_over_within_a_retry_period() {
    let lease = MemoryLease::new();
    let timeline = Timeline::default();
    let (leader, mut standby) = leader_and_standby(&lease, &timeline).await;
    let leader_claims = leader.claims.clone();

    leader.handle.release().await.expect("release succeeds");
    let released_at = Instant::now();
    assert_eq!(*leader_claims.borrow(), Claim::Standby { holder: None });
    // Released (no holder) or already taken by the standby, never still ours.
    assert_ne!(lease.holder().as_deref(), Some("replica-a"));

    assert_eq!(lead(&mut standby).await, 1);
    let takeover = Instant::now() - released_at;
    assert!(takeover <= RETRY_PERIOD, "{takeover:?}");
    assert_eq!(lease.current().expect("lease").record.transitions, 1);
    timeline.assert_no_overlap();
}

#[tokio::test(start_paused = true)]
async fn standby_acquires_at_the_release_notification_without_waiting_its_retry_period() {
    let lease = MemoryLease::new();
    let timeline = Timeline::default();
    let (leader, mut standby) = leader_and_standby(&lease, &timeline).await;
    // Half a retry period after the standby's last attempt: polling alone would
    // leave it waiting another second.
    sleep(RETRY_PERIOD / 2).await;
    let polled_at = Instant::now();

    leader.handle.release().await.expect("release succeeds");
    assert_eq!(lead(&mut standby).await, 1);
    // The paused clock only moves when every task waits on a timer, so no tokio time
    // passing means the standby acted on the notification, not on its retry timer.
    assert_eq!(Instant::now(), polled_at);
    assert_eq!(lease.holder().as_deref(), Some("replica-b"));
    timeline.assert_no_overlap();
}

#[tokio::test(start_paused = true)]
async fn leader_whose_renewals_fail_steps_down_by_the_renew_deadline() {
    let lease = MemoryLease::new();
    let timeline = Timeline::default();
    let (mut leader, mut standby) = leader_and_standby(&lease, &timeline).await;

    leader.connection.set_unavailable(true);
    let cut_at = Instant::now();
    timeout(GUARD, lost_leadership(&mut leader.claims, 1))
        .await
        .expect("stepped down in time");
    let stepped_down = Instant::now() - cut_at;
    assert!(stepped_down <= RENEW_DEADLINE, "{stepped_down:?}");
    assert!(
        stepped_down >= RENEW_DEADLINE - RETRY_PERIOD,
        "{stepped_down:?}"
    );

    // The standby only takes over once the lease it saw last has run out.
    assert_eq!(lead(&mut standby).await, 1);
    assert!(Instant::now() - cut_at >= LEASE_DURATION - RETRY_PERIOD);
    timeline.assert_no_overlap();

    // Reconnected, the old leader stays standby behind the new holder.
    leader.connection.set_unavailable(false);
    sleep(LEASE_DURATION * 2).await;
    assert_eq!(
        *leader.claims.borrow(),
        Claim::Standby {
            holder: Some("replica-b".to_owned())
        }
    );
    assert!(is_leader(&standby));
}

#[tokio::test(start_paused = true)]
async fn slow_backend_cannot_keep_a_leader_past_its_deadline() {
    let lease = MemoryLease::new();
    let timeline = Timeline::default();
    let (mut leader, mut standby) = leader_and_standby(&lease, &timeline).await;

    // Each call now takes far longer than the renew deadline: requests hang.
    leader
        .connection
        .set_latency(LEASE_DURATION * 4, LEASE_DURATION * 4);
    let slowed_at = Instant::now();
    timeout(GUARD, lost_leadership(&mut leader.claims, 1))
        .await
        .expect("stepped down in time");
    assert!(Instant::now() - slowed_at <= RENEW_DEADLINE);
    assert_eq!(lead(&mut standby).await, 1);
    timeline.assert_no_overlap();
}

#[tokio::test(start_paused = true)]
async fn renew_deadline_counts_from_when_a_late_answered_renewal_was_sent() {
    let lease = MemoryLease::new();
    let timeline = Timeline::default();
    let (mut leader, mut standby) = leader_and_standby(&lease, &timeline).await;

    // The next renewal (sent within one retry period) lands at once but is answered
    // 7.5s later; then the connection goes down. Standbys saw the write when it landed,
    // so the leader's deadline must run from the send, not from the late answer.
    let slowed_at = Instant::now();
    leader
        .connection
        .set_latency(Duration::ZERO, Duration::from_millis(7_500));
    sleep(RETRY_PERIOD + Duration::from_millis(500)).await;
    leader.connection.set_unavailable(true);

    timeout(GUARD, lost_leadership(&mut leader.claims, 1))
        .await
        .expect("stepped down in time");
    let stepped_down = Instant::now() - slowed_at;
    assert!(
        stepped_down <= RETRY_PERIOD + RENEW_DEADLINE,
        "{stepped_down:?}"
    );
    assert_eq!(lead(&mut standby).await, 1);
    timeline.assert_no_overlap();
}

#[tokio::test(start_paused = true)]
async fn leadership_regained_after_a_step_down_has_a_new_term() {
    let lease = MemoryLease::new();
    let timeline = Timeline::default();
    let mut alone = start(&lease, "replica-a", &timeline);
    assert_eq!(lead(&mut alone).await, 1);

    alone.connection.set_unavailable(true);
    timeout(GUARD, lost_leadership(&mut alone.claims, 1))
        .await
        .expect("stepped down in time");
    alone.connection.set_unavailable(false);

    // Nobody else wrote the lease: it still names us, so we take it back at once.
    assert_eq!(lead(&mut alone).await, 2);
    assert_eq!(lease.holder().as_deref(), Some("replica-a"));
    assert_eq!(timeline.leaderships().len(), 2);
}

#[tokio::test(start_paused = true)]
async fn elector_stops_and_releases_when_every_receiver_is_dropped() {
    let lease = MemoryLease::new();
    let elector = Elector::new(
        Arc::new(lease.connect()),
        "replica-a",
        LeaseTimings::default(),
    )
    .expect("default timings are valid");
    let mut claims = elector.claims();
    let task = tokio::spawn(elector.run(Default::default()));
    assert_eq!(lead_on(&mut claims).await, 1);
    drop(claims);
    timeout(GUARD, task)
        .await
        .expect("elector stopped")
        .expect("task did not panic")
        .expect("released cleanly");
    assert_eq!(lease.holder(), None);
}

async fn lead_on(claims: &mut tokio::sync::watch::Receiver<Claim>) -> u64 {
    timeout(GUARD, became_leader(claims))
        .await
        .expect("became leader in time")
        .expect("elector still running")
}

#[test]
fn elector_refuses_invalid_timings() {
    let timings = LeaseTimings {
        renew_deadline: LEASE_DURATION,
        ..LeaseTimings::default()
    };
    let refused = Elector::new(Arc::new(MemoryLease::new()), "replica-a", timings);
    assert!(matches!(
        refused.err(),
        Some(TimingsError::RenewDeadlineNotBelowLeaseDuration { .. })
    ));
}
