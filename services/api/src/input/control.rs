//! Validated inputs of the ControlService RPCs.

use jiff::SignedDuration;

use super::{InputError, optional_text, required};
use crate::v1;

/// Longest retention horizon `Prune` accepts (100 years).
const MAX_PRUNE_DAYS: u32 = 36_500;
/// Longest silence (30 days): a silenced alert must come back eventually.
const MAX_SILENCE: SignedDuration = SignedDuration::from_hours(24 * 30);

/// What to prune.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PruneInput {
    /// Delete records older than this many days (at least 1).
    pub older_than_days: u32,
    /// Count only.
    pub dry_run: bool,
}

impl TryFrom<&v1::PruneRequest> for PruneInput {
    type Error = InputError;

    fn try_from(request: &v1::PruneRequest) -> Result<Self, Self::Error> {
        let days = request.older_than_days;
        let older_than_days = u32::try_from(days)
            .ok()
            .filter(|days| (1..=MAX_PRUNE_DAYS).contains(days))
            .ok_or_else(|| {
                InputError::new(
                    "olderThanDays",
                    format!("{days} is not between 1 and {MAX_PRUNE_DAYS}"),
                )
            })?;
        Ok(PruneInput {
            older_than_days,
            dry_run: request.dry_run,
        })
    }
}

/// An alert by id, and who acts on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertRef {
    pub id: String,
    /// Who acted, for the record; `None` when not given.
    pub actor: Option<String>,
    /// A note, for the record.
    pub note: Option<String>,
}

impl TryFrom<&v1::AcknowledgeAlertRequest> for AlertRef {
    type Error = InputError;

    fn try_from(request: &v1::AcknowledgeAlertRequest) -> Result<Self, Self::Error> {
        Ok(AlertRef {
            id: required("id", &request.id)?,
            actor: optional_text(&request.acknowledged_by),
            note: optional_text(&request.note),
        })
    }
}

/// How long to hold back an alert's notifications.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SilenceInput {
    pub id: String,
    /// Positive, at most 30 days.
    pub duration: SignedDuration,
    pub reason: Option<String>,
    /// Who silenced it, for the record.
    pub actor: Option<String>,
}

impl TryFrom<&v1::SilenceAlertRequest> for SilenceInput {
    type Error = InputError;

    fn try_from(request: &v1::SilenceAlertRequest) -> Result<Self, Self::Error> {
        let proto = request
            .duration
            .as_ref()
            .ok_or_else(|| InputError::missing("duration"))?;
        // checked: a binary request may carry any seconds/nanos pair.
        let duration = SignedDuration::from_secs(proto.seconds)
            .checked_add(SignedDuration::from_nanos(i64::from(proto.nanos)))
            .unwrap_or(SignedDuration::MAX);
        if !duration.is_positive() || duration > MAX_SILENCE {
            return Err(InputError::new(
                "duration",
                format!(
                    "{} is not between 0s and 720h",
                    crate::convert::go_duration(duration)
                ),
            ));
        }
        Ok(SilenceInput {
            id: required("id", &request.id)?,
            duration,
            reason: optional_text(&request.reason),
            actor: optional_text(&request.silenced_by),
        })
    }
}

/// A control request checked the way the leader checks it. A query replica runs
/// this before forwarding, so bad input is answered `INVALID_ARGUMENT` (400) at
/// once, never `UNAVAILABLE` with a retry hint that would make clients retry it
/// forever while no leader is reachable.
pub trait ValidControl {
    fn validate(&self) -> Result<(), InputError>;
}

/// `request type => the validated input it must convert into`.
macro_rules! valid_control {
    ($($request:ty => $input:ty;)+) => {$(
        impl ValidControl for $request {
            fn validate(&self) -> Result<(), InputError> {
                <$input>::try_from(self).map(drop)
            }
        }
    )+};
}

valid_control! {
    v1::TriggerCronJobRequest => guardian_core::CronJobRef;
    v1::SuspendCronJobRequest => guardian_core::CronJobRef;
    v1::ResumeCronJobRequest => guardian_core::CronJobRef;
    v1::DeleteHistoryRequest => guardian_core::CronJobRef;
    v1::TestChannelRequest => super::ChannelRef;
    v1::PruneRequest => PruneInput;
    v1::AcknowledgeAlertRequest => AlertRef;
    v1::SilenceAlertRequest => SilenceInput;
}

#[cfg(test)]
mod valid_control_tests {
    use super::*;

    #[test]
    fn control_requests_with_invalid_names_are_rejected_before_any_work() {
        let bad = v1::TriggerCronJobRequest {
            namespace: "default".into(),
            name: "Not_A_Name".into(),
        };
        assert_eq!(bad.validate().expect_err("invalid name").field, "name");
        let good = v1::SuspendCronJobRequest {
            namespace: "default".into(),
            name: "nightly-backup".into(),
        };
        assert!(good.validate().is_ok());
        let channel = v1::TestChannelRequest {
            name: "-slack".into(),
            ..Default::default()
        };
        assert!(channel.validate().is_err());
    }
}
