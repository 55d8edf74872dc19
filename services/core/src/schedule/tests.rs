use jiff::Timestamp;

use super::*;

pub(super) fn at(text: &str) -> Timestamp {
    text.parse().expect("test timestamps are valid RFC 3339")
}

fn fires(spec: &str, zone: Option<&str>, after: &str, count: usize) -> Vec<String> {
    let schedule = Schedule::parse(spec, zone).expect("test schedule parses");
    let mut cursor = at(after);
    let mut out = Vec::new();
    for _ in 0..count {
        let Some(next) = schedule.next_after(cursor) else {
            break;
        };
        out.push(next.to_string());
        cursor = next;
    }
    out
}

#[test]
fn step_from_a_single_value_runs_to_the_field_maximum() {
    assert_eq!(
        fires("0/15 * * * *", None, "2024-05-01T10:00:00Z", 5),
        [
            "2024-05-01T10:15:00Z",
            "2024-05-01T10:30:00Z",
            "2024-05-01T10:45:00Z",
            "2024-05-01T11:00:00Z",
            "2024-05-01T11:15:00Z"
        ]
    );
    assert_eq!(
        fires("5/20 9 * * *", None, "2024-05-01T00:00:00Z", 3),
        [
            "2024-05-01T09:05:00Z",
            "2024-05-01T09:25:00Z",
            "2024-05-01T09:45:00Z"
        ]
    );
}

#[test]
fn lists_ranges_and_names_combine() {
    // 2024-05-01 is a Wednesday.
    assert_eq!(
        fires("30 8-9 * JAN,may MON-wed", None, "2024-05-01T08:45:00Z", 3),
        [
            "2024-05-01T09:30:00Z",
            "2024-05-06T08:30:00Z",
            "2024-05-06T09:30:00Z"
        ]
    );
}

#[test]
fn day_of_month_and_day_of_week_use_vixie_or_unless_one_is_a_star() {
    // "0 0 13 * 5": every Friday plus every 13th. 2024-09-13 is a Friday, 2024-10-13 a Sunday.
    assert_eq!(
        fires("0 0 13 * 5", None, "2024-09-12T00:00:00Z", 4),
        [
            "2024-09-13T00:00:00Z",
            "2024-09-20T00:00:00Z",
            "2024-09-27T00:00:00Z",
            "2024-10-04T00:00:00Z"
        ]
    );
    assert!(
        fires("0 0 13 * 5", None, "2024-10-05T00:00:00Z", 2)
            .contains(&"2024-10-13T00:00:00Z".to_owned())
    );
    // "?" is a star: AND semantics, only days that are both.
    assert_eq!(
        fires("0 0 ? * 1", None, "2024-05-01T00:00:00Z", 1),
        ["2024-05-06T00:00:00Z"]
    );
    // "*/2" in day-of-month is not a star for robfig: OR with Mondays.
    let odd_days_or_mondays = fires("0 0 */2 * 1", None, "2024-05-01T00:00:00Z", 4);
    assert_eq!(
        odd_days_or_mondays,
        [
            "2024-05-03T00:00:00Z",
            "2024-05-05T00:00:00Z",
            "2024-05-06T00:00:00Z",
            "2024-05-07T00:00:00Z"
        ]
    );
}

#[test]
fn descriptors_match_their_five_field_equivalents() {
    let after = at("2024-05-01T10:20:00Z");
    for (descriptor, equivalent) in [
        ("@yearly", "0 0 1 1 *"),
        ("@annually", "0 0 1 1 *"),
        ("@monthly", "0 0 1 * *"),
        ("@weekly", "0 0 * * 0"),
        ("@daily", "0 0 * * *"),
        ("@midnight", "0 0 * * *"),
        ("@hourly", "0 * * * *"),
    ] {
        let described = Schedule::parse(descriptor, None).expect("descriptor parses");
        let written = Schedule::parse(equivalent, None).expect("equivalent parses");
        assert_eq!(
            described.next_after(after),
            written.next_after(after),
            "{descriptor}"
        );
        assert_eq!(
            described.prev_before(after),
            written.prev_before(after),
            "{descriptor}"
        );
    }
}

#[test]
fn every_descriptor_fires_on_a_grid_from_its_anchor() {
    let schedule = Schedule::parse("@every 1h30m", None)
        .expect("parses")
        .anchored_at(at("2024-05-01T10:00:00.250Z"));
    assert_eq!(
        schedule.next_after(at("2024-05-01T10:00:00Z")),
        Some(
            at("2024-05-01T10:00:00Z")
                .checked_add(SignedDuration::from_secs(5400))
                .expect("in range")
        )
    );
    assert_eq!(
        schedule.next_after(at("2024-05-01T11:29:59Z")),
        Some(at("2024-05-01T11:30:00Z"))
    );
    assert_eq!(
        schedule.prev_before(at("2024-05-01T11:30:00Z")),
        Some(at("2024-05-01T10:00:00Z"))
    );
    assert_eq!(
        schedule.prev_before(at("2024-05-01T09:00:00Z")),
        Some(at("2024-05-01T08:30:00Z"))
    );
    // robfig rounds sub-second intervals up to one second.
    let tiny = Schedule::parse("@every 10ms", None).expect("parses");
    assert_eq!(
        tiny.next_after(at("2024-05-01T10:00:00Z")),
        Some(at("2024-05-01T10:00:01Z"))
    );
}

#[test]
fn zone_prefix_wins_over_the_spec_time_zone() {
    let prefixed =
        Schedule::parse("CRON_TZ=America/New_York 0 9 * * *", Some("Asia/Tokyo")).expect("parses");
    assert_eq!(prefixed.time_zone().iana_name(), Some("America/New_York"));
    assert_eq!(
        prefixed.next_after(at("2024-05-01T00:00:00Z")),
        Some(at("2024-05-01T13:00:00Z"))
    );
    let legacy = Schedule::parse("TZ=Asia/Tokyo 0 9 * * *", None).expect("parses");
    assert_eq!(
        legacy.next_after(at("2024-05-01T00:00:00Z")),
        Some(at("2024-05-02T00:00:00Z"))
    );
    let from_spec = Schedule::parse("0 9 * * *", Some("Asia/Tokyo")).expect("parses");
    assert_eq!(
        from_spec.next_after(at("2024-05-01T00:00:00Z")),
        Some(at("2024-05-02T00:00:00Z"))
    );
    let default_utc = Schedule::parse("0 9 * * *", None).expect("parses");
    assert_eq!(
        default_utc.next_after(at("2024-05-01T00:00:00Z")),
        Some(at("2024-05-01T09:00:00Z"))
    );
}

fn field_error(spec: &str) -> Option<&'static str> {
    match Schedule::parse(spec, None) {
        Err(ScheduleError::Field { field, .. }) => Some(field),
        _ => None,
    }
}

#[test]
fn invalid_fields_name_the_field() {
    assert_eq!(field_error("60 * * * *"), Some("minute"));
    assert_eq!(field_error("* 24 * * *"), Some("hour"));
    assert_eq!(field_error("* * 0 * *"), Some("day-of-month"));
    assert_eq!(field_error("* * * FOO *"), Some("month"));
    assert_eq!(field_error("* * * * 7"), Some("day-of-week"));
    for broken in [
        "*/0 * * * *",
        "5-1 * * * *",
        "1-2-3 * * * *",
        "1/2/3 * * * *",
        "-1 * * * *",
        "x * * * *",
    ] {
        assert_eq!(field_error(broken), Some("minute"), "{broken}");
    }
    // robfig reads only the part before a hyphen when it is a star.
    assert!(Schedule::parse("*-5 * * * *", None).is_ok());
}

#[test]
fn invalid_schedules_are_typed_errors() {
    assert_eq!(Schedule::parse("   ", None), Err(ScheduleError::Empty));
    assert_eq!(
        Schedule::parse("* * * *", None),
        Err(ScheduleError::FieldCount { found: 4 })
    );
    assert_eq!(
        Schedule::parse("0 0 * * * *", None),
        Err(ScheduleError::FieldCount { found: 6 })
    );
    assert_eq!(
        Schedule::parse("@fortnightly", None),
        Err(ScheduleError::UnknownDescriptor("@fortnightly".into()))
    );
    assert!(matches!(
        Schedule::parse("@every soon", None),
        Err(ScheduleError::Every(_))
    ));
    let unknown_zone = |result| matches!(result, Err(ScheduleError::UnknownTimeZone { .. }));
    assert!(unknown_zone(Schedule::parse(
        "0 9 * * *",
        Some("Mars/Olympus")
    )));
    assert!(unknown_zone(Schedule::parse(
        "CRON_TZ=Nowhere/City 0 9 * * *",
        Some("UTC")
    )));
    assert_eq!(
        Schedule::parse("CRON_TZ=UTC", None),
        Err(ScheduleError::Empty)
    );
}

#[test]
fn a_schedule_that_never_fires_returns_none_instead_of_looping() {
    let never = Schedule::parse("0 0 30 2 *", None).expect("parses like robfig");
    assert_eq!(never.next_after(at("2024-01-01T00:00:00Z")), None);
    assert_eq!(never.prev_before(at("2024-01-01T00:00:00Z")), None);
    let leap = Schedule::parse("0 0 29 2 *", None).expect("parses");
    assert_eq!(
        leap.next_after(at("2097-01-01T00:00:00Z")),
        Some(at("2104-02-29T00:00:00Z"))
    );
}

#[test]
fn fire_times_are_the_half_open_range_after_until() {
    let schedule = Schedule::parse("0 * * * *", None).expect("parses");
    let listed: Vec<_> = schedule
        .fire_times(at("2024-05-01T10:00:00Z"), at("2024-05-01T13:00:00Z"))
        .collect();
    assert_eq!(
        listed,
        [
            at("2024-05-01T11:00:00Z"),
            at("2024-05-01T12:00:00Z"),
            at("2024-05-01T13:00:00Z")
        ]
    );
    assert_eq!(
        schedule.last_at_or_before(at("2024-05-01T13:00:00Z")),
        Some(at("2024-05-01T13:00:00Z"))
    );
    assert_eq!(
        schedule.prev_before(at("2024-05-01T13:00:00Z")),
        Some(at("2024-05-01T12:00:00Z"))
    );
}
