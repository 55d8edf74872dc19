//! The one percentile definition of the product: **linear interpolation between closest
//! ranks**, as PostgreSQL's `percentile_cont` (and numpy's default) compute it. For sorted
//! values `x[0..n)` and a fraction `p` in `[0, 1]`: `rank = p·(n−1)`, and the result is
//! `x[⌊rank⌋] + (x[⌈rank⌉] − x[⌊rank⌋])·(rank − ⌊rank⌋)`, rounded to the nanosecond.
//!
//! Every back-end and every view (status, REST, metrics, regression) calls this code, so the
//! figures agree whichever database stored the runs.

use jiff::SignedDuration;

/// `percentile_cont(fraction)` over already sorted durations; `None` when empty.
///
/// `fraction` is clamped to `[0, 1]` (`0.95` is P95). NaN is treated as 0.
pub fn percentile_cont(sorted: &[SignedDuration], fraction: f64) -> Option<SignedDuration> {
    let weighted: Vec<(i128, u64)> = sorted.iter().map(|value| (value.as_nanos(), 1)).collect();
    weighted_percentile_cont(&weighted, fraction).map(nanos_to_duration)
}

/// [`percentile_cont`] over `(value, weight)` pairs sorted by value, where an entry of
/// weight `w` stands for `w` equal values. With all weights 1 it is exactly `percentile_cont`.
pub(crate) fn weighted_percentile_cont(sorted: &[(i128, u64)], fraction: f64) -> Option<f64> {
    let total: u64 = sorted.iter().map(|(_, weight)| weight).sum();
    if total == 0 {
        return None;
    }
    let fraction = if fraction.is_nan() {
        0.0
    } else {
        fraction.clamp(0.0, 1.0)
    };
    // Ranks fit f64 exactly: counts stay far below 2^53.
    let rank = fraction * (total - 1) as f64;
    let lower_rank = rank.floor();
    let lower = value_at(sorted, lower_rank as u64)?;
    let upper = value_at(sorted, rank.ceil() as u64)?;
    Some(lower as f64 + (upper - lower) as f64 * (rank - lower_rank))
}

/// The value at position `index` of the expanded (weight-repeated) sequence.
fn value_at(sorted: &[(i128, u64)], index: u64) -> Option<i128> {
    let mut seen = 0u64;
    for (value, weight) in sorted {
        seen += weight;
        if index < seen {
            return Some(*value);
        }
    }
    None
}

/// Rounds a nanosecond count to a duration (saturating at the duration range).
pub(crate) fn nanos_to_duration(nanos: f64) -> SignedDuration {
    let rounded = nanos.round();
    if rounded >= i128::MAX as f64 {
        return SignedDuration::MAX;
    }
    if rounded <= i128::MIN as f64 {
        return SignedDuration::MIN;
    }
    SignedDuration::try_from_nanos_i128(rounded as i128).unwrap_or(if rounded < 0.0 {
        SignedDuration::MIN
    } else {
        SignedDuration::MAX
    })
}
