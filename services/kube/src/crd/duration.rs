//! Kubernetes duration strings (`30m`, `25h`, `1h30m`) as they sit in the CRDs.
//!
//! The text is kept as written, so an object round-trips unchanged; [`KubeDuration::parse`]
//! turns it into a value with the core's Go-compatible parser. The schema carries a `pattern`
//! so the API server rejects what the parser would (`1d`, `-5m`, `soon`) at apply time.

use std::borrow::Cow;
use std::fmt;

use guardian_core::duration::{self, DurationError};
use jiff::SignedDuration;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

/// Non-negative Go duration: `0`, or one or more `<number><unit>` with units `ns`, `us`, `µs`,
/// `μs`, `ms`, `s`, `m`, `h`; numbers may have a fraction (`1.5h`). A leading `+` is allowed.
pub const DURATION_PATTERN: &str =
    r"^\+?(0|(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$";

/// A duration field of a CRD, unparsed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct KubeDuration(String);

impl KubeDuration {
    /// Wraps duration text as written (not validated: see [`KubeDuration::parse`]).
    pub fn new(text: impl Into<String>) -> Self {
        Self(text.into())
    }

    /// Formats a duration the way Go's `Duration.String()` does (`1m30s`), for status fields.
    pub fn from_duration(value: SignedDuration) -> Self {
        Self(duration::format(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Parses the text; negative durations are rejected.
    pub fn parse(&self) -> Result<SignedDuration, DurationError> {
        duration::parse_non_negative(&self.0)
    }
}

impl fmt::Display for KubeDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for KubeDuration {
    fn from(text: &str) -> Self {
        Self::new(text)
    }
}

impl JsonSchema for KubeDuration {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "KubeDuration".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": DURATION_PATTERN,
        })
    }
}
