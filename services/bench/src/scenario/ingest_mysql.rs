//! Ingest at the store level on MariaDB (the MySQL back-end): executions written
//! the way the controller's writer does (`begin_fenced` → `record_executions` →
//! `commit`, outbox rows included) beside the same rows inserted straight into
//! scratch tables (`CREATE TABLE … LIKE`, same columns and indexes) by one
//! multi-row `INSERT` per table and batch, on the same server in the same run.
//!
//! `LOAD DATA LOCAL INFILE` is not a ceiling here: sqlx's MySQL driver does not
//! implement the LOCAL INFILE protocol, so the ceiling is multi-row INSERT.

use std::time::Instant;

use guardian_core::{Change, Execution};
use guardian_store::{Backend, Store, StoreConfig};
use guardian_testkit::mariadb::MariaDbHarness;
use jiff::Timestamp;
use sqlx::{Connection, MySql, MySqlConnection, QueryBuilder};

use super::ingest::WRITER_BATCH;
use crate::data::Shape;
use crate::report::{Row, Section, Value};
use crate::stats::{Latencies, rate};

/// (batch size, executions written at that size).
fn sizes(quick: bool) -> [(usize, usize); 2] {
    if quick {
        [(100, 300), (500, 1_000)]
    } else {
        [(100, 50_000), (500, 100_000)]
    }
}

pub async fn store_level(section: &mut Section, quick: bool) -> anyhow::Result<()> {
    let harness = MariaDbHarness::shared().await?;
    let url = harness.fresh_database("bench_ingest_mysql").await?;
    let store = Store::connect(&StoreConfig::new(Backend::MysqlUrl(url.clone()))).await?;
    let epoch = store.acquire_epoch().await?;
    let mut scratch = MySqlConnection::connect(&url).await?;
    for statement in [
        "CREATE TABLE bench_executions LIKE executions",
        "CREATE TABLE bench_events LIKE events",
    ] {
        sqlx::raw_sql(statement).execute(&mut scratch).await?;
    }
    let (shape, now) = (Shape { cronjobs: 1_000 }, Timestamp::now());
    let mut next_sequence = 1_i64;
    for (batch, total) in sizes(quick) {
        let rows = |run: &str| -> Vec<Execution> {
            (0..total)
                .map(|n| shape.execution(&format!("{run}{batch}"), n, now))
                .collect()
        };
        let fenced_rows = rows("fenced");
        let (mut fenced, started) = (Latencies::new(), Instant::now());
        for chunk in fenced_rows.chunks(batch) {
            let clock = Instant::now();
            let mut tx = store.begin_fenced(epoch).await?;
            tx.record_executions(chunk).await?;
            let events = tx.commit().await?;
            fenced.push(clock.elapsed());
            anyhow::ensure!(events.len() == chunk.len(), "one event per new execution");
        }
        let fenced_rate = rate(total, started.elapsed());
        let insert_rows = rows("insert");
        let (mut ceiling, started) = (Latencies::new(), Instant::now());
        for chunk in insert_rows.chunks(batch) {
            let clock = Instant::now();
            let mut tx = scratch.begin().await?;
            execution_insert(chunk).build().execute(&mut *tx).await?;
            event_insert(chunk, next_sequence)?
                .build()
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            next_sequence += chunk.len() as i64;
            ceiling.push(clock.elapsed());
        }
        let ceiling_rate = rate(total, started.elapsed());
        let what = format!("MariaDB multi-row INSERT, batch {batch}");
        section.row(
            Row::new(
                format!("store on MariaDB: executions/s, fenced batch {batch} ({total} rows)"),
                Value::Rate(fenced_rate),
            )
            .against(Value::Rate(ceiling_rate), &what),
        );
        section.row(
            Row::new(
                format!("store on MariaDB: batch begin→commit, batch {batch}, p50"),
                Value::Latency(fenced.p50()),
            )
            .against(Value::Latency(ceiling.p50()), &what),
        );
        if batch == WRITER_BATCH {
            let ratio = fenced_rate / ceiling_rate.max(1.0);
            section.target(
                "store level ≥ 50 % of the same-run MariaDB ceiling (batch 500)",
                ratio >= 0.5,
                format!("{:.0} %", ratio * 100.0),
            );
        }
    }
    section.note("ceiling: multi-row INSERT into tables LIKE executions/events, one transaction per batch; LOAD DATA LOCAL INFILE is not offered by sqlx's driver");
    store.close().await;
    Ok(())
}

fn millis(at: Timestamp) -> i64 {
    at.as_millisecond()
}

fn execution_insert(batch: &[Execution]) -> QueryBuilder<MySql> {
    let mut query = QueryBuilder::new(
        "INSERT INTO bench_executions (job_uid, job_name, namespace, cronjob, cronjob_uid, \
         started_at, completed_at, duration_ms, outcome, exit_code, reason, logs, events, \
         retries, manual) ",
    );
    query.push_values(batch, |mut row, execution| {
        let events = serde_json::to_string(&execution.events).unwrap_or_else(|_| "[]".to_owned());
        let took = execution
            .completed_at
            .map(|done| millis(done) - millis(execution.started_at));
        row.push_bind(execution.job_uid.clone())
            .push_bind(execution.job_name.clone())
            .push_bind(execution.cronjob.namespace.clone())
            .push_bind(execution.cronjob.name.clone())
            .push_bind(execution.cronjob_uid.clone())
            .push_bind(millis(execution.started_at))
            .push_bind(execution.completed_at.map(millis))
            .push_bind(took)
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

fn event_insert(batch: &[Execution], first: i64) -> anyhow::Result<QueryBuilder<MySql>> {
    let at = millis(Timestamp::now());
    let rows = batch
        .iter()
        .enumerate()
        .map(|(offset, execution)| {
            let payload = serde_json::to_string(&Change::Execution(execution.clone()))?;
            Ok((first + offset as i64, payload))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let mut query = QueryBuilder::new("INSERT INTO bench_events (sequence, epoch, at, payload) ");
    query.push_values(rows, |mut row, (sequence, payload)| {
        row.push_bind(sequence)
            .push_bind(1_i64)
            .push_bind(at)
            .push_bind(payload);
    });
    Ok(query)
}
