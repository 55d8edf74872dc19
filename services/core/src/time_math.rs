//! Saturating timestamp arithmetic: configuration can carry absurd durations
//! (`3000000h` is valid Go), and a decision must never panic on them.

use jiff::{SignedDuration, Timestamp};

/// `at + by`, clamped to jiff's representable range.
pub(crate) fn add(at: Timestamp, by: SignedDuration) -> Timestamp {
    at.checked_add(by).unwrap_or(if by.is_negative() {
        Timestamp::MIN
    } else {
        Timestamp::MAX
    })
}

/// `at - by`, clamped to jiff's representable range.
pub(crate) fn sub(at: Timestamp, by: SignedDuration) -> Timestamp {
    at.checked_sub(by).unwrap_or(if by.is_negative() {
        Timestamp::MAX
    } else {
        Timestamp::MIN
    })
}

/// The earlier of two optional instants (`None` means "no such instant").
pub(crate) fn earliest(first: Option<Timestamp>, second: Option<Timestamp>) -> Option<Timestamp> {
    match (first, second) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (one, other) => one.or(other),
    }
}
