//! The five cron fields, parsed exactly as robfig/cron v3 `ParseStandard` does (that is what
//! the Kubernetes CronJob controller runs): lists, ranges, steps, `N/step` meaning `N-max/step`,
//! `*` and `?`, month and weekday names, and robfig's "star bit" that decides between AND and
//! Vixie OR for day-of-month / day-of-week.

use jiff::civil::Date;

use super::ScheduleError;

/// One field's legal values and names.
struct Bounds {
    field: &'static str,
    min: u32,
    max: u32,
    names: &'static [(&'static str, u32)],
}

const MINUTE: Bounds = Bounds {
    field: "minute",
    min: 0,
    max: 59,
    names: &[],
};
const HOUR: Bounds = Bounds {
    field: "hour",
    min: 0,
    max: 23,
    names: &[],
};
const DAY_OF_MONTH: Bounds = Bounds {
    field: "day-of-month",
    min: 1,
    max: 31,
    names: &[],
};
const MONTH: Bounds = Bounds {
    field: "month",
    min: 1,
    max: 12,
    names: &[
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("may", 5),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
    ],
};
const DAY_OF_WEEK: Bounds = Bounds {
    field: "day-of-week",
    min: 0,
    max: 6,
    names: &[
        ("sun", 0),
        ("mon", 1),
        ("tue", 2),
        ("wed", 3),
        ("thu", 4),
        ("fri", 5),
        ("sat", 6),
    ],
};

/// A parsed five-field cron expression as bit sets (bit `n` set = value `n` allowed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct CronFields {
    pub(super) minutes: u64,
    pub(super) hours: u64,
    days_of_month: u64,
    months: u64,
    days_of_week: u64,
    /// robfig's star bit: the field was `*`/`?` (with step 1). If either day field carries
    /// it, both day fields must match (AND); otherwise either may match (Vixie OR).
    day_of_month_star: bool,
    day_of_week_star: bool,
}

impl CronFields {
    /// Parses `minute hour day-of-month month day-of-week`.
    pub(super) fn parse(spec: &str) -> Result<Self, ScheduleError> {
        let fields: Vec<&str> = spec.split_whitespace().collect();
        let [minute, hour, day_of_month, month, day_of_week] = fields[..] else {
            return Err(ScheduleError::FieldCount {
                found: fields.len(),
            });
        };
        let (minutes, _) = parse_field(minute, &MINUTE)?;
        let (hours, _) = parse_field(hour, &HOUR)?;
        let (days_of_month, day_of_month_star) = parse_field(day_of_month, &DAY_OF_MONTH)?;
        let (months, _) = parse_field(month, &MONTH)?;
        let (days_of_week, day_of_week_star) = parse_field(day_of_week, &DAY_OF_WEEK)?;
        Ok(Self {
            minutes,
            hours,
            days_of_month,
            months,
            days_of_week,
            day_of_month_star,
            day_of_week_star,
        })
    }

    /// Whether the schedule fires at some time on `date` (robfig `dayMatches` plus month).
    pub(super) fn matches_date(&self, date: Date) -> bool {
        if !has_bit(self.months, date.month()) {
            return false;
        }
        let day_of_month = has_bit(self.days_of_month, date.day());
        let day_of_week = has_bit(self.days_of_week, date.weekday().to_sunday_zero_offset());
        if self.day_of_month_star || self.day_of_week_star {
            day_of_month && day_of_week
        } else {
            day_of_month || day_of_week
        }
    }
}

fn has_bit(bits: u64, value: i8) -> bool {
    u32::try_from(value).is_ok_and(|shift| shift < 64 && bits & (1 << shift) != 0)
}

/// Parses a comma-separated list of ranges into bits and the star flag.
fn parse_field(text: &str, bounds: &Bounds) -> Result<(u64, bool), ScheduleError> {
    let mut bits = 0;
    let mut star = false;
    for range in text.split(',') {
        let (range_bits, range_star) = parse_range(range, bounds)?;
        bits |= range_bits;
        star |= range_star;
    }
    Ok((bits, star))
}

/// One `start[-end][/step]` or `*[/step]` term (robfig `getRange`).
fn parse_range(text: &str, bounds: &Bounds) -> Result<(u64, bool), ScheduleError> {
    range_bits(text, bounds).map_err(|reason| ScheduleError::Field {
        field: bounds.field,
        value: text.to_owned(),
        reason,
    })
}

fn range_bits(text: &str, bounds: &Bounds) -> Result<(u64, bool), String> {
    let mut range_and_step = text.split('/');
    let range = range_and_step.next().unwrap_or_default();
    let step_text = range_and_step.next();
    if range_and_step.next().is_some() {
        return Err("too many slashes".to_owned());
    }
    let (start, mut end, mut star) = parse_span(range, bounds)?;
    let mut step = 1;
    if let Some(text) = step_text {
        step = parse_number(text)?;
        // robfig: "N/step" means "N-max/step".
        if !range.contains('-') {
            end = bounds.max;
        }
        // robfig clears the star bit for steps above one ("*/2" is not a wildcard).
        star &= step <= 1;
    }
    if start < bounds.min {
        return Err(format!("beginning of range below minimum {}", bounds.min));
    }
    if end > bounds.max {
        return Err(format!("end of range above maximum {}", bounds.max));
    }
    if start > end {
        return Err("beginning of range after end of range".to_owned());
    }
    if step == 0 {
        return Err("step must be a positive number".to_owned());
    }
    let bits = (start..=end)
        .step_by(step as usize)
        .fold(0u64, |bits, value| bits | (1 << value));
    Ok((bits, star))
}

/// `*`, `?`, `N` or `N-M` as (start, end, star).
fn parse_span(range: &str, bounds: &Bounds) -> Result<(u32, u32, bool), String> {
    let low_and_high: Vec<&str> = range.split('-').collect();
    // robfig looks only at the part before any hyphen: "*-5" is "*".
    if matches!(low_and_high.first(), Some(&("*" | "?"))) {
        return Ok((bounds.min, bounds.max, true));
    }
    match low_and_high[..] {
        [single] => parse_value(single, bounds).map(|value| (value, value, false)),
        [low, high] => Ok((parse_value(low, bounds)?, parse_value(high, bounds)?, false)),
        _ => Err("too many hyphens".to_owned()),
    }
}

/// A number or, where the field has them, a case-insensitive name.
fn parse_value(text: &str, bounds: &Bounds) -> Result<u32, String> {
    let lower = text.to_ascii_lowercase();
    match bounds.names.iter().find(|(name, _)| *name == lower) {
        Some((_, value)) => Ok(*value),
        None => parse_number(text),
    }
}

fn parse_number(text: &str) -> Result<u32, String> {
    let value: i64 = text
        .parse()
        .map_err(|_| format!("{text:?} is not a number"))?;
    u32::try_from(value).map_err(|_| format!("negative number {value} not allowed"))
}
