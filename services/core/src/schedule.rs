//! Kubernetes CronJob schedules: parsing with robfig/cron v3 `ParseStandard` semantics and
//! fire-time arithmetic in the schedule's time zone.
//!
//! Accepted: five fields with lists, ranges, steps (`0/15` = `0-59/15`), month and weekday
//! names, `?`, Vixie OR for day-of-month/day-of-week; the descriptors `@yearly`, `@annually`,
//! `@monthly`, `@weekly`, `@daily`, `@midnight`, `@hourly` and `@every <duration>`; a
//! `CRON_TZ=`/`TZ=` prefix, which wins over `spec.timeZone` as in the Kubernetes controller.
//! Without any zone the schedule runs in UTC (the controller-manager's usual local zone).
//! DST behaviour is described in [`walk`](self::walk).

mod fields;
mod walk;

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use crate::duration::{self, DurationError};
use fields::CronFields;

/// Why a schedule (or its time zone) was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    #[error("empty schedule")]
    Empty,
    #[error("expected exactly 5 fields, found {found}")]
    FieldCount { found: usize },
    #[error("invalid {field} field {value:?}: {reason}")]
    Field {
        field: &'static str,
        value: String,
        reason: String,
    },
    #[error("unrecognized descriptor {0:?}")]
    UnknownDescriptor(String),
    #[error("invalid @every duration: {0}")]
    Every(#[source] DurationError),
    #[error("unknown time zone {name:?}: {reason}")]
    UnknownTimeZone { name: String, reason: String },
}

/// A parsed schedule bound to its time zone.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    kind: Kind,
    zone: TimeZone,
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Cron(CronFields),
    /// `@every d`: fires at `anchor + k·d` for every integer `k`.
    Every {
        interval: SignedDuration,
        anchor: Timestamp,
    },
}

impl Schedule {
    /// Parses a CronJob's `spec.schedule` with its optional `spec.timeZone`.
    pub fn parse(spec: &str, time_zone: Option<&str>) -> Result<Self, ScheduleError> {
        let spec = spec.trim();
        let (prefix_zone, body) = split_zone_prefix(spec)?;
        let zone = resolve_zone(prefix_zone.or(time_zone))?;
        if body.is_empty() {
            return Err(ScheduleError::Empty);
        }
        let kind = if body.starts_with('@') {
            parse_descriptor(body)?
        } else {
            Kind::Cron(CronFields::parse(body)?)
        };
        Ok(Self { kind, zone })
    }

    /// Anchors an `@every` schedule at the CronJob's creation time, from which Kubernetes
    /// counts its intervals (the default anchor is the Unix epoch). No-op for cron fields.
    pub fn anchored_at(mut self, anchor: Timestamp) -> Self {
        if let Kind::Every {
            anchor: current, ..
        } = &mut self.kind
        {
            *current = truncate_to_second(anchor);
        }
        self
    }

    /// The zone the schedule's wall-clock times are read in.
    pub fn time_zone(&self) -> &TimeZone {
        &self.zone
    }

    /// The first fire time strictly after `after`; `None` if it never fires again.
    pub fn next_after(&self, after: Timestamp) -> Option<Timestamp> {
        match &self.kind {
            Kind::Cron(fields) => walk::next_after(fields, &self.zone, after),
            Kind::Every { interval, anchor } => {
                every_step(*anchor, *interval, after, Direction::Next)
            }
        }
    }

    /// The last fire time strictly before `before`.
    pub fn prev_before(&self, before: Timestamp) -> Option<Timestamp> {
        match &self.kind {
            Kind::Cron(fields) => walk::prev_before(fields, &self.zone, before),
            Kind::Every { interval, anchor } => {
                every_step(*anchor, *interval, before, Direction::Prev)
            }
        }
    }

    /// The last fire time at or before `at`.
    pub fn last_at_or_before(&self, at: Timestamp) -> Option<Timestamp> {
        self.prev_before(at.checked_add(SignedDuration::from_nanos(1)).unwrap_or(at))
    }

    /// Fire times `f` with `after < f <= until`, in order.
    pub fn fire_times(&self, after: Timestamp, until: Timestamp) -> FireTimes<'_> {
        FireTimes {
            schedule: self,
            cursor: after,
            until,
        }
    }
}

/// Iterator returned by [`Schedule::fire_times`].
#[derive(Debug, Clone)]
pub struct FireTimes<'a> {
    schedule: &'a Schedule,
    cursor: Timestamp,
    until: Timestamp,
}

impl Iterator for FireTimes<'_> {
    type Item = Timestamp;

    fn next(&mut self) -> Option<Timestamp> {
        let fire = self
            .schedule
            .next_after(self.cursor)
            .filter(|fire| *fire <= self.until)?;
        self.cursor = fire;
        Some(fire)
    }
}

/// Splits `CRON_TZ=Zone rest` / `TZ=Zone rest` into the zone name and the rest.
fn split_zone_prefix(spec: &str) -> Result<(Option<&str>, &str), ScheduleError> {
    let Some(after_prefix) = spec
        .strip_prefix("CRON_TZ=")
        .or_else(|| spec.strip_prefix("TZ="))
    else {
        return Ok((None, spec));
    };
    match after_prefix.split_once(char::is_whitespace) {
        Some((zone, rest)) => Ok((Some(zone), rest.trim())),
        None => Err(ScheduleError::Empty),
    }
}

/// Resolves an IANA zone name; no name (or an empty one, as Go's `LoadLocation("")`) is UTC.
pub(crate) fn resolve_zone(name: Option<&str>) -> Result<TimeZone, ScheduleError> {
    match name {
        None | Some("") | Some("UTC") => Ok(TimeZone::UTC),
        Some(name) => TimeZone::get(name).map_err(|error| ScheduleError::UnknownTimeZone {
            name: name.to_owned(),
            reason: error.to_string(),
        }),
    }
}

fn parse_descriptor(descriptor: &str) -> Result<Kind, ScheduleError> {
    let equivalent = match descriptor {
        "@yearly" | "@annually" => "0 0 1 1 *",
        "@monthly" => "0 0 1 * *",
        "@weekly" => "0 0 * * 0",
        "@daily" | "@midnight" => "0 0 * * *",
        "@hourly" => "0 * * * *",
        _ => {
            let Some(text) = descriptor.strip_prefix("@every ") else {
                return Err(ScheduleError::UnknownDescriptor(descriptor.to_owned()));
            };
            let parsed = duration::parse(text).map_err(ScheduleError::Every)?;
            // robfig: at least one second, truncated to whole seconds.
            let interval = SignedDuration::from_secs(parsed.as_secs().max(1));
            return Ok(Kind::Every {
                interval,
                anchor: Timestamp::UNIX_EPOCH,
            });
        }
    };
    Ok(Kind::Cron(CronFields::parse(equivalent)?))
}

#[derive(Clone, Copy)]
enum Direction {
    Next,
    Prev,
}

/// The neighbouring grid point `anchor + k·interval` strictly after or before `at`.
fn every_step(
    anchor: Timestamp,
    interval: SignedDuration,
    at: Timestamp,
    direction: Direction,
) -> Option<Timestamp> {
    let step = interval.as_nanos();
    let offset = at.duration_since(anchor).as_nanos();
    let index = match direction {
        Direction::Next => offset.div_euclid(step) + 1,
        Direction::Prev => (offset + step - 1).div_euclid(step) - 1,
    };
    let delta = SignedDuration::try_from_nanos_i128(index.checked_mul(step)?)?;
    anchor.checked_add(delta).ok()
}

fn truncate_to_second(at: Timestamp) -> Timestamp {
    Timestamp::from_second(at.as_second()).unwrap_or(at)
}

#[cfg(test)]
mod dst_tests;
#[cfg(test)]
mod tests;
