use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;

use crate::alerting::rate_limit::{Admission, RateLimit, RateLimiter};

fn at_millis(millis: i64) -> Timestamp {
    Timestamp::from_millisecond(1_714_550_400_000 + millis).expect("in range")
}

#[test]
fn a_burst_goes_out_then_one_per_interval() {
    let mut limiter = RateLimiter::new(RateLimit::per_minute(60, 10));
    for _ in 0..10 {
        assert_eq!(limiter.admit(at_millis(0)), Admission::Admitted);
    }
    assert_eq!(
        limiter.admit(at_millis(0)),
        Admission::HeldBack {
            retry_at: at_millis(1000)
        }
    );
    assert_eq!(
        limiter.admit(at_millis(999)),
        Admission::HeldBack {
            retry_at: at_millis(1000)
        }
    );
    assert_eq!(limiter.admit(at_millis(1000)), Admission::Admitted);
    assert_eq!(limiter.held_back_total(), 2);
    // A quiet minute refills the whole burst, never more.
    let admitted = (0..20)
        .filter(|_| limiter.admit(at_millis(120_000)) == Admission::Admitted)
        .count();
    assert_eq!(admitted, 10);
}

#[test]
fn held_alerts_are_returned_in_order_not_dropped() {
    let mut limiter = RateLimiter::new(RateLimit::per_hour(100, 3));
    let outcome = limiter.admit_all(at_millis(0), vec!["a", "b", "c", "d", "e"]);
    assert_eq!(outcome.sent, ["a", "b", "c"]);
    assert_eq!(outcome.held, ["d", "e"]);
    assert_eq!(outcome.retry_at, Some(at_millis(36_000)));
    assert_eq!(limiter.held_back_total(), 2);
    let retried = limiter.admit_all(at_millis(36_000), outcome.held);
    assert_eq!((retried.sent, retried.held), (vec!["d"], vec!["e"]));
}

#[test]
fn zero_limits_degrade_to_one_instead_of_dividing_by_zero() {
    let mut limiter = RateLimiter::new(RateLimit {
        max_per_period: 0,
        period: SignedDuration::from_mins(1),
        burst: 0,
    });
    assert_eq!(limiter.admit(at_millis(0)), Admission::Admitted);
    assert_eq!(
        limiter.admit(at_millis(0)),
        Admission::HeldBack {
            retry_at: at_millis(60_000)
        }
    );
}

proptest! {
    #[test]
    fn no_window_admits_more_than_the_bucket_allows(
        mut offsets in prop::collection::vec(0i64..600_000, 1..200), per_minute in 1u32..120, burst in 1u32..20,
    ) {
        offsets.sort_unstable();
        let limit = RateLimit::per_minute(per_minute, burst);
        let interval_millis = 60_000 / i64::from(per_minute);
        let mut limiter = RateLimiter::new(limit);
        let mut admitted = Vec::new();
        for offset in &offsets {
            match limiter.admit(at_millis(*offset)) {
                Admission::Admitted => admitted.push(*offset),
                Admission::HeldBack { retry_at } => {
                    prop_assert!(retry_at > at_millis(*offset));
                    // The promised instant really admits (checked on a copy).
                    let mut probe = limiter;
                    prop_assert_eq!(probe.admit(retry_at), Admission::Admitted);
                }
            }
        }
        prop_assert_eq!(limiter.held_back_total() as usize + admitted.len(), offsets.len());
        for (index, start) in admitted.iter().enumerate() {
            for (later, end) in admitted.iter().enumerate().skip(index) {
                let count = (later - index + 1) as i64;
                prop_assert!(count <= i64::from(burst) + (end - start) / interval_millis, "{count} admitted in {}ms", end - start);
            }
        }
    }
}
