//! AlertChannel status: `Ready` (the channel can send: spec valid, secrets readable),
//! `Delivering` (False once sends fail [`FAILING_AFTER`] times in a row), the delivery
//! counters, and the last test. The test's generation is kept as the `Tested` condition's
//! `observedGeneration`, so `testOnSave` tests once per change of the spec, also across
//! a failover, and never on every reconcile.

use guardian_core::CronJobRef;
use guardian_kube::crd::AlertChannelStatus;
use guardian_kube::crd::enums::TestResult;
use jiff::Timestamp;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{Condition, Time};
use kube::api::{DynamicObject, Patch, PatchParams};
use kube::{Api, Client};
use serde_json::json;

use super::worker::WorkerReport;

/// Failed attempts in a row after which a channel counts as failing persistently.
pub const FAILING_AFTER: i32 = 3;

pub const READY: &str = "Ready";
pub const DELIVERING: &str = "Delivering";
pub const TESTED: &str = "Tested";

/// Sets (or replaces) the condition `type_`, keeping its transition time when the
/// status did not change.
pub fn set_condition(
    status: &mut AlertChannelStatus,
    type_: &str,
    ok: bool,
    reason: &str,
    message: String,
    generation: i64,
    now: Timestamp,
) {
    let value = if ok { "True" } else { "False" };
    let previous = status.conditions.iter().find(|c| c.type_ == type_);
    let transitioned = match previous {
        Some(previous) if previous.status == value => previous.last_transition_time.clone(),
        _ => Time(now),
    };
    let condition = Condition {
        type_: type_.to_owned(),
        status: value.to_owned(),
        reason: reason.to_owned(),
        message,
        observed_generation: Some(generation),
        last_transition_time: transitioned,
    };
    status.conditions.retain(|c| c.type_ != type_);
    status.conditions.push(condition);
    status.conditions.sort_by(|a, b| a.type_.cmp(&b.type_));
}

/// The generation the channel was last tested at.
pub fn tested_generation(status: &AlertChannelStatus) -> Option<i64> {
    status
        .conditions
        .iter()
        .find(|c| c.type_ == TESTED)
        .and_then(|c| c.observed_generation)
}

/// Folds a worker's outcome into the counters and the `Delivering` condition; true when
/// anything changed.
pub(crate) fn apply_report(
    status: &mut AlertChannelStatus,
    report: &WorkerReport,
    generation: i64,
    now: Timestamp,
) -> bool {
    let Some(in_a_row) = report.failed_in_a_row else {
        return false;
    };
    status.alerts_sent_total += i64::from(report.sent);
    status.alerts_failed_total += i64::from(report.failed);
    if let Some(at) = report.last_sent_at {
        status.last_alert_time = Some(Time(at));
    }
    if let Some(at) = report.last_failed_at {
        status.last_failed_time = Some(Time(at));
        status.last_failed_error = report.last_error.clone();
    }
    let in_a_row = i32::try_from(in_a_row).unwrap_or(i32::MAX);
    // `in_a_row` counts failures since this run's last success, if it had one.
    status.consecutive_failures = if report.sent > 0 {
        in_a_row
    } else {
        status.consecutive_failures.saturating_add(in_a_row)
    };
    let failing = status.consecutive_failures >= FAILING_AFTER;
    let (reason, message) = if failing {
        let error = status.last_failed_error.clone().unwrap_or_default();
        (
            "PersistentFailure",
            format!(
                "{} sends failed in a row: {error}",
                status.consecutive_failures
            ),
        )
    } else {
        ("Delivered", "recent sends succeeded".to_owned())
    };
    set_condition(
        status, DELIVERING, !failing, reason, message, generation, now,
    );
    true
}

/// Records a test's outcome for `generation`.
pub fn apply_test(
    status: &mut AlertChannelStatus,
    outcome: &Result<(), String>,
    generation: i64,
    now: Timestamp,
) {
    status.last_test_time = Some(Time(now));
    status.last_test_result = Some(match outcome {
        Ok(()) => TestResult::Success,
        Err(_) => TestResult::Failed,
    });
    status.last_test_error = outcome.as_ref().err().cloned();
    let (reason, message) = match outcome {
        Ok(()) => ("TestSucceeded", "test alert delivered".to_owned()),
        Err(error) => ("TestFailed", error.clone()),
    };
    set_condition(
        status,
        TESTED,
        outcome.is_ok(),
        reason,
        message,
        generation,
        now,
    );
}

/// Writes the whole status through the status subresource; a deleted channel is fine.
pub async fn patch(
    client: &Client,
    channel: &CronJobRef,
    status: &AlertChannelStatus,
) -> Result<(), kube::Error> {
    let resource = kube::api::ApiResource::erase::<guardian_kube::crd::AlertChannel>(&());
    let api: Api<DynamicObject> =
        Api::namespaced_with(client.clone(), &channel.namespace, &resource);
    let mut value = serde_json::to_value(status).unwrap_or_else(|_| json!({}));
    if let Some(object) = value.as_object_mut() {
        // A merge patch keeps absent keys: send the list even when empty.
        object.entry("conditions").or_insert_with(|| json!([]));
    }
    let body = json!({ "status": value });
    match api
        .patch_status(&channel.name, &PatchParams::default(), &Patch::Merge(&body))
        .await
    {
        Ok(_) => Ok(()),
        Err(kube::Error::Api(status)) if status.code == 404 => Ok(()),
        Err(error) => Err(error),
    }
}
