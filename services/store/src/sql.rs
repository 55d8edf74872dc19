//! One way to run a statement on either back-end. Queries are built from SQL text with
//! `$N` placeholders (both drivers accept them) and a list of [`Arg`]s; [`Exec`] binds and
//! runs them on a PostgreSQL or SQLite connection, and rows decode through `FromRow`
//! structs that sqlx derives generically over the row type.

use sqlx::pool::PoolConnection;
use sqlx::postgres::PgRow;
use sqlx::query::Query;
use sqlx::sqlite::SqliteRow;
use sqlx::{Database, Encode, FromRow, PgConnection, Postgres, Sqlite, SqliteConnection, Type};

use crate::error::{Result, StoreError};

/// A bound value. Nulls keep their type so PostgreSQL can infer parameter types.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Arg {
    I64(Option<i64>),
    I32(Option<i32>),
    Text(Option<String>),
    Bool(bool),
}

impl From<i64> for Arg {
    fn from(value: i64) -> Self {
        Arg::I64(Some(value))
    }
}

impl From<Option<i64>> for Arg {
    fn from(value: Option<i64>) -> Self {
        Arg::I64(value)
    }
}

impl From<i32> for Arg {
    fn from(value: i32) -> Self {
        Arg::I32(Some(value))
    }
}

impl From<Option<i32>> for Arg {
    fn from(value: Option<i32>) -> Self {
        Arg::I32(value)
    }
}

impl From<bool> for Arg {
    fn from(value: bool) -> Self {
        Arg::Bool(value)
    }
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Arg::Text(Some(value.to_owned()))
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Self {
        Arg::Text(Some(value))
    }
}

impl From<Option<String>> for Arg {
    fn from(value: Option<String>) -> Self {
        Arg::Text(value)
    }
}

impl From<Option<&str>> for Arg {
    fn from(value: Option<&str>) -> Self {
        Arg::Text(value.map(str::to_owned))
    }
}

/// Builds an `Arg` list: `args![a, b, c]`.
macro_rules! args {
    ($($value:expr),* $(,)?) => {
        vec![$($crate::sql::Arg::from($value)),*]
    };
}
pub(crate) use args;

fn bind<'q, DB>(
    mut query: Query<'q, DB, <DB as Database>::Arguments>,
    args: Vec<Arg>,
) -> Query<'q, DB, <DB as Database>::Arguments>
where
    DB: Database,
    for<'t> Option<i64>: Encode<'t, DB> + Type<DB>,
    for<'t> Option<i32>: Encode<'t, DB> + Type<DB>,
    for<'t> Option<String>: Encode<'t, DB> + Type<DB>,
    for<'t> bool: Encode<'t, DB> + Type<DB>,
{
    for arg in args {
        query = match arg {
            Arg::I64(value) => query.bind(value),
            Arg::I32(value) => query.bind(value),
            Arg::Text(value) => query.bind(value),
            Arg::Bool(value) => query.bind(value),
        };
    }
    query
}

/// SQL text: a `'static` statement or one assembled at run time (placeholders only,
/// never user data; values always travel as [`Arg`]s).
pub(crate) fn dynamic(sql: String) -> sqlx::SqlStr {
    use sqlx::SqlSafeStr;
    sqlx::AssertSqlSafe(sql).into_sql_str()
}

/// A borrowed connection of either back-end.
pub(crate) enum Exec<'c> {
    Postgres(&'c mut PgConnection),
    Sqlite(&'c mut SqliteConnection),
}

/// Rows that decode on both back-ends.
pub(crate) trait AnyRow:
    for<'r> FromRow<'r, PgRow> + for<'r> FromRow<'r, SqliteRow> + Send + Unpin
{
}

impl<T> AnyRow for T where
    T: for<'r> FromRow<'r, PgRow> + for<'r> FromRow<'r, SqliteRow> + Send + Unpin
{
}

impl Exec<'_> {
    /// Runs a statement; returns the number of rows it changed.
    pub(crate) async fn execute(&mut self, sql: impl sqlx::SqlSafeStr, args: Vec<Arg>) -> Result<u64> {
        let affected = match self {
            Exec::Postgres(conn) => {
                bind(sqlx::query(sql), args).execute(&mut **conn).await?.rows_affected()
            }
            Exec::Sqlite(conn) => {
                bind(sqlx::query(sql), args).execute(&mut **conn).await?.rows_affected()
            }
        };
        Ok(affected)
    }

    /// Fetches every row, decoded as `T`.
    pub(crate) async fn fetch_all<T: AnyRow>(
        &mut self,
        sql: impl sqlx::SqlSafeStr,
        args: Vec<Arg>,
    ) -> Result<Vec<T>> {
        let decoded: Result<Vec<T>, sqlx::Error> = match self {
            Exec::Postgres(conn) => {
                let rows = bind(sqlx::query(sql), args).fetch_all(&mut **conn).await?;
                rows.iter().map(T::from_row).collect()
            }
            Exec::Sqlite(conn) => {
                let rows = bind(sqlx::query(sql), args).fetch_all(&mut **conn).await?;
                rows.iter().map(T::from_row).collect()
            }
        };
        decoded.map_err(|error| StoreError::corrupt(error.to_string()))
    }

    /// Fetches at most one row, decoded as `T`.
    pub(crate) async fn fetch_optional<T: AnyRow>(
        &mut self,
        sql: impl sqlx::SqlSafeStr,
        args: Vec<Arg>,
    ) -> Result<Option<T>> {
        let decoded: Result<Option<T>, sqlx::Error> = match self {
            Exec::Postgres(conn) => {
                let row = bind(sqlx::query(sql), args).fetch_optional(&mut **conn).await?;
                row.as_ref().map(T::from_row).transpose()
            }
            Exec::Sqlite(conn) => {
                let row = bind(sqlx::query(sql), args).fetch_optional(&mut **conn).await?;
                row.as_ref().map(T::from_row).transpose()
            }
        };
        decoded.map_err(|error| StoreError::corrupt(error.to_string()))
    }

    /// Fetches exactly one row, decoded as `T`; no row is a corrupt database.
    pub(crate) async fn fetch_one<T: AnyRow>(
        &mut self,
        sql: impl sqlx::SqlSafeStr,
        args: Vec<Arg>,
    ) -> Result<T> {
        self.fetch_optional(sql, args)
            .await?
            .ok_or_else(|| StoreError::corrupt("a statement that always returns a row returned none"))
    }
}

/// A pooled connection of either back-end.
pub(crate) enum PooledConn {
    Postgres(PoolConnection<Postgres>),
    Sqlite(PoolConnection<Sqlite>),
}

impl PooledConn {
    pub(crate) fn exec(&mut self) -> Exec<'_> {
        match self {
            PooledConn::Postgres(conn) => Exec::Postgres(conn),
            PooledConn::Sqlite(conn) => Exec::Sqlite(conn),
        }
    }
}

/// An open transaction of either back-end; dropped without commit, it rolls back.
pub(crate) enum DbTx {
    Postgres(sqlx::Transaction<'static, Postgres>),
    Sqlite(sqlx::Transaction<'static, Sqlite>),
}

impl DbTx {
    pub(crate) fn exec(&mut self) -> Exec<'_> {
        match self {
            DbTx::Postgres(tx) => Exec::Postgres(tx),
            DbTx::Sqlite(tx) => Exec::Sqlite(tx),
        }
    }

    /// Commits; an error here may leave the outcome unknown (see [`StoreError::from_commit`]).
    pub(crate) async fn commit(self) -> Result<()> {
        let outcome = match self {
            DbTx::Postgres(tx) => tx.commit().await,
            DbTx::Sqlite(tx) => tx.commit().await,
        };
        outcome.map_err(StoreError::from_commit)
    }
}

/// `$first, $first+1, …` for `count` values: one row of a multi-row `VALUES` list.
pub(crate) fn placeholders(first: usize, count: usize) -> String {
    let list: Vec<String> = (first..first + count).map(|n| format!("${n}")).collect();
    format!("({})", list.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_number_consecutively() {
        assert_eq!(placeholders(1, 3), "($1, $2, $3)");
        assert_eq!(placeholders(4, 2), "($4, $5)");
    }
}
