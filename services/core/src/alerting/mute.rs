//! Acknowledging and silencing an alert (`ControlService`): which records accept it and
//! what they become. What an acknowledged or silenced alert then sends is [`super::step`]'s.
//!
//! - Only a firing alert can be acknowledged: a pending one has sent nothing yet, a
//!   resolved one has nothing left to hold back. The acknowledgement covers the current
//!   occurrence (it is dated no earlier than `since`) and lapses when the alert resolves.
//! - Any alert can be silenced, resolved ones included: the silence holds for the key, so
//!   a recurrence inside it is not sent either. A new silence replaces the old one.

use jiff::{SignedDuration, Timestamp};

use crate::model::{Acknowledgement, AlertRecord, AlertState, Silence};
use crate::time_math::add;

/// Why an alert cannot be acknowledged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MuteRefusal {
    #[error("alert {key} is {}; only a firing alert can be acknowledged", state.as_str())]
    NotFiring { key: String, state: AlertState },
}

/// Who acts, and why, for the record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Actor {
    pub by: Option<String>,
    pub note: Option<String>,
}

/// The record with its current occurrence acknowledged at `now`.
pub fn acknowledge(
    record: &AlertRecord,
    actor: Actor,
    now: Timestamp,
) -> Result<AlertRecord, MuteRefusal> {
    if record.state != AlertState::Firing {
        return Err(MuteRefusal::NotFiring {
            key: record.key.clone(),
            state: record.state,
        });
    }
    Ok(AlertRecord {
        acknowledged: Some(Box::new(Acknowledgement {
            // Another leader's clock may have set `since` a little ahead of ours.
            at: now.max(record.since),
            by: actor.by,
            note: actor.note,
        })),
        ..record.clone()
    })
}

/// The record silenced from `now` for `duration` (`actor.note` is the reason).
pub fn silence(
    record: &AlertRecord,
    duration: SignedDuration,
    actor: Actor,
    now: Timestamp,
) -> AlertRecord {
    AlertRecord {
        silenced: Some(Box::new(Silence {
            until: add(now, duration),
            at: now,
            by: actor.by,
            reason: actor.note,
        })),
        ..record.clone()
    }
}
