//! Ingest at the store level: executions written the way the controller's
//! writer does (`begin_fenced` → `record_executions` → `commit`, which also
//! writes the outbox rows), at batch sizes 1, 100 and 500, beside the same
//! rows written straight into scratch tables by multi-row INSERT (and by
//! COPY from batch 500) on the same database in the same run.

use std::time::{Duration, Instant};

use guardian_core::Execution;
use guardian_store::Store;
use jiff::Timestamp;

use super::pg_ceiling::{Method, Scratch};
use crate::data::Shape;
use crate::report::{Row, Section, Value};
use crate::stack::{SMALL_HISTORY, Stack};
use crate::stats::{Latencies, rate};

/// The writer's batch in the controller (`writer.rs` `BATCH`).
pub const WRITER_BATCH: usize = 500;
/// COPY runs only from this batch on: below it each COPY statement stalls
/// ~40 ms on small TCP writes (Nagle / delayed ACK; 11 rows/s at batch 1), so
/// it is no ceiling there and only costs minutes.
const COPY_MIN_BATCH: usize = 500;

/// (batch size, executions written at that size).
fn sizes(quick: bool) -> [(usize, usize); 3] {
    if quick {
        [(1, 20), (100, 300), (500, 1_000)]
    } else {
        [(1, 3_000), (100, 100_000), (500, 200_000)]
    }
}

/// What one way of writing achieved.
#[derive(Debug, Clone)]
pub struct Pass {
    pub rate: f64,
    pub batches: Latencies,
}

/// Store-level figures at the writer's batch size, for the end-to-end comparison.
#[derive(Debug, Clone)]
pub struct StoreFigures {
    pub fenced: Pass,
    pub ceiling: Pass,
    pub ceiling_method: Method,
    /// Both methods' rates (the faster one is the ceiling); COPY only from
    /// [`COPY_MIN_BATCH`] on.
    pub copy_rate: Option<f64>,
    pub insert_rate: f64,
}

pub async fn store_level(
    section: &mut Section,
    quick: bool,
) -> anyhow::Result<Option<StoreFigures>> {
    let stack = Stack::new("bench_ingest", SMALL_HISTORY).await?;
    let mut scratch = Scratch::create(&stack.database_url()).await?;
    let mut target = Target {
        store: &stack.store,
        epoch: stack.store.acquire_epoch().await?,
        scratch: &mut scratch,
    };
    let mut at_writer_batch = None;
    for (batch, total) in sizes(quick) {
        let figures = target.measure(batch, total).await?;
        report_batch(section, batch, total, &figures);
        if batch == WRITER_BATCH {
            at_writer_batch = Some(figures);
        }
    }
    if let Some(figures) = &at_writer_batch {
        let ratio = figures.fenced.rate / figures.ceiling.rate.max(1.0);
        section.target(
            "store level ≥ 20k executions/s at the writer's batch (500)",
            figures.fenced.rate >= 20_000.0,
            format!("{:.0}/s", figures.fenced.rate),
        );
        section.target(
            "store level ≥ 50 % of the same-run PostgreSQL ceiling (batch 500)",
            ratio >= 0.5,
            format!("{:.0} %", ratio * 100.0),
        );
    }
    Ok(at_writer_batch)
}

/// Where one batch size's rows go: the product's tables and the scratch ones.
struct Target<'a> {
    store: &'a Store,
    epoch: guardian_core::Epoch,
    scratch: &'a mut Scratch,
}

impl Target<'_> {
    /// `total` new executions per method, `batch` per transaction; each
    /// method gets its own Job UIDs so nothing is a replay.
    async fn measure(&mut self, batch: usize, total: usize) -> anyhow::Result<StoreFigures> {
        let shape = Shape { cronjobs: 1_000 };
        let now = Timestamp::now();
        let rows = |run: String| -> Vec<Execution> {
            (0..total).map(|n| shape.execution(&run, n, now)).collect()
        };
        let fenced = fenced_pass(
            self.store,
            self.epoch,
            &rows(format!("fenced{batch}")),
            batch,
        )
        .await?;
        let insert_rows = rows(format!("insert{batch}"));
        let insert =
            scratch_pass(self.scratch, Method::MultiRowInsert, &insert_rows, batch).await?;
        let insert_rate = insert.rate;
        let (mut ceiling_method, mut ceiling, mut copy_rate) =
            (Method::MultiRowInsert, insert, None);
        if batch >= COPY_MIN_BATCH {
            let copy_rows = rows(format!("copy{batch}"));
            let copy = scratch_pass(self.scratch, Method::Copy, &copy_rows, batch).await?;
            copy_rate = Some(copy.rate);
            if copy.rate >= ceiling.rate {
                (ceiling_method, ceiling) = (Method::Copy, copy);
            }
        }
        Ok(StoreFigures {
            fenced,
            ceiling,
            ceiling_method,
            copy_rate,
            insert_rate,
        })
    }
}

fn report_batch(section: &mut Section, batch: usize, total: usize, figures: &StoreFigures) {
    let what = format!("{}, batch {batch}", figures.ceiling_method.name());
    let (fenced, ceiling) = (&figures.fenced, &figures.ceiling);
    let rate = format!("store: executions/s, fenced batch {batch} ({total} rows)");
    section.row(Row::new(rate, Value::Rate(fenced.rate)).against(Value::Rate(ceiling.rate), &what));
    let p50 = format!("store: batch begin→commit, batch {batch}, p50");
    let p50_value = Value::Latency(fenced.batches.p50());
    section.row(Row::new(p50, p50_value).against(Value::Latency(ceiling.batches.p50()), &what));
    let p99 = format!("store: batch begin→commit, batch {batch}, p99");
    let p99_value = Value::Latency(fenced.batches.p99());
    section.row(Row::new(p99, p99_value).against(Value::Latency(ceiling.batches.p99()), &what));
    let copy = figures.copy_rate.map_or_else(
        || format!("not run below batch {COPY_MIN_BATCH}"),
        |rate| format!("{rate:.0}/s"),
    );
    section.note(format!(
        "batch {batch}: COPY {copy}, multi-row INSERT {:.0}/s (the faster is the ceiling)",
        figures.insert_rate
    ));
}

/// Writes `rows` through fenced transactions of `batch` executions each.
async fn fenced_pass(
    store: &Store,
    epoch: guardian_core::Epoch,
    rows: &[Execution],
    batch: usize,
) -> anyhow::Result<Pass> {
    let mut batches = Latencies::new();
    let started = Instant::now();
    for chunk in rows.chunks(batch) {
        let clock = Instant::now();
        let mut tx = store.begin_fenced(epoch).await?;
        tx.record_executions(chunk).await?;
        let events = tx.commit().await?;
        batches.push(clock.elapsed());
        anyhow::ensure!(
            events.len() == chunk.len(),
            "a batch of {} new executions committed {} events",
            chunk.len(),
            events.len()
        );
    }
    Ok(Pass {
        rate: rate(rows.len(), started.elapsed()),
        batches,
    })
}

/// Writes `rows` into the scratch tables, one transaction per `batch`.
async fn scratch_pass(
    scratch: &mut Scratch,
    method: Method,
    rows: &[Execution],
    batch: usize,
) -> anyhow::Result<Pass> {
    let mut batches = Latencies::new();
    let started = Instant::now();
    for chunk in rows.chunks(batch) {
        let clock = Instant::now();
        scratch.write(method, chunk).await?;
        batches.push(clock.elapsed());
    }
    let elapsed = started.elapsed().max(Duration::from_nanos(1));
    Ok(Pass {
        rate: rate(rows.len(), elapsed),
        batches,
    })
}
