//! `AcknowledgeAlert` and `SilenceAlert`: the alert is read inside a fenced transaction,
//! the pure core decides what it becomes ([`guardian_core::alerting::mute`]), and only its
//! acknowledgement or silence is stored, with the change announced on the outbox. A
//! deposed leader's transaction is fenced (`NotLeader`); the monitoring loop's own
//! rewrites of the alert keep both fields (see `guardian_store`'s `mutes`).

use guardian_api::convert::timestamp;
use guardian_api::input::{AlertRef, SilenceInput};
use guardian_api::v1::{
    AcknowledgeAlertRequest, AcknowledgeAlertResponse, SilenceAlertRequest, SilenceAlertResponse,
};
use guardian_core::alerting::mute::{self, Actor};
use guardian_core::{AlertRecord, Epoch};
use guardian_store::{Store, StoreError};
use jiff::Timestamp;
use tonic::Status;

use crate::grpc::control_service::store_status;
use crate::leadership::Leadership;

/// Where an acknowledgement or silence is written: the leader's store under its epoch.
pub struct AlertControl<'a> {
    pub store: &'a Store,
    pub leadership: &'a Leadership,
    pub epoch: Epoch,
}

impl AlertControl<'_> {
    /// Acknowledges a firing alert's current occurrence.
    pub async fn acknowledge(
        &self,
        request: &AcknowledgeAlertRequest,
        now: Timestamp,
    ) -> Result<AcknowledgeAlertResponse, Status> {
        let input = AlertRef::try_from(request)?;
        let actor = Actor {
            by: input.actor,
            note: input.note,
        };
        let stored = self
            .mark(&input.id, |record| {
                mute::acknowledge(record, actor, now)
                    .map_err(|refusal| Status::failed_precondition(refusal.to_string()))
            })
            .await?;
        let at = stored.acknowledged.as_deref().map(|ack| ack.at);
        tracing::info!(alert = %input.id, "alert acknowledged");
        Ok(AcknowledgeAlertResponse {
            success: true,
            message: Some(format!(
                "alert {} acknowledged; it is not re-notified until it resolves",
                input.id
            )),
            acknowledged_at: at.map(timestamp),
        })
    }

    /// Silences an alert (any state) for the requested duration.
    pub async fn silence(
        &self,
        request: &SilenceAlertRequest,
        now: Timestamp,
    ) -> Result<SilenceAlertResponse, Status> {
        let input = SilenceInput::try_from(request)?;
        let actor = Actor {
            by: input.actor,
            note: input.reason,
        };
        let stored = self
            .mark(&input.id, |record| {
                Ok(mute::silence(record, input.duration, actor, now))
            })
            .await?;
        let until = stored.silenced.as_deref().map(|silence| silence.until);
        tracing::info!(alert = %input.id, until = ?until, "alert silenced");
        Ok(SilenceAlertResponse {
            success: true,
            silenced_until: until.map(timestamp),
            message: Some(format!("alert {} silenced", input.id)),
        })
    }

    /// Reads alert `key`, applies `decide`, stores the outcome's acknowledgement and
    /// silence, commits and announces; returns the alert as stored.
    async fn mark(
        &self,
        key: &str,
        decide: impl FnOnce(&AlertRecord) -> Result<AlertRecord, Status>,
    ) -> Result<AlertRecord, Status> {
        let mut tx = self
            .store
            .begin_fenced(self.epoch)
            .await
            .map_err(|error| status(&error))?;
        let current = tx
            .alert(key)
            .await
            .map_err(|error| status(&error))?
            .ok_or_else(|| Status::not_found(format!("alert {key} not found")))?;
        let wanted = decide(&current)?;
        tx.set_alert_mutes(&wanted)
            .await
            .map_err(|error| status(&error))?;
        let stored = tx
            .alert(key)
            .await
            .map_err(|error| status(&error))?
            .ok_or_else(|| Status::not_found(format!("alert {key} not found")))?;
        let events = tx.commit().await.map_err(|error| status(&error))?;
        self.leadership.announce(&events);
        Ok(stored)
    }
}

/// A note or name too large is the caller's fault; the rest is the store's.
fn status(error: &StoreError) -> Status {
    match error {
        StoreError::TooLarge { .. } | StoreError::Invalid { .. } => {
            Status::invalid_argument(error.to_string())
        }
        other => store_status(other),
    }
}
