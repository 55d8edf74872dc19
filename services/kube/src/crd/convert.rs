//! From the CRDs' wire format to the core's settings, with every invalid value reported.
//!
//! The CRD types only carry what the user wrote; here durations are parsed, selectors,
//! maintenance windows and fix patterns compiled, and absent blocks replaced by their
//! documented defaults (the Go operator skipped context, for instance, when `includeContext`
//! was absent). Nothing stops at the first problem: [`InvalidSpec`] lists all of them, each a
//! [`ConvertError`] with a condition `reason()`, for the reconciler to put in the status.

mod channel;
mod monitor;
mod values;

use std::fmt;

use guardian_core::duration::DurationError;
use guardian_core::fixes::PatternError;
use guardian_core::maintenance::MaintenanceError;
use guardian_core::schedule::ScheduleError;
use guardian_core::selector::SelectorError;
use jiff::SignedDuration;

use super::duration::KubeDuration;
use super::enums::ChannelType;

pub use channel::{ChannelPolicy, ChannelTarget, channel_policy};
pub use monitor::{AlertingSettings, MonitorPolicy, SlaSettings, monitor_policy};

/// One invalid value of a spec. Fields are JSON paths from the object root.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConvertError {
    #[error("{field}: {source}")]
    Duration {
        field: &'static str,
        source: DurationError,
    },
    #[error("spec.selector: {0}")]
    Selector(SelectorError),
    #[error("spec.maintenanceWindows: {0}")]
    MaintenanceWindow(MaintenanceError),
    #[error("spec.alerting.suggestedFixPatterns: {0}")]
    FixPattern(PatternError),
    #[error("{field} is {value}, expected {expected}")]
    OutOfRange {
        field: &'static str,
        value: String,
        expected: &'static str,
    },
    #[error("spec.type is {channel_type} but spec.{channel_type} is missing")]
    MissingChannelSettings { channel_type: ChannelType },
    #[error("{field} must not be empty")]
    Empty { field: &'static str },
}

impl ConvertError {
    /// A CamelCase condition reason for this error.
    pub fn reason(&self) -> &'static str {
        match self {
            ConvertError::Duration { .. } => "InvalidDuration",
            ConvertError::Selector(_) => "InvalidSelector",
            ConvertError::MaintenanceWindow(MaintenanceError::Schedule {
                source: ScheduleError::UnknownTimeZone { .. },
                ..
            }) => "UnknownTimeZone",
            ConvertError::MaintenanceWindow(_) => "InvalidMaintenanceWindow",
            ConvertError::FixPattern(PatternError::Regex { .. }) => "InvalidRegex",
            ConvertError::FixPattern(_) => "InvalidFixPattern",
            ConvertError::OutOfRange { .. } => "ValueOutOfRange",
            ConvertError::MissingChannelSettings { .. } => "MissingChannelSettings",
            ConvertError::Empty { .. } => "MissingValue",
        }
    }
}

/// Every invalid value of one spec (never empty).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct InvalidSpec {
    pub errors: Vec<ConvertError>,
}

impl InvalidSpec {
    /// The condition reason: the first error's.
    pub fn reason(&self) -> &'static str {
        self.errors
            .first()
            .map_or("InvalidSpec", ConvertError::reason)
    }
}

impl fmt::Display for InvalidSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, error) in self.errors.iter().enumerate() {
            if index > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

/// Collects errors while a conversion goes on, so one pass reports all of them.
#[derive(Debug, Default)]
struct Errors(Vec<ConvertError>);

impl Errors {
    fn push(&mut self, error: ConvertError) {
        self.0.push(error);
    }

    /// The parsed duration, or `None` (recorded) when it is invalid or absent.
    fn duration(
        &mut self,
        field: &'static str,
        value: Option<&KubeDuration>,
    ) -> Option<SignedDuration> {
        match value?.parse() {
            Ok(parsed) => Some(parsed),
            Err(source) => {
                self.push(ConvertError::Duration { field, source });
                None
            }
        }
    }

    /// `value` as a `u32`, or 0 (recorded) when negative.
    fn non_negative(&mut self, field: &'static str, value: i32) -> u32 {
        u32::try_from(value).unwrap_or_else(|_| {
            self.out_of_range(field, value, "a number of at least 0");
            0
        })
    }

    fn out_of_range(
        &mut self,
        field: &'static str,
        value: impl fmt::Display,
        expected: &'static str,
    ) {
        self.push(ConvertError::OutOfRange {
            field,
            value: value.to_string(),
            expected,
        });
    }

    /// `Ok(value)` when nothing was recorded.
    fn finish<T>(self, value: T) -> Result<T, InvalidSpec> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(InvalidSpec { errors: self.0 })
        }
    }

    fn into_invalid(self) -> InvalidSpec {
        InvalidSpec { errors: self.0 }
    }
}
