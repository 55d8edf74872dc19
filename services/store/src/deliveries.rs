//! The alert delivery outbox: what a channel must be sent, and how far each send got.
//!
//! ```text
//!  monitoring pass ── FencedTx: alert transition + insert_delivery (pending) ── commit
//!  dispatcher ── due_deliveries ── begin_attempt (sending, epoch) ── send ── finish_delivery
//!                                                                      (sent │ pending again │ failed)
//! ```
//!
//! A row is written in the same fenced transaction as the alert change it announces, so a
//! committed transition always has its deliveries and a rolled-back one has none. The
//! notification itself is an opaque JSON snapshot (the notify crate's type; the store does
//! not depend on it). Writes live on [`crate::FencedTx`]; the reads are here.

use guardian_core::{CronJobRef, Epoch};
use jiff::Timestamp;

use crate::error::{Result, StoreError};
use crate::limits::{from_millis, to_millis};
use crate::sql::args;
use crate::store::Store;

/// Whether a delivery announces a firing alert or its resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeliveryKind {
    Notify,
    Resolve,
}

impl DeliveryKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryKind::Notify => "notify",
            DeliveryKind::Resolve => "resolve",
        }
    }

    fn parse(text: &str) -> Result<Self> {
        match text {
            "notify" => Ok(DeliveryKind::Notify),
            "resolve" => Ok(DeliveryKind::Resolve),
            other => Err(StoreError::corrupt(format!("delivery kind {other:?}"))),
        }
    }
}

/// Where a delivery is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeliveryState {
    /// Waiting for its first attempt or a retry (`next_attempt_at`).
    Pending,
    /// An attempt started and its outcome is not recorded: it may have arrived.
    Sending,
    /// Delivered; never sent again.
    Sent,
    /// Given up (rejected for good, or out of attempts); never sent again.
    Failed,
}

impl DeliveryState {
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryState::Pending => "pending",
            DeliveryState::Sending => "sending",
            DeliveryState::Sent => "sent",
            DeliveryState::Failed => "failed",
        }
    }

    fn parse(text: &str) -> Result<Self> {
        match text {
            "pending" => Ok(DeliveryState::Pending),
            "sending" => Ok(DeliveryState::Sending),
            "sent" => Ok(DeliveryState::Sent),
            "failed" => Ok(DeliveryState::Failed),
            other => Err(StoreError::corrupt(format!("delivery state {other:?}"))),
        }
    }
}

/// A delivery to queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDelivery {
    /// Unique per notice and channel, the same for every attempt.
    pub id: String,
    pub alert_key: String,
    pub kind: DeliveryKind,
    /// The AlertChannel (namespace and name).
    pub channel: CronJobRef,
    /// The notification to send, as JSON.
    pub notification: String,
    pub created_at: Timestamp,
}

/// A stored delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryRecord {
    pub id: String,
    pub alert_key: String,
    pub kind: DeliveryKind,
    pub channel: CronJobRef,
    pub notification: String,
    pub state: DeliveryState,
    /// Attempts started so far.
    pub attempts: u32,
    /// The epoch of the leader that started the last attempt.
    pub attempt_epoch: Option<Epoch>,
    pub created_at: Timestamp,
    pub next_attempt_at: Timestamp,
    pub last_attempt_at: Option<Timestamp>,
    pub finished_at: Option<Timestamp>,
    pub last_error: Option<String>,
}

/// The columns every read selects, in [`Row`] order.
const COLUMNS: &str = "id, alert_key, kind, channel_namespace, channel_name, notification, state, \
    attempts, attempt_epoch, created_at, next_attempt_at, last_attempt_at, finished_at, last_error";

type Row = (
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    i32,
    Option<i64>,
    i64,
    i64,
    Option<i64>,
    Option<i64>,
    Option<String>,
);

fn decode(row: Row) -> Result<DeliveryRecord> {
    let (id, alert_key, kind, channel_namespace, channel_name, notification, state, attempts) =
        (row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7);
    Ok(DeliveryRecord {
        id,
        alert_key,
        kind: DeliveryKind::parse(&kind)?,
        channel: CronJobRef::new(channel_namespace, channel_name),
        notification,
        state: DeliveryState::parse(&state)?,
        attempts: u32::try_from(attempts)
            .map_err(|_| StoreError::corrupt(format!("delivery attempts {attempts}")))?,
        attempt_epoch: row.8.map(Epoch),
        created_at: from_millis(row.9)?,
        next_attempt_at: from_millis(row.10)?,
        last_attempt_at: row.11.map(from_millis).transpose()?,
        finished_at: row.12.map(from_millis).transpose()?,
        last_error: row.13,
    })
}

impl Store {
    /// Deliveries to work on for the leader of `epoch` at `now`, oldest first: pending
    /// ones that are due, and attempts an earlier leader started but never finished.
    pub async fn due_deliveries(
        &self,
        epoch: Epoch,
        now: Timestamp,
        limit: u32,
    ) -> Result<Vec<DeliveryRecord>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM alert_deliveries \
             WHERE (state = 'pending' AND next_attempt_at <= $1) \
                OR (state = 'sending' AND (attempt_epoch IS NULL OR attempt_epoch < $2)) \
             ORDER BY created_at, id LIMIT $3"
        );
        let mut conn = self.pool.acquire().await?;
        let rows: Vec<Row> = conn
            .exec()
            .fetch_all(
                crate::sql::dynamic(sql),
                args![to_millis(now), epoch.0, i64::from(limit)],
            )
            .await?;
        rows.into_iter().map(decode).collect()
    }

    /// When the earliest pending delivery is due, if any is pending.
    pub async fn next_delivery_due(&self) -> Result<Option<Timestamp>> {
        let sql = "SELECT MIN(next_attempt_at) FROM alert_deliveries WHERE state = 'pending'";
        let mut conn = self.pool.acquire().await?;
        let (next,): (Option<i64>,) = conn.exec().fetch_one(sql, vec![]).await?;
        next.map(from_millis).transpose()
    }

    /// Every delivery of one alert, oldest first.
    pub async fn deliveries_of_alert(&self, alert_key: &str) -> Result<Vec<DeliveryRecord>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM alert_deliveries WHERE alert_key = $1 \
             ORDER BY created_at, id LIMIT 10000"
        );
        let mut conn = self.pool.acquire().await?;
        let rows: Vec<Row> = conn
            .exec()
            .fetch_all(crate::sql::dynamic(sql), args![alert_key])
            .await?;
        rows.into_iter().map(decode).collect()
    }

    /// One delivery by id.
    pub async fn get_delivery(&self, id: &str) -> Result<Option<DeliveryRecord>> {
        let sql = format!("SELECT {COLUMNS} FROM alert_deliveries WHERE id = $1");
        let mut conn = self.pool.acquire().await?;
        let row: Option<Row> = conn
            .exec()
            .fetch_optional(crate::sql::dynamic(sql), args![id])
            .await?;
        row.map(decode).transpose()
    }
}
