use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;

use super::*;
use crate::schedule::Schedule;

fn at(text: &str) -> Timestamp {
    text.parse().expect("test timestamps are valid RFC 3339")
}

fn hours(value: i64) -> SignedDuration {
    SignedDuration::from_hours(value)
}

fn schedule(spec: &str, zone: Option<&str>) -> Schedule {
    Schedule::parse(spec, zone).expect("test schedule parses")
}

fn success(started: &str) -> Option<LastSuccess> {
    let started_at = at(started);
    Some(LastSuccess {
        started_at,
        finished_at: started_at
            .checked_add(SignedDuration::from_mins(5))
            .expect("in range"),
    })
}

fn facts<'a>(schedule: &'a Schedule, last_success: Option<LastSuccess>) -> JobFacts<'a> {
    JobFacts {
        schedule,
        last_success,
        running_since: Vec::new(),
        tracked_since: at("2024-01-01T00:00:00Z"),
        suspension: Suspension::default(),
    }
}

fn auto(threshold: i32) -> Policy {
    let auto = AutoSchedule {
        enabled: true,
        missed_schedule_threshold: threshold,
        ..AutoSchedule::default()
    };
    Policy {
        dead_man: DeadManConfig {
            auto_from_schedule: Some(auto),
            ..DeadManConfig::default()
        },
        ..Policy::default()
    }
}

fn stale_after(limit: SignedDuration) -> Policy {
    Policy {
        dead_man: DeadManConfig {
            max_time_since_last_success: Some(limit),
            ..DeadManConfig::default()
        },
        ..Policy::default()
    }
}

#[test]
fn a_job_that_fails_every_time_trips_the_switch() {
    // Failed runs keep happening, but only a success resets the switch.
    let daily = schedule("0 3 * * *", None);
    let verdict = check(
        &facts(&daily, success("2024-05-01T03:00:00Z")),
        &stale_after(hours(25)),
        at("2024-05-02T05:00:00Z"),
    );
    let stale = verdict.stale.expect("no success for 26 hours");
    assert_eq!(
        (stale.since_success, stale.limit),
        (SignedDuration::from_mins(26 * 60 - 5), hours(25))
    );
    let fresh = check(
        &facts(&daily, success("2024-05-01T03:00:00Z")),
        &stale_after(hours(25)),
        at("2024-05-02T04:00:00Z"),
    );
    assert_eq!(fresh.stale, None);
    assert_eq!(fresh.recheck_at, Some(at("2024-05-02T04:05:00.000000001Z")));
}

#[test]
fn weekday_schedules_do_not_alarm_at_the_weekend() {
    let weekdays = schedule("0 9 * * 1-5", None);
    // Last success Friday 2024-05-03 09:00; Sunday noon nothing is due.
    let friday = facts(&weekdays, success("2024-05-03T09:00:04Z"));
    let sunday = check(&friday, &auto(1), at("2024-05-05T12:00:00Z"));
    assert_eq!(sunday.missed, None);
    assert_eq!(sunday.recheck_at, Some(at("2024-05-06T10:00:00Z")));
    assert_eq!(
        check(&friday, &auto(1), at("2024-05-06T09:30:00Z")).missed,
        None,
        "inside the buffer"
    );
    let monday = check(&friday, &auto(1), at("2024-05-06T10:30:00Z"))
        .missed
        .expect("Monday's run is missing");
    assert_eq!(
        (monday.count, monday.first_missed),
        (1, at("2024-05-06T09:00:00Z"))
    );
}

#[test]
fn descriptor_schedules_are_walked_like_any_other() {
    let hourly = schedule("@hourly", None);
    let missed = check(
        &facts(&hourly, success("2024-05-01T10:00:03Z")),
        &auto(1),
        at("2024-05-01T14:30:00Z"),
    )
    .missed
    .expect("three hours missed");
    assert_eq!(
        (missed.count, missed.first_missed, missed.last_missed),
        (3, at("2024-05-01T11:00:00Z"), at("2024-05-01T13:00:00Z"))
    );
    let daily = schedule("@daily", Some("America/New_York"));
    let verdict = check(
        &facts(&daily, success("2024-05-01T04:00:10Z")),
        &auto(1),
        at("2024-05-02T04:30:00Z"),
    );
    assert_eq!(
        verdict.missed, None,
        "midnight in New York is 04:00Z; the buffer has not passed"
    );
}

#[test]
fn a_fire_time_skipped_by_dst_is_not_missed() {
    let nightly = schedule("30 2 * * *", Some("Europe/Berlin"));
    // 2024-03-31 02:30 does not exist in Berlin; Kubernetes does not run the job that night.
    let verdict = check(
        &facts(&nightly, success("2024-03-30T01:30:05Z")),
        &auto(1),
        at("2024-03-31T12:00:00Z"),
    );
    assert_eq!(verdict.missed, None);
    assert!(
        check(
            &facts(&nightly, success("2024-03-30T01:30:05Z")),
            &auto(1),
            at("2024-04-01T02:00:00Z")
        )
        .missed
        .is_some()
    );
}

#[test]
fn a_run_in_progress_is_not_missed() {
    let daily = schedule("0 9 * * *", None);
    let mut running = facts(&daily, success("2024-05-01T09:00:05Z"));
    running.running_since = vec![at("2024-05-02T09:00:02Z")];
    assert_eq!(
        check(&running, &auto(1), at("2024-05-02T12:00:00Z")).missed,
        None
    );
    assert_eq!(
        check(&running, &auto(1), at("2024-05-04T12:00:00Z")).missed,
        None,
        "later fires are blocked by the run"
    );
    running.running_since.clear();
    assert_eq!(
        check(&running, &auto(1), at("2024-05-02T12:00:00Z"))
            .missed
            .map(|missed| missed.count),
        Some(1)
    );
    // A run that started after an earlier miss covers only its own fire time onwards.
    running.running_since = vec![at("2024-05-03T09:00:02Z")];
    let earlier = check(&running, &auto(1), at("2024-05-03T12:00:00Z"))
        .missed
        .expect("May 2 was missed");
    assert_eq!(
        (earlier.count, earlier.first_missed),
        (1, at("2024-05-02T09:00:00Z"))
    );
}

#[test]
fn missed_schedule_threshold_counts_fire_times() {
    let hourly = schedule("0 * * * *", None);
    let job = facts(&hourly, success("2024-05-01T10:00:00Z"));
    assert_eq!(
        check(&job, &auto(3), at("2024-05-01T13:30:00Z")).missed,
        None,
        "two misses, threshold three"
    );
    assert_eq!(
        check(&job, &auto(3), at("2024-05-01T14:30:00Z"))
            .missed
            .map(|missed| missed.count),
        Some(3)
    );
    assert_eq!(
        check(&job, &auto(0), at("2024-05-01T12:30:00Z"))
            .missed
            .map(|missed| missed.threshold),
        Some(1),
        "threshold below one means one"
    );
}

#[test]
fn without_any_success_the_switch_measures_from_tracking_start() {
    let hourly = schedule("0 * * * *", None);
    let mut never = facts(&hourly, None);
    never.tracked_since = at("2024-05-01T10:30:00Z");
    let missed = check(&never, &auto(1), at("2024-05-01T12:30:00Z"))
        .missed
        .expect("11:00 passed without a success");
    assert_eq!(missed.first_missed, at("2024-05-01T11:00:00Z"));
    assert!(
        check(&never, &stale_after(hours(1)), at("2024-05-01T11:31:00Z"))
            .stale
            .is_some_and(|stale| stale.last_success.is_none())
    );
}

#[test]
fn nothing_triggers_during_the_startup_grace_period() {
    let hourly = schedule("0 * * * *", None);
    let job = facts(&hourly, success("2024-05-01T00:00:00Z"));
    let mut policy = auto(1);
    policy.dead_man.max_time_since_last_success = Some(hours(1));
    policy.grace_until = Some(at("2024-05-01T12:00:30Z"));
    let during = check(&job, &policy, at("2024-05-01T12:00:00Z"));
    assert!(during.in_grace && during.missed.is_none() && during.stale.is_none());
    assert_eq!(during.recheck_at, Some(at("2024-05-01T12:00:30Z")));
    let after = check(&job, &policy, at("2024-05-01T12:01:00Z"));
    assert!(!after.in_grace && after.missed.is_some() && after.stale.is_some());
}

#[test]
fn suspended_cronjobs_pause_by_default_and_never_crash() {
    let hourly = schedule("0 * * * *", None);
    let mut job = facts(&hourly, success("2024-05-01T00:00:00Z"));
    job.suspension = Suspension::default().observe(true, at("2024-05-01T01:00:00Z"));
    // No suspendedHandling block at all: the defaults apply.
    let verdict = check(&job, &auto(1), at("2024-05-03T00:00:00Z"));
    assert!(verdict.paused && verdict.missed.is_none() && verdict.suspended_too_long.is_none());
}

#[test]
fn alert_if_suspended_for_fires_with_pause_monitoring_on() {
    let hourly = schedule("0 * * * *", None);
    let mut job = facts(&hourly, success("2024-05-01T00:00:00Z"));
    job.suspension = Suspension::default()
        .observe(true, at("2024-05-01T01:00:00Z"))
        .observe(true, at("2024-05-01T05:00:00Z"));
    let mut policy = auto(1);
    policy.suspended.alert_if_suspended_for = Some(hours(24));
    let early = check(&job, &policy, at("2024-05-01T12:00:00Z"));
    assert_eq!(
        (early.suspended_too_long, early.recheck_at),
        (None, Some(at("2024-05-02T01:00:00Z")))
    );
    let late = check(&job, &policy, at("2024-05-02T02:00:00Z"))
        .suspended_too_long
        .expect("suspended 25h");
    assert_eq!(
        (late.since, late.suspended_for),
        (at("2024-05-01T01:00:00Z"), hours(25))
    );
    policy.suspended.pause_monitoring = false;
    let unpaused = check(&job, &policy, at("2024-05-02T02:00:00Z"));
    assert!(!unpaused.paused && unpaused.missed.is_some() && unpaused.suspended_too_long.is_some());
}

#[test]
fn time_spent_suspended_is_not_held_against_the_job() {
    let daily = schedule("0 9 * * *", None);
    let mut job = facts(&daily, success("2024-05-01T09:00:00Z"));
    job.suspension = Suspension::default()
        .observe(true, at("2024-05-01T12:00:00Z"))
        .observe(false, at("2024-05-06T12:00:00Z"));
    assert_eq!(
        job.suspension,
        Suspension {
            suspended_since: None,
            resumed_at: Some(at("2024-05-06T12:00:00Z"))
        }
    );
    assert_eq!(
        check(&job, &auto(1), at("2024-05-06T13:00:00Z")).missed,
        None
    );
    assert_eq!(
        check(&job, &stale_after(hours(25)), at("2024-05-06T13:00:00Z")).stale,
        None
    );
    assert_eq!(
        check(&job, &auto(1), at("2024-05-07T10:30:00Z"))
            .missed
            .map(|missed| missed.count),
        Some(1)
    );
}

#[test]
fn a_disabled_switch_decides_nothing() {
    let hourly = schedule("0 * * * *", None);
    let mut policy = auto(1);
    policy.dead_man.enabled = false;
    assert_eq!(
        check(&facts(&hourly, None), &policy, at("2024-06-01T00:00:00Z")),
        Verdict::default()
    );
}

proptest! {
    #[test]
    fn missed_count_equals_the_fire_times_between_success_and_buffer(
        start_minute in 0i64..100_000, elapsed_minutes in 0i64..5_000, buffer_minutes in 0i64..180,
        spec in prop::sample::select(vec!["*/5 * * * *", "0 * * * *", "30 9 * * 1-5", "0 0 * * *", "15 */3 * * *"]),
    ) {
        let schedule = schedule(spec, Some("Europe/Berlin"));
        let started = at("2024-01-01T00:00:00Z").checked_add(SignedDuration::from_mins(start_minute)).expect("in range");
        let now = started.checked_add(SignedDuration::from_mins(elapsed_minutes)).expect("in range");
        let buffer = SignedDuration::from_mins(buffer_minutes);
        let job = JobFacts { last_success: Some(LastSuccess { started_at: started, finished_at: started }), ..facts(&schedule, None) };
        let mut policy = auto(1);
        if let Some(auto) = policy.dead_man.auto_from_schedule.as_mut() { auto.buffer = buffer; }
        let cutoff = now.checked_sub(buffer).expect("in range");
        let expected = schedule.fire_times(started, cutoff).count() as u32;
        let counted = check(&job, &policy, now).missed.map_or(0, |missed| missed.count);
        prop_assert_eq!(counted, expected);
        // Later checks never count fewer misses.
        let later = now.checked_add(SignedDuration::from_mins(37)).expect("in range");
        prop_assert!(check(&job, &policy, later).missed.map_or(0, |missed| missed.count) >= counted);
    }
}
