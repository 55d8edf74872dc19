//! Values bound to statements. Scalars work on every back-end; arrays are
//! PostgreSQL-only and feed `UNNEST`/`ANY` in bulk statements (see [`crate::bulk`]).

use sqlx::mysql::MySqlArguments;
use sqlx::postgres::PgArguments;
use sqlx::query::Query;
use sqlx::sqlite::SqliteArguments;
use sqlx::{MySql, Postgres, Sqlite};

use crate::error::{Result, StoreError};

/// A bound value. Nulls keep their type so PostgreSQL can infer parameter types.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Arg {
    I64(Option<i64>),
    I32(Option<i32>),
    Text(Option<String>),
    Bool(bool),
    /// One column of many rows (PostgreSQL arrays).
    I64s(Vec<Option<i64>>),
    I32s(Vec<Option<i32>>),
    Texts(Vec<Option<String>>),
    Bools(Vec<bool>),
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
        vec![$($crate::arg::Arg::from($value)),*]
    };
}
pub(crate) use args;

pub(crate) type PgQuery<'q> = Query<'q, Postgres, PgArguments>;
pub(crate) type SqliteQuery<'q> = Query<'q, Sqlite, SqliteArguments>;
pub(crate) type MySqlQuery<'q> = Query<'q, MySql, MySqlArguments>;

/// Binds `args` in order to a PostgreSQL statement.
pub(crate) fn bind_postgres(mut query: PgQuery<'_>, args: Vec<Arg>) -> PgQuery<'_> {
    for arg in args {
        query = match arg {
            Arg::I64(value) => query.bind(value),
            Arg::I32(value) => query.bind(value),
            Arg::Text(value) => query.bind(value),
            Arg::Bool(value) => query.bind(value),
            Arg::I64s(values) => query.bind(values),
            Arg::I32s(values) => query.bind(values),
            Arg::Texts(values) => query.bind(values),
            Arg::Bools(values) => query.bind(values),
        };
    }
    query
}

/// Binds `args` in order to a SQLite statement; SQLite has no arrays.
pub(crate) fn bind_sqlite(mut query: SqliteQuery<'_>, args: Vec<Arg>) -> Result<SqliteQuery<'_>> {
    for arg in args {
        query = match arg {
            Arg::I64(value) => query.bind(value),
            Arg::I32(value) => query.bind(value),
            Arg::Text(value) => query.bind(value),
            Arg::Bool(value) => query.bind(value),
            Arg::I64s(_) | Arg::I32s(_) | Arg::Texts(_) | Arg::Bools(_) => {
                return Err(StoreError::invalid("array arguments are PostgreSQL-only"));
            }
        };
    }
    Ok(query)
}

/// Binds `args` in order to a MySQL statement; MySQL has no arrays.
pub(crate) fn bind_mysql(mut query: MySqlQuery<'_>, args: Vec<Arg>) -> Result<MySqlQuery<'_>> {
    for arg in args {
        query = match arg {
            Arg::I64(value) => query.bind(value),
            Arg::I32(value) => query.bind(value),
            Arg::Text(value) => query.bind(value),
            Arg::Bool(value) => query.bind(value),
            Arg::I64s(_) | Arg::I32s(_) | Arg::Texts(_) | Arg::Bools(_) => {
                return Err(StoreError::invalid("array arguments are PostgreSQL-only"));
            }
        };
    }
    Ok(query)
}
