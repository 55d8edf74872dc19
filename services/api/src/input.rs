//! Validated inputs: request messages turned into domain values before any work
//! is done. A bad value becomes an [`InputError`], which is `INVALID_ARGUMENT`
//! over gRPC and a 400 problem over REST, with a message naming the field.

mod control;
mod query;

use guardian_core::{CronJobRef, Severity};

use crate::ErrorCode;
use crate::v1;

pub use control::{AlertRef, PruneInput, SilenceInput, ValidControl};
pub use query::{
    AlertFilter, AlertHistoryQuery, ChannelRef, CronJobFilter, DailyStatsQuery, ExecutionQuery,
    ExecutionRef, HealthStatus, LogsQuery,
};

/// Longest Kubernetes object name (RFC 1123 subdomain).
const MAX_NAME_LEN: usize = 253;
/// Largest page a list call returns.
pub const MAX_PAGE_LIMIT: u32 = 1000;

/// A request value that cannot be used, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {field}: {reason}")]
pub struct InputError {
    /// The JSON name of the offending field.
    pub field: String,
    /// What is wrong with it.
    pub reason: String,
}

impl InputError {
    pub fn new(field: impl Into<String>, reason: impl Into<String>) -> InputError {
        InputError {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// The field is required but empty or absent.
    pub fn missing(field: impl Into<String>) -> InputError {
        InputError::new(field, "is required")
    }

    pub fn code(&self) -> ErrorCode {
        ErrorCode::InvalidArgument
    }
}

impl From<InputError> for tonic::Status {
    fn from(error: InputError) -> Self {
        error.code().to_status(error.to_string())
    }
}

/// A page of a list: how many items, starting where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub limit: u32,
    pub offset: u32,
}

/// An optional count between 1 and `max`; `default` when unset.
pub fn bounded(field: &str, value: Option<i32>, default: u32, max: u32) -> Result<u32, InputError> {
    let Some(value) = value else {
        return Ok(default);
    };
    u32::try_from(value)
        .ok()
        .filter(|value| (1..=max).contains(value))
        .ok_or_else(|| InputError::new(field, format!("{value} is not between 1 and {max}")))
}

impl Page {
    /// Validates paging fields; a non-empty `page_token` replaces `offset`.
    pub fn from_request(
        limit: Option<i32>,
        offset: i32,
        page_token: &str,
        default_limit: u32,
    ) -> Result<Page, InputError> {
        let limit = bounded("limit", limit, default_limit, MAX_PAGE_LIMIT)?;
        let offset = if page_token.is_empty() {
            u32::try_from(offset)
                .map_err(|_| InputError::new("offset", format!("{offset} is negative")))?
        } else {
            crate::convert::decode_page_token(page_token)?
        };
        Ok(Page { limit, offset })
    }
}

/// Returns `value` owned, or a "required" error when it is empty.
pub(crate) fn required(field: &str, value: &str) -> Result<String, InputError> {
    if value.is_empty() {
        return Err(InputError::missing(field));
    }
    Ok(value.to_owned())
}

/// Returns `Some(value)` for a non-empty filter value.
fn optional_text(value: &str) -> Option<String> {
    (!value.is_empty()).then(|| value.to_owned())
}

/// Checks that `value` is a Kubernetes object name (lowercase RFC 1123 subdomain).
pub fn object_name(field: &str, value: &str) -> Result<String, InputError> {
    let name = required(field, value)?;
    let valid_chars = name
        .bytes()
        .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || b"-.".contains(&byte));
    let valid_ends = name.starts_with(|c: char| c.is_ascii_alphanumeric())
        && name.ends_with(|c: char| c.is_ascii_alphanumeric());
    if name.len() > MAX_NAME_LEN || !valid_chars || !valid_ends {
        return Err(InputError::new(
            field,
            format!("{name:?} is not a Kubernetes object name"),
        ));
    }
    Ok(name)
}

/// Builds a CronJob (or monitor) reference from validated names.
pub fn cronjob_ref(namespace: &str, name: &str) -> Result<CronJobRef, InputError> {
    Ok(CronJobRef::new(
        object_name("namespace", namespace)?,
        object_name("name", name)?,
    ))
}

/// Parses a severity name (`info`, `warning`, `critical`).
pub fn parse_severity(field: &str, text: &str) -> Result<Severity, InputError> {
    [Severity::Info, Severity::Warning, Severity::Critical]
        .into_iter()
        .find(|severity| severity.as_str() == text)
        .ok_or_else(|| {
            InputError::new(
                field,
                format!("{text:?} is not one of info, warning, critical"),
            )
        })
}

/// Requests that name a CronJob or monitor by `namespace` and `name`.
macro_rules! cronjob_ref_from {
    ($($request:ty),+ $(,)?) => {$(
        impl TryFrom<&$request> for CronJobRef {
            type Error = InputError;

            fn try_from(request: &$request) -> Result<Self, Self::Error> {
                cronjob_ref(&request.namespace, &request.name)
            }
        }
    )+};
}

cronjob_ref_from!(
    v1::GetMonitorRequest,
    v1::GetCronJobRequest,
    v1::TriggerCronJobRequest,
    v1::SuspendCronJobRequest,
    v1::ResumeCronJobRequest,
    v1::DeleteHistoryRequest,
);
