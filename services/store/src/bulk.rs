//! Statements over many rows, whose text differs per dialect.
//!
//! - PostgreSQL binds one array per column (`UNNEST`, `= ANY`): the statement text and
//!   its cached plan are the same for every batch size, instead of re-planning a
//!   15 000-parameter `VALUES` list on each execution.
//! - SQLite gets anonymous `?` placeholders. SQLite resolves numbered `$N` names by a
//!   linear search per parameter, so preparing a 15 000-parameter statement written
//!   with `$N` takes seconds; with `?` it takes milliseconds.
//! - MySQL gets the same multi-row `VALUES` with `?` (it has no arrays).

use crate::error::{Result, StoreError};
use crate::sql::Arg;

/// The SQL dialect of a connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    Postgres,
    Sqlite,
    Mysql,
}

/// The largest multi-row statement MySQL is sent (by value bytes): below MariaDB's
/// default `max_allowed_packet` of 16 MiB, which bounds a whole statement there.
const MYSQL_STATEMENT_BYTES: usize = 8 << 20;

/// Splits `rows` into statements of at most `max_rows` rows and, on MySQL, at most
/// [`MYSQL_STATEMENT_BYTES`] of values (a row larger than that goes alone).
pub(crate) fn bounded_chunks(
    dialect: Dialect,
    rows: Vec<Vec<Arg>>,
    max_rows: usize,
) -> Vec<Vec<Vec<Arg>>> {
    let max_bytes = match dialect {
        Dialect::Mysql => MYSQL_STATEMENT_BYTES,
        Dialect::Postgres | Dialect::Sqlite => usize::MAX,
    };
    let mut chunks = Vec::new();
    let mut current: Vec<Vec<Arg>> = Vec::new();
    let mut bytes = 0_usize;
    for row in rows {
        let size: usize = row.iter().map(value_bytes).sum();
        let full = current.len() >= max_rows || bytes.saturating_add(size) > max_bytes;
        if !current.is_empty() && full {
            chunks.push(std::mem::take(&mut current));
            bytes = 0;
        }
        bytes = bytes.saturating_add(size);
        current.push(row);
    }
    if !current.is_empty() {
        chunks.push(current);
    }
    chunks
}

/// Roughly how many bytes a scalar value takes on the wire.
fn value_bytes(value: &Arg) -> usize {
    match value {
        Arg::Text(text) => text.as_ref().map_or(1, String::len),
        _ => 8,
    }
}

/// The row source for `INSERT INTO t (columns) <source>`: `rows` hold one scalar
/// [`Arg`] per column, and the source's placeholders are the statement's only ones.
pub(crate) fn rows_source(
    dialect: Dialect,
    rows: Vec<Vec<Arg>>,
    columns: usize,
) -> Result<(String, Vec<Arg>)> {
    match dialect {
        Dialect::Postgres => {
            let arrays = transpose(rows, columns)?;
            let list: Vec<String> = arrays
                .iter()
                .enumerate()
                .map(|(index, array)| format!("${}::{}", index + 1, array_type(array)))
                .collect();
            Ok((format!("SELECT * FROM UNNEST({})", list.join(", ")), arrays))
        }
        Dialect::Sqlite | Dialect::Mysql => {
            let row = format!("({})", vec!["?"; columns].join(", "));
            let sql = format!("VALUES {}", vec![row.as_str(); rows.len()].join(", "));
            Ok((sql, rows.concat()))
        }
    }
}

/// A condition that `column` equals one of `values` (the statement's only parameters).
pub(crate) fn any_of(dialect: Dialect, column: &str, values: Vec<String>) -> (String, Vec<Arg>) {
    match dialect {
        Dialect::Postgres => {
            let array = Arg::Texts(values.into_iter().map(Some).collect());
            (format!("{column} = ANY($1::text[])"), vec![array])
        }
        Dialect::Sqlite | Dialect::Mysql => {
            let list = vec!["?"; values.len()].join(", ");
            (
                format!("{column} IN ({list})"),
                values.into_iter().map(Arg::from).collect(),
            )
        }
    }
}

/// Turns rows of scalars into one array per column.
fn transpose(rows: Vec<Vec<Arg>>, columns: usize) -> Result<Vec<Arg>> {
    let mut arrays: Vec<Option<Arg>> = vec![None; columns];
    for row in rows {
        if row.len() != columns {
            return Err(StoreError::invalid(
                "bulk row has the wrong number of values",
            ));
        }
        for (slot, value) in arrays.iter_mut().zip(row) {
            let array = slot.get_or_insert_with(|| empty_array_like(&value));
            push(array, value)?;
        }
    }
    arrays
        .into_iter()
        .map(|array| array.ok_or_else(|| StoreError::invalid("bulk statement without rows")))
        .collect()
}

fn empty_array_like(value: &Arg) -> Arg {
    match value {
        Arg::I64(_) | Arg::I64s(_) => Arg::I64s(Vec::new()),
        Arg::I32(_) | Arg::I32s(_) => Arg::I32s(Vec::new()),
        Arg::Text(_) | Arg::Texts(_) => Arg::Texts(Vec::new()),
        Arg::Bool(_) | Arg::Bools(_) => Arg::Bools(Vec::new()),
    }
}

fn push(array: &mut Arg, value: Arg) -> Result<()> {
    match (array, value) {
        (Arg::I64s(values), Arg::I64(value)) => values.push(value),
        (Arg::I32s(values), Arg::I32(value)) => values.push(value),
        (Arg::Texts(values), Arg::Text(value)) => values.push(value),
        (Arg::Bools(values), Arg::Bool(value)) => values.push(value),
        _ => return Err(StoreError::invalid("bulk column mixes value types")),
    }
    Ok(())
}

fn array_type(array: &Arg) -> &'static str {
    match array {
        Arg::I64(_) | Arg::I64s(_) => "int8[]",
        Arg::I32(_) | Arg::I32s(_) => "int4[]",
        Arg::Text(_) | Arg::Texts(_) => "text[]",
        Arg::Bool(_) | Arg::Bools(_) => "bool[]",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sql::args;

    fn rows() -> Vec<Vec<Arg>> {
        vec![
            args!["a", 1_i64, true],
            args![Option::<String>::None, Option::<i64>::None, false],
        ]
    }

    #[test]
    fn postgres_binds_one_typed_array_per_column() -> Result<()> {
        let (sql, args) = rows_source(Dialect::Postgres, rows(), 3)?;
        assert_eq!(
            sql,
            "SELECT * FROM UNNEST($1::text[], $2::int8[], $3::bool[])"
        );
        assert_eq!(args[0], Arg::Texts(vec![Some("a".into()), None]));
        assert_eq!(args[1], Arg::I64s(vec![Some(1), None]));
        assert_eq!(args[2], Arg::Bools(vec![true, false]));
        Ok(())
    }

    #[test]
    fn sqlite_gets_anonymous_placeholders_in_row_order() -> Result<()> {
        let (sql, args) = rows_source(Dialect::Sqlite, rows(), 3)?;
        assert_eq!(sql, "VALUES (?, ?, ?), (?, ?, ?)");
        assert_eq!(args.len(), 6);
        assert_eq!(args[3], Arg::Text(None));
        Ok(())
    }

    #[test]
    fn mysql_statements_are_bounded_by_rows_and_bytes() {
        let big = "x".repeat(5 << 20);
        let rows = vec![
            args![big.as_str()],
            args![big.as_str()],
            args!["a"],
            args!["b"],
        ];
        let sizes = |chunks: Vec<Vec<Vec<Arg>>>| chunks.iter().map(Vec::len).collect::<Vec<_>>();
        assert_eq!(
            sizes(bounded_chunks(Dialect::Mysql, rows.clone(), 2)),
            [1, 2, 1]
        );
        assert_eq!(sizes(bounded_chunks(Dialect::Postgres, rows, 2)), [2, 2]);
    }

    #[test]
    fn mixed_column_types_are_refused() {
        let rows = vec![args!["a"], args![1_i64]];
        assert!(rows_source(Dialect::Postgres, rows, 1).is_err());
        let (sql, args) = any_of(Dialect::Sqlite, "job_uid", vec!["x".into(), "y".into()]);
        assert_eq!((sql.as_str(), args.len()), ("job_uid IN (?, ?)", 2));
    }
}
