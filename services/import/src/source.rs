//! The Go operator's database, read-only: open it, check its tables, and stream its
//! rows in key order with one query per table (the database sorts; the client holds
//! one row at a time).

mod schema;
mod spec;
mod sql;

use std::path::Path;

use futures::stream::{BoxStream, StreamExt};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, PgPool, SqlitePool};

use crate::error::{ImportError, Result};
use crate::rows::{SourceAlert, SourceExecution};
pub use schema::{Columns, Layout};
pub use spec::SourceSpec;
pub use sql::Dialect;

/// An open, checked source database.
#[derive(Debug, Clone)]
pub struct SourceDb {
    pool: Pool,
    layout: Layout,
}

#[derive(Debug, Clone)]
enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// How many rows each table holds (for progress and ETA).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RowCounts {
    pub executions: u64,
    pub alerts: u64,
    pub channel_stats: u64,
}

impl SourceDb {
    /// Connects and checks that this is the operator's database of a known schema.
    pub async fn open(spec: &SourceSpec) -> Result<SourceDb> {
        let pool = match spec {
            SourceSpec::Sqlite(path) => Pool::Sqlite(open_sqlite(path).await?),
            SourceSpec::Postgres(options) => Pool::Postgres(
                sqlx::postgres::PgPoolOptions::new()
                    .max_connections(2)
                    .connect_with((**options).clone().disable_statement_logging())
                    .await
                    .map_err(|error| {
                        ImportError::Source(format!("cannot connect to PostgreSQL: {error}"))
                    })?,
            ),
        };
        let columns = list_columns(&pool).await?;
        let layout = schema::check(&columns)?;
        Ok(SourceDb { pool, layout })
    }

    pub fn dialect(&self) -> Dialect {
        match self.pool {
            Pool::Sqlite(_) => Dialect::Sqlite,
            Pool::Postgres(_) => Dialect::Postgres,
        }
    }

    pub async fn counts(&self) -> Result<RowCounts> {
        Ok(RowCounts {
            executions: self.count("executions").await?,
            alerts: self.count("alert_history").await?,
            channel_stats: if self.layout.has_channel_stats {
                self.count("channel_stats").await?
            } else {
                0
            },
        })
    }

    async fn count(&self, table: &'static str) -> Result<u64> {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        let (count,): (i64,) = match &self.pool {
            Pool::Sqlite(pool) => {
                sqlx::query_as(sqlx::AssertSqlSafe(sql))
                    .fetch_one(pool)
                    .await?
            }
            Pool::Postgres(pool) => {
                sqlx::query_as(sqlx::AssertSqlSafe(sql))
                    .fetch_one(pool)
                    .await?
            }
        };
        Ok(u64::try_from(count).unwrap_or(0))
    }

    /// Every execution row, ordered by its stable key.
    pub fn executions(&self) -> BoxStream<'_, Result<SourceExecution>> {
        self.stream(self.dialect().executions())
    }

    /// Every alert row, ordered by its stable key.
    pub fn alerts(&self) -> BoxStream<'_, Result<SourceAlert>> {
        self.stream(self.dialect().alerts())
    }

    fn stream<T>(&self, sql: String) -> BoxStream<'_, Result<T>>
    where
        T: Send + Unpin + 'static,
        T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>,
        T: for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>,
    {
        let sql = sqlx::AssertSqlSafe(sql);
        match &self.pool {
            Pool::Sqlite(pool) => sqlx::query_as::<_, T>(sql)
                .fetch(pool)
                .map(|row| row.map_err(ImportError::from))
                .boxed(),
            Pool::Postgres(pool) => sqlx::query_as::<_, T>(sql)
                .fetch(pool)
                .map(|row| row.map_err(ImportError::from))
                .boxed(),
        }
    }

    pub async fn close(&self) {
        match &self.pool {
            Pool::Sqlite(pool) => pool.close().await,
            Pool::Postgres(pool) => pool.close().await,
        }
    }
}

/// Opens the file read-only: the import never changes the source.
async fn open_sqlite(path: &Path) -> Result<SqlitePool> {
    if !path.is_file() {
        return Err(ImportError::Source(format!(
            "{} is not a file (the Go operator's SQLite database, default /data/guardian.db)",
            path.display()
        )));
    }
    let options = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .create_if_missing(false)
        // The one long streaming read per table is expected, not a slow statement.
        .disable_statement_logging();
    sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(2)
        .connect_with(options)
        .await
        .map_err(|error| {
            ImportError::Source(format!("cannot open {} as SQLite: {error}", path.display()))
        })
}

async fn list_columns(pool: &Pool) -> Result<Columns> {
    let sql = match pool {
        Pool::Sqlite(_) => Dialect::Sqlite.columns(),
        Pool::Postgres(_) => Dialect::Postgres.columns(),
    };
    let pairs: Vec<(String, String)> = match pool {
        Pool::Sqlite(pool) => sqlx::query_as(sql).fetch_all(pool).await,
        Pool::Postgres(pool) => sqlx::query_as(sql).fetch_all(pool).await,
    }
    .map_err(|error| match error {
        sqlx::Error::Database(_) => {
            ImportError::NotOperatorDatabase(format!("cannot list its tables: {error}"))
        }
        other => ImportError::from(other),
    })?;
    let mut columns = Columns::new();
    for (table, column) in pairs {
        columns.entry(table).or_default().insert(column);
    }
    Ok(columns)
}
