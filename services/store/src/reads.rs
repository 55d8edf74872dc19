//! Reads. They need no fence: any replica (leader, standby, query plane) may run them.

use guardian_core::sla::Sample;
use guardian_core::{AlertRecord, CronJobRecord, CronJobRef, Epoch, Event, Outcome, Sequence};
use jiff::{SignedDuration, Timestamp};

use crate::codec::{
    ALERT_COLUMNS, AlertRow, CRONJOB_COLUMNS, CronJobRow, EXECUTION_COLUMNS, ExecutionRow,
    MonitorRecord, MonitorRow, StoredExecution,
};
use crate::error::Result;
use crate::filter::{
    AlertFilter, CronJobFilter, ExecutionFilter, MAX_PAGE, MAX_SAMPLES, Page, Where,
};
use crate::limits::{from_millis, to_millis};
use crate::sql::{AnyRow, args, dynamic};
use crate::store::Store;

/// A table listed page by page, and its stable order (ties broken by a unique column).
struct Listing {
    table: &'static str,
    columns: &'static str,
    order: &'static str,
}

const CRONJOBS: Listing = Listing {
    table: "cronjobs",
    columns: CRONJOB_COLUMNS,
    order: "namespace, name",
};
const EXECUTIONS: Listing = Listing {
    table: "executions",
    columns: EXECUTION_COLUMNS,
    order: "started_at DESC, id DESC",
};
const ALERTS: Listing = Listing {
    table: "alerts",
    columns: ALERT_COLUMNS,
    order: "since DESC, key",
};

impl Store {
    /// Checks that the database answers.
    pub async fn ping(&self) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        let _: (i64,) = conn
            .exec()
            .fetch_one("SELECT epoch FROM control WHERE id = 1", vec![])
            .await?;
        Ok(())
    }

    /// The newest epoch any leader has taken.
    pub async fn current_epoch(&self) -> Result<Epoch> {
        let (epoch, _) = self.control().await?;
        Ok(Epoch(epoch))
    }

    /// The sequence of the newest committed outbox event (0 when there is none).
    pub async fn last_sequence(&self) -> Result<Sequence> {
        let (_, last) = self.control().await?;
        Ok(Sequence(last))
    }

    async fn control(&self) -> Result<(i64, i64)> {
        let mut conn = self.pool.acquire().await?;
        conn.exec()
            .fetch_one(
                "SELECT epoch, last_sequence FROM control WHERE id = 1",
                vec![],
            )
            .await
    }

    /// Committed outbox events with a sequence above `after`, oldest first, at most `limit`.
    pub async fn events_after(&self, after: Sequence, limit: u32) -> Result<Vec<Event>> {
        let sql = "SELECT sequence, epoch, at, payload FROM events WHERE sequence > $1 \
                   ORDER BY sequence LIMIT $2";
        let limit = i64::from(limit.min(MAX_PAGE));
        let mut conn = self.pool.acquire().await?;
        let rows: Vec<crate::codec::EventRow> =
            conn.exec().fetch_all(sql, args![after.0, limit]).await?;
        rows.into_iter()
            .map(crate::codec::EventRow::decode)
            .collect()
    }

    /// A CronJob the store has seen (deleted ones included).
    pub async fn get_cronjob(&self, cronjob: &CronJobRef) -> Result<Option<CronJobRecord>> {
        let sql =
            format!("SELECT {CRONJOB_COLUMNS} FROM cronjobs WHERE namespace = $1 AND name = $2");
        let key = args![cronjob.namespace.as_str(), cronjob.name.as_str()];
        let mut conn = self.pool.acquire().await?;
        let row: Option<CronJobRow> = conn.exec().fetch_optional(dynamic(sql), key).await?;
        row.map(CronJobRow::decode).transpose()
    }

    /// CronJobs by namespace and name.
    pub async fn list_cronjobs(&self, filter: &CronJobFilter) -> Result<Page<CronJobRecord>> {
        let clause = filter.to_where();
        let page = self
            .page::<CronJobRow>(&CRONJOBS, &clause, filter.limit, filter.offset)
            .await?;
        decode_page(page, CronJobRow::decode)
    }

    /// A CronJob's executions, newest first, filtered and paged in SQL.
    pub async fn list_executions(
        &self,
        cronjob: &CronJobRef,
        filter: &ExecutionFilter,
    ) -> Result<Page<StoredExecution>> {
        let clause = filter.to_where(cronjob);
        let page = self
            .page::<ExecutionRow>(&EXECUTIONS, &clause, filter.limit, filter.offset)
            .await?;
        decode_page(page, ExecutionRow::decode)
    }

    /// The newest execution of `cronjob` whose Job is called `job_name`.
    pub async fn get_execution(
        &self,
        cronjob: &CronJobRef,
        job_name: &str,
    ) -> Result<Option<StoredExecution>> {
        let sql = format!(
            "SELECT {EXECUTION_COLUMNS} FROM executions WHERE namespace = $1 AND cronjob = $2 \
             AND job_name = $3 ORDER BY started_at DESC, id DESC LIMIT 1"
        );
        let key = args![cronjob.namespace.as_str(), cronjob.name.as_str(), job_name];
        let mut conn = self.pool.acquire().await?;
        let row: Option<ExecutionRow> = conn.exec().fetch_optional(dynamic(sql), key).await?;
        row.map(ExecutionRow::decode).transpose()
    }

    /// The execution recorded for a Job UID.
    pub async fn get_execution_by_uid(&self, job_uid: &str) -> Result<Option<StoredExecution>> {
        let sql = format!("SELECT {EXECUTION_COLUMNS} FROM executions WHERE job_uid = $1");
        let mut conn = self.pool.acquire().await?;
        let row: Option<ExecutionRow> = conn
            .exec()
            .fetch_optional(dynamic(sql), args![job_uid])
            .await?;
        row.map(ExecutionRow::decode).transpose()
    }

    /// The finished runs of `cronjob` completed at or after `since`, oldest first, as
    /// the SLA maths takes them (at most [`MAX_SAMPLES`], the newest). Figures are then
    /// computed in Rust by `guardian_core::sla`, never by SQL aggregates, so every
    /// back-end yields the same percentiles and success rates.
    pub async fn sla_samples(&self, cronjob: &CronJobRef, since: Timestamp) -> Result<Vec<Sample>> {
        let sql = "SELECT completed_at, outcome, started_at FROM executions \
                   WHERE namespace = $1 AND cronjob = $2 AND outcome <> 'running' \
                   AND completed_at >= $3 ORDER BY completed_at DESC LIMIT $4";
        let key = args![
            cronjob.namespace.as_str(),
            cronjob.name.as_str(),
            to_millis(since),
            MAX_SAMPLES,
        ];
        let mut conn = self.pool.acquire().await?;
        let rows: Vec<(i64, String, i64)> = conn.exec().fetch_all(sql, key).await?;
        let mut samples = rows
            .into_iter()
            .map(|(completed_at, outcome, started_at)| {
                let finished_at = from_millis(completed_at)?;
                let duration = finished_at.duration_since(from_millis(started_at)?);
                Ok(Sample {
                    finished_at,
                    succeeded: outcome == Outcome::Succeeded.as_str(),
                    duration: duration.max(SignedDuration::ZERO),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        samples.reverse();
        Ok(samples)
    }

    /// Alerts, newest first.
    pub async fn list_alerts(&self, filter: &AlertFilter) -> Result<Page<AlertRecord>> {
        let clause = filter.to_where();
        let page = self
            .page::<AlertRow>(&ALERTS, &clause, filter.limit, filter.offset)
            .await?;
        decode_page(page, AlertRow::decode)
    }

    /// One alert by key.
    pub async fn get_alert(&self, key: &str) -> Result<Option<AlertRecord>> {
        let sql = format!("SELECT {ALERT_COLUMNS} FROM alerts WHERE key = $1");
        let mut conn = self.pool.acquire().await?;
        let row: Option<AlertRow> = conn.exec().fetch_optional(dynamic(sql), args![key]).await?;
        row.map(AlertRow::decode).transpose()
    }

    /// Monitors, optionally of one namespace, by namespace and name.
    pub async fn list_monitors(&self, namespace: Option<&str>) -> Result<Vec<MonitorRecord>> {
        let mut clause = Where::default();
        if let Some(namespace) = namespace {
            clause.compare("namespace", "=", namespace);
        }
        let (paging, args) = clause.paged(MAX_PAGE, 0);
        let sql = format!(
            "SELECT namespace, name, generation, spec, status FROM monitors{} ORDER BY namespace, name{paging}",
            clause.sql()
        );
        let mut conn = self.pool.acquire().await?;
        let rows: Vec<MonitorRow> = conn.exec().fetch_all(dynamic(sql), args).await?;
        rows.into_iter().map(MonitorRow::decode).collect()
    }

    /// Rows of one page plus the total matching `clause`, counted in SQL.
    async fn page<T: AnyRow>(
        &self,
        listing: &Listing,
        clause: &Where,
        limit: u32,
        offset: u64,
    ) -> Result<Page<T>> {
        let Listing {
            table,
            columns,
            order,
        } = listing;
        let (paging, args) = clause.paged(limit, offset);
        let select = format!(
            "SELECT {columns} FROM {table}{} ORDER BY {order}{paging}",
            clause.sql()
        );
        let count = format!("SELECT COUNT(*) FROM {table}{}", clause.sql());
        let mut conn = self.pool.acquire().await?;
        let items: Vec<T> = conn.exec().fetch_all(dynamic(select), args).await?;
        let (total,): (i64,) = conn
            .exec()
            .fetch_one(dynamic(count), clause.args.clone())
            .await?;
        Ok(Page {
            items,
            total: u64::try_from(total).unwrap_or(0),
        })
    }
}

fn decode_page<R, T>(page: Page<R>, decode: impl Fn(R) -> Result<T>) -> Result<Page<T>> {
    let items = page
        .items
        .into_iter()
        .map(decode)
        .collect::<Result<Vec<_>>>()?;
    Ok(Page {
        items,
        total: page.total,
    })
}
