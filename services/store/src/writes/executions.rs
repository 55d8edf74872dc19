//! Recording executions in batches: one `SELECT` for the UIDs already stored, the
//! merge decided in memory, then one bulk upsert per chunk (see [`crate::bulk`]). A batch of N new
//! executions costs a handful of statements, not 2·N round trips.

use std::collections::HashMap;

use guardian_core::{Change, Execution};

use crate::bulk::{Dialect, any_of, bounded_chunks, rows_source};
use crate::codec::{EXECUTION_COLUMNS, EXECUTION_INSERT_COLUMNS, ExecutionRow, execution_args};
use crate::error::{Result, StoreError};
use crate::fenced::RecordOutcome;
use crate::merge;
use crate::sql::{Arg, Exec, dynamic};

/// Rows per bulk statement: bounds the memory of one statement and, at 15 values a
/// row, keeps SQLite below its 32 766 bind-parameter limit.
const CHUNK: usize = 1000;
const INSERT_VALUES: usize = 15;

/// Outcomes per input (in order) and the outbox changes to queue.
pub(crate) struct Recorded {
    pub(crate) outcomes: Vec<RecordOutcome>,
    pub(crate) changes: Vec<Change>,
}

/// The state of one Job UID while a batch is planned.
struct Slot {
    id: Option<i64>,
    current: Execution,
    dirty: bool,
}

enum Planned {
    Inserted(usize),
    Updated(usize),
    Unchanged(usize),
}

/// Records `batch` (already validated and normalised), idempotent per Job UID.
pub(crate) async fn record(exec: &mut Exec<'_>, batch: &[Execution]) -> Result<Recorded> {
    // Distinct UIDs in first-seen order, and each input's slot among them.
    let mut order: Vec<&str> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let positions: Vec<usize> = batch
        .iter()
        .map(|execution| {
            *index.entry(execution.job_uid.as_str()).or_insert_with(|| {
                order.push(&execution.job_uid);
                order.len() - 1
            })
        })
        .collect();
    let stored = fetch_existing(exec, &order).await?;
    let mut slots: Vec<Option<Slot>> = order
        .iter()
        .map(|uid| {
            let (id, current) = stored.get(*uid)?;
            Some(Slot {
                id: Some(*id),
                current: current.clone(),
                dirty: false,
            })
        })
        .collect();
    let (planned, changes) = plan(batch, &positions, &mut slots);
    write_dirty(exec, &mut slots).await?;
    let id_of = |position: usize| -> Result<i64> {
        slots[position]
            .as_ref()
            .and_then(|slot| slot.id)
            .ok_or_else(|| StoreError::corrupt("an upserted execution returned no id"))
    };
    let outcomes = planned
        .into_iter()
        .map(|plan| match plan {
            Planned::Inserted(position) => id_of(position).map(RecordOutcome::Inserted),
            Planned::Updated(position) => id_of(position).map(RecordOutcome::Updated),
            Planned::Unchanged(position) => id_of(position).map(RecordOutcome::Unchanged),
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Recorded { outcomes, changes })
}

/// Applies the inputs in order to the slots (in memory): what each did, and the
/// state after each change, for the outbox.
fn plan(
    batch: &[Execution],
    positions: &[usize],
    slots: &mut [Option<Slot>],
) -> (Vec<Planned>, Vec<Change>) {
    let mut planned = Vec::with_capacity(batch.len());
    let mut changes = Vec::new();
    for (execution, &position) in batch.iter().zip(positions) {
        let slot = &mut slots[position];
        let Some(existing) = slot else {
            *slot = Some(Slot {
                id: None,
                current: execution.clone(),
                dirty: true,
            });
            planned.push(Planned::Inserted(position));
            changes.push(Change::Execution(execution.clone()));
            continue;
        };
        let merged = merge::execution(&existing.current, execution);
        if merged == existing.current {
            planned.push(Planned::Unchanged(position));
            continue;
        }
        existing.current = merged.clone();
        existing.dirty = true;
        planned.push(Planned::Updated(position));
        changes.push(Change::Execution(merged));
    }
    (planned, changes)
}

/// The stored rows for `uids`, by UID.
async fn fetch_existing(
    exec: &mut Exec<'_>,
    uids: &[&str],
) -> Result<HashMap<String, (i64, Execution)>> {
    let mut found = HashMap::new();
    for chunk in uids.chunks(CHUNK) {
        let values = chunk.iter().map(|uid| (*uid).to_owned()).collect();
        let (condition, args) = any_of(exec.dialect(), "job_uid", values);
        let sql = format!("SELECT {EXECUTION_COLUMNS} FROM executions WHERE {condition}");
        for row in exec.fetch_all::<ExecutionRow>(dynamic(sql), args).await? {
            let stored = row.decode()?;
            found.insert(
                stored.execution.job_uid.clone(),
                (stored.id, stored.execution),
            );
        }
    }
    Ok(found)
}

/// Upserts every changed slot and fills in the ids of new rows.
async fn write_dirty(exec: &mut Exec<'_>, slots: &mut [Option<Slot>]) -> Result<()> {
    let rows = slots
        .iter()
        .flatten()
        .filter(|slot| slot.dirty)
        .map(|slot| execution_args(&slot.current))
        .collect::<Result<Vec<_>>>()?;
    let dialect = exec.dialect();
    let mut ids: HashMap<String, i64> = HashMap::new();
    for rows in bounded_chunks(dialect, rows, CHUNK) {
        let uids: Vec<String> = rows.iter().filter_map(|row| row_uid(row)).collect();
        let (source, args) = rows_source(dialect, rows, INSERT_VALUES)?;
        let returned: Vec<(i64, String)> = if dialect == Dialect::Mysql {
            // MySQL has no RETURNING: read the ids back. The control row's lock keeps
            // every other writer out, so they are the rows just written.
            exec.execute(dynamic(upsert_sql(&source, "")), args).await?;
            let (condition, args) = any_of(dialect, "job_uid", uids);
            let select = format!("SELECT id, job_uid FROM executions WHERE {condition}");
            exec.fetch_all(dynamic(select), args).await?
        } else {
            let sql = upsert_sql(&source, " RETURNING id, job_uid");
            exec.fetch_all(dynamic(sql), args).await?
        };
        ids.extend(returned.into_iter().map(|(id, uid)| (uid, id)));
    }
    for slot in slots.iter_mut().flatten().filter(|slot| slot.dirty) {
        slot.id = ids.get(&slot.current.job_uid).copied().or(slot.id);
    }
    Ok(())
}

/// The job UID of a row of [`execution_args`] (its first value).
fn row_uid(row: &[Arg]) -> Option<String> {
    match row.first() {
        Some(Arg::Text(Some(uid))) => Some(uid.clone()),
        _ => None,
    }
}

/// Inserts new UIDs and overwrites changed ones with the merged state.
fn upsert_sql(source: &str, returning: &str) -> String {
    format!(
        "INSERT INTO executions ({EXECUTION_INSERT_COLUMNS}) {source} \
         ON CONFLICT (job_uid) DO UPDATE SET job_name = excluded.job_name, \
         namespace = excluded.namespace, cronjob = excluded.cronjob, \
         cronjob_uid = excluded.cronjob_uid, started_at = excluded.started_at, \
         completed_at = excluded.completed_at, duration_ms = excluded.duration_ms, \
         outcome = excluded.outcome, exit_code = excluded.exit_code, reason = excluded.reason, \
         logs = excluded.logs, events = excluded.events, retries = excluded.retries, \
         manual = excluded.manual{returning}"
    )
}
