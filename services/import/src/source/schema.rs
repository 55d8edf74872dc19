//! The Go operator's tables as its v0.1.1 GORM models create them, and the check that a
//! source database has exactly those columns. Pure: the caller lists the columns.

use std::collections::{BTreeMap, BTreeSet};

use crate::error::{ImportError, Result};

pub const EXECUTIONS: &[&str] = &[
    "id",
    "cronjob_ns",
    "cronjob_name",
    "cronjob_uid",
    "job_name",
    "scheduled_time",
    "start_time",
    "completion_time",
    "duration_secs",
    "succeeded",
    "exit_code",
    "reason",
    "is_retry",
    "retry_of",
    "logs",
    "events",
    "suggested_fix",
    "created_at",
];

pub const ALERT_HISTORY: &[&str] = &[
    "id",
    "alert_type",
    "severity",
    "title",
    "message",
    "cronjob_ns",
    "cronjob_name",
    "monitor_ns",
    "monitor_name",
    "channels_notified",
    "occurred_at",
    "resolved_at",
    "exit_code",
    "reason",
    "suggested_fix",
];

pub const CHANNEL_STATS: &[&str] = &[
    "id",
    "channel_name",
    "alerts_sent_total",
    "alerts_failed_total",
    "last_alert_time",
    "last_failed_time",
    "last_failed_error",
    "consecutive_failures",
    "updated_at",
];

/// Column names by (lower-case) table name, as listed from the source.
pub type Columns = BTreeMap<String, BTreeSet<String>>;

/// What the source holds, once checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// `channel_stats` exists (it is created lazily by some versions).
    pub has_channel_stats: bool,
}

/// Checks `columns` against the operator's tables: missing tables or columns mean an
/// older version or another database; unknown columns mean a newer version whose data
/// this import would silently drop, so both are refused with the names.
pub fn check(columns: &Columns) -> Result<Layout> {
    if columns
        .get("executions")
        .is_some_and(|found| found.contains("job_uid"))
    {
        return Err(ImportError::NotOperatorDatabase(
            "this is a CronJob Guardian (Rust) database (executions.job_uid); \
             point --from at the Go operator's database"
                .into(),
        ));
    }
    let tables = ["executions", "alert_history", "channel_stats"];
    if tables.iter().all(|table| !columns.contains_key(*table)) {
        return Err(ImportError::NotOperatorDatabase(format!(
            "none of its tables ({}) exist",
            tables.join(", ")
        )));
    }
    for table in ["executions", "alert_history"] {
        if !columns.contains_key(table) {
            return Err(ImportError::Schema(format!(
                "table {table} is missing (older operator version, or a partial database)"
            )));
        }
    }
    compare("executions", EXECUTIONS, columns)?;
    compare("alert_history", ALERT_HISTORY, columns)?;
    let has_channel_stats = columns.contains_key("channel_stats");
    if has_channel_stats {
        compare("channel_stats", CHANNEL_STATS, columns)?;
    }
    Ok(Layout { has_channel_stats })
}

fn compare(table: &str, expected: &[&str], columns: &Columns) -> Result<()> {
    let found = columns.get(table).cloned().unwrap_or_default();
    let missing: Vec<&str> = expected
        .iter()
        .copied()
        .filter(|column| !found.contains(*column))
        .collect();
    if !missing.is_empty() {
        return Err(ImportError::Schema(format!(
            "table {table} lacks columns {} (older than the v0.1.1 schema this import reads, \
             or not the operator's table)",
            missing.join(", ")
        )));
    }
    let unknown: Vec<&str> = found
        .iter()
        .map(String::as_str)
        .filter(|column| !expected.contains(column))
        .collect();
    if !unknown.is_empty() {
        return Err(ImportError::Schema(format!(
            "table {table} has columns this import does not know: {} (a newer operator \
             version; refusing rather than dropping their data)",
            unknown.join(", ")
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(tables: &[(&str, &[&str])]) -> Columns {
        tables
            .iter()
            .map(|(table, names)| {
                (
                    (*table).to_owned(),
                    names.iter().map(|name| (*name).to_owned()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn the_operators_tables_pass() -> Result<()> {
        let columns = layout(&[
            ("executions", EXECUTIONS),
            ("alert_history", ALERT_HISTORY),
            ("channel_stats", CHANNEL_STATS),
        ]);
        assert!(check(&columns)?.has_channel_stats);
        Ok(())
    }

    #[test]
    fn another_database_is_named_as_such() {
        let error = check(&layout(&[("users", &["id"])])).map(|_| ());
        assert!(
            matches!(&error, Err(ImportError::NotOperatorDatabase(text)) if text.contains("none of its tables")),
            "{error:?}"
        );
        let ours = check(&layout(&[("executions", &["id", "job_uid"])])).map(|_| ());
        assert!(
            matches!(&ours, Err(ImportError::NotOperatorDatabase(text)) if text.contains("Rust")),
            "{ours:?}"
        );
    }

    #[test]
    fn newer_and_older_schemas_name_their_columns() {
        let mut newer = EXECUTIONS.to_vec();
        newer.push("trace_id");
        let error = check(&layout(&[
            ("executions", &newer),
            ("alert_history", ALERT_HISTORY),
        ]))
        .map(|_| ());
        assert!(
            matches!(&error, Err(ImportError::Schema(text)) if text.contains("trace_id") && text.contains("newer")),
            "{error:?}"
        );
        let older = &EXECUTIONS[..EXECUTIONS.len() - 1];
        let error = check(&layout(&[
            ("executions", older),
            ("alert_history", ALERT_HISTORY),
        ]))
        .map(|_| ());
        assert!(
            matches!(&error, Err(ImportError::Schema(text)) if text.contains("created_at") && text.contains("older")),
            "{error:?}"
        );
    }
}
