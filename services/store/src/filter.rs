//! Read filters and pages. Filtering, ordering and paging all happen in SQL (the
//! existing operator pulled whole tables), and a page is never larger than [`MAX_PAGE`].

use guardian_core::{AlertState, CronJobRef, Outcome, Severity};
use jiff::Timestamp;

use crate::limits::to_millis;
use crate::sql::Arg;

/// The most rows one read returns, whatever limit is asked for.
pub const MAX_PAGE: u32 = 1000;

/// The most SLA samples one read returns (the newest are kept).
pub const MAX_SAMPLES: i64 = 100_000;

/// One page of results and how many match in total.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
}

/// Which executions of a CronJob to list (newest first).
#[derive(Debug, Clone, PartialEq)]
pub struct ExecutionFilter {
    pub limit: u32,
    pub offset: u64,
    /// Only executions started at or after this time.
    pub since: Option<Timestamp>,
    pub status: Option<Outcome>,
}

impl Default for ExecutionFilter {
    fn default() -> Self {
        Self {
            limit: 50,
            offset: 0,
            since: None,
            status: None,
        }
    }
}

/// Which CronJobs to list (by namespace, then name).
#[derive(Debug, Clone, PartialEq)]
pub struct CronJobFilter {
    pub namespace: Option<String>,
    /// Case-insensitive substring of the name.
    pub search: Option<String>,
    pub include_deleted: bool,
    pub limit: u32,
    pub offset: u64,
}

impl Default for CronJobFilter {
    fn default() -> Self {
        Self {
            namespace: None,
            search: None,
            include_deleted: false,
            limit: MAX_PAGE,
            offset: 0,
        }
    }
}

/// Which alerts to list (newest `since` first).
#[derive(Debug, Clone, PartialEq)]
pub struct AlertFilter {
    pub namespace: Option<String>,
    pub cronjob: Option<CronJobRef>,
    pub state: Option<AlertState>,
    pub severity: Option<Severity>,
    pub limit: u32,
    pub offset: u64,
}

impl Default for AlertFilter {
    fn default() -> Self {
        Self {
            namespace: None,
            cronjob: None,
            state: None,
            severity: None,
            limit: 100,
            offset: 0,
        }
    }
}

/// A `WHERE` clause assembled from the filters present, numbering placeholders as it goes.
#[derive(Debug, Default)]
pub(crate) struct Where {
    clauses: Vec<String>,
    pub(crate) args: Vec<Arg>,
}

impl Where {
    /// Adds `column <op> $n` for `value`.
    pub(crate) fn compare(&mut self, column: &str, op: &str, value: impl Into<Arg>) -> &mut Self {
        self.args.push(value.into());
        self.clauses
            .push(format!("{column} {op} ${}", self.args.len()));
        self
    }

    /// Adds a case-insensitive substring match on `column`; `%`, `_` and `\` match literally.
    pub(crate) fn contains(&mut self, column: &str, needle: &str) -> &mut Self {
        let escaped = needle
            .to_lowercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        self.args.push(Arg::from(format!("%{escaped}%")));
        self.clauses.push(format!(
            "LOWER({column}) LIKE ${} ESCAPE '\\'",
            self.args.len()
        ));
        self
    }

    /// Adds a clause without a value.
    pub(crate) fn raw(&mut self, clause: &str) -> &mut Self {
        self.clauses.push(clause.to_owned());
        self
    }

    /// ` WHERE a AND b`, or nothing.
    pub(crate) fn sql(&self) -> String {
        if self.clauses.is_empty() {
            return String::new();
        }
        format!(" WHERE {}", self.clauses.join(" AND "))
    }

    /// `LIMIT $n OFFSET $m` with the page bounds appended to a copy of the arguments.
    pub(crate) fn paged(&self, limit: u32, offset: u64) -> (String, Vec<Arg>) {
        let mut args = self.args.clone();
        args.push(Arg::from(i64::from(limit.min(MAX_PAGE))));
        args.push(Arg::from(i64::try_from(offset).unwrap_or(i64::MAX)));
        (
            format!(" LIMIT ${} OFFSET ${}", args.len() - 1, args.len()),
            args,
        )
    }
}

impl ExecutionFilter {
    pub(crate) fn to_where(&self, cronjob: &CronJobRef) -> Where {
        let mut clause = Where::default();
        clause.compare("namespace", "=", cronjob.namespace.as_str());
        clause.compare("cronjob", "=", cronjob.name.as_str());
        if let Some(since) = self.since {
            clause.compare("started_at", ">=", to_millis(since));
        }
        if let Some(status) = self.status {
            clause.compare("outcome", "=", status.as_str());
        }
        clause
    }
}

impl CronJobFilter {
    pub(crate) fn to_where(&self) -> Where {
        let mut clause = Where::default();
        if let Some(namespace) = &self.namespace {
            clause.compare("namespace", "=", namespace.as_str());
        }
        if let Some(search) = &self.search {
            clause.contains("name", search);
        }
        if !self.include_deleted {
            clause.raw("deleted_at IS NULL");
        }
        clause
    }
}

impl AlertFilter {
    pub(crate) fn to_where(&self) -> Where {
        let mut clause = Where::default();
        if let Some(namespace) = &self.namespace {
            clause.compare("namespace", "=", namespace.as_str());
        }
        if let Some(cronjob) = &self.cronjob {
            clause.compare("namespace", "=", cronjob.namespace.as_str());
            clause.compare("cronjob", "=", cronjob.name.as_str());
        }
        if let Some(state) = self.state {
            clause.compare("state", "=", state.as_str());
        }
        if let Some(severity) = self.severity {
            clause.compare("severity", "=", severity.as_str());
        }
        clause
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_follow_the_filters_present() {
        let filter = ExecutionFilter {
            status: Some(Outcome::Failed),
            ..Default::default()
        };
        let clause = filter.to_where(&CronJobRef::new("ops", "backup"));
        assert_eq!(
            clause.sql(),
            " WHERE namespace = $1 AND cronjob = $2 AND outcome = $3"
        );
        let (paging, args) = clause.paged(5000, 10);
        assert_eq!(paging, " LIMIT $4 OFFSET $5");
        assert_eq!(args[3], Arg::from(i64::from(MAX_PAGE)));
    }

    #[test]
    fn search_wildcards_match_literally() {
        let mut clause = Where::default();
        clause.contains("name", "50%_Off");
        assert_eq!(clause.args, vec![Arg::from("%50\\%\\_off%")]);
    }
}
