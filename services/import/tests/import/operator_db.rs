//! A database laid out as the Go operator's GORM auto-migration creates it (v0.1.1):
//! the same tables, column names and dialect types (SQLite: text/datetime/real/numeric;
//! PostgreSQL: varchar/timestamptz/decimal/boolean), rows inserted as literal SQL the
//! way its driver writes them (SQLite times as `2006-01-02 15:04:05.999999999-07:00`).

use anyhow::Result;
use sqlx::{PgPool, SqlitePool};

pub const SQLITE_DDL: &[&str] = &[
    "CREATE TABLE `executions` (`id` integer PRIMARY KEY AUTOINCREMENT,`cronjob_ns` text NOT NULL,\
     `cronjob_name` text NOT NULL,`cronjob_uid` text,`job_name` text NOT NULL,`scheduled_time` datetime,\
     `start_time` datetime NOT NULL,`completion_time` datetime,`duration_secs` real,`succeeded` numeric NOT NULL,\
     `exit_code` integer,`reason` text,`is_retry` numeric DEFAULT false,`retry_of` text,`logs` text,\
     `events` text,`suggested_fix` text,`created_at` datetime)",
    "CREATE INDEX `idx_executions_job_name` ON `executions`(`job_name`)",
    "CREATE TABLE `alert_history` (`id` integer PRIMARY KEY AUTOINCREMENT,`alert_type` text NOT NULL,\
     `severity` text NOT NULL,`title` text NOT NULL,`message` text,`cronjob_ns` text,`cronjob_name` text,\
     `monitor_ns` text,`monitor_name` text,`channels_notified` text,`occurred_at` datetime NOT NULL,\
     `resolved_at` datetime,`exit_code` integer,`reason` text,`suggested_fix` text)",
    "CREATE TABLE `channel_stats` (`id` integer PRIMARY KEY AUTOINCREMENT,`channel_name` text NOT NULL,\
     `alerts_sent_total` integer,`alerts_failed_total` integer,`last_alert_time` datetime,\
     `last_failed_time` datetime,`last_failed_error` text,`consecutive_failures` integer,\
     `updated_at` datetime,CONSTRAINT `uni_channel_stats_channel_name` UNIQUE (`channel_name`))",
];

pub const POSTGRES_DDL: &[&str] = &[
    "CREATE TABLE \"executions\" (\"id\" bigserial,\"cronjob_ns\" varchar(253) NOT NULL,\
     \"cronjob_name\" varchar(253) NOT NULL,\"cronjob_uid\" varchar(36),\"job_name\" varchar(253) NOT NULL,\
     \"scheduled_time\" timestamptz,\"start_time\" timestamptz NOT NULL,\"completion_time\" timestamptz,\
     \"duration_secs\" decimal,\"succeeded\" boolean NOT NULL,\"exit_code\" integer,\"reason\" varchar(255),\
     \"is_retry\" boolean DEFAULT false,\"retry_of\" varchar(253),\"logs\" text,\"events\" text,\
     \"suggested_fix\" text,\"created_at\" timestamptz,PRIMARY KEY (\"id\"))",
    "CREATE INDEX \"idx_executions_job_name\" ON \"executions\" (\"job_name\")",
    "CREATE TABLE \"alert_history\" (\"id\" bigserial,\"alert_type\" varchar(100) NOT NULL,\
     \"severity\" varchar(20) NOT NULL,\"title\" varchar(500) NOT NULL,\"message\" text,\
     \"cronjob_ns\" varchar(253),\"cronjob_name\" varchar(253),\"monitor_ns\" varchar(253),\
     \"monitor_name\" varchar(253),\"channels_notified\" text,\"occurred_at\" timestamptz NOT NULL,\
     \"resolved_at\" timestamptz,\"exit_code\" integer,\"reason\" varchar(255),\"suggested_fix\" text,\
     PRIMARY KEY (\"id\"))",
    "CREATE TABLE \"channel_stats\" (\"id\" bigserial,\"channel_name\" varchar(253) NOT NULL,\
     \"alerts_sent_total\" bigint,\"alerts_failed_total\" bigint,\"last_alert_time\" timestamptz,\
     \"last_failed_time\" timestamptz,\"last_failed_error\" text,\"consecutive_failures\" bigint,\
     \"updated_at\" timestamptz,PRIMARY KEY (\"id\"),CONSTRAINT \"uni_channel_stats_channel_name\" UNIQUE (\"channel_name\"))",
];

/// A value as a SQL literal both dialects read the same way.
#[derive(Debug, Clone)]
pub enum Lit {
    Null,
    Text(String),
    Int(i64),
    Real(f64),
    Bool(bool),
    /// Unix milliseconds, written as Go's driver formats a `time.Time` (UTC).
    Time(i64),
    /// Go's zero `time.Time`.
    ZeroTime,
}

impl Lit {
    pub fn text(value: &str) -> Lit {
        Lit::Text(value.to_owned())
    }

    fn sql(&self) -> String {
        match self {
            Lit::Null => "NULL".into(),
            Lit::Text(text) => format!("'{}'", text.replace('\'', "''")),
            Lit::Int(value) => value.to_string(),
            Lit::Real(value) => format!("{value:?}"),
            Lit::Bool(value) => if *value { "TRUE" } else { "FALSE" }.into(),
            Lit::Time(millis) => {
                let at = jiff::Timestamp::from_millisecond(*millis).expect("time in range");
                // 9 fractional digits and an offset, as mattn/go-sqlite3 writes them.
                let nanos = millis.rem_euclid(1000) * 1_000_000;
                format!("'{}.{nanos:09}+00:00'", at.strftime("%Y-%m-%d %H:%M:%S"))
            }
            Lit::ZeroTime => "'0001-01-01 00:00:00+00:00'".into(),
        }
    }
}

/// An open source database of either dialect.
pub enum OperatorDb {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

impl OperatorDb {
    pub async fn create_tables(&self) -> Result<()> {
        let ddl = match self {
            OperatorDb::Sqlite(_) => SQLITE_DDL,
            OperatorDb::Postgres(_) => POSTGRES_DDL,
        };
        for statement in ddl {
            self.execute((*statement).to_owned()).await?;
        }
        Ok(())
    }

    pub async fn execute(&self, sql: String) -> Result<()> {
        let sql = sqlx::AssertSqlSafe(sql);
        match self {
            OperatorDb::Sqlite(pool) => {
                sqlx::query(sql).execute(pool).await?;
            }
            OperatorDb::Postgres(pool) => {
                sqlx::query(sql).execute(pool).await?;
            }
        }
        Ok(())
    }

    /// Inserts `rows` (values in `columns` order) 200 to a statement.
    pub async fn insert(&self, table: &str, columns: &[&str], rows: &[Vec<Lit>]) -> Result<()> {
        for chunk in rows.chunks(200) {
            let values: Vec<String> = chunk
                .iter()
                .map(|row| {
                    let literals: Vec<String> = row.iter().map(Lit::sql).collect();
                    format!("({})", literals.join(","))
                })
                .collect();
            self.execute(format!(
                "INSERT INTO {table} ({}) VALUES {}",
                columns.join(","),
                values.join(",")
            ))
            .await?;
        }
        Ok(())
    }

    pub async fn close(&self) {
        match self {
            OperatorDb::Sqlite(pool) => pool.close().await,
            OperatorDb::Postgres(pool) => pool.close().await,
        }
    }
}
