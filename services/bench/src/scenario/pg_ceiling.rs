//! The ingest ceiling: the rows a fenced transaction writes (one `executions`
//! row and one outbox `events` row per execution) inserted straight into
//! PostgreSQL by the best batched methods, into scratch tables created
//! `LIKE … INCLUDING ALL` (same columns, defaults, identity, indexes).
//!
//! Two methods, one transaction per batch each: `COPY … FROM STDIN` (text
//! format) and one multi-row `INSERT … VALUES` per table. The faster of the
//! two at each batch size is the ceiling.

use std::fmt::Write as _;

use guardian_core::{Change, Execution};
use sqlx::{Connection, PgConnection, Postgres, QueryBuilder};

/// Columns of both tables, in the order the product writes them.
const EXECUTION_COLUMNS: &str = "job_uid, job_name, namespace, cronjob, cronjob_uid, started_at, \
    completed_at, duration_ms, outcome, exit_code, reason, logs, events, retries, manual";
const EVENT_COLUMNS: &str = "sequence, epoch, at, payload";

/// How a batch reaches the scratch tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Copy,
    MultiRowInsert,
}

impl Method {
    pub fn name(self) -> &'static str {
        match self {
            Method::Copy => "COPY",
            Method::MultiRowInsert => "multi-row INSERT",
        }
    }
}

/// One connection writing to the scratch tables.
pub struct Scratch {
    conn: PgConnection,
    next_sequence: i64,
}

impl Scratch {
    /// Connects to `url` (a database the product already migrated) and
    /// (re)creates the scratch tables beside the real ones.
    pub async fn create(url: &str) -> anyhow::Result<Scratch> {
        let mut conn = PgConnection::connect(url).await?;
        for statement in [
            "DROP TABLE IF EXISTS bench_executions, bench_events",
            "CREATE TABLE bench_executions (LIKE executions INCLUDING ALL)",
            "CREATE TABLE bench_events (LIKE events INCLUDING ALL)",
        ] {
            sqlx::raw_sql(statement).execute(&mut conn).await?;
        }
        Ok(Scratch {
            conn,
            next_sequence: 1,
        })
    }

    /// Writes `batch` and its outbox rows in one transaction.
    pub async fn write(&mut self, method: Method, batch: &[Execution]) -> anyhow::Result<()> {
        let first = self.next_sequence;
        self.next_sequence += batch.len() as i64;
        let mut tx = self.conn.begin().await?;
        match method {
            Method::Copy => {
                let rows = copy_text(batch, first)?;
                let statement = format!("COPY bench_executions ({EXECUTION_COLUMNS}) FROM STDIN");
                let mut copy = tx.copy_in_raw(&statement).await?;
                copy.send(rows.executions.into_bytes()).await?;
                copy.finish().await?;
                let statement = format!("COPY bench_events ({EVENT_COLUMNS}) FROM STDIN");
                let mut copy = tx.copy_in_raw(&statement).await?;
                copy.send(rows.events.into_bytes()).await?;
                copy.finish().await?;
            }
            Method::MultiRowInsert => {
                execution_insert(batch).build().execute(&mut *tx).await?;
                event_insert(batch, first)?
                    .build()
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }
}

/// The outbox payload the store writes for a new execution.
fn payload(execution: &Execution) -> anyhow::Result<String> {
    Ok(serde_json::to_string(&Change::Execution(
        execution.clone(),
    ))?)
}

fn millis(at: jiff::Timestamp) -> i64 {
    at.as_millisecond()
}

fn duration_ms(execution: &Execution) -> Option<i64> {
    execution
        .completed_at
        .map(|done| millis(done) - millis(execution.started_at))
}

struct CopyRows {
    executions: String,
    events: String,
}

/// Both tables' rows in COPY text format.
fn copy_text(batch: &[Execution], first_sequence: i64) -> anyhow::Result<CopyRows> {
    let mut executions = String::with_capacity(batch.len() * 400);
    let mut events = String::with_capacity(batch.len() * 600);
    for (offset, execution) in batch.iter().enumerate() {
        let fields = [
            Some(execution.job_uid.clone()),
            Some(execution.job_name.clone()),
            Some(execution.cronjob.namespace.clone()),
            Some(execution.cronjob.name.clone()),
            execution.cronjob_uid.clone(),
            Some(millis(execution.started_at).to_string()),
            execution.completed_at.map(|at| millis(at).to_string()),
            duration_ms(execution).map(|ms| ms.to_string()),
            Some(execution.outcome.as_str().to_owned()),
            execution.exit_code.map(|code| code.to_string()),
            execution.reason.clone(),
            execution.logs.clone(),
            Some(serde_json::to_string(&execution.events)?),
            Some(execution.retries.to_string()),
            Some(if execution.manual { "t" } else { "f" }.to_owned()),
        ];
        push_row(&mut executions, &fields);
        let at = millis(jiff::Timestamp::now()).to_string();
        let sequence = (first_sequence + offset as i64).to_string();
        push_row(
            &mut events,
            &[
                Some(sequence),
                Some("1".into()),
                Some(at),
                Some(payload(execution)?),
            ],
        );
    }
    Ok(CopyRows { executions, events })
}

fn push_row(out: &mut String, fields: &[Option<String>]) {
    for (index, field) in fields.iter().enumerate() {
        if index > 0 {
            out.push('\t');
        }
        match field {
            None => out.push_str("\\N"),
            Some(text) => escape_into(out, text),
        }
    }
    out.push('\n');
}

/// COPY text format escapes: backslash, tab, newline and carriage return.
fn escape_into(out: &mut String, text: &str) {
    for character in text.chars() {
        let _ = match character {
            '\\' => out.write_str("\\\\"),
            '\t' => out.write_str("\\t"),
            '\n' => out.write_str("\\n"),
            '\r' => out.write_str("\\r"),
            other => out.write_char(other),
        };
    }
}

fn execution_insert(batch: &[Execution]) -> QueryBuilder<Postgres> {
    let mut query = QueryBuilder::new(format!(
        "INSERT INTO bench_executions ({EXECUTION_COLUMNS}) "
    ));
    query.push_values(batch, |mut row, execution| {
        let events = serde_json::to_string(&execution.events).unwrap_or_else(|_| "[]".to_owned());
        row.push_bind(execution.job_uid.clone())
            .push_bind(execution.job_name.clone())
            .push_bind(execution.cronjob.namespace.clone())
            .push_bind(execution.cronjob.name.clone())
            .push_bind(execution.cronjob_uid.clone())
            .push_bind(millis(execution.started_at))
            .push_bind(execution.completed_at.map(millis))
            .push_bind(duration_ms(execution))
            .push_bind(execution.outcome.as_str())
            .push_bind(execution.exit_code)
            .push_bind(execution.reason.clone())
            .push_bind(execution.logs.clone())
            .push_bind(events)
            .push_bind(execution.retries)
            .push_bind(execution.manual);
    });
    query
}

fn event_insert(
    batch: &[Execution],
    first_sequence: i64,
) -> anyhow::Result<QueryBuilder<Postgres>> {
    let at = millis(jiff::Timestamp::now());
    let rows = batch
        .iter()
        .enumerate()
        .map(|(offset, execution)| Ok((first_sequence + offset as i64, payload(execution)?)))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let mut query = QueryBuilder::new(format!("INSERT INTO bench_events ({EVENT_COLUMNS}) "));
    query.push_values(rows, |mut row, (sequence, payload)| {
        row.push_bind(sequence)
            .push_bind(1_i64)
            .push_bind(at)
            .push_bind(payload);
    });
    Ok(query)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_text_escapes_specials_and_writes_null_markers() {
        let mut out = String::new();
        push_row(
            &mut out,
            &[Some("a\tb\\c\nd".into()), None, Some("plain".into())],
        );
        assert_eq!(out, "a\\tb\\\\c\\nd\t\\N\tplain\n");
    }
}
