use jiff::SignedDuration;
use proptest::prelude::*;

use super::*;

fn secs(value: i64) -> SignedDuration {
    SignedDuration::from_secs(value)
}

#[test]
fn parses_the_kubernetes_forms_used_in_monitors() {
    assert_eq!(parse("30m"), Ok(secs(30 * 60)));
    assert_eq!(parse("25h"), Ok(secs(25 * 3600)));
    assert_eq!(parse("1h30m"), Ok(secs(5400)));
    assert_eq!(parse("1.5h"), Ok(secs(5400)));
    assert_eq!(parse("300ms"), Ok(SignedDuration::from_millis(300)));
    assert_eq!(
        parse("2h45m30.5s"),
        Ok(SignedDuration::new(9930, 500_000_000))
    );
    assert_eq!(parse("0"), Ok(SignedDuration::ZERO));
    assert_eq!(parse("-1m"), Ok(secs(-60)));
    assert_eq!(parse("+5s"), Ok(secs(5)));
    assert_eq!(parse(".5s"), Ok(SignedDuration::from_millis(500)));
    assert_eq!(parse("1.s"), Ok(secs(1)));
}

#[test]
fn accepts_every_go_micro_spelling() {
    let micro = Ok(SignedDuration::from_micros(7));
    assert_eq!(parse("7us"), micro);
    assert_eq!(parse("7\u{b5}s"), micro);
    assert_eq!(parse("7\u{3bc}s"), micro);
    assert_eq!(parse("7ns"), Ok(SignedDuration::from_nanos(7)));
}

#[test]
fn rejects_what_go_rejects() {
    assert_eq!(parse(""), Err(DurationError::Invalid(String::new())));
    assert!(matches!(parse("-"), Err(DurationError::Invalid(_))));
    assert!(matches!(parse("10"), Err(DurationError::MissingUnit(_))));
    assert!(matches!(parse(".s"), Err(DurationError::Invalid(_))));
    assert!(matches!(parse("1d"), Err(DurationError::UnknownUnit { unit, .. }) if unit == "d"));
    assert!(matches!(
        parse("1h 30m"),
        Err(DurationError::UnknownUnit { .. })
    ));
    assert!(matches!(parse("3000000h"), Err(DurationError::Overflow(_))));
    assert!(matches!(
        parse("9223372036854775808ns"),
        Err(DurationError::Overflow(_))
    ));
}

#[test]
fn accepts_the_extremes_of_go_int64_nanoseconds() {
    assert_eq!(
        parse("9223372036854775807ns"),
        Ok(SignedDuration::from_nanos(i64::MAX))
    );
    assert_eq!(
        parse("-9223372036854775808ns"),
        Ok(SignedDuration::from_nanos(i64::MIN))
    );
}

#[test]
fn non_negative_parsers_refuse_negative_values() {
    assert!(matches!(
        parse_non_negative("-1s"),
        Err(DurationError::Negative(_))
    ));
    assert_eq!(parse_std("1m30s"), Ok(std::time::Duration::from_secs(90)));
}

#[test]
fn formats_like_go_duration_string() {
    assert_eq!(format(SignedDuration::ZERO), "0s");
    assert_eq!(format(secs(90)), "1m30s");
    assert_eq!(format(secs(7200)), "2h0m0s");
    assert_eq!(format(secs(25 * 3600 + 61)), "25h1m1s");
    assert_eq!(format(SignedDuration::from_millis(1500)), "1.5s");
    assert_eq!(format(SignedDuration::from_millis(300)), "300ms");
    assert_eq!(format(SignedDuration::from_micros(1500)), "1.5ms");
    assert_eq!(format(SignedDuration::from_nanos(1500)), "1.5\u{b5}s");
    assert_eq!(format(SignedDuration::from_nanos(999)), "999ns");
    assert_eq!(format(secs(-61)), "-1m1s");
    assert_eq!(format(SignedDuration::new(3600, 1)), "1h0m0.000000001s");
}

proptest! {
    #[test]
    fn formatted_durations_parse_back_to_the_same_value(nanos in any::<i64>()) {
        let original = SignedDuration::from_nanos(nanos);
        prop_assert_eq!(parse(&format(original)), Ok(original));
    }

    #[test]
    fn hour_minute_second_strings_sum_their_parts(h in 0i64..10_000, m in 0i64..600, s in 0i64..600) {
        let text = std::format!("{h}h{m}m{s}s");
        prop_assert_eq!(parse(&text), Ok(secs(h * 3600 + m * 60 + s)));
    }

    #[test]
    fn parsing_never_panics_on_arbitrary_text(text in "\\PC{0,20}") {
        let _ = parse(&text);
    }
}
