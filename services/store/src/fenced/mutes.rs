//! Fenced writes of an alert's acknowledgement and silence (see [`crate::mutes`]). The
//! caller reads the alert inside the same transaction, decides with the pure core, and
//! stores the outcome; fenced transactions run one at a time, so nothing slips between.

use guardian_core::{AlertRecord, Change};

use super::{FencedTx, WriteOutcome};
use crate::codec::{ALERT_COLUMNS, AlertRow};
use crate::error::{Result, StoreError};
use crate::limits::{at_millis, ident, text};
use crate::mutes::mute_args;
use crate::sql::{args, dynamic};

impl FencedTx {
    /// One alert by key, read inside this transaction.
    pub async fn alert(&mut self, key: &str) -> Result<Option<AlertRecord>> {
        self.ensure_usable()?;
        let sql = format!("SELECT {ALERT_COLUMNS} FROM alerts WHERE key = $1");
        let result = self
            .tx
            .exec()
            .fetch_optional::<AlertRow>(dynamic(sql), args![key])
            .await;
        let row = self.poison_on_error(result)?;
        row.map(AlertRow::decode).transpose()
    }

    /// Stores the acknowledgement and silence of `alert` (nothing else of it) and queues
    /// the alert's change. `NotFound` when the alert is gone.
    pub async fn set_alert_mutes(&mut self, alert: &AlertRecord) -> Result<WriteOutcome> {
        ident("alert key", &alert.key)?;
        let stored = self
            .alert(&alert.key)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                what: "alert",
                key: alert.key.clone(),
            })?;
        let mut wanted = stored.clone();
        wanted.acknowledged = alert.acknowledged.clone();
        wanted.silenced = alert.silenced.clone();
        if let Some(ack) = wanted.acknowledged.as_deref_mut() {
            text("acknowledged by", ack.by.as_deref())?;
            text("acknowledge note", ack.note.as_deref())?;
            ack.at = at_millis(ack.at)?;
        }
        if let Some(silence) = wanted.silenced.as_deref_mut() {
            text("silenced by", silence.by.as_deref())?;
            text("silence reason", silence.reason.as_deref())?;
            silence.until = at_millis(silence.until)?;
            silence.at = at_millis(silence.at)?;
        }
        if stored == wanted {
            return Ok(WriteOutcome::Unchanged);
        }
        let sql = "UPDATE alerts SET acknowledged_at = $1, acknowledged_by = $2, \
            acknowledge_note = $3, silenced_until = $4, silenced_at = $5, silenced_by = $6, \
            silence_reason = $7 WHERE key = $8";
        let mut values = mute_args(wanted.acknowledged.as_deref(), wanted.silenced.as_deref());
        values.extend(args![alert.key.as_str()]);
        let result = self.tx.exec().execute(sql, values).await;
        self.poison_on_error(result)?;
        self.queue(Some(Change::Alert(wanted)));
        Ok(WriteOutcome::Updated)
    }
}
