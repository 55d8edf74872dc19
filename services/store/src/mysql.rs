//! The MySQL/MariaDB dialect of the shared statements. The store writes one SQL text
//! for every back-end (`$N` placeholders, `ON CONFLICT … DO UPDATE SET x = excluded.x`);
//! [`translate`] turns it into what MySQL 8.0+ and MariaDB 10.6+ both accept:
//!
//! - `$N` → `?`, with the arguments reordered (and repeated) to match, since MySQL
//!   binds positionally only; a statement already written with `?` passes unchanged;
//! - `ON CONFLICT (…) DO UPDATE SET` → `ON DUPLICATE KEY UPDATE`, `excluded.c` →
//!   `VALUES(c)` (the one spelling both servers accept; MySQL's `AS new` alias is
//!   unknown to MariaDB);
//! - column names that are reserved words in MySQL (`key`, `rank`) are quoted. The
//!   house style writes keywords in capitals and names in lower case, so only the
//!   lower-case words are names.
//!
//! Text inside string literals is never touched. What has no common spelling
//! (`RETURNING`, `DO NOTHING`, `LIMIT` in an `IN (SELECT …)`) is written per dialect at
//! its call site.

use crate::error::{Result, StoreError};
use crate::sql::Arg;

/// Lower-case names that MySQL reserves and our schema uses as column or alias names.
const RESERVED_NAMES: [&str; 2] = ["key", "rank"];

/// The shared statement `sql` with `args` as MySQL runs them.
pub(crate) fn translate(sql: &str, args: Vec<Arg>) -> Result<(String, Vec<Arg>)> {
    let sql = upsert_clause(sql);
    let mut out = String::with_capacity(sql.len());
    let mut order: Vec<usize> = Vec::new();
    let mut positional = false;
    let mut chars = sql.char_indices().peekable();
    while let Some((start, ch)) = chars.next() {
        match ch {
            '\'' => {
                // A literal runs to the next quote ('' inside is an escaped quote and
                // simply reads as two literals back to back).
                out.push(ch);
                for (_, inner) in chars.by_ref() {
                    out.push(inner);
                    if inner == '\'' {
                        break;
                    }
                }
            }
            '$' => {
                let mut number = String::new();
                while let Some((_, digit)) = chars.next_if(|(_, c)| c.is_ascii_digit()) {
                    number.push(digit);
                }
                let index: usize = number
                    .parse()
                    .map_err(|_| StoreError::invalid(format!("bad placeholder in {sql:?}")))?;
                order.push(index);
                out.push('?');
            }
            '?' => {
                positional = true;
                out.push(ch);
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                let mut end = start + c.len_utf8();
                while let Some((at, next)) =
                    chars.next_if(|(_, n)| n.is_ascii_alphanumeric() || *n == '_')
                {
                    end = at + next.len_utf8();
                }
                let word = &sql[start..end];
                if RESERVED_NAMES.contains(&word) {
                    out.push('`');
                    out.push_str(word);
                    out.push('`');
                } else {
                    out.push_str(word);
                }
            }
            _ => out.push(ch),
        }
    }
    if order.is_empty() {
        return Ok((out, args));
    }
    if positional {
        return Err(StoreError::invalid(
            "a statement mixes `?` and `$N` placeholders",
        ));
    }
    let args = order
        .into_iter()
        .map(|index| {
            index
                .checked_sub(1)
                .and_then(|at| args.get(at))
                .cloned()
                .ok_or_else(|| StoreError::invalid(format!("placeholder ${index} has no value")))
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((out, args))
}

/// Rewrites a PostgreSQL/SQLite upsert tail into MySQL's.
fn upsert_clause(sql: &str) -> std::borrow::Cow<'_, str> {
    const DO_UPDATE: &str = ") DO UPDATE SET ";
    let Some(conflict) = sql.find("ON CONFLICT (") else {
        return sql.into();
    };
    let Some(set) = sql[conflict..].find(DO_UPDATE).map(|at| conflict + at) else {
        return sql.into();
    };
    let assignments = &sql[set + DO_UPDATE.len()..];
    let mut rewritten = format!("{}ON DUPLICATE KEY UPDATE ", &sql[..conflict]);
    let mut rest = assignments;
    while let Some(at) = rest.find("excluded.") {
        rewritten.push_str(&rest[..at]);
        let after = &rest[at + "excluded.".len()..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        rewritten.push_str(&format!("VALUES({})", &after[..name_len]));
        rest = &after[name_len..];
    }
    rewritten.push_str(rest);
    rewritten.into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sql::args;

    #[test]
    fn numbered_placeholders_become_positional_in_order_of_use() -> Result<()> {
        let (sql, args) = translate(
            "UPDATE t SET a = $2, b = $3 WHERE name = $1 AND v = $3",
            args!["n", 1_i64, 2_i64],
        )?;
        assert_eq!(sql, "UPDATE t SET a = ?, b = ? WHERE name = ? AND v = ?");
        assert_eq!(args, args![1_i64, 2_i64, "n", 2_i64]);
        Ok(())
    }

    #[test]
    fn literals_and_capitalised_keywords_are_left_alone() -> Result<()> {
        let (sql, _) = translate(
            "SELECT key FROM alerts WHERE x LIKE $1 ESCAPE '\\' AND y = '$2 key' ORDER BY key",
            args!["a"],
        )?;
        assert_eq!(
            sql,
            "SELECT `key` FROM alerts WHERE x LIKE ? ESCAPE '\\' AND y = '$2 key' ORDER BY `key`"
        );
        Ok(())
    }

    #[test]
    fn upserts_take_the_duplicate_key_form() -> Result<()> {
        let (sql, args) = translate(
            "INSERT INTO alerts (key, kind) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET \
             kind = excluded.kind, key_kind = excluded.key_kind",
            args!["k", "x"],
        )?;
        assert_eq!(
            sql,
            "INSERT INTO alerts (`key`, kind) VALUES (?, ?) ON DUPLICATE KEY UPDATE \
             kind = VALUES(kind), key_kind = VALUES(key_kind)"
        );
        assert_eq!(args.len(), 2);
        Ok(())
    }

    #[test]
    fn missing_values_and_mixed_placeholders_are_refused() {
        assert!(translate("SELECT $2", args![1_i64]).is_err());
        assert!(translate("SELECT $1, ?", args![1_i64, 2_i64]).is_err());
        assert!(translate("SELECT $0", args![1_i64]).is_err());
    }
}
