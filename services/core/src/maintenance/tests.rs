use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;

use super::*;

fn at(text: &str) -> Timestamp {
    text.parse().expect("test timestamps are valid RFC 3339")
}

fn spec(
    name: &str,
    schedule: &str,
    duration: &str,
    timezone: Option<&str>,
) -> MaintenanceWindowSpec {
    MaintenanceWindowSpec {
        name: name.into(),
        schedule: schedule.into(),
        duration: duration.into(),
        timezone: timezone.map(Into::into),
        suppress_alerts: true,
    }
}

fn windows(specs: &[MaintenanceWindowSpec]) -> MaintenanceWindows {
    MaintenanceWindows::compile(specs).expect("test windows are valid")
}

#[test]
fn a_long_window_suppresses_however_long_ago_it_started() {
    // Monthly 48-hour window starting on the 1st at 00:00; checked 30 hours in.
    let monthly = windows(&[spec("migration", "0 0 1 * *", "48h", None)]);
    assert!(monthly.is_suppressed(at("2024-05-02T06:00:00Z")));
    assert_eq!(
        monthly.suppressed_until(at("2024-05-02T06:00:00Z")),
        Some(at("2024-05-03T00:00:00Z"))
    );
    assert!(
        !monthly.is_suppressed(at("2024-05-03T00:00:00Z")),
        "the end is exclusive"
    );
    let weekly_long = windows(&[spec("freeze", "0 0 * * 1", "100h", None)]);
    assert!(
        weekly_long.is_suppressed(at("2024-05-10T03:59:00Z")),
        "Monday 2024-05-06 + 99h59m"
    );
}

#[test]
fn windows_are_read_in_their_time_zone() {
    // Sunday 02:00 in New York (EDT, UTC-4) for four hours: 06:00Z to 10:00Z.
    let sunday = windows(&[spec("weekly", "0 2 * * 0", "4h", Some("America/New_York"))]);
    assert!(!sunday.is_suppressed(at("2024-05-05T05:59:59Z")));
    assert!(sunday.is_suppressed(at("2024-05-05T06:00:00Z")));
    assert!(sunday.is_suppressed(at("2024-05-05T09:59:59Z")));
    assert!(!sunday.is_suppressed(at("2024-05-05T10:00:00Z")));
    let open = sunday.open_at(at("2024-05-05T07:00:00Z"));
    assert_eq!(open.len(), 1);
    assert_eq!(
        (open[0].started_at, open[0].ends_at),
        (at("2024-05-05T06:00:00Z"), at("2024-05-05T10:00:00Z"))
    );
}

#[test]
fn windows_without_suppress_alerts_are_open_but_silence_nothing() {
    let mut informational = spec("info", "0 * * * *", "30m", None);
    informational.suppress_alerts = false;
    let set = windows(&[informational]);
    assert_eq!(set.open_at(at("2024-05-05T10:10:00Z")).len(), 1);
    assert!(!set.is_suppressed(at("2024-05-05T10:10:00Z")));
    assert_eq!(set.last_suppression_end(at("2024-05-05T10:10:00Z")), None);
}

#[test]
fn touching_windows_chain_into_one_suppression() {
    let set = windows(&[
        spec("first", "0 1 * * *", "2h", None),
        spec("second", "0 2 * * *", "3h", None),
        spec("third", "0 5 * * *", "1h", None),
    ]);
    assert_eq!(
        set.suppressed_until(at("2024-05-05T01:30:00Z")),
        Some(at("2024-05-05T06:00:00Z"))
    );
    assert_eq!(
        set.last_suppression_end(at("2024-05-05T07:00:00Z")),
        Some(at("2024-05-05T06:00:00Z"))
    );
    assert_eq!(set.suppressed_until(at("2024-05-05T07:00:00Z")), None);
}

#[test]
fn every_bad_window_is_reported() {
    let errors = MaintenanceWindows::compile(&[
        spec("bad-cron", "0 25 * * *", "1h", None),
        spec("ok", "0 1 * * *", "1h", None),
        spec("bad-duration", "0 1 * * *", "1 hour", None),
        spec("empty", "0 1 * * *", "0s", None),
        spec("bad-zone", "0 1 * * *", "1h", Some("Atlantis/Capital")),
    ])
    .expect_err("four windows are invalid");
    assert_eq!(errors.len(), 4);
    assert!(matches!(&errors[0], MaintenanceError::Schedule { name, .. } if name == "bad-cron"));
    assert!(
        matches!(&errors[1], MaintenanceError::Duration { name, .. } if name == "bad-duration")
    );
    assert!(matches!(&errors[2], MaintenanceError::EmptyDuration { name } if name == "empty"));
    assert!(matches!(
        &errors[3],
        MaintenanceError::Schedule {
            source: ScheduleError::UnknownTimeZone { .. },
            ..
        }
    ));
}

proptest! {
    #[test]
    fn suppressed_exactly_when_some_start_lies_within_the_duration_before_now(
        minutes_in in 0i64..20_000, length_minutes in 1i64..5_000,
        schedule in prop::sample::select(vec!["0 2 * * 0", "*/45 * * * *", "0 0 1 * *", "30 9 * * 1-5"]),
    ) {
        let length = SignedDuration::from_mins(length_minutes);
        let set = windows(&[spec("w", schedule, &crate::duration::format(length), Some("Europe/Berlin"))]);
        let now = at("2024-03-20T00:00:00Z").checked_add(SignedDuration::from_mins(minutes_in)).expect("in range");
        let parsed = Schedule::parse(schedule, Some("Europe/Berlin")).expect("valid");
        let window_start = now.checked_sub(length).expect("in range");
        let brute = parsed.fire_times(window_start, now).next().is_some();
        prop_assert_eq!(set.is_suppressed(now), brute);
        if let Some(until) = set.suppressed_until(now) {
            prop_assert!(until > now);
            prop_assert!(!set.is_suppressed(until) || set.suppressed_until(until).is_some_and(|later| later > until));
        }
    }
}
