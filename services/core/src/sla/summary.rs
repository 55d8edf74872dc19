//! Incremental, mergeable SLA history: one bucket per UTC day with exact counts and sums and
//! a bounded duration sketch, so a window's figures come from at most `windowDays` buckets
//! instead of a rescan of every execution.
//!
//! The sketch keeps every successful duration (exact [`percentile_cont`](super::percentile_cont))
//! until a day holds more than [`SKETCH_CAPACITY`] of them — far beyond the 1 440 runs a
//! once-a-minute CronJob makes. Past that it compacts by merging sorted neighbours into one
//! weighted entry, so percentiles become approximate but memory stays bounded. Counts, rates
//! and averages stay exact regardless.
//!
//! Windows built from buckets are day-aligned: `last_days(now, 7)` covers the UTC day of
//! `now` and the six before it. Use [`SlaStats::from_samples`] when exact edges matter.

use std::collections::BTreeMap;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use super::percentile::{nanos_to_duration, weighted_percentile_cont};
use super::{DurationStats, Sample, SlaStats};

/// Most duration entries a day keeps before compacting.
pub const SKETCH_CAPACITY: usize = 4096;

/// One UTC day of finished runs.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DaySummary {
    pub succeeded: u64,
    pub failed: u64,
    /// Sum of successful durations, in nanoseconds (exact average).
    pub duration_sum_nanos: i128,
    pub max_duration: Option<SignedDuration>,
    /// `(duration in nanoseconds, weight)`, sorted by duration.
    sketch: Vec<(i128, u64)>,
}

impl DaySummary {
    /// Adds one finished run.
    pub fn record(&mut self, sample: &Sample) {
        if !sample.succeeded {
            self.failed += 1;
            return;
        }
        self.succeeded += 1;
        let nanos = sample.duration.as_nanos();
        self.duration_sum_nanos += nanos;
        self.max_duration = self.max_duration.max(Some(sample.duration));
        let position = self.sketch.partition_point(|(value, _)| *value <= nanos);
        self.sketch.insert(position, (nanos, 1));
        self.compact();
    }

    /// Folds another summary of the same day into this one.
    pub fn merge(&mut self, other: &DaySummary) {
        self.succeeded += other.succeeded;
        self.failed += other.failed;
        self.duration_sum_nanos += other.duration_sum_nanos;
        self.max_duration = self.max_duration.max(other.max_duration);
        self.sketch.extend_from_slice(&other.sketch);
        self.sketch.sort_unstable();
        self.compact();
    }

    /// Whether every successful duration is still held exactly.
    pub fn is_exact(&self) -> bool {
        self.sketch.iter().all(|(_, weight)| *weight == 1)
    }

    /// Halves the sketch by merging sorted neighbours until it fits. The merged entry keeps
    /// the heavier value; ties alternate between the two so neither end drifts.
    fn compact(&mut self) {
        while self.sketch.len() > SKETCH_CAPACITY {
            let merged = self
                .sketch
                .chunks(2)
                .enumerate()
                .map(|(index, pair)| {
                    let combine =
                        |(low, low_weight): (i128, u64), (high, high_weight): (i128, u64)| {
                            let keep_high = high_weight > low_weight
                                || (high_weight == low_weight && index % 2 == 1);
                            (if keep_high { high } else { low }, low_weight + high_weight)
                        };
                    pair.iter().copied().reduce(combine).unwrap_or_default()
                })
                .collect();
            self.sketch = merged;
        }
    }
}

/// Per-day summaries of one CronJob, keyed by UTC date.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct History {
    days: BTreeMap<Date, DaySummary>,
}

impl History {
    /// Adds one finished run to the bucket of its UTC completion day.
    pub fn record(&mut self, sample: &Sample) {
        self.days
            .entry(utc_day(sample.finished_at))
            .or_default()
            .record(sample);
    }

    /// Folds another history (say, from another replica or a reload) into this one.
    pub fn merge(&mut self, other: &History) {
        for (day, summary) in &other.days {
            self.days.entry(*day).or_default().merge(summary);
        }
    }

    /// Drops buckets of days before `first_kept`.
    pub fn prune_before(&mut self, first_kept: Date) {
        self.days = self.days.split_off(&first_kept);
    }

    pub fn day(&self, day: Date) -> Option<&DaySummary> {
        self.days.get(&day)
    }

    /// Figures for the UTC day of `now` and the `days - 1` days before it.
    pub fn last_days(&self, now: Timestamp, days: i32) -> SlaStats {
        let last = utc_day(now);
        let back = i64::from(days.max(1) - 1);
        let first = last
            .checked_sub(jiff::Span::new().days(back))
            .unwrap_or(Date::MIN);
        self.between(first, last)
    }

    /// Figures for the buckets of `first..=last`.
    pub fn between(&self, first: Date, last: Date) -> SlaStats {
        let mut combined = DaySummary::default();
        if first <= last {
            for summary in self.days.range(first..=last).map(|(_, summary)| summary) {
                combined.merge(summary);
            }
        }
        SlaStats::from_parts(
            combined.succeeded,
            combined.failed,
            summary_durations(&combined),
        )
    }
}

fn summary_durations(summary: &DaySummary) -> Option<DurationStats> {
    let max = summary.max_duration?;
    let samples = summary.succeeded;
    let at = |fraction| {
        weighted_percentile_cont(&summary.sketch, fraction).map_or(max, nanos_to_duration)
    };
    Some(DurationStats {
        samples,
        average: nanos_to_duration(
            (summary.duration_sum_nanos / i128::from(samples.max(1))) as f64,
        ),
        p50: at(0.50),
        p95: at(0.95),
        p99: at(0.99),
        max,
    })
}

fn utc_day(at: Timestamp) -> Date {
    TimeZone::UTC.to_datetime(at).date()
}
