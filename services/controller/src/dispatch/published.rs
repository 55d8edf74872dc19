//! What the leader publishes about its AlertChannels, so that every query replica can
//! list them, also while no controller leads: each channel as the API shows it
//! (`ChannelListItem`: type, readiness, settings with secrets redacted, delivery
//! counts, last test), stored as a document whenever its status is written, and
//! withdrawn when the channel is gone.

use std::collections::BTreeSet;

use guardian_api::convert::timestamp;
use guardian_api::v1::{ChannelListItem, ChannelStats, TestResult};
use guardian_core::{CronJobRef, Epoch};
use guardian_kube::crd::AlertChannelSpec;
use guardian_store::documents::CHANNEL_SCOPE;
use guardian_store::{Store, StoreError};
use jiff::Timestamp;
use serde_json::{Value, json};

use super::registry::ChannelEntry;

/// What replaces a secret value in published settings.
pub const REDACTED: &str = "[REDACTED]";

/// The document key of a channel.
pub fn document_key(channel: &CronJobRef) -> String {
    format!("{}/{}", channel.namespace, channel.name)
}

/// A channel's settings as shown to API clients. Secrets live in Secrets and are
/// named only by reference; webhook header values (often `Authorization`) are
/// redacted, since the spec holds them inline.
pub fn redacted_settings(spec: &AlertChannelSpec) -> Value {
    let mut settings = serde_json::to_value(spec).unwrap_or_else(|_| json!({}));
    if let Some(headers) = settings
        .pointer_mut("/webhook/headers")
        .and_then(Value::as_object_mut)
    {
        for value in headers.values_mut() {
            *value = Value::String(REDACTED.to_owned());
        }
    }
    settings
}

/// The API's view of one channel.
pub(crate) fn channel_item(channel: &CronJobRef, entry: &ChannelEntry) -> ChannelListItem {
    let status = &entry.status;
    let spec = entry.spec.as_ref().ok();
    ChannelListItem {
        name: channel.name.clone(),
        namespace: channel.namespace.clone(),
        r#type: spec
            .map(|spec| spec.channel_type.as_str().to_owned())
            .unwrap_or_default(),
        ready: status.ready,
        config: spec.and_then(|spec| serde_json::from_value(redacted_settings(spec)).ok()),
        stats: Some(ChannelStats {
            alerts_sent_total: status.alerts_sent_total,
            alerts_failed_total: status.alerts_failed_total,
            last_alert_time: status.last_alert_time.as_ref().map(|at| timestamp(at.0)),
            last_failed_time: status.last_failed_time.as_ref().map(|at| timestamp(at.0)),
            last_failed_error: status.last_failed_error.clone(),
            consecutive_failures: status.consecutive_failures,
        }),
        last_test: status.last_test_time.as_ref().map(|at| TestResult {
            time: Some(timestamp(at.0)),
            result: status
                .last_test_result
                .and_then(|result| serde_json::to_value(result).ok())
                .and_then(|value| value.as_str().map(str::to_owned))
                .unwrap_or_default(),
        }),
    }
}

/// Stores the channel's current view.
pub(crate) async fn publish(
    store: &Store,
    epoch: Epoch,
    channel: &CronJobRef,
    entry: &ChannelEntry,
    now: Timestamp,
) -> Result<(), StoreError> {
    let json = serde_json::to_string(&channel_item(channel, entry)).map_err(|error| {
        StoreError::Invalid {
            message: format!("channel document: {error}"),
        }
    })?;
    let mut tx = store.begin_fenced(epoch).await?;
    tx.put_document(CHANNEL_SCOPE, &document_key(channel), &json, now)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Withdraws the documents of channels that no longer exist.
pub(crate) async fn withdraw_missing(
    store: &Store,
    epoch: Epoch,
    present: impl Iterator<Item = &CronJobRef>,
) -> Result<(), StoreError> {
    let present: BTreeSet<String> = present.map(document_key).collect();
    let gone: Vec<String> = store
        .documents(CHANNEL_SCOPE)
        .await?
        .into_iter()
        .map(|document| document.key)
        .filter(|key| !present.contains(key))
        .collect();
    if gone.is_empty() {
        return Ok(());
    }
    let mut tx = store.begin_fenced(epoch).await?;
    for key in &gone {
        tx.delete_document(CHANNEL_SCOPE, key).await?;
    }
    tx.commit().await?;
    Ok(())
}
