//! Writes a CronJobMonitor's status through the `status` subresource (merge patch).
//! Lists are replaced whole by a merge patch, and absent keys would keep stale values, so
//! `cronJobs` and `conditions` are always sent, empty or not.

use guardian_core::CronJobRef;
use guardian_kube::crd::CronJobMonitorStatus;
use kube::api::{DynamicObject, Patch, PatchParams};
use kube::{Api, Client};
use serde_json::{Value, json};

use super::monitors::monitor_resource;

/// Why a status could not be written.
#[derive(Debug, thiserror::Error)]
pub(crate) enum PatchError {
    #[error("status of {monitor} does not serialise: {source}")]
    Encode {
        monitor: CronJobRef,
        source: serde_json::Error,
    },
    #[error("cannot patch the status of {monitor}: {source}")]
    Api {
        monitor: CronJobRef,
        source: kube::Error,
    },
}

/// The status as JSON, with the lists present even when empty.
pub(crate) fn status_json(
    monitor: &CronJobRef,
    status: &CronJobMonitorStatus,
) -> Result<Value, PatchError> {
    let mut value = serde_json::to_value(status).map_err(|source| PatchError::Encode {
        monitor: monitor.clone(),
        source,
    })?;
    if let Some(object) = value.as_object_mut() {
        object.entry("cronJobs").or_insert_with(|| json!([]));
        object.entry("conditions").or_insert_with(|| json!([]));
    }
    Ok(value)
}

/// Patches the status of `monitor`; a monitor deleted meanwhile is not an error.
pub(crate) async fn patch_status(
    client: &Client,
    monitor: &CronJobRef,
    status: Value,
) -> Result<(), PatchError> {
    let api: Api<DynamicObject> =
        Api::namespaced_with(client.clone(), &monitor.namespace, &monitor_resource());
    let body = json!({ "status": status });
    match api
        .patch_status(&monitor.name, &PatchParams::default(), &Patch::Merge(&body))
        .await
    {
        Ok(_) => Ok(()),
        Err(kube::Error::Api(status)) if status.code == 404 => Ok(()),
        Err(source) => Err(PatchError::Api {
            monitor: monitor.clone(),
            source,
        }),
    }
}
