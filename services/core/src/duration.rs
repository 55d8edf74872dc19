//! Kubernetes (Go `time.ParseDuration`) duration strings: `30m`, `25h`, `1h30m`, `1.5h`,
//! `300ms`, and Go's `Duration.String()` formatting (`1m30s`, `2h0m0s`, `1.5s`).
//!
//! Every duration field of the CRDs (`maxTimeSinceLastSuccess`, `buffer`, `alertDelay`, ...)
//! goes through [`parse`], so we accept exactly what the Go operator accepted. One deliberate
//! difference: fractions (`1.1h`) are computed with exact integer arithmetic where Go goes
//! through `float64`; results can differ by at most a nanosecond.

use jiff::SignedDuration;

const NANOS_PER_MICRO: u128 = 1_000;
const NANOS_PER_MILLI: u128 = 1_000_000;
const NANOS_PER_SECOND: u128 = 1_000_000_000;
const NANOS_PER_MINUTE: u128 = 60 * NANOS_PER_SECOND;
const NANOS_PER_HOUR: u128 = 60 * NANOS_PER_MINUTE;
/// Go's `Duration` is an `int64` of nanoseconds; larger values are rejected as overflow.
const MAX_NANOS: u128 = i64::MAX as u128;
/// Fraction digits beyond this cannot change a nanosecond result of an hour unit.
const MAX_FRACTION_DIGITS: u32 = 18;

/// Why a duration string was rejected. Each variant names the whole input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DurationError {
    #[error("invalid duration {0:?}")]
    Invalid(String),
    #[error("missing unit in duration {0:?}")]
    MissingUnit(String),
    #[error("unknown unit {unit:?} in duration {input:?}")]
    UnknownUnit { unit: String, input: String },
    #[error("duration {0:?} is out of range")]
    Overflow(String),
    #[error("duration {0:?} must not be negative")]
    Negative(String),
}

/// Parses a Go/Kubernetes duration string, sign included (`-1h` is valid, as in Go).
pub fn parse(input: &str) -> Result<SignedDuration, DurationError> {
    let (negative, body) = match input.as_bytes().first() {
        Some(b'-') => (true, &input[1..]),
        Some(b'+') => (false, &input[1..]),
        _ => (false, input),
    };
    // Go special-cases a bare "0" (no unit needed).
    if body == "0" {
        return Ok(SignedDuration::ZERO);
    }
    if body.is_empty() {
        return Err(DurationError::Invalid(input.to_owned()));
    }
    let total = parse_components(body, input)?;
    let signed = i128::try_from(total).map_err(|_| DurationError::Overflow(input.to_owned()))?;
    let nanos = if negative { -signed } else { signed };
    if nanos > i128::from(i64::MAX) || nanos < i128::from(i64::MIN) {
        return Err(DurationError::Overflow(input.to_owned()));
    }
    Ok(SignedDuration::from_nanos_i128(nanos))
}

/// Parses a duration that must not be negative (every CRD duration field).
pub fn parse_non_negative(input: &str) -> Result<SignedDuration, DurationError> {
    let parsed = parse(input)?;
    if parsed.is_negative() {
        return Err(DurationError::Negative(input.to_owned()));
    }
    Ok(parsed)
}

/// Parses a non-negative duration into a [`std::time::Duration`].
pub fn parse_std(input: &str) -> Result<std::time::Duration, DurationError> {
    Ok(parse_non_negative(input)?.unsigned_abs())
}

/// Sums the `<number><unit>` components of an unsigned duration body, in nanoseconds.
fn parse_components(mut rest: &str, input: &str) -> Result<u128, DurationError> {
    let invalid = || DurationError::Invalid(input.to_owned());
    let overflow = || DurationError::Overflow(input.to_owned());
    let mut total: u128 = 0;
    while !rest.is_empty() {
        let (whole, after_whole) = split_digits(rest);
        let (fraction, after_fraction) = match after_whole.strip_prefix('.') {
            Some(after_dot) => {
                let (digits, tail) = split_digits(after_dot);
                (Some(digits), tail)
            }
            None => (None, after_whole),
        };
        if whole.is_empty() && fraction.is_none_or(str::is_empty) {
            return Err(invalid());
        }
        let unit_len = after_fraction
            .find(|c: char| c == '.' || c.is_ascii_digit())
            .unwrap_or(after_fraction.len());
        if unit_len == 0 {
            return Err(DurationError::MissingUnit(input.to_owned()));
        }
        let (unit, tail) = after_fraction.split_at(unit_len);
        let unit_nanos = unit_nanos(unit).ok_or_else(|| DurationError::UnknownUnit {
            unit: unit.to_owned(),
            input: input.to_owned(),
        })?;
        let whole_value = parse_whole(whole).ok_or_else(overflow)?;
        let mut component = whole_value.checked_mul(unit_nanos).ok_or_else(overflow)?;
        if let Some(digits) = fraction {
            component += fraction_nanos(digits, unit_nanos);
        }
        total = total.checked_add(component).ok_or_else(overflow)?;
        if total > MAX_NANOS + 1 {
            return Err(overflow());
        }
        rest = tail;
    }
    Ok(total)
}

fn split_digits(text: &str) -> (&str, &str) {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    text.split_at(end)
}

fn parse_whole(digits: &str) -> Option<u128> {
    if digits.is_empty() {
        return Some(0);
    }
    let value: u128 = digits.parse().ok()?;
    // One past i64::MAX is legal: it is the magnitude of i64::MIN.
    (value <= MAX_NANOS + 1).then_some(value)
}

/// `0.<digits>` of one unit, in nanoseconds, truncated like Go.
fn fraction_nanos(digits: &str, unit_nanos: u128) -> u128 {
    let mut numerator: u128 = 0;
    let mut scale: u128 = 1;
    for digit in digits.bytes().take(MAX_FRACTION_DIGITS as usize) {
        numerator = numerator * 10 + u128::from(digit - b'0');
        scale *= 10;
    }
    numerator * unit_nanos / scale
}

fn unit_nanos(unit: &str) -> Option<u128> {
    Some(match unit {
        "ns" => 1,
        // U+00B5 micro sign and U+03BC Greek mu, both accepted by Go.
        "us" | "\u{b5}s" | "\u{3bc}s" => NANOS_PER_MICRO,
        "ms" => NANOS_PER_MILLI,
        "s" => NANOS_PER_SECOND,
        "m" => NANOS_PER_MINUTE,
        "h" => NANOS_PER_HOUR,
        _ => return None,
    })
}

/// Formats like Go's `Duration.String()`: `0s`, `1.5ms`, `1m30s`, `2h0m0s`, `-5s`.
pub fn format(duration: SignedDuration) -> String {
    let nanos = duration.as_nanos();
    let magnitude = nanos.unsigned_abs();
    let body = if magnitude < NANOS_PER_SECOND {
        format_sub_second(magnitude)
    } else {
        format_seconds_and_up(magnitude)
    };
    if nanos < 0 { format!("-{body}") } else { body }
}

fn format_sub_second(nanos: u128) -> String {
    let (unit_nanos, unit) = match nanos {
        0 => return "0s".to_owned(),
        n if n < NANOS_PER_MICRO => (1, "ns"),
        n if n < NANOS_PER_MILLI => (NANOS_PER_MICRO, "\u{b5}s"),
        _ => (NANOS_PER_MILLI, "ms"),
    };
    format!("{}{unit}", decimal(nanos, unit_nanos))
}

fn format_seconds_and_up(nanos: u128) -> String {
    let seconds = decimal(nanos % NANOS_PER_MINUTE, NANOS_PER_SECOND);
    let total_minutes = nanos / NANOS_PER_MINUTE;
    if total_minutes == 0 {
        return format!("{seconds}s");
    }
    let hours = total_minutes / 60;
    let minutes = total_minutes % 60;
    if hours == 0 {
        format!("{minutes}m{seconds}s")
    } else {
        format!("{hours}h{minutes}m{seconds}s")
    }
}

/// `value / unit` as a decimal without trailing zeros (`1500, 1000` → `1.5`).
fn decimal(value: u128, unit: u128) -> String {
    let whole = value / unit;
    let remainder = value % unit;
    if remainder == 0 {
        return whole.to_string();
    }
    let width = unit.ilog10() as usize;
    let fraction = format!("{remainder:0width$}");
    format!("{whole}.{}", fraction.trim_end_matches('0'))
}

#[cfg(test)]
mod tests;
