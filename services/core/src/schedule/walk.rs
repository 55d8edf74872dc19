//! Finding fire times of [`CronFields`] in a time zone, day by day in civil time.
//!
//! DST rules (the reason this is hand-written rather than croner's walk):
//! - a wall-clock time that does not exist (spring-forward gap) is **skipped**, as robfig and
//!   so Kubernetes skip it; croner would move it to the next valid minute;
//! - a wall-clock time that exists twice (fall-back fold) fires **once**, at its first
//!   occurrence. Kubernetes actually starts a second Job at the repeated time
//!   (kubernetes/kubernetes#121594); expecting one fire is the safe side for a monitor, since
//!   an extra run is never "missed", while expecting a run that Kubernetes stops creating
//!   would raise false alarms.
//!
//! Mapping a civil time to its earliest instant keeps fire times strictly increasing in civil
//! order, which is what lets the walk start at the civil time of `after`.

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::{AmbiguousOffset, TimeZone};
use jiff::{SignedDuration, Timestamp};

use super::fields::CronFields;

/// How far to look before concluding "never fires" (`0 0 30 2 *`). Eight years spans the
/// longest gap between two 29 Februaries (2096 → 2104).
const SEARCH_DAYS: usize = 366 * 8 + 2;

/// The first fire time strictly after `after`.
pub(super) fn next_after(
    fields: &CronFields,
    zone: &TimeZone,
    after: Timestamp,
) -> Option<Timestamp> {
    let start = zone.to_datetime(after);
    let mut date = start.date();
    let mut floor = (start.hour(), start.minute());
    for _ in 0..SEARCH_DAYS {
        if fields.matches_date(date) {
            for hour in ascending(fields.hours, floor.0) {
                let first_minute = if hour == floor.0 { floor.1 } else { 0 };
                for minute in ascending(fields.minutes, first_minute) {
                    match resolve(zone, date, hour, minute) {
                        Some(at) if at > after => return Some(at),
                        _ => {}
                    }
                }
            }
        }
        date = date.tomorrow().ok()?;
        floor = (0, 0);
    }
    None
}

/// The last fire time strictly before `before`.
pub(super) fn prev_before(
    fields: &CronFields,
    zone: &TimeZone,
    before: Timestamp,
) -> Option<Timestamp> {
    let civil = zone.to_datetime(before);
    // Inside the second pass of a fold, later wall-clock times still map (first
    // occurrence) to instants before `before`; widen the start by the fold's length.
    let start = civil
        .checked_add(fold_margin(zone, before))
        .unwrap_or(civil);
    let mut date = start.date();
    let mut ceiling = (start.hour(), start.minute());
    for _ in 0..SEARCH_DAYS {
        if fields.matches_date(date) {
            for hour in descending(fields.hours, ceiling.0) {
                let last_minute = if hour == ceiling.0 { ceiling.1 } else { 59 };
                for minute in descending(fields.minutes, last_minute) {
                    match resolve(zone, date, hour, minute) {
                        Some(at) if at < before => return Some(at),
                        _ => {}
                    }
                }
            }
        }
        date = date.yesterday().ok()?;
        ceiling = (23, 59);
    }
    None
}

/// The first instant of a wall-clock minute; `None` when it falls in a DST gap.
fn resolve(zone: &TimeZone, date: Date, hour: i8, minute: i8) -> Option<Timestamp> {
    let time = Time::new(hour, minute, 0, 0).ok()?;
    let civil = DateTime::from_parts(date, time);
    let offset = match zone.to_ambiguous_timestamp(civil).offset() {
        AmbiguousOffset::Unambiguous { offset } => offset,
        AmbiguousOffset::Gap { .. } => return None,
        AmbiguousOffset::Fold { before, .. } => before,
    };
    offset.to_timestamp(civil).ok()
}

/// How far wall-clock times after `at` may still map to instants before it: the length of a
/// backwards offset change that `at` is still inside of, else zero.
fn fold_margin(zone: &TimeZone, at: Timestamp) -> SignedDuration {
    let probe = at.checked_add(SignedDuration::from_nanos(1)).unwrap_or(at);
    let Some(transition) = zone.preceding(probe).next() else {
        return SignedDuration::ZERO;
    };
    let changed_at = transition.timestamp();
    let just_before = changed_at
        .checked_sub(SignedDuration::from_nanos(1))
        .unwrap_or(changed_at);
    let shift_seconds = zone.to_offset(just_before).seconds() - transition.offset().seconds();
    let shift = SignedDuration::from_secs(i64::from(shift_seconds.max(0)));
    if at.duration_since(changed_at) < shift {
        shift
    } else {
        SignedDuration::ZERO
    }
}

/// Set bits of `bits` that are `>= from`, lowest first.
fn ascending(bits: u64, from: i8) -> impl Iterator<Item = i8> {
    let mut remaining = bits & mask_from(from);
    std::iter::from_fn(move || {
        if remaining == 0 {
            return None;
        }
        let value = remaining.trailing_zeros();
        remaining &= remaining - 1;
        i8::try_from(value).ok()
    })
}

/// Set bits of `bits` that are `<= to`, highest first.
fn descending(bits: u64, to: i8) -> impl Iterator<Item = i8> {
    let mut remaining = bits & !mask_from(to.saturating_add(1));
    std::iter::from_fn(move || {
        if remaining == 0 {
            return None;
        }
        let value = 63 - remaining.leading_zeros();
        remaining &= !(1 << value);
        i8::try_from(value).ok()
    })
}

/// Bits `from..64` set.
fn mask_from(from: i8) -> u64 {
    match u32::try_from(from) {
        Ok(shift) if shift >= 64 => 0,
        Ok(shift) => u64::MAX << shift,
        Err(_) => u64::MAX,
    }
}
