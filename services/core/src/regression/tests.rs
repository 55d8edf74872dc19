use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;

use super::*;
use crate::sla::Sample;

fn at(text: &str) -> Timestamp {
    text.parse().expect("test timestamps are valid RFC 3339")
}

fn secs(value: i64) -> SignedDuration {
    SignedDuration::from_secs(value)
}

/// One successful run per hour ending `hours_ago` before now, each taking `took` seconds.
fn runs(now: Timestamp, hours_ago: std::ops::Range<i64>, took: i64) -> Vec<Sample> {
    hours_ago
        .map(|ago| Sample {
            finished_at: now
                .checked_sub(SignedDuration::from_hours(ago))
                .expect("in range"),
            succeeded: true,
            duration: secs(took),
        })
        .collect()
}

#[test]
fn a_recent_p95_past_the_threshold_is_a_regression() {
    let now = at("2024-05-15T00:00:00Z");
    let mut samples = runs(now, 30..200, 100);
    samples.extend(runs(now, 0..20, 150));
    let verdict = detect(&samples, &RegressionPolicy::default(), now);
    assert_eq!(
        verdict,
        RegressionVerdict::Regressed {
            baseline_p95: secs(100),
            recent_p95: secs(150),
            increase_percent: 50.0,
            threshold_percent: 50
        }
    );
    assert!(verdict.is_regressed());
}

#[test]
fn just_below_the_threshold_is_stable() {
    let now = at("2024-05-15T00:00:00Z");
    let mut samples = runs(now, 30..200, 100);
    samples.extend(runs(now, 0..20, 149));
    assert!(
        matches!(detect(&samples, &RegressionPolicy::default(), now), RegressionVerdict::Stable { change_percent, .. } if (change_percent - 49.0).abs() < 1e-9)
    );
}

#[test]
fn failures_and_runs_outside_both_windows_are_ignored() {
    let now = at("2024-05-15T00:00:00Z");
    let mut samples = runs(now, 30..200, 100);
    samples.extend(runs(now, 0..5, 100));
    // Slow failures in the recent window and slow successes before the baseline do not count.
    samples.extend(runs(now, 1..3, 10_000).into_iter().map(|sample| Sample {
        succeeded: false,
        ..sample
    }));
    samples.extend(runs(now, 400..420, 10_000));
    assert!(matches!(
        detect(&samples, &RegressionPolicy::default(), now),
        RegressionVerdict::Stable { .. }
    ));
}

#[test]
fn the_baseline_excludes_the_recent_window() {
    let now = at("2024-05-15T00:00:00Z");
    let (baseline, recent) = windows(&RegressionPolicy::default(), now);
    assert_eq!(
        (recent.from, recent.until),
        (at("2024-05-14T00:00:00Z"), now)
    );
    assert_eq!(
        (baseline.from, baseline.until),
        (at("2024-04-30T00:00:00Z"), at("2024-05-14T00:00:00Z"))
    );
}

#[test]
fn too_few_samples_or_a_zero_baseline_give_no_verdict() {
    let policy = RegressionPolicy::default();
    assert_eq!(
        compare(&[secs(1); 4], &[secs(9)], &policy),
        RegressionVerdict::InsufficientData {
            baseline_samples: 4,
            recent_samples: 1
        }
    );
    assert_eq!(
        compare(&[secs(1); 5], &[], &policy),
        RegressionVerdict::InsufficientData {
            baseline_samples: 5,
            recent_samples: 0
        }
    );
    assert_eq!(
        compare(&[SignedDuration::ZERO; 5], &[secs(3)], &policy),
        RegressionVerdict::NotComparable {
            recent_p95: secs(3)
        }
    );
    assert!(
        compare(&[secs(10); 5], &[secs(15)], &policy).is_regressed(),
        "one recent sample is enough by default"
    );
}

proptest! {
    #[test]
    fn a_regression_always_means_recent_p95_reached_the_threshold(
        mut baseline in prop::collection::vec(1i64..10_000, 5..50),
        mut recent in prop::collection::vec(1i64..20_000, 1..20),
        threshold in 0i32..300,
    ) {
        baseline.sort_unstable();
        recent.sort_unstable();
        let to_durations = |values: &[i64]| values.iter().copied().map(secs).collect::<Vec<_>>();
        let policy = RegressionPolicy { threshold_percent: threshold, ..RegressionPolicy::default() };
        match compare(&to_durations(&baseline), &to_durations(&recent), &policy) {
            RegressionVerdict::Regressed { baseline_p95, recent_p95, .. } => {
                prop_assert!(recent_p95.as_secs_f64() >= baseline_p95.as_secs_f64() * (1.0 + f64::from(threshold) / 100.0) - 1e-6);
            }
            RegressionVerdict::Stable { baseline_p95, recent_p95, .. } => {
                prop_assert!(recent_p95.as_secs_f64() <= baseline_p95.as_secs_f64() * (1.0 + f64::from(threshold) / 100.0) + 1e-6);
            }
            other => prop_assert!(false, "unexpected verdict {other:?}"),
        }
    }
}
