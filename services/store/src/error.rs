//! Typed storage errors. Each says whether the write it interrupted is certainly
//! aborted, so callers know when they must re-read before acting (quickwit's
//! "uncertain outcome → resync").

use guardian_core::Epoch;

/// Everything the store can report.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A newer leader took a newer epoch; this writer must stop. Nothing was written.
    #[error("fenced: epoch {ours} is not the current epoch {current}")]
    Fenced { ours: Epoch, current: Epoch },
    /// This replica's leadership claim ran out (it could not renew within its renew
    /// deadline, e.g. it was frozen): the transaction was abandoned before `COMMIT`,
    /// so nothing was written, and this writer must stop as if fenced.
    #[error("leadership of epoch {ours} lapsed before commit; the transaction was abandoned")]
    LeaseLapsed { ours: Epoch },
    /// The thing asked for does not exist.
    #[error("{what} {key} not found")]
    NotFound { what: &'static str, key: String },
    /// A concurrent change won (unique key, stale version, serialization failure); retry.
    #[error("conflict: {message}")]
    Conflict { message: String },
    /// The database refused the data (check, not-null or foreign-key constraint).
    #[error("constraint violated: {message}")]
    Constraint { message: String },
    /// A field exceeds its hard cap; refused before anything was written.
    #[error("{field} is {size} bytes, more than the {max} allowed")]
    TooLarge {
        field: &'static str,
        size: usize,
        max: usize,
    },
    /// The input can never be stored (empty key, bad configuration); refused before writing.
    #[error("invalid input: {message}")]
    Invalid { message: String },
    /// The database cannot be reached or is not accepting work; retry later.
    #[error("database unavailable: {source}")]
    Unavailable {
        #[source]
        source: sqlx::Error,
    },
    /// The connection failed while committing: the transaction may or may not be applied.
    #[error("commit outcome unknown: {source}")]
    CommitUncertain {
        #[source]
        source: sqlx::Error,
    },
    /// A stored row cannot be decoded into a domain value.
    #[error("corrupt row: {message}")]
    Corrupt { message: String },
    /// A statement in this fenced transaction failed earlier; it can only be dropped.
    #[error("transaction aborted by an earlier error")]
    TxAborted,
    /// Applying the embedded migrations failed.
    #[error("migration failed: {source}")]
    Migration {
        #[source]
        source: sqlx::migrate::MigrateError,
    },
    /// Any other database error.
    #[error("database error: {source}")]
    Database {
        #[source]
        source: sqlx::Error,
    },
}

/// `Result` with [`StoreError`] as the default error.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl StoreError {
    /// True when the operation certainly did not change the database. Only an error
    /// while committing leaves the outcome open; the caller must then re-read.
    pub fn certainly_aborted(&self) -> bool {
        !matches!(self, StoreError::CommitUncertain { .. })
    }

    /// True for errors a retry may cure (outage, conflict).
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            StoreError::Unavailable { .. }
                | StoreError::Conflict { .. }
                | StoreError::CommitUncertain { .. }
        )
    }

    /// True when the writer must stop writing under its epoch: a newer leader exists
    /// or its own claim lapsed. Nothing of the refused transaction was written.
    pub fn ends_leadership(&self) -> bool {
        matches!(
            self,
            StoreError::Fenced { .. } | StoreError::LeaseLapsed { .. }
        )
    }

    /// A short label for metrics and logs.
    pub fn metric_label(&self) -> &'static str {
        match self {
            StoreError::Fenced { .. } => "fenced",
            StoreError::LeaseLapsed { .. } => "lease_lapsed",
            StoreError::NotFound { .. } => "not_found",
            StoreError::Conflict { .. } => "conflict",
            StoreError::Constraint { .. } => "constraint",
            StoreError::TooLarge { .. } => "too_large",
            StoreError::Invalid { .. } => "invalid",
            StoreError::Unavailable { .. } => "unavailable",
            StoreError::CommitUncertain { .. } => "commit_uncertain",
            StoreError::Corrupt { .. } => "corrupt",
            StoreError::TxAborted => "tx_aborted",
            StoreError::Migration { .. } => "migration",
            StoreError::Database { .. } => "database",
        }
    }

    pub(crate) fn corrupt(message: impl Into<String>) -> Self {
        StoreError::Corrupt {
            message: message.into(),
        }
    }

    pub(crate) fn invalid(message: impl Into<String>) -> Self {
        StoreError::Invalid {
            message: message.into(),
        }
    }

    /// Maps an error raised by `COMMIT`: a refusal by the server is a certain abort,
    /// anything on the wire is not.
    pub(crate) fn from_commit(source: sqlx::Error) -> Self {
        match source {
            sqlx::Error::Database(_) => StoreError::from(source),
            source => StoreError::CommitUncertain { source },
        }
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(source: sqlx::Error) -> Self {
        use sqlx::Error as E;
        match source {
            E::RowNotFound => StoreError::NotFound {
                what: "row",
                key: String::new(),
            },
            E::Io(_)
            | E::Tls(_)
            | E::Protocol(_)
            | E::PoolTimedOut
            | E::PoolClosed
            | E::WorkerCrashed
            | E::BeginFailed => StoreError::Unavailable { source },
            E::ColumnDecode { .. }
            | E::Decode(_)
            | E::ColumnNotFound(_)
            | E::ColumnIndexOutOfBounds { .. }
            | E::TypeNotFound { .. } => StoreError::Corrupt {
                message: source.to_string(),
            },
            E::Configuration(_) => StoreError::Invalid {
                message: source.to_string(),
            },
            E::Database(ref database) => from_database(database.as_ref(), source.to_string())
                .unwrap_or(StoreError::Database { source }),
            source => StoreError::Database { source },
        }
    }
}

/// Classifies a server-reported error by kind, then by SQLSTATE (PostgreSQL), error
/// number (MySQL) or result code (SQLite); `None` leaves it a generic database error.
fn from_database(error: &dyn sqlx::error::DatabaseError, text: String) -> Option<StoreError> {
    use sqlx::error::ErrorKind;
    match error.kind() {
        ErrorKind::UniqueViolation => return Some(StoreError::Conflict { message: text }),
        ErrorKind::ForeignKeyViolation
        | ErrorKind::NotNullViolation
        | ErrorKind::CheckViolation
        | ErrorKind::ExclusionViolation => return Some(StoreError::Constraint { message: text }),
        _ => {}
    }
    if let Some(mysql) = error.try_downcast_ref::<sqlx::mysql::MySqlDatabaseError>() {
        return classify_mysql(mysql.number(), mysql.code(), text);
    }
    if let Some(sqlite) = error.try_downcast_ref::<sqlx::sqlite::SqliteError>() {
        let code = sqlx::error::DatabaseError::code(sqlite)?
            .parse::<i32>()
            .ok()?;
        return classify_sqlite(code & 0xff, text);
    }
    match error.code()?.as_ref() {
        // serialization_failure, deadlock_detected
        "40001" | "40P01" => Some(StoreError::Conflict { message: text }),
        // admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections
        "57P01" | "57P02" | "57P03" | "53300" => Some(unavailable(text)),
        class if class.starts_with("08") => Some(unavailable(text)),
        "23502" | "23503" | "23514" | "22001" => Some(StoreError::Constraint { message: text }),
        _ => None,
    }
}

/// MySQL and MariaDB report a number (precise) and a SQLSTATE (a class).
fn classify_mysql(number: u16, sqlstate: Option<&str>, text: String) -> Option<StoreError> {
    match number {
        // ER_LOCK_DEADLOCK: InnoDB rolled the transaction back; retry it.
        1213 => Some(StoreError::Conflict { message: text }),
        // ER_LOCK_WAIT_TIMEOUT (a writer holds the row, e.g. a stalled leader's control
        // lock), too many connections, server shutdown, killed or aborted connections,
        // read-only server (a failover in progress), MySQL's idle disconnect.
        1205 | 1040 | 1053 | 1077 | 1152 | 1153 | 1159 | 1161 | 1290 | 1792 | 1927 | 4031 => {
            Some(unavailable(text))
        }
        // Data too long, out of range, incorrect value, check constraint (MySQL, MariaDB).
        1406 | 1264 | 1366 | 3819 | 4025 => Some(StoreError::Constraint { message: text }),
        _ => match sqlstate {
            Some("40001") => Some(StoreError::Conflict { message: text }),
            Some(class) if class.starts_with("08") => Some(unavailable(text)),
            Some(class) if class.starts_with("22") || class.starts_with("23") => {
                Some(StoreError::Constraint { message: text })
            }
            _ => None,
        },
    }
}

fn classify_sqlite(primary: i32, text: String) -> Option<StoreError> {
    match primary {
        // BUSY, LOCKED, READONLY, IOERR, FULL, CANTOPEN
        5 | 6 | 8 | 10 | 13 | 14 => Some(unavailable(text)),
        // CORRUPT, NOTADB
        11 | 26 => Some(StoreError::Corrupt { message: text }),
        // TOOBIG (18), CONSTRAINT (19), MISMATCH (20)
        18..=20 => Some(StoreError::Constraint { message: text }),
        _ => None,
    }
}

fn unavailable(text: String) -> StoreError {
    StoreError::Unavailable {
        source: sqlx::Error::Protocol(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_interrupted_commit_is_uncertain() {
        let io = || sqlx::Error::Io(std::io::Error::other("connection reset"));
        assert!(!StoreError::from_commit(io()).certainly_aborted());
        assert!(StoreError::from(io()).certainly_aborted());
        assert!(matches!(
            StoreError::from(io()),
            StoreError::Unavailable { .. }
        ));
        let fenced = StoreError::Fenced {
            ours: Epoch(1),
            current: Epoch(2),
        };
        assert!(fenced.certainly_aborted());
        assert!(!fenced.is_retryable());
        assert!(fenced.ends_leadership());
        let lapsed = StoreError::LeaseLapsed { ours: Epoch(1) };
        assert!(lapsed.certainly_aborted() && !lapsed.is_retryable());
        assert!(lapsed.ends_leadership());
        assert!(!StoreError::from(io()).ends_leadership());
    }

    #[test]
    fn decoding_failures_are_corrupt_and_pool_timeouts_unavailable() {
        let decode = sqlx::Error::Decode("bad json".into());
        assert_eq!(StoreError::from(decode).metric_label(), "corrupt");
        assert_eq!(
            StoreError::from(sqlx::Error::PoolTimedOut).metric_label(),
            "unavailable"
        );
    }

    #[test]
    fn mysql_errors_map_by_number_then_sqlstate() {
        let label = |number, state| {
            classify_mysql(number, state, String::new()).map(|error| error.metric_label())
        };
        assert_eq!(
            label(1213, Some("40001")),
            Some("conflict"),
            "deadlock: retry"
        );
        assert_eq!(
            label(1205, Some("HY000")),
            Some("unavailable"),
            "lock wait timeout"
        );
        assert_eq!(
            label(1927, Some("70100")),
            Some("unavailable"),
            "connection killed"
        );
        assert_eq!(
            label(1290, Some("HY000")),
            Some("unavailable"),
            "read-only server"
        );
        assert_eq!(
            label(1406, Some("22001")),
            Some("constraint"),
            "data too long"
        );
        assert_eq!(
            label(4025, Some("23000")),
            Some("constraint"),
            "MariaDB check"
        );
        assert_eq!(
            label(9999, Some("08S01")),
            Some("unavailable"),
            "connection class"
        );
        assert_eq!(
            label(1064, Some("42000")),
            None,
            "a syntax error stays generic"
        );
    }
}
