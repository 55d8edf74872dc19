//! Alerts: the active-alert and history views of the query API, and the lossless
//! `AlertChange` payload of the event stream.

use guardian_core::{Acknowledgement, AlertRecord, AlertState, Severity, Silence};

use super::{optional_timestamp, required_ref, required_timestamp, timestamp};
use crate::InputError;
use crate::v1::{
    self, AlertAcknowledgement, AlertChange, AlertContext, AlertHistoryItem, AlertItem,
    AlertSilence, NamespacedRef,
};

impl From<&AlertRecord> for AlertItem {
    fn from(record: &AlertRecord) -> Self {
        let has_context =
            record.exit_code.is_some() || record.reason.is_some() || record.suggested_fix.is_some();
        AlertItem {
            id: record.key.clone(),
            r#type: record.kind.clone(),
            severity: record.severity.as_str().to_owned(),
            title: record.title.clone(),
            message: record.message.clone(),
            cronjob: Some(NamespacedRef::from(&record.cronjob)),
            monitor: record.monitor.as_ref().map(NamespacedRef::from),
            since: Some(timestamp(record.since)),
            last_notified: record.last_notified.map(timestamp),
            context: has_context.then(|| AlertContext {
                exit_code: record.exit_code,
                reason: record.reason.clone(),
                suggested_fix: record.suggested_fix.clone(),
            }),
            acknowledgement: record.acknowledgement().map(AlertAcknowledgement::from),
            silence: record.silenced.as_deref().map(AlertSilence::from),
        }
    }
}

/// `channels_notified` is left empty: the store adds it from its delivery records.
impl From<&AlertRecord> for AlertHistoryItem {
    fn from(record: &AlertRecord) -> Self {
        AlertHistoryItem {
            id: record.key.clone(),
            r#type: record.kind.clone(),
            severity: record.severity.as_str().to_owned(),
            title: record.title.clone(),
            message: record.message.clone(),
            cronjob: Some(NamespacedRef::from(&record.cronjob)),
            occurred_at: Some(timestamp(record.since)),
            resolved_at: record.resolved_at.map(timestamp),
            channels_notified: Vec::new(),
            exit_code: record.exit_code,
            reason: record.reason.clone(),
            suggested_fix: record.suggested_fix.clone(),
        }
    }
}

impl From<Severity> for v1::Severity {
    fn from(severity: Severity) -> Self {
        match severity {
            Severity::Info => v1::Severity::Info,
            Severity::Warning => v1::Severity::Warning,
            Severity::Critical => v1::Severity::Critical,
        }
    }
}

impl TryFrom<v1::Severity> for Severity {
    type Error = InputError;

    fn try_from(severity: v1::Severity) -> Result<Self, Self::Error> {
        match severity {
            v1::Severity::Info => Ok(Severity::Info),
            v1::Severity::Warning => Ok(Severity::Warning),
            v1::Severity::Critical => Ok(Severity::Critical),
            v1::Severity::Unspecified => Err(InputError::missing("severity")),
        }
    }
}

impl From<AlertState> for v1::AlertState {
    fn from(state: AlertState) -> Self {
        match state {
            AlertState::Pending => v1::AlertState::Pending,
            AlertState::Firing => v1::AlertState::Firing,
            AlertState::Resolved => v1::AlertState::Resolved,
        }
    }
}

impl TryFrom<v1::AlertState> for AlertState {
    type Error = InputError;

    fn try_from(state: v1::AlertState) -> Result<Self, Self::Error> {
        match state {
            v1::AlertState::Pending => Ok(AlertState::Pending),
            v1::AlertState::Firing => Ok(AlertState::Firing),
            v1::AlertState::Resolved => Ok(AlertState::Resolved),
            v1::AlertState::Unspecified => Err(InputError::missing("state")),
        }
    }
}

impl From<&AlertRecord> for AlertChange {
    fn from(record: &AlertRecord) -> Self {
        AlertChange {
            id: record.key.clone(),
            r#type: record.kind.clone(),
            severity: v1::Severity::from(record.severity).into(),
            state: v1::AlertState::from(record.state).into(),
            cronjob: Some(NamespacedRef::from(&record.cronjob)),
            monitor: record.monitor.as_ref().map(NamespacedRef::from),
            title: record.title.clone(),
            message: record.message.clone(),
            since: Some(timestamp(record.since)),
            last_notified: record.last_notified.map(timestamp),
            resolved_at: record.resolved_at.map(timestamp),
            exit_code: record.exit_code,
            reason: record.reason.clone(),
            suggested_fix: record.suggested_fix.clone(),
            acknowledgement: record
                .acknowledged
                .as_deref()
                .map(AlertAcknowledgement::from),
            silence: record.silenced.as_deref().map(AlertSilence::from),
        }
    }
}

impl TryFrom<&AlertChange> for AlertRecord {
    type Error = InputError;

    fn try_from(change: &AlertChange) -> Result<Self, Self::Error> {
        let severity = v1::Severity::try_from(change.severity).map_err(|_| {
            InputError::new("severity", format!("unknown value {}", change.severity))
        })?;
        let state = v1::AlertState::try_from(change.state)
            .map_err(|_| InputError::new("state", format!("unknown value {}", change.state)))?;
        Ok(AlertRecord {
            key: crate::input::required("id", &change.id)?,
            kind: crate::input::required("type", &change.r#type)?,
            severity: Severity::try_from(severity)?,
            state: AlertState::try_from(state)?,
            cronjob: required_ref("cronjob", change.cronjob.as_ref())?,
            monitor: change.monitor.as_ref().map(TryFrom::try_from).transpose()?,
            title: change.title.clone(),
            message: change.message.clone(),
            since: required_timestamp("since", change.since.as_ref())?,
            last_notified: optional_timestamp("lastNotified", change.last_notified.as_ref())?,
            resolved_at: optional_timestamp("resolvedAt", change.resolved_at.as_ref())?,
            exit_code: change.exit_code,
            reason: change.reason.clone(),
            suggested_fix: change.suggested_fix.clone(),
            acknowledged: change
                .acknowledgement
                .as_ref()
                .map(|ack| Acknowledgement::try_from(ack).map(Box::new))
                .transpose()?,
            silenced: change
                .silence
                .as_ref()
                .map(|silence| Silence::try_from(silence).map(Box::new))
                .transpose()?,
        })
    }
}

impl From<&Acknowledgement> for AlertAcknowledgement {
    fn from(ack: &Acknowledgement) -> Self {
        AlertAcknowledgement {
            at: Some(timestamp(ack.at)),
            by: ack.by.clone(),
            note: ack.note.clone(),
        }
    }
}

impl TryFrom<&AlertAcknowledgement> for Acknowledgement {
    type Error = InputError;

    fn try_from(ack: &AlertAcknowledgement) -> Result<Self, Self::Error> {
        Ok(Acknowledgement {
            at: required_timestamp("acknowledgement.at", ack.at.as_ref())?,
            by: ack.by.clone(),
            note: ack.note.clone(),
        })
    }
}

impl From<&Silence> for AlertSilence {
    fn from(silence: &Silence) -> Self {
        AlertSilence {
            until: Some(timestamp(silence.until)),
            at: Some(timestamp(silence.at)),
            by: silence.by.clone(),
            reason: silence.reason.clone(),
        }
    }
}

impl TryFrom<&AlertSilence> for Silence {
    type Error = InputError;

    fn try_from(silence: &AlertSilence) -> Result<Self, Self::Error> {
        Ok(Silence {
            until: required_timestamp("silence.until", silence.until.as_ref())?,
            at: required_timestamp("silence.at", silence.at.as_ref())?,
            by: silence.by.clone(),
            reason: silence.reason.clone(),
        })
    }
}
