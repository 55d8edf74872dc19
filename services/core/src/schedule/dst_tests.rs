//! DST behaviour, checked by hand on known transition days and by a brute-force oracle that
//! tests every minute around transitions in several zones (including Lord Howe's 30-minute
//! shift).

use jiff::tz::{AmbiguousOffset, TimeZone};
use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;

use super::Schedule;
use super::fields::CronFields;
use super::tests::at;

fn all_after(spec: &str, zone: &str, after: &str, until: &str) -> Vec<String> {
    let schedule = Schedule::parse(spec, Some(zone)).expect("test schedule parses");
    schedule
        .fire_times(at(after), at(until))
        .map(|fire| fire.to_string())
        .collect()
}

#[test]
fn berlin_spring_forward_skips_the_missing_hour() {
    // 2024-03-31 02:00 CET jumps to 03:00 CEST: 02:30 does not exist that day.
    assert_eq!(
        all_after(
            "30 2 * * *",
            "Europe/Berlin",
            "2024-03-29T12:00:00Z",
            "2024-04-01T12:00:00Z"
        ),
        ["2024-03-30T01:30:00Z", "2024-04-01T00:30:00Z"]
    );
    assert_eq!(
        all_after(
            "0 * * * *",
            "Europe/Berlin",
            "2024-03-30T23:30:00Z",
            "2024-03-31T02:30:00Z"
        ),
        [
            "2024-03-31T00:00:00Z",
            "2024-03-31T01:00:00Z",
            "2024-03-31T02:00:00Z"
        ]
    );
}

#[test]
fn berlin_fall_back_fires_once_at_the_first_occurrence() {
    // 2024-10-27 03:00 CEST falls back to 02:00 CET: 02:30 happens twice, we fire once.
    assert_eq!(
        all_after(
            "30 2 * * *",
            "Europe/Berlin",
            "2024-10-26T12:00:00Z",
            "2024-10-28T12:00:00Z"
        ),
        ["2024-10-27T00:30:00Z", "2024-10-28T01:30:00Z"]
    );
    assert_eq!(
        all_after(
            "*/15 * * * *",
            "Europe/Berlin",
            "2024-10-27T00:00:00Z",
            "2024-10-27T02:00:00Z"
        ),
        [
            "2024-10-27T00:15:00Z",
            "2024-10-27T00:30:00Z",
            "2024-10-27T00:45:00Z",
            "2024-10-27T02:00:00Z"
        ]
    );
}

#[test]
fn previous_fire_inside_the_repeated_hour_is_the_latest_first_occurrence() {
    let schedule = Schedule::parse("*/15 * * * *", Some("Europe/Berlin")).expect("parses");
    // 01:20Z is 02:20 CET, the second pass; the last fire was 02:45 CEST (00:45Z).
    assert_eq!(
        schedule.prev_before(at("2024-10-27T01:20:00Z")),
        Some(at("2024-10-27T00:45:00Z"))
    );
    assert_eq!(
        schedule.prev_before(at("2024-10-27T02:00:00Z")),
        Some(at("2024-10-27T00:45:00Z"))
    );
    assert_eq!(
        schedule.prev_before(at("2024-10-27T02:00:01Z")),
        Some(at("2024-10-27T02:00:00Z"))
    );
}

#[test]
fn new_york_transitions_skip_and_fire_once() {
    assert_eq!(
        all_after(
            "30 2 * * *",
            "America/New_York",
            "2024-03-09T12:00:00Z",
            "2024-03-11T12:00:00Z"
        ),
        ["2024-03-11T06:30:00Z"]
    );
    assert_eq!(
        all_after(
            "30 1 * * *",
            "America/New_York",
            "2024-11-02T12:00:00Z",
            "2024-11-04T12:00:00Z"
        ),
        ["2024-11-03T05:30:00Z", "2024-11-04T06:30:00Z"]
    );
}

/// Whether the instant `moment` is a fire time: its wall-clock minute matches and it is the
/// first occurrence of that wall-clock time.
fn oracle_fires(fields: &CronFields, zone: &TimeZone, moment: Timestamp) -> bool {
    let civil = zone.to_datetime(moment);
    let bit = |bits: u64, value: i8| bits & (1 << value) != 0;
    let matches = civil.second() == 0
        && fields.matches_date(civil.date())
        && bit(fields.hours, civil.hour())
        && bit(fields.minutes, civil.minute());
    let first = match zone.to_ambiguous_timestamp(civil).offset() {
        AmbiguousOffset::Fold { before, .. } => zone.to_offset(moment) == before,
        _ => true,
    };
    matches && first
}

const ORACLE_MINUTES: i64 = 3 * 24 * 60;

fn floor_minute(moment: Timestamp) -> Timestamp {
    Timestamp::from_second(moment.as_second().div_euclid(60) * 60).expect("in range")
}

fn oracle_next(fields: &CronFields, zone: &TimeZone, after: Timestamp) -> Option<Timestamp> {
    let first = floor_minute(after)
        .checked_add(SignedDuration::from_mins(1))
        .expect("in range");
    (0..ORACLE_MINUTES)
        .map(|step| {
            first
                .checked_add(SignedDuration::from_mins(step))
                .expect("in range")
        })
        .find(|moment| oracle_fires(fields, zone, *moment))
}

fn oracle_prev(fields: &CronFields, zone: &TimeZone, before: Timestamp) -> Option<Timestamp> {
    let floor = floor_minute(before);
    let last = if floor == before {
        floor
            .checked_sub(SignedDuration::from_mins(1))
            .expect("in range")
    } else {
        floor
    };
    (0..ORACLE_MINUTES)
        .map(|step| {
            last.checked_sub(SignedDuration::from_mins(step))
                .expect("in range")
        })
        .find(|moment| oracle_fires(fields, zone, *moment))
}

fn spec_strategy() -> impl Strategy<Value = String> {
    let minute = prop::sample::select(vec!["*", "*/15", "0", "30", "0,30", "5-10", "*/7", "59"]);
    let hour = prop::sample::select(vec!["*", "2", "1-3", "*/5", "0", "23", "2,3"]);
    let day = prop::sample::select(vec!["*", "?", "1", "13", "*/2", "28-31"]);
    let month = prop::sample::select(vec!["*", "3", "10,11", "*/4", "APR"]);
    let weekday = prop::sample::select(vec!["*", "0", "1-5", "6", "?", "SUN"]);
    (minute, hour, day, month, weekday)
        .prop_map(|(mi, h, d, mo, w)| format!("{mi} {h} {d} {mo} {w}"))
}

/// Instants within 36 hours of DST transitions of the zones under test.
fn moment_strategy() -> impl Strategy<Value = Timestamp> {
    let transitions = vec![
        "2024-03-31T01:00:00Z", // Berlin spring
        "2024-10-27T01:00:00Z", // Berlin fall
        "2024-03-10T07:00:00Z", // New York spring
        "2024-11-03T06:00:00Z", // New York fall
        "2024-04-06T15:00:00Z", // Lord Howe fall (30 minutes)
        "2024-10-05T15:30:00Z", // Lord Howe spring (30 minutes)
    ];
    (
        prop::sample::select(transitions),
        -129_600i64..129_600,
        0i32..1_000_000_000,
    )
        .prop_map(|(anchor, seconds, nanos)| {
            at(anchor)
                .checked_add(SignedDuration::new(seconds, nanos))
                .expect("in range")
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn next_and_previous_agree_with_a_minute_by_minute_oracle(
        spec in spec_strategy(),
        zone_name in prop::sample::select(vec!["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "UTC", "Asia/Kolkata"]),
        moment in moment_strategy(),
    ) {
        let schedule = Schedule::parse(&spec, Some(zone_name)).expect("generated specs are valid");
        let fields = CronFields::parse(&spec).expect("generated specs are valid");
        let zone = schedule.time_zone().clone();
        let window = SignedDuration::from_mins(ORACLE_MINUTES);
        match oracle_next(&fields, &zone, moment) {
            Some(expected) => prop_assert_eq!(schedule.next_after(moment), Some(expected)),
            None => prop_assert!(schedule.next_after(moment).is_none_or(|next| next.duration_since(moment) >= window)),
        }
        match oracle_prev(&fields, &zone, moment) {
            Some(expected) => prop_assert_eq!(schedule.prev_before(moment), Some(expected)),
            None => prop_assert!(schedule.prev_before(moment).is_none_or(|prev| moment.duration_since(prev) >= window)),
        }
    }

    #[test]
    fn there_is_no_fire_time_between_previous_and_next(spec in spec_strategy(), moment in moment_strategy()) {
        let schedule = Schedule::parse(&spec, Some("Europe/Berlin")).expect("generated specs are valid");
        if let Some(next) = schedule.next_after(moment) {
            prop_assert!(next > moment);
            prop_assert!(schedule.prev_before(next).is_none_or(|prev| prev <= moment));
        }
        if let Some(prev) = schedule.prev_before(moment) {
            prop_assert!(prev < moment);
            prop_assert!(schedule.next_after(prev).is_some_and(|next| next >= moment));
        }
    }
}
