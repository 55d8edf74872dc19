use std::time::Duration;

use jiff::Timestamp;
use proptest::prelude::*;
use tokio::time::Instant;

use super::*;

fn secs(value: u64) -> Duration {
    Duration::from_secs(value)
}

fn record(holder: Option<&str>, lease_secs: u64) -> LeaseRecord {
    LeaseRecord {
        holder: holder.map(str::to_owned),
        lease_duration: secs(lease_secs),
        acquired_at: Timestamp::UNIX_EPOCH,
        renewed_at: Timestamp::UNIX_EPOCH,
        transitions: 3,
    }
}

fn lease(holder: Option<&str>, version: &str) -> Option<VersionedLease> {
    Some(VersionedLease {
        record: record(holder, 15),
        version: version.to_owned(),
    })
}

#[test]
fn absent_or_released_lease_is_acquired_at_once() {
    let timings = LeaseTimings::default();
    let start = Instant::now();
    for observed in [None, lease(None, "1"), lease(Some(""), "1")] {
        let observation = Observation::first(observed, start);
        assert_eq!(
            decide(&observation, "me", false, start, &timings),
            Decision::Acquire
        );
    }
}

#[test]
fn other_holders_lease_expires_by_local_observation_not_record_timestamps() {
    let timings = LeaseTimings::default();
    let start = Instant::now();
    // The record's timestamps are decades old (a skewed clock); it has still only just
    // been seen, so it is valid for a whole lease duration from now.
    let observation = Observation::first(lease(Some("other"), "7"), start);
    let just_before = start + secs(15) - Duration::from_millis(1);
    assert_eq!(
        decide(&observation, "me", false, just_before, &timings),
        Decision::Wait {
            holder: "other".to_owned(),
            expires_at: start + secs(15),
            until: just_before + secs(2),
        }
    );
    assert_eq!(
        decide(&observation, "me", false, start + secs(15), &timings),
        Decision::Acquire
    );
}

#[test]
fn rereading_an_unchanged_lease_keeps_the_expiry_clock_running() {
    let start = Instant::now();
    let mut observation = Observation::first(lease(Some("other"), "7"), start);
    observation.update(lease(Some("other"), "7"), start + secs(10));
    assert_eq!(observation.changed_at, start);
    // A renewal (new version) restarts it.
    observation.update(lease(Some("other"), "8"), start + secs(11));
    assert_eq!(observation.changed_at, start + secs(11));
    // So does the lease disappearing.
    observation.update(None, start + secs(12));
    assert_eq!(observation.changed_at, start + secs(12));
}

#[test]
fn lease_naming_us_is_renewed_whether_or_not_we_lead() {
    let timings = LeaseTimings::default();
    let start = Instant::now();
    let observation = Observation::first(lease(Some("me"), "1"), start);
    let late = start + secs(100);
    assert_eq!(
        decide(&observation, "me", true, late, &timings),
        Decision::Renew
    );
    assert_eq!(
        decide(&observation, "me", false, late, &timings),
        Decision::Renew
    );
}

#[test]
fn leader_that_sees_another_holder_or_no_lease_has_lost() {
    let timings = LeaseTimings::default();
    let start = Instant::now();
    let taken = Observation::first(lease(Some("other"), "2"), start);
    assert_eq!(
        decide(&taken, "me", true, start, &timings),
        Decision::Lost {
            holder: Some("other".to_owned())
        }
    );
    let deleted = Observation::first(None, start);
    assert_eq!(
        decide(&deleted, "me", true, start, &timings),
        Decision::Lost { holder: None }
    );
}

#[test]
fn record_without_duration_is_held_for_our_lease_duration() {
    let timings = LeaseTimings::default();
    let start = Instant::now();
    let mut zero = lease(Some("other"), "1");
    if let Some(versioned) = zero.as_mut() {
        versioned.record.lease_duration = Duration::ZERO;
    }
    let observation = Observation::first(zero, start);
    assert_eq!(observation.expires_at(&timings), start + secs(15));
    assert!(matches!(
        decide(&observation, "me", false, start + secs(14), &timings),
        Decision::Wait { .. }
    ));
}

#[test]
fn records_keep_transitions_and_acquire_time_as_client_go_does() {
    let timings = LeaseTimings::default();
    let now = Timestamp::from_second(1_000).expect("1000s after the epoch is in range");
    let previous = record(Some("other"), 15);

    let created = acquired_record(None, "me", now, &timings);
    assert_eq!(created.transitions, 0);
    assert_eq!(created.holder.as_deref(), Some("me"));
    assert_eq!((created.acquired_at, created.renewed_at), (now, now));

    let taken = acquired_record(Some(&previous), "me", now, &timings);
    assert_eq!(taken.transitions, 4);

    let renewed = renewed_record(&taken, now + secs(5), &timings);
    assert_eq!(renewed.acquired_at, now);
    assert_eq!(renewed.renewed_at, now + secs(5));
    assert_eq!(renewed.transitions, 4);

    let released = released_record(&renewed, now + secs(6));
    assert_eq!(released.holder, None);
    assert_eq!(released.transitions, 4);
    assert_eq!(released.lease_duration, secs(1));
}

fn valid_timings() -> impl Strategy<Value = LeaseTimings> {
    (1u64..5_000, 1u64..5_000, 1u64..5_000).prop_filter_map(
        "only valid timings",
        |(retry, renew_extra, lease_extra)| {
            let retry_period = Duration::from_millis(retry);
            let renew_deadline = retry_period.mul_f64(1.2) + Duration::from_millis(renew_extra);
            let lease_duration = renew_deadline + Duration::from_millis(lease_extra);
            LeaseTimings {
                lease_duration,
                renew_deadline,
                retry_period,
            }
            .validate()
            .ok()
        },
    )
}

proptest! {
    /// Whatever the timings and read schedule, a standby never acquires a lease that
    /// another holder renewed less than a lease duration ago (as seen locally).
    #[test]
    fn standby_never_takes_a_lease_renewed_within_lease_duration(
        timings in valid_timings(),
        reads in proptest::collection::vec((0u64..40_000, any::<bool>()), 1..40),
    ) {
        let start = Instant::now();
        let mut now = start;
        let mut version = 0u32;
        let mut observation = Observation::first(lease(Some("other"), "0"), start);
        let mut last_change = start;
        for (gap_ms, renewed) in reads {
            now += Duration::from_millis(gap_ms);
            if renewed {
                version += 1;
                last_change = now;
            }
            observation.update(lease(Some("other"), &version.to_string()), now);
            let decision = decide(&observation, "me", false, now, &timings);
            let valid = now < last_change + Duration::from_secs(15);
            prop_assert_eq!(decision == Decision::Acquire, !valid);
            prop_assert!(observation.changed_at <= now);
        }
    }

    /// A leader's renew deadline, measured from the start of its last successful
    /// renewal, falls strictly before any observer's expiry for that write.
    #[test]
    fn leader_steps_down_before_any_observer_sees_expiry(
        timings in valid_timings(),
        seen_after_ms in 0u64..60_000,
    ) {
        let renewal_started = Instant::now();
        let mut written = record(Some("leader"), 0);
        written.lease_duration = timings.lease_duration;
        let observer = Observation::first(
            Some(VersionedLease { record: written, version: "1".to_owned() }),
            renewal_started + Duration::from_millis(seen_after_ms),
        );
        prop_assert!(renew_deadline(renewal_started, &timings) < observer.expires_at(&timings));
    }

    /// Identity decides: our own lease is renewed, another's never "renewed" by us,
    /// and a leader never waits.
    #[test]
    fn decision_depends_on_holder_and_role(
        holder in proptest::option::of("[a-c]{0,2}"),
        leading in any::<bool>(),
        elapsed_ms in 0u64..40_000,
    ) {
        let timings = LeaseTimings::default();
        let start = Instant::now();
        let observation = Observation::first(lease(holder.as_deref(), "1"), start);
        let decision = decide(&observation, "me", leading, start + Duration::from_millis(elapsed_ms), &timings);
        prop_assert_ne!(&decision, &Decision::Renew);
        if leading {
            prop_assert!(matches!(decision, Decision::Lost { .. }), "{decision:?}");
        } else {
            prop_assert!(!matches!(decision, Decision::Lost { .. }), "{decision:?}");
        }
    }
}
