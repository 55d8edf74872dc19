//! The statements behind [`crate::FencedTx`]'s write methods. Each reads the stored row,
//! decides with [`crate::merge`] whether anything changes, writes only then, and returns
//! the `Change` for the outbox. Only `FencedTx` can reach these (`pub(crate)`).

pub(crate) mod executions;

use guardian_core::{AlertRecord, Change, CronJobRecord, CronJobRef};

use crate::codec::{
    ALERT_COLUMNS, ALERT_WRITE_COLUMNS, AlertRow, CRONJOB_COLUMNS, CronJobRow, MonitorRecord,
    alert_args, cronjob_args,
};
use crate::error::Result;
use crate::fenced::WriteOutcome;
use crate::merge;
use crate::sql::{Exec, args};

/// Upserts a CronJob; `None` change when it was already stored as is.
pub(crate) async fn upsert_cronjob(
    exec: &mut Exec<'_>,
    record: &CronJobRecord,
) -> Result<(WriteOutcome, Option<Change>)> {
    let select =
        format!("SELECT {CRONJOB_COLUMNS} FROM cronjobs WHERE namespace = $1 AND name = $2");
    let key = args![
        record.cronjob.namespace.as_str(),
        record.cronjob.name.as_str()
    ];
    let current = exec
        .fetch_optional::<CronJobRow>(crate::sql::dynamic(select), key)
        .await?;
    let current = current.map(CronJobRow::decode).transpose()?;
    let merged = match &current {
        Some(current) => merge::cronjob(current, record),
        None => record.clone(),
    };
    if current.as_ref() == Some(&merged) {
        return Ok((WriteOutcome::Unchanged, None));
    }
    let upsert = format!(
        "INSERT INTO cronjobs ({CRONJOB_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (namespace, name) DO UPDATE SET uid = excluded.uid, \
         schedule = excluded.schedule, time_zone = excluded.time_zone, \
         suspended = excluded.suspended, first_seen_at = excluded.first_seen_at, \
         last_seen_at = excluded.last_seen_at, deleted_at = excluded.deleted_at"
    );
    exec.execute(crate::sql::dynamic(upsert), cronjob_args(&merged))
        .await?;
    let outcome = if current.is_some() {
        WriteOutcome::Updated
    } else {
        WriteOutcome::Inserted
    };
    Ok((outcome, Some(Change::CronJob(merged))))
}

/// Upserts an alert by key; `None` change when it was already stored as is. The stored
/// acknowledgement and silence are kept whatever `alert` says (see [`crate::mutes`]).
pub(crate) async fn upsert_alert(
    exec: &mut Exec<'_>,
    alert: &AlertRecord,
) -> Result<(WriteOutcome, Option<Change>)> {
    let select = format!("SELECT {ALERT_COLUMNS} FROM alerts WHERE key = $1");
    let current = exec
        .fetch_optional::<AlertRow>(crate::sql::dynamic(select), args![alert.key.as_str()])
        .await?;
    let current = current.map(AlertRow::decode).transpose()?;
    let alert = &AlertRecord {
        acknowledged: current
            .as_ref()
            .and_then(|stored| stored.acknowledged.clone()),
        silenced: current.as_ref().and_then(|stored| stored.silenced.clone()),
        ..alert.clone()
    };
    if current.as_ref() == Some(alert) {
        return Ok((WriteOutcome::Unchanged, None));
    }
    let values: Vec<String> = (1..=16).map(|n| format!("${n}")).collect();
    let upsert = format!(
        "INSERT INTO alerts ({ALERT_WRITE_COLUMNS}) VALUES ({}) ON CONFLICT (key) DO UPDATE SET \
         kind = excluded.kind, severity = excluded.severity, state = excluded.state, \
         namespace = excluded.namespace, cronjob = excluded.cronjob, \
         monitor_namespace = excluded.monitor_namespace, monitor_name = excluded.monitor_name, \
         title = excluded.title, message = excluded.message, since = excluded.since, \
         last_notified = excluded.last_notified, resolved_at = excluded.resolved_at, \
         exit_code = excluded.exit_code, reason = excluded.reason, \
         suggested_fix = excluded.suggested_fix",
        values.join(", ")
    );
    exec.execute(crate::sql::dynamic(upsert), alert_args(alert))
        .await?;
    let outcome = if current.is_some() {
        WriteOutcome::Updated
    } else {
        WriteOutcome::Inserted
    };
    Ok((outcome, Some(Change::Alert(alert.clone()))))
}

/// Upserts a monitor's spec and status (`spec`, `status`: their checked JSON text).
pub(crate) async fn upsert_monitor(
    exec: &mut Exec<'_>,
    monitor: &MonitorRecord,
    (spec, status): (String, Option<String>),
) -> Result<WriteOutcome> {
    let key = args![
        monitor.monitor.namespace.as_str(),
        monitor.monitor.name.as_str()
    ];
    let select = "SELECT generation, spec, status FROM monitors WHERE namespace = $1 AND name = $2";
    let current: Option<(i64, String, Option<String>)> = exec.fetch_optional(select, key).await?;
    if let Some((generation, stored_spec, stored_status)) = &current {
        let same_spec = serde_json::from_str::<serde_json::Value>(stored_spec)
            .ok()
            .as_ref()
            == Some(&monitor.spec);
        let stored_status = stored_status
            .as_deref()
            .map(serde_json::from_str::<serde_json::Value>);
        let same_status = match stored_status {
            None => monitor.status.is_none(),
            Some(parsed) => parsed.ok().as_ref() == monitor.status.as_ref(),
        };
        if *generation == monitor.generation && same_spec && same_status {
            return Ok(WriteOutcome::Unchanged);
        }
    }
    let upsert = "INSERT INTO monitors (namespace, name, generation, spec, status) \
        VALUES ($1, $2, $3, $4, $5) ON CONFLICT (namespace, name) DO UPDATE SET \
        generation = excluded.generation, spec = excluded.spec, status = excluded.status";
    let values = args![
        monitor.monitor.namespace.as_str(),
        monitor.monitor.name.as_str(),
        monitor.generation,
        spec,
        status,
    ];
    exec.execute(upsert, values).await?;
    Ok(if current.is_some() {
        WriteOutcome::Updated
    } else {
        WriteOutcome::Inserted
    })
}

/// Deletes a monitor row; true when one existed.
pub(crate) async fn delete_monitor(exec: &mut Exec<'_>, monitor: &CronJobRef) -> Result<bool> {
    let delete = "DELETE FROM monitors WHERE namespace = $1 AND name = $2";
    let deleted = exec
        .execute(
            delete,
            args![monitor.namespace.as_str(), monitor.name.as_str()],
        )
        .await?;
    Ok(deleted > 0)
}

/// Deletes a CronJob's executions; a change only when some existed.
pub(crate) async fn delete_history(
    exec: &mut Exec<'_>,
    cronjob: &CronJobRef,
) -> Result<(i64, Option<Change>)> {
    let delete = "DELETE FROM executions WHERE namespace = $1 AND cronjob = $2";
    let deleted = exec
        .execute(
            delete,
            args![cronjob.namespace.as_str(), cronjob.name.as_str()],
        )
        .await?;
    let deleted = i64::try_from(deleted).unwrap_or(i64::MAX);
    let change = (deleted > 0).then(|| Change::HistoryDeleted {
        cronjob: cronjob.clone(),
        executions_deleted: deleted,
    });
    Ok((deleted, change))
}
