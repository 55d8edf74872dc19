//! One way to run a statement on any back-end. Queries are SQL text with `$N`
//! placeholders (PostgreSQL and SQLite accept them; MySQL gets them translated by
//! [`crate::mysql::translate`]) plus a list of [`Arg`]s; [`Exec`] binds and runs them, and rows decode through `FromRow`
//! structs that sqlx derives generically over the row type. Bulk statements, whose
//! text differs per dialect, are built in [`crate::bulk`].

use sqlx::mysql::MySqlRow;
use sqlx::pool::PoolConnection;
use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;
use sqlx::{FromRow, MySql, MySqlConnection, PgConnection, Postgres, Sqlite, SqliteConnection};

pub(crate) use crate::arg::{Arg, args};
use crate::arg::{bind_mysql, bind_postgres, bind_sqlite};
use crate::bulk::Dialect;
use crate::error::{Result, StoreError};

/// SQL text: a `'static` statement or one assembled at run time (placeholders only,
/// never user data; values always travel as [`Arg`]s).
pub(crate) fn dynamic(sql: String) -> sqlx::SqlStr {
    use sqlx::SqlSafeStr;
    sqlx::AssertSqlSafe(sql).into_sql_str()
}

/// A borrowed connection of any back-end.
pub(crate) enum Exec<'c> {
    Postgres(&'c mut PgConnection),
    Sqlite(&'c mut SqliteConnection),
    Mysql(&'c mut MySqlConnection),
}

impl Exec<'_> {
    /// Which SQL dialect this connection speaks (for bulk statements).
    pub(crate) fn dialect(&self) -> Dialect {
        match self {
            Exec::Postgres(_) => Dialect::Postgres,
            Exec::Sqlite(_) => Dialect::Sqlite,
            Exec::Mysql(_) => Dialect::Mysql,
        }
    }
}

/// Rows that decode on every back-end.
pub(crate) trait AnyRow:
    for<'r> FromRow<'r, PgRow>
    + for<'r> FromRow<'r, SqliteRow>
    + for<'r> FromRow<'r, MySqlRow>
    + Send
    + Unpin
{
}

impl<T> AnyRow for T where
    T: for<'r> FromRow<'r, PgRow>
        + for<'r> FromRow<'r, SqliteRow>
        + for<'r> FromRow<'r, MySqlRow>
        + Send
        + Unpin
{
}

/// A shared statement in MySQL's dialect, bound.
fn mysql_query(
    sql: impl sqlx::SqlSafeStr,
    args: Vec<Arg>,
) -> Result<crate::arg::MySqlQuery<'static>> {
    let (text, args) = crate::mysql::translate(sql.into_sql_str().as_str(), args)?;
    bind_mysql(sqlx::query(dynamic(text)), args)
}

impl Exec<'_> {
    /// Runs a statement; returns the number of rows it changed.
    pub(crate) async fn execute(
        &mut self,
        sql: impl sqlx::SqlSafeStr,
        args: Vec<Arg>,
    ) -> Result<u64> {
        let affected = match self {
            Exec::Postgres(conn) => bind_postgres(sqlx::query(sql), args)
                .execute(&mut **conn)
                .await?
                .rows_affected(),
            Exec::Sqlite(conn) => bind_sqlite(sqlx::query(sql), args)?
                .execute(&mut **conn)
                .await?
                .rows_affected(),
            Exec::Mysql(conn) => mysql_query(sql, args)?
                .execute(&mut **conn)
                .await?
                .rows_affected(),
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
                let rows = bind_postgres(sqlx::query(sql), args)
                    .fetch_all(&mut **conn)
                    .await?;
                rows.iter().map(T::from_row).collect()
            }
            Exec::Sqlite(conn) => {
                let rows = bind_sqlite(sqlx::query(sql), args)?
                    .fetch_all(&mut **conn)
                    .await?;
                rows.iter().map(T::from_row).collect()
            }
            Exec::Mysql(conn) => {
                let rows = mysql_query(sql, args)?.fetch_all(&mut **conn).await?;
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
                let row = bind_postgres(sqlx::query(sql), args)
                    .fetch_optional(&mut **conn)
                    .await?;
                row.as_ref().map(T::from_row).transpose()
            }
            Exec::Sqlite(conn) => {
                let row = bind_sqlite(sqlx::query(sql), args)?
                    .fetch_optional(&mut **conn)
                    .await?;
                row.as_ref().map(T::from_row).transpose()
            }
            Exec::Mysql(conn) => {
                let row = mysql_query(sql, args)?.fetch_optional(&mut **conn).await?;
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
        self.fetch_optional(sql, args).await?.ok_or_else(|| {
            StoreError::corrupt("a statement that always returns a row returned none")
        })
    }
}

/// A pooled connection of any back-end.
pub(crate) enum PooledConn {
    Postgres(PoolConnection<Postgres>),
    Sqlite(PoolConnection<Sqlite>),
    Mysql(PoolConnection<MySql>),
}

impl PooledConn {
    pub(crate) fn exec(&mut self) -> Exec<'_> {
        match self {
            PooledConn::Postgres(conn) => Exec::Postgres(conn),
            PooledConn::Sqlite(conn) => Exec::Sqlite(conn),
            PooledConn::Mysql(conn) => Exec::Mysql(conn),
        }
    }
}

/// An open transaction of any back-end; dropped without commit, it rolls back.
pub(crate) enum DbTx {
    Postgres(sqlx::Transaction<'static, Postgres>),
    Sqlite(sqlx::Transaction<'static, Sqlite>),
    Mysql(sqlx::Transaction<'static, MySql>),
}

impl DbTx {
    pub(crate) fn exec(&mut self) -> Exec<'_> {
        match self {
            DbTx::Postgres(tx) => Exec::Postgres(tx),
            DbTx::Sqlite(tx) => Exec::Sqlite(tx),
            DbTx::Mysql(tx) => Exec::Mysql(tx),
        }
    }

    /// Commits; an error here may leave the outcome unknown (see [`StoreError::from_commit`]).
    pub(crate) async fn commit(self) -> Result<()> {
        let outcome = match self {
            DbTx::Postgres(tx) => tx.commit().await,
            DbTx::Sqlite(tx) => tx.commit().await,
            DbTx::Mysql(tx) => tx.commit().await,
        };
        outcome.map_err(StoreError::from_commit)
    }

    /// Abandons the transaction.
    pub(crate) async fn rollback(self) -> Result<()> {
        let outcome = match self {
            DbTx::Postgres(tx) => tx.rollback().await,
            DbTx::Sqlite(tx) => tx.rollback().await,
            DbTx::Mysql(tx) => tx.rollback().await,
        };
        outcome.map_err(StoreError::from)
    }
}
