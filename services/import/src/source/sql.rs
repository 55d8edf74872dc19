//! The statements that read the operator's tables. Each dialect turns its own time
//! type into unix milliseconds and its booleans into 0/1 in SQL, so one row type
//! decodes from both. Rows come ordered by the stable key, so copies of one run are
//! adjacent (see [`crate::fold`]).

/// Which SQL dialect the source speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    /// `column` (a time) as BIGINT unix milliseconds; NULL when unset or unreadable.
    fn millis(self, column: &str) -> String {
        match self {
            // GORM writes `2006-01-02 15:04:05.999999999-07:00`; julianday reads it.
            Dialect::Sqlite => {
                format!("CAST(ROUND((julianday({column}) - 2440587.5) * 86400000.0) AS BIGINT)")
            }
            Dialect::Postgres => {
                format!("CAST(ROUND(EXTRACT(EPOCH FROM {column}) * 1000) AS BIGINT)")
            }
        }
    }

    /// Every execution, ordered by (namespace, cronjob, job, start, id).
    pub fn executions(self) -> String {
        format!(
            "SELECT CAST(id AS BIGINT) AS id, cronjob_ns, cronjob_name, cronjob_uid, job_name, \
             {} AS start_ms, {} AS completion_ms, \
             CAST(duration_secs AS DOUBLE PRECISION) AS duration_secs, \
             CAST(CASE WHEN succeeded THEN 1 ELSE 0 END AS BIGINT) AS succeeded, \
             CAST(exit_code AS BIGINT) AS exit_code, reason, logs, events, \
             {} AS created_ms \
             FROM executions ORDER BY cronjob_ns, cronjob_name, job_name, start_ms, id",
            self.millis("start_time"),
            self.millis("completion_time"),
            self.millis("created_at"),
        )
    }

    /// Every alert, ordered by its stable key's parts, then id.
    pub fn alerts(self) -> String {
        format!(
            "SELECT CAST(id AS BIGINT) AS id, alert_type, severity, title, message, \
             cronjob_ns, cronjob_name, monitor_ns, monitor_name, channels_notified, \
             {} AS occurred_ms, {} AS resolved_ms, CAST(exit_code AS BIGINT) AS exit_code, \
             reason, suggested_fix FROM alert_history \
             ORDER BY monitor_ns, monitor_name, cronjob_ns, cronjob_name, alert_type, \
             occurred_ms, id",
            self.millis("occurred_at"),
            self.millis("resolved_at"),
        )
    }

    /// (table, column) of every table in the database (lower case).
    pub fn columns(self) -> &'static str {
        match self {
            Dialect::Sqlite => {
                "SELECT lower(m.name), lower(p.name) FROM sqlite_master AS m \
                 JOIN pragma_table_info(m.name) AS p WHERE m.type = 'table'"
            }
            Dialect::Postgres => {
                "SELECT lower(CAST(table_name AS TEXT)), lower(CAST(column_name AS TEXT)) \
                 FROM information_schema.columns WHERE table_schema = current_schema()"
            }
        }
    }
}
