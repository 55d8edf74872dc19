//! Outbox events: domain `Event`/`Change` ↔ the `guardian.v1.Event` of the stream.
//!
//! The mapping is lossless both ways, so a query replica can rebuild the exact
//! domain event the leader committed.

use guardian_core::{Change, CronJobRecord, Epoch, Event, Sequence};

use super::{optional_timestamp, required_ref, required_timestamp, timestamp};
use crate::InputError;
use crate::v1::{self, CronJobChange, HistoryDeletedChange, NamespacedRef, event};

impl From<&CronJobRecord> for CronJobChange {
    fn from(record: &CronJobRecord) -> Self {
        CronJobChange {
            cronjob: Some(NamespacedRef::from(&record.cronjob)),
            uid: record.uid.clone(),
            schedule: record.schedule.clone(),
            timezone: record.time_zone.clone(),
            suspended: record.suspended,
            first_seen_time: Some(timestamp(record.first_seen_at)),
            last_seen_time: Some(timestamp(record.last_seen_at)),
            delete_time: record.deleted_at.map(timestamp),
        }
    }
}

impl TryFrom<&CronJobChange> for CronJobRecord {
    type Error = InputError;

    fn try_from(change: &CronJobChange) -> Result<Self, Self::Error> {
        Ok(CronJobRecord {
            cronjob: required_ref("cronjob", change.cronjob.as_ref())?,
            uid: change.uid.clone(),
            schedule: change.schedule.clone(),
            time_zone: change.timezone.clone(),
            suspended: change.suspended,
            first_seen_at: required_timestamp("firstSeenTime", change.first_seen_time.as_ref())?,
            last_seen_at: required_timestamp("lastSeenTime", change.last_seen_time.as_ref())?,
            deleted_at: optional_timestamp("deleteTime", change.delete_time.as_ref())?,
        })
    }
}

impl From<&Change> for event::Change {
    fn from(change: &Change) -> Self {
        match change {
            Change::Execution(execution) => event::Change::Execution(execution.into()),
            Change::CronJob(record) => event::Change::Cronjob(record.into()),
            Change::Alert(record) => event::Change::Alert(record.into()),
            Change::HistoryDeleted {
                cronjob,
                executions_deleted,
            } => event::Change::HistoryDeleted(HistoryDeletedChange {
                cronjob: Some(NamespacedRef::from(cronjob)),
                executions_deleted: *executions_deleted,
            }),
        }
    }
}

impl TryFrom<&event::Change> for Change {
    type Error = InputError;

    fn try_from(change: &event::Change) -> Result<Self, Self::Error> {
        Ok(match change {
            event::Change::Execution(execution) => Change::Execution(execution.try_into()?),
            event::Change::Cronjob(record) => Change::CronJob(record.try_into()?),
            event::Change::Alert(record) => Change::Alert(record.try_into()?),
            event::Change::HistoryDeleted(deleted) => Change::HistoryDeleted {
                cronjob: required_ref("cronjob", deleted.cronjob.as_ref())?,
                executions_deleted: deleted.executions_deleted,
            },
        })
    }
}

impl From<&Event> for v1::Event {
    fn from(event: &Event) -> Self {
        v1::Event {
            sequence: event.sequence.0,
            epoch: event.epoch.0,
            time: Some(timestamp(event.at)),
            change: Some(event::Change::from(&event.change)),
        }
    }
}

impl TryFrom<&v1::Event> for Event {
    type Error = InputError;

    fn try_from(event: &v1::Event) -> Result<Self, Self::Error> {
        let change = event
            .change
            .as_ref()
            .ok_or_else(|| InputError::missing("change"))?;
        Ok(Event {
            sequence: Sequence(event.sequence),
            epoch: Epoch(event.epoch),
            at: required_timestamp("time", event.time.as_ref())?,
            change: Change::try_from(change)?,
        })
    }
}

impl From<&Event> for v1::SubscribeResponse {
    fn from(event: &Event) -> Self {
        v1::SubscribeResponse {
            event: Some(event.into()),
        }
    }
}
