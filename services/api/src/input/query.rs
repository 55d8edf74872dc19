//! Validated inputs of the QueryService RPCs.

use std::fmt;
use std::str::FromStr;

use guardian_core::{CronJobRef, Outcome, Severity};
use jiff::Timestamp;

use super::{InputError, Page, bounded, cronjob_ref, object_name, optional_text, parse_severity};
use crate::convert::optional_timestamp;
use crate::v1;

/// Default page size of `ListExecutions` (the existing operator's default).
pub const DEFAULT_EXECUTION_LIMIT: u32 = 20;
/// Default page size of `ListAlertHistory`.
pub const DEFAULT_ALERT_HISTORY_LIMIT: u32 = 50;

/// Which runs of a CronJob to list.
#[derive(Debug, Clone, PartialEq)]
pub struct ExecutionQuery {
    pub cronjob: CronJobRef,
    pub page: Page,
    /// Only runs started at or after this time.
    pub since: Option<Timestamp>,
    /// Only runs with this outcome.
    pub outcome: Option<Outcome>,
}

impl TryFrom<&v1::ListExecutionsRequest> for ExecutionQuery {
    type Error = InputError;

    fn try_from(request: &v1::ListExecutionsRequest) -> Result<Self, Self::Error> {
        let outcome = optional_text(&request.status)
            .map(|status| {
                status
                    .parse::<Outcome>()
                    .map_err(|error| InputError::new("status", error.to_string()))
            })
            .transpose()?;
        Ok(ExecutionQuery {
            cronjob: cronjob_ref(&request.namespace, &request.name)?,
            page: Page::from_request(
                request.limit,
                request.offset,
                &request.page_token,
                DEFAULT_EXECUTION_LIMIT,
            )?,
            since: optional_timestamp("since", request.since.as_ref())?,
            outcome,
        })
    }
}

/// Default and largest number of days of `GetDailyStats` (a year's heatmap, leap years too).
pub const DEFAULT_DAILY_STATS_DAYS: u32 = 30;
pub const MAX_DAILY_STATS_DAYS: u32 = 366;

/// Which days of a CronJob's figures to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DailyStatsQuery {
    pub cronjob: CronJobRef,
    /// 1 to [`MAX_DAILY_STATS_DAYS`], today included.
    pub days: u32,
}

impl TryFrom<&v1::GetDailyStatsRequest> for DailyStatsQuery {
    type Error = InputError;

    fn try_from(request: &v1::GetDailyStatsRequest) -> Result<Self, Self::Error> {
        Ok(DailyStatsQuery {
            cronjob: cronjob_ref(&request.namespace, &request.name)?,
            days: bounded(
                "days",
                request.days,
                DEFAULT_DAILY_STATS_DAYS,
                MAX_DAILY_STATS_DAYS,
            )?,
        })
    }
}

/// One run of a CronJob, by the Job's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExecutionRef {
    pub cronjob: CronJobRef,
    pub job_name: String,
}

impl TryFrom<&v1::GetExecutionRequest> for ExecutionRef {
    type Error = InputError;

    fn try_from(request: &v1::GetExecutionRequest) -> Result<Self, Self::Error> {
        Ok(ExecutionRef {
            cronjob: cronjob_ref(&request.namespace, &request.name)?,
            job_name: object_name("jobName", &request.job_name)?,
        })
    }
}

/// Which logs of a run to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogsQuery {
    pub execution: ExecutionRef,
    /// The container; the Job's first container when `None`.
    pub container: Option<String>,
    /// Lines from the end; all when `None`.
    pub tail_lines: Option<u32>,
}

impl TryFrom<&v1::GetExecutionLogsRequest> for LogsQuery {
    type Error = InputError;

    fn try_from(request: &v1::GetExecutionLogsRequest) -> Result<Self, Self::Error> {
        let tail_lines = request
            .tail_lines
            .map(|lines| {
                u32::try_from(lines)
                    .map_err(|_| InputError::new("tailLines", format!("{lines} is negative")))
            })
            .transpose()?;
        Ok(LogsQuery {
            execution: ExecutionRef {
                cronjob: cronjob_ref(&request.namespace, &request.name)?,
                job_name: object_name("jobName", &request.job_name)?,
            },
            container: optional_text(&request.container),
            tail_lines,
        })
    }
}

/// The health of a CronJob, as the list filter names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HealthStatus {
    Healthy,
    Warning,
    Critical,
    Suspended,
}

impl HealthStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            HealthStatus::Healthy => "healthy",
            HealthStatus::Warning => "warning",
            HealthStatus::Critical => "critical",
            HealthStatus::Suspended => "suspended",
        }
    }
}

impl fmt::Display for HealthStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for HealthStatus {
    type Err = InputError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        [
            HealthStatus::Healthy,
            HealthStatus::Warning,
            HealthStatus::Critical,
            HealthStatus::Suspended,
        ]
        .into_iter()
        .find(|status| status.as_str() == text)
        .ok_or_else(|| {
            InputError::new(
                "status",
                format!("{text:?} is not one of healthy, warning, critical, suspended"),
            )
        })
    }
}

/// Which CronJobs to list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CronJobFilter {
    pub namespace: Option<String>,
    pub status: Option<HealthStatus>,
    /// Substring of the CronJob's name.
    pub search: Option<String>,
}

impl TryFrom<&v1::ListCronJobsRequest> for CronJobFilter {
    type Error = InputError;

    fn try_from(request: &v1::ListCronJobsRequest) -> Result<Self, Self::Error> {
        Ok(CronJobFilter {
            namespace: optional_text(&request.namespace),
            status: optional_text(&request.status)
                .map(|status| status.parse())
                .transpose()?,
            search: optional_text(&request.search),
        })
    }
}

/// Which active alerts to list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AlertFilter {
    pub severity: Option<Severity>,
    pub alert_type: Option<String>,
    pub namespace: Option<String>,
    /// CronJob name.
    pub cronjob: Option<String>,
}

impl TryFrom<&v1::ListAlertsRequest> for AlertFilter {
    type Error = InputError;

    fn try_from(request: &v1::ListAlertsRequest) -> Result<Self, Self::Error> {
        Ok(AlertFilter {
            severity: optional_severity(&request.severity)?,
            alert_type: optional_text(&request.r#type),
            namespace: optional_text(&request.namespace),
            cronjob: optional_text(&request.cronjob),
        })
    }
}

/// Which past alerts to list.
#[derive(Debug, Clone, PartialEq)]
pub struct AlertHistoryQuery {
    pub page: Page,
    pub severity: Option<Severity>,
    /// Only alerts that occurred at or after this time.
    pub since: Option<Timestamp>,
}

impl TryFrom<&v1::ListAlertHistoryRequest> for AlertHistoryQuery {
    type Error = InputError;

    fn try_from(request: &v1::ListAlertHistoryRequest) -> Result<Self, Self::Error> {
        Ok(AlertHistoryQuery {
            page: Page::from_request(
                request.limit,
                request.offset,
                "",
                DEFAULT_ALERT_HISTORY_LIMIT,
            )?,
            severity: optional_severity(&request.severity)?,
            since: optional_timestamp("since", request.since.as_ref())?,
        })
    }
}

fn optional_severity(text: &str) -> Result<Option<Severity>, InputError> {
    optional_text(text)
        .map(|text| parse_severity("severity", &text))
        .transpose()
}

/// An alert channel by name, optionally pinned to a namespace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelRef {
    pub name: String,
    /// Needed only when two namespaces hold a channel of that name.
    pub namespace: Option<String>,
}

impl ChannelRef {
    fn new(name: &str, namespace: &str) -> Result<ChannelRef, InputError> {
        let namespace = optional_text(namespace)
            .map(|namespace| object_name("namespace", &namespace))
            .transpose()?;
        Ok(ChannelRef {
            name: object_name("name", name)?,
            namespace,
        })
    }
}

impl TryFrom<&v1::GetChannelRequest> for ChannelRef {
    type Error = InputError;

    fn try_from(request: &v1::GetChannelRequest) -> Result<Self, Self::Error> {
        ChannelRef::new(&request.name, &request.namespace)
    }
}

impl TryFrom<&v1::TestChannelRequest> for ChannelRef {
    type Error = InputError;

    fn try_from(request: &v1::TestChannelRequest) -> Result<Self, Self::Error> {
        ChannelRef::new(&request.name, &request.namespace)
    }
}
