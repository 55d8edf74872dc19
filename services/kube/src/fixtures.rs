//! Test fixtures: realistic CronJob, Job and Pod JSON as the API server sends it
//! (managedFields, templates and all), turned into k8s-openapi types.

use k8s_openapi::api::batch::v1::{CronJob, Job};
use k8s_openapi::api::core::v1::Pod;
use serde_json::{Value, json};

use crate::pod::PodSummary;

pub(crate) const NAMESPACE: &str = "ops";
pub(crate) const CRONJOB: &str = "backup";
pub(crate) const CRONJOB_UID: &str = "5b0c1e7a-cj";

pub(crate) fn cronjob_json(name: &str, uid: &str, schedule: &str) -> Value {
    json!({
        "apiVersion": "batch/v1",
        "kind": "CronJob",
        "metadata": {
            "name": name, "namespace": NAMESPACE, "uid": uid, "generation": 3,
            "resourceVersion": "101", "creationTimestamp": "2025-01-01T00:00:00Z",
            "labels": {"team": "storage"},
            "annotations": {"kubectl.kubernetes.io/last-applied-configuration": "{\"big\":true}"},
            "managedFields": [{"manager": "kubectl", "operation": "Apply", "fieldsType": "FieldsV1", "fieldsV1": {}}]
        },
        "spec": {
            "schedule": schedule, "timeZone": "Europe/Paris", "suspend": false,
            "concurrencyPolicy": "Forbid",
            "jobTemplate": {"spec": {"template": {"spec": {
                "restartPolicy": "Never",
                "containers": [{"name": "main", "image": "busybox", "command": ["sh", "-c", "backup"]}]
            }}}}
        },
        "status": {
            "lastScheduleTime": "2025-01-01T02:00:00Z",
            "active": [{"kind": "Job", "namespace": NAMESPACE, "name": "backup-29000000"}]
        }
    })
}

pub(crate) fn cronjob(name: &str, uid: &str, schedule: &str) -> CronJob {
    from(cronjob_json(name, uid, schedule))
}

/// A Job the CronJob controller created, started at 02:00:05, with `status` as given.
pub(crate) fn job_json(name: &str, uid: &str, status: Value) -> Value {
    json!({
        "apiVersion": "batch/v1",
        "kind": "Job",
        "metadata": {
            "name": name, "namespace": NAMESPACE, "uid": uid, "resourceVersion": "200",
            "creationTimestamp": "2025-01-01T02:00:00Z",
            "labels": {
                "batch.kubernetes.io/controller-uid": uid, "batch.kubernetes.io/job-name": name,
                "controller-uid": uid, "job-name": name
            },
            "annotations": {"batch.kubernetes.io/cronjob-scheduled-timestamp": "2025-01-01T02:00:00Z"},
            "ownerReferences": [{
                "apiVersion": "batch/v1", "kind": "CronJob", "name": CRONJOB, "uid": CRONJOB_UID,
                "controller": true, "blockOwnerDeletion": true
            }],
            "managedFields": [{"manager": "kube-controller-manager", "operation": "Update", "fieldsV1": {}}]
        },
        "spec": {
            "backoffLimit": 2, "completions": 1, "parallelism": 1,
            "template": {"spec": {
                "restartPolicy": "Never",
                "containers": [{"name": "main", "image": "busybox", "command": ["sh", "-c", "backup"]}]
            }}
        },
        "status": status
    })
}

pub(crate) fn job(name: &str, uid: &str, status: Value) -> Job {
    from(job_json(name, uid, status))
}

pub(crate) fn running_status() -> Value {
    json!({"startTime": "2025-01-01T02:00:05Z", "active": 1, "ready": 0})
}

/// A Job that failed: `reason` on both the interim and the final condition.
pub(crate) fn failed_status(reason: &str, failed_pods: i32) -> Value {
    json!({
        "startTime": "2025-01-01T02:00:05Z", "failed": failed_pods,
        "conditions": [
            {"type": "FailureTarget", "status": "True", "reason": reason,
             "lastTransitionTime": "2025-01-01T02:03:05Z"},
            {"type": "Failed", "status": "True", "reason": reason,
             "lastTransitionTime": "2025-01-01T02:03:09Z"}
        ]
    })
}

/// A Job that completed after `failed_pods` failed attempts.
pub(crate) fn complete_status(failed_pods: i32) -> Value {
    json!({
        "startTime": "2025-01-01T02:00:05Z", "completionTime": "2025-01-01T02:01:05Z",
        "succeeded": 1, "failed": failed_pods,
        "conditions": [{"type": "Complete", "status": "True", "lastTransitionTime": "2025-01-01T02:01:05Z"}]
    })
}

/// A Pod of Job `job` (UID `job_uid`), started at `started`, with this pod `status`
/// merged over a scheduled one.
pub(crate) fn pod_json(
    name: &str,
    job: &str,
    job_uid: &str,
    started: &str,
    status: Value,
) -> Value {
    let mut pod = json!({
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {
            "name": name, "namespace": NAMESPACE, "uid": format!("{name}-uid"),
            "resourceVersion": "300", "creationTimestamp": started,
            "labels": {"batch.kubernetes.io/job-name": job, "batch.kubernetes.io/controller-uid": job_uid},
            "ownerReferences": [{
                "apiVersion": "batch/v1", "kind": "Job", "name": job, "uid": job_uid,
                "controller": true, "blockOwnerDeletion": true
            }]
        },
        "spec": {"nodeName": "node-a", "restartPolicy": "Never",
                 "containers": [{"name": "main", "image": "busybox"}]},
        "status": {"phase": "Running", "startTime": started}
    });
    if let (Some(target), Some(extra)) = (pod["status"].as_object_mut(), status.as_object()) {
        target.extend(extra.clone());
    }
    pod
}

pub(crate) fn pod(
    name: &str,
    job: &str,
    job_uid: &str,
    started: &str,
    status: Value,
) -> PodSummary {
    let pod: Pod = from(pod_json(name, job, job_uid, started, status));
    PodSummary::from_pod(&pod).expect("fixture pods have a namespace and a name")
}

/// A container status that ended with `exit_code` and `reason`.
pub(crate) fn terminated(name: &str, exit_code: i32, reason: &str) -> Value {
    json!({
        "name": name, "image": "busybox", "imageID": "", "ready": false, "restartCount": 0,
        "state": {"terminated": {"exitCode": exit_code, "reason": reason,
                                 "startedAt": "2025-01-01T02:00:06Z", "finishedAt": "2025-01-01T02:00:50Z"}}
    })
}

/// A container status waiting with `reason`, after `last_exit` if it ran before.
pub(crate) fn waiting(name: &str, reason: &str, last_exit: Option<i32>) -> Value {
    let mut status = json!({
        "name": name, "image": "busybox", "imageID": "", "ready": false,
        "restartCount": if last_exit.is_some() { 3 } else { 0 },
        "state": {"waiting": {"reason": reason, "message": "back-off restarting failed container"}}
    });
    if let Some(code) = last_exit {
        status["lastState"] = json!({"terminated": {"exitCode": code, "reason": "Error"}});
    }
    status
}

pub(crate) fn from<T: serde::de::DeserializeOwned>(value: Value) -> T {
    serde_json::from_value(value).expect("fixture JSON matches the Kubernetes type")
}
