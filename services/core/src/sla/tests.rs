use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;

use super::summary::{History, SKETCH_CAPACITY};
use super::*;
use crate::model::{CronJobRef, Execution, Outcome};

fn at(text: &str) -> Timestamp {
    text.parse().expect("test timestamps are valid RFC 3339")
}

fn secs(value: i64) -> SignedDuration {
    SignedDuration::from_secs(value)
}

fn run(finished: &str, succeeded: bool, took: i64) -> Sample {
    Sample {
        finished_at: at(finished),
        succeeded,
        duration: secs(took),
    }
}

fn execution(outcome: Outcome, completed: Option<&str>) -> Execution {
    Execution {
        job_uid: "uid".into(),
        job_name: "job".into(),
        cronjob: CronJobRef::new("ns", "cj"),
        cronjob_uid: None,
        started_at: at("2024-05-01T10:00:00Z"),
        completed_at: completed.map(at),
        outcome,
        exit_code: None,
        reason: None,
        logs: None,
        events: Vec::new(),
        retries: 0,
        manual: false,
    }
}

#[test]
fn percentile_cont_interpolates_like_postgresql() {
    let values: Vec<SignedDuration> = (1..=10).map(secs).collect();
    assert_eq!(
        percentile_cont(&values, 0.5),
        Some(SignedDuration::from_millis(5500))
    );
    assert_eq!(
        percentile_cont(&values, 0.95),
        Some(SignedDuration::from_millis(9550))
    );
    assert_eq!(
        percentile_cont(&values, 0.99),
        Some(SignedDuration::from_millis(9910))
    );
    assert_eq!(percentile_cont(&values, 0.0), Some(secs(1)));
    assert_eq!(percentile_cont(&values, 1.0), Some(secs(10)));
    assert_eq!(percentile_cont(&[secs(7)], 0.95), Some(secs(7)));
    assert_eq!(percentile_cont(&[], 0.5), None);
    assert_eq!(
        percentile_cont(&[secs(1), secs(2), secs(3), secs(4)], 0.5),
        Some(SignedDuration::from_millis(2500))
    );
}

#[test]
fn no_finished_run_is_no_data_not_a_number_and_breaches_nothing() {
    let window = Window::last_days(at("2024-05-08T00:00:00Z"), 7);
    let stats = SlaStats::from_samples(&[], window);
    assert_eq!(stats.success_rate, SuccessRate::NoData);
    assert_eq!(stats.success_rate.percent(), None);
    assert_eq!(stats.durations, None);
    assert!(
        evaluate(
            &stats,
            LatestRuns::default(),
            &SlaPolicy::default(),
            window.until
        )
        .is_empty()
    );
}

#[test]
fn running_executions_are_not_samples_and_failures_carry_durations() {
    assert_eq!(
        Sample::from_execution(&execution(Outcome::Running, None)),
        None
    );
    let failed = Sample::from_execution(&execution(Outcome::Failed, Some("2024-05-01T10:01:30Z")))
        .expect("finished");
    assert!(!failed.succeeded);
    assert_eq!(failed.duration, secs(90));
}

#[test]
fn window_figures_count_all_outcomes_but_time_only_successes() {
    let samples = [
        run("2024-05-07T01:00:00Z", true, 10),
        run("2024-05-07T02:00:00Z", true, 20),
        run("2024-05-07T03:00:00Z", false, 900),
        run("2024-05-07T04:00:00Z", true, 30),
        run("2024-04-01T00:00:00Z", false, 5), // outside the window
    ];
    let stats = SlaStats::from_samples(&samples, Window::last_days(at("2024-05-08T00:00:00Z"), 7));
    assert_eq!((stats.total_runs, stats.succeeded, stats.failed), (4, 3, 1));
    assert_eq!(stats.success_rate, SuccessRate::Percent(75.0));
    let durations = stats.durations.expect("three successes");
    assert_eq!(
        (
            durations.samples,
            durations.average,
            durations.p50,
            durations.max
        ),
        (3, secs(20), secs(20), secs(30))
    );
}

#[test]
fn windows_are_open_at_the_start_and_closed_at_the_end() {
    let window = Window::ending_at(at("2024-05-02T00:00:00Z"), SignedDuration::from_hours(24));
    assert!(!window.contains(at("2024-05-01T00:00:00Z")));
    assert!(window.contains(at("2024-05-02T00:00:00Z")));
}

#[test]
fn breaches_follow_min_success_rate_and_max_duration() {
    let now = at("2024-05-08T00:00:00Z");
    let policy = SlaPolicy {
        min_success_rate: 95.0,
        max_duration: Some(secs(600)),
    };
    let at_threshold = SlaStats::from_parts(19, 1, None);
    assert!(
        evaluate(&at_threshold, LatestRuns::default(), &policy, now).is_empty(),
        "95% meets a 95% minimum"
    );
    let below = SlaStats::from_parts(18, 2, None);
    let latest = LatestRuns {
        last_finished: Some(secs(601)),
        oldest_running_since: Some(at("2024-05-07T23:49:00Z")),
    };
    let breaches = evaluate(&below, latest, &policy, now);
    assert_eq!(
        breaches,
        [
            Breach::SuccessRate {
                percent: 90.0,
                minimum: 95.0,
                failed: 2,
                total: 20
            },
            Breach::LastRunTooLong {
                took: secs(601),
                max: secs(600)
            },
            Breach::RunningTooLong {
                running_for: secs(660),
                max: secs(600)
            },
        ]
    );
    let within = LatestRuns {
        last_finished: Some(secs(600)),
        oldest_running_since: Some(at("2024-05-07T23:55:00Z")),
    };
    assert!(evaluate(&at_threshold, within, &policy, now).is_empty());
}

#[test]
fn history_windows_are_day_aligned_and_prunable() {
    let mut history = History::default();
    history.record(&run("2024-05-01T23:59:59Z", true, 5));
    history.record(&run("2024-05-02T00:00:00Z", false, 5));
    history.record(&run("2024-05-03T12:00:00Z", true, 15));
    let today = at("2024-05-03T18:00:00Z");
    assert_eq!(history.last_days(today, 1).total_runs, 1);
    assert_eq!(history.last_days(today, 2).total_runs, 2);
    assert_eq!(
        history.last_days(today, 3).success_rate,
        SuccessRate::Percent(200.0 / 3.0)
    );
    history.prune_before(jiff::civil::date(2024, 5, 3));
    assert_eq!(history.last_days(today, 30).total_runs, 1);
}

#[test]
fn compacted_days_keep_exact_counts_and_close_percentiles() {
    let mut history = History::default();
    let runs = 3 * SKETCH_CAPACITY as i64;
    for index in 0..runs {
        let finished = at("2024-05-01T00:00:00Z")
            .checked_add(SignedDuration::from_millis(index))
            .expect("in range");
        // Durations 1..=runs seconds in scrambled order.
        let took = (index * 7919) % runs + 1;
        history.record(&Sample {
            finished_at: finished,
            succeeded: true,
            duration: secs(took),
        });
    }
    let day = history
        .day(jiff::civil::date(2024, 5, 1))
        .expect("bucket exists");
    assert!(!day.is_exact());
    let stats = history.last_days(at("2024-05-01T12:00:00Z"), 1);
    assert_eq!(stats.succeeded, runs as u64);
    let durations = stats.durations.expect("successes");
    assert_eq!(durations.max, secs(runs));
    assert_eq!(
        durations.average,
        SignedDuration::from_millis((runs + 1) * 500)
    );
    let tolerance = runs as f64 * 0.01;
    let exact_p95 = 1.0 + 0.95 * (runs - 1) as f64;
    assert!(
        (durations.p95.as_secs_f64() - exact_p95).abs() <= tolerance,
        "p95 {:?}",
        durations.p95
    );
    assert!(
        durations.p50 <= durations.p95
            && durations.p95 <= durations.p99
            && durations.p99 <= durations.max
    );
}

fn sample_strategy() -> impl Strategy<Value = Sample> {
    (0i64..10 * 86_400, any::<bool>(), 0i64..7_200).prop_map(|(offset, succeeded, took)| Sample {
        finished_at: at("2024-05-01T00:00:00Z")
            .checked_add(secs(offset))
            .expect("in range"),
        succeeded,
        duration: secs(took),
    })
}

proptest! {
    #[test]
    fn day_buckets_give_the_same_figures_as_a_full_scan(samples in prop::collection::vec(sample_strategy(), 0..200), days in 1i32..12) {
        let mut history = History::default();
        samples.iter().for_each(|sample| history.record(sample));
        let now = at("2024-05-10T23:59:59Z");
        // The bucket window starts at midnight UTC of the first included day.
        let first_midnight = at("2024-05-11T00:00:00Z").checked_sub(SignedDuration::from_hours(24 * i64::from(days))).expect("in range");
        let exact_window = Window { from: first_midnight.checked_sub(SignedDuration::from_nanos(1)).expect("in range"), until: now };
        prop_assert_eq!(history.last_days(now, days), SlaStats::from_samples(&samples, exact_window));
    }

    #[test]
    fn merging_split_histories_equals_recording_everything(samples in prop::collection::vec(sample_strategy(), 0..200), split in 0usize..200) {
        let split = split.min(samples.len());
        let (mut left, mut right, mut whole) = (History::default(), History::default(), History::default());
        samples[..split].iter().for_each(|sample| left.record(sample));
        samples[split..].iter().for_each(|sample| right.record(sample));
        samples.iter().for_each(|sample| whole.record(sample));
        left.merge(&right);
        prop_assert_eq!(left, whole);
    }

    #[test]
    fn percentiles_are_ordered_and_bounded(mut values in prop::collection::vec(0i64..1_000_000, 1..100)) {
        values.sort_unstable();
        let durations: Vec<SignedDuration> = values.iter().copied().map(secs).collect();
        let stats = duration_stats(&durations).expect("non-empty");
        prop_assert!(durations[0] <= stats.p50 && stats.p50 <= stats.p95 && stats.p95 <= stats.p99 && stats.p99 <= stats.max);
        prop_assert!(durations[0] <= stats.average && stats.average <= stats.max);
    }
}
