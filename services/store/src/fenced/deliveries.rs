//! Fenced writes of the alert delivery outbox (see [`crate::deliveries`]): queueing a
//! delivery with the alert change it announces, and recording each attempt before and
//! after it is made, so a new leader knows which sends may have happened.
//!
//! None emits an outbox event: `Change` has no delivery variant, and readers use the table.

use jiff::Timestamp;

use super::FencedTx;
use crate::bulk::Dialect;
use crate::deliveries::{DeliveryState, NewDelivery};
use crate::error::{Result, StoreError};
use crate::limits::{MAX_JSON_BYTES, cap, ident, text, to_millis};
use crate::sql::{args, dynamic};

/// How an attempt ended, as the dispatcher records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttemptOutcome {
    /// Delivered: never sent again.
    Sent,
    /// Not delivered (or not known to be); try again at `at`.
    Retry { at: Timestamp, error: String },
    /// Given up: never sent again.
    Failed { error: String },
}

impl FencedTx {
    /// Queues a delivery (state pending, due at once); a delivery with the same id is left
    /// as it is. True when the row is new.
    pub async fn insert_delivery(&mut self, delivery: &NewDelivery) -> Result<bool> {
        self.ensure_usable()?;
        ident("delivery id", &delivery.id)?;
        ident("alert key", &delivery.alert_key)?;
        ident("channel namespace", &delivery.channel.namespace)?;
        ident("channel name", &delivery.channel.name)?;
        cap("notification", delivery.notification.len(), MAX_JSON_BYTES)?;
        let sql = "INSERT INTO alert_deliveries (id, alert_key, kind, channel_namespace, \
            channel_name, notification, state, attempts, created_at, next_attempt_at) \
            VALUES ($1, $2, $3, $4, $5, $6, 'pending', 0, $7, $7)";
        let values = args![
            delivery.id.as_str(),
            delivery.alert_key.as_str(),
            delivery.kind.as_str(),
            delivery.channel.namespace.as_str(),
            delivery.channel.name.as_str(),
            delivery.notification.as_str(),
            to_millis(delivery.created_at),
        ];
        let mut exec = self.tx.exec();
        let result = if exec.dialect() == Dialect::Mysql {
            // No DO NOTHING on MySQL: InnoDB undoes just the statement that hit the
            // duplicate key, and the transaction goes on.
            match exec.execute(sql, values).await {
                Err(StoreError::Conflict { .. }) => Ok(0),
                other => other,
            }
        } else {
            let sql = format!("{sql} ON CONFLICT (id) DO NOTHING");
            exec.execute(dynamic(sql), values).await
        };
        self.poison_on_error(result).map(|inserted| inserted > 0)
    }

    /// Marks an attempt as started by this epoch at `now`, before anything is sent. False
    /// when the delivery is finished (or gone): then it must not be sent.
    pub async fn begin_attempt(&mut self, id: &str, now: Timestamp) -> Result<bool> {
        self.ensure_usable()?;
        let sql = "UPDATE alert_deliveries SET state = 'sending', attempts = attempts + 1, \
            attempt_epoch = $2, last_attempt_at = $3 \
            WHERE id = $1 AND state IN ('pending', 'sending')";
        let epoch = self.epoch.0;
        let result = self
            .tx
            .exec()
            .execute(sql, args![id, epoch, to_millis(now)])
            .await;
        self.poison_on_error(result).map(|changed| changed > 0)
    }

    /// Records how the attempt begun by [`FencedTx::begin_attempt`] ended.
    pub async fn finish_attempt(
        &mut self,
        id: &str,
        outcome: &AttemptOutcome,
        now: Timestamp,
    ) -> Result<bool> {
        self.ensure_usable()?;
        let (state, next_attempt_at, finished_at, error) = match outcome {
            AttemptOutcome::Sent => (DeliveryState::Sent, None, Some(to_millis(now)), None),
            AttemptOutcome::Retry { at, error } => (
                DeliveryState::Pending,
                Some(to_millis(*at)),
                None,
                Some(error),
            ),
            AttemptOutcome::Failed { error } => (
                DeliveryState::Failed,
                None,
                Some(to_millis(now)),
                Some(error),
            ),
        };
        text("delivery error", error.map(String::as_str))?;
        let sql = "UPDATE alert_deliveries SET state = $2, \
            next_attempt_at = COALESCE($3, next_attempt_at), finished_at = $4, \
            last_error = COALESCE($5, last_error) WHERE id = $1 AND state = 'sending'";
        let values = args![
            id,
            state.as_str(),
            next_attempt_at,
            finished_at,
            error.cloned(),
        ];
        let result = self.tx.exec().execute(sql, values).await;
        self.poison_on_error(result).map(|changed| changed > 0)
    }

    /// Holds a pending delivery back until `until` (a rate limit); it stays pending.
    pub async fn hold_delivery(&mut self, id: &str, until: Timestamp) -> Result<bool> {
        self.ensure_usable()?;
        let sql = "UPDATE alert_deliveries SET next_attempt_at = $2 \
            WHERE id = $1 AND state = 'pending'";
        let result = self
            .tx
            .exec()
            .execute(sql, args![id, to_millis(until)])
            .await;
        self.poison_on_error(result).map(|changed| changed > 0)
    }
}
