//! How an alert's acknowledgement and silence are stored: seven nullable columns of the
//! `alerts` table (migration 0005), read with every alert and written only by
//! [`crate::FencedTx::set_alert_mutes`]. The monitoring loop's upserts leave them alone,
//! so an `AcknowledgeAlert` that commits while a pass is running is never overwritten.

use guardian_core::{Acknowledgement, Silence};

use crate::error::Result;
use crate::limits::{from_millis, to_millis};
use crate::sql::{Arg, args};

/// The mute columns, in the order of [`mute_args`].
macro_rules! mute_columns {
    () => {
        "acknowledged_at, acknowledged_by, acknowledge_note, silenced_until, silenced_at, \
        silenced_by, silence_reason"
    };
}
pub(crate) use mute_columns;

/// The mute columns of one alert row (flattened into the alert row).
#[derive(Debug, sqlx::FromRow)]
pub(crate) struct MuteColumns {
    acknowledged_at: Option<i64>,
    acknowledged_by: Option<String>,
    acknowledge_note: Option<String>,
    silenced_until: Option<i64>,
    silenced_at: Option<i64>,
    silenced_by: Option<String>,
    silence_reason: Option<String>,
}

impl MuteColumns {
    /// The acknowledgement, when one was ever given (its time is the marker).
    pub(crate) fn acknowledgement(&self) -> Result<Option<Box<Acknowledgement>>> {
        let Some(at) = self.acknowledged_at else {
            return Ok(None);
        };
        Ok(Some(Box::new(Acknowledgement {
            at: from_millis(at)?,
            by: self.acknowledged_by.clone(),
            note: self.acknowledge_note.clone(),
        })))
    }

    /// The silence, when one was ever set (its end is the marker).
    pub(crate) fn silence(&self) -> Result<Option<Box<Silence>>> {
        let Some(until) = self.silenced_until else {
            return Ok(None);
        };
        Ok(Some(Box::new(Silence {
            until: from_millis(until)?,
            at: from_millis(self.silenced_at.unwrap_or(until))?,
            by: self.silenced_by.clone(),
            reason: self.silence_reason.clone(),
        })))
    }
}

/// Values for the mute columns, in order.
pub(crate) fn mute_args(
    acknowledged: Option<&Acknowledgement>,
    silenced: Option<&Silence>,
) -> Vec<Arg> {
    args![
        acknowledged.map(|ack| to_millis(ack.at)),
        acknowledged.and_then(|ack| ack.by.clone()),
        acknowledged.and_then(|ack| ack.note.clone()),
        silenced.map(|silence| to_millis(silence.until)),
        silenced.map(|silence| to_millis(silence.at)),
        silenced.and_then(|silence| silence.by.clone()),
        silenced.and_then(|silence| silence.reason.clone()),
    ]
}
