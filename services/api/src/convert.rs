//! Conversions between the domain model of `guardian-core` and the `guardian.v1`
//! messages: `From` for domain → proto (cannot fail), `TryFrom` for proto →
//! domain (a missing or unknown value is an [`InputError`]).
//!
//! Time is `jiff` in the domain and `google.protobuf.Timestamp` on the wire;
//! durations shown to people are Go-style strings (`1m30s`), as the existing
//! operator prints them.

mod alert;
mod event;
mod execution;
mod page;

use guardian_core::CronJobRef;
use jiff::{SignedDuration, Timestamp};

use crate::InputError;
use crate::v1::NamespacedRef;

pub use execution::{execution_detail, execution_item, execution_summary};
pub use page::{decode_page_token, encode_page_token, next_page_token, pagination};

const NANOS_PER_SECOND: i128 = 1_000_000_000;

/// Converts a domain time to a protobuf timestamp (nanos always in `0..1e9`).
pub fn timestamp(time: Timestamp) -> pbjson_types::Timestamp {
    let nanos = time.as_nanosecond();
    let seconds = i64::try_from(nanos.div_euclid(NANOS_PER_SECOND))
        .expect("jiff timestamps are within ±10000 years, far inside i64 seconds");
    let subsec =
        i32::try_from(nanos.rem_euclid(NANOS_PER_SECOND)).expect("a remainder of 1e9 fits in i32");
    pbjson_types::Timestamp {
        seconds,
        nanos: subsec,
    }
}

/// Converts a protobuf timestamp to a domain time; out-of-range values are an error.
pub fn from_timestamp(
    field: &str,
    time: &pbjson_types::Timestamp,
) -> Result<Timestamp, InputError> {
    let nanos = i128::from(time.seconds) * NANOS_PER_SECOND + i128::from(time.nanos);
    Timestamp::from_nanosecond(nanos)
        .map_err(|error| InputError::new(field, format!("timestamp out of range: {error}")))
}

/// Converts a required protobuf timestamp; absence is an error naming `field`.
pub fn required_timestamp(
    field: &str,
    time: Option<&pbjson_types::Timestamp>,
) -> Result<Timestamp, InputError> {
    let time = time.ok_or_else(|| InputError::missing(field))?;
    from_timestamp(field, time)
}

/// Converts an optional protobuf timestamp.
pub fn optional_timestamp(
    field: &str,
    time: Option<&pbjson_types::Timestamp>,
) -> Result<Option<Timestamp>, InputError> {
    time.map(|time| from_timestamp(field, time)).transpose()
}

/// Formats a duration the way Go's `time.Duration.String` does: `1m30s`,
/// `1h0m0s`, `1.5s`, `250ms`, `0s`, `-2m3s`.
pub fn go_duration(duration: SignedDuration) -> String {
    let nanos = duration.as_nanos();
    let magnitude = nanos.unsigned_abs();
    let per_second = NANOS_PER_SECOND.unsigned_abs();
    if magnitude == 0 {
        return "0s".to_owned();
    }
    let body = if magnitude < 1_000 {
        format!("{magnitude}ns")
    } else if magnitude < 1_000_000 {
        format!("{}µs", fixed_point(magnitude, 3))
    } else if magnitude < per_second {
        format!("{}ms", fixed_point(magnitude, 6))
    } else {
        let seconds = fixed_point(magnitude % (60 * per_second), 9);
        let minutes = magnitude / (60 * per_second);
        match (minutes / 60, minutes % 60) {
            (0, 0) => format!("{seconds}s"),
            (0, minutes) => format!("{minutes}m{seconds}s"),
            (hours, minutes) => format!("{hours}h{minutes}m{seconds}s"),
        }
    };
    if nanos < 0 { format!("-{body}") } else { body }
}

/// Writes `value / 10^precision` with the fraction's trailing zeros (and a bare point) dropped.
fn fixed_point(value: u128, precision: u32) -> String {
    let scale = 10u128.pow(precision);
    let (whole, fraction) = (value / scale, value % scale);
    if fraction == 0 {
        return whole.to_string();
    }
    let digits = format!("{fraction:0width$}", width = precision as usize);
    format!("{whole}.{}", digits.trim_end_matches('0'))
}

impl From<&CronJobRef> for NamespacedRef {
    fn from(reference: &CronJobRef) -> Self {
        NamespacedRef {
            namespace: reference.namespace.clone(),
            name: reference.name.clone(),
        }
    }
}

impl TryFrom<&NamespacedRef> for CronJobRef {
    type Error = InputError;

    fn try_from(reference: &NamespacedRef) -> Result<Self, Self::Error> {
        crate::input::cronjob_ref(&reference.namespace, &reference.name)
    }
}

/// Converts a required reference; absence is an error naming `field`.
fn required_ref(field: &str, reference: Option<&NamespacedRef>) -> Result<CronJobRef, InputError> {
    CronJobRef::try_from(reference.ok_or_else(|| InputError::missing(field))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_duration_matches_gos_duration_string() {
        let cases = [
            (SignedDuration::ZERO, "0s"),
            (SignedDuration::from_nanos(999), "999ns"),
            (SignedDuration::from_micros(1_500), "1.5ms"),
            (SignedDuration::from_nanos(1_100), "1.1µs"),
            (SignedDuration::from_millis(250), "250ms"),
            (SignedDuration::from_millis(1_500), "1.5s"),
            (SignedDuration::from_secs(42), "42s"),
            (SignedDuration::from_secs(90), "1m30s"),
            (SignedDuration::from_secs(3_600), "1h0m0s"),
            (SignedDuration::from_secs(3_600 * 26 + 61), "26h1m1s"),
            (SignedDuration::from_secs(-123), "-2m3s"),
        ];
        for (duration, expected) in cases {
            assert_eq!(go_duration(duration), expected, "{duration:?}");
        }
    }

    #[test]
    fn timestamps_round_trip_including_before_the_epoch() {
        for text in [
            "2025-03-01T12:00:00.25Z",
            "1969-12-31T23:59:59.5Z",
            "1970-01-01T00:00:00Z",
        ] {
            let time: Timestamp = text.parse().expect("valid timestamp");
            let proto = timestamp(time);
            assert!((0..1_000_000_000).contains(&proto.nanos), "{proto:?}");
            assert_eq!(from_timestamp("t", &proto), Ok(time));
        }
        let before_epoch = timestamp("1969-12-31T23:59:59.5Z".parse().expect("valid"));
        assert_eq!(
            (before_epoch.seconds, before_epoch.nanos),
            (-1, 500_000_000)
        );
    }

    #[test]
    fn out_of_range_timestamps_are_input_errors() {
        let far = pbjson_types::Timestamp {
            seconds: i64::MAX,
            nanos: 0,
        };
        let error = from_timestamp("since", &far).expect_err("beyond jiff's range");
        assert_eq!(error.field, "since");
        assert_eq!(
            required_timestamp("time", None).expect_err("absent").field,
            "time"
        );
    }
}
