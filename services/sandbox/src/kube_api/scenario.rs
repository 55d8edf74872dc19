//! Typed scenario helpers that play the parts of the CronJob, Job and kubelet
//! controllers: create a CronJob, start a Job the way the CronJob controller
//! does (name, labels, annotation, ownerReference, `status.active`), start its
//! Pod, and finish both with the status a real cluster would show. Every time
//! is passed in, so scripts (tests, the dev sandbox) control the timeline.

use jiff::Timestamp;
use k8s_openapi::api::batch::v1::{CronJob, Job};
use k8s_openapi::api::core::v1::Namespace;
use serde_json::{Value, json};

mod pods;

pub use pods::PodEnd;

use super::meta::format_time;
use super::{KubeApi, KubeApiError, decode};

/// How a Job ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobEnd {
    pub at: Timestamp,
    pub succeeded: bool,
    /// Failed condition reason, e.g. `BackoffLimitExceeded`, `DeadlineExceeded`.
    pub reason: String,
    pub message: String,
}

impl JobEnd {
    pub fn succeeded(at: Timestamp) -> Self {
        Self {
            at,
            succeeded: true,
            reason: "CompletionsReached".into(),
            message: "Reached expected number of succeeded pods".into(),
        }
    }

    pub fn failed(at: Timestamp, reason: &str) -> Self {
        Self {
            at,
            succeeded: false,
            reason: reason.into(),
            message: "Job has reached the specified backoff limit".into(),
        }
    }
}

pub(crate) fn name_of(v: &Value) -> String {
    v.pointer("/metadata/name")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

pub(crate) fn owner_ref(api_version: &str, kind: &str, owner: &Value) -> Value {
    json!({
        "apiVersion": api_version, "kind": kind, "name": name_of(owner),
        "uid": owner.pointer("/metadata/uid").cloned().unwrap_or(Value::Null),
        "controller": true, "blockOwnerDeletion": true,
    })
}

pub(crate) fn to_value<K: serde::Serialize + k8s_openapi::Resource>(
    obj: &K,
) -> Result<Value, KubeApiError> {
    serde_json::to_value(obj).map_err(|source| KubeApiError::Decode {
        kind: K::KIND,
        source,
    })
}

impl KubeApi {
    /// Creates a namespace (phase `Active`).
    pub fn create_namespace(&self, name: &str) -> Result<Namespace, KubeApiError> {
        let ns = json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name},
                        "status": {"phase": "Active"}});
        self.apply(ns).and_then(decode)
    }

    /// Creates a CronJob running one `main` container; `labels` go on the
    /// CronJob and its job template.
    pub fn create_cronjob(
        &self,
        ns: &str,
        name: &str,
        schedule: &str,
        labels: &[(&str, &str)],
    ) -> Result<CronJob, KubeApiError> {
        let labels: serde_json::Map<String, Value> = labels
            .iter()
            .map(|(k, v)| ((*k).to_owned(), json!(v)))
            .collect();
        let cj = json!({
            "apiVersion": "batch/v1", "kind": "CronJob",
            "metadata": {"name": name, "namespace": ns, "labels": labels},
            "spec": {
                "schedule": schedule, "concurrencyPolicy": "Allow", "suspend": false,
                "successfulJobsHistoryLimit": 3, "failedJobsHistoryLimit": 1,
                "jobTemplate": {"metadata": {"labels": labels}, "spec": {"backoffLimit": 0, "template": {
                    "metadata": {"labels": labels},
                    "spec": {"restartPolicy": "Never", "containers": [
                        {"name": "main", "image": "busybox:1.36", "command": ["sh", "-c", "date"]}]},
                }}},
            },
            "status": {},
        });
        self.apply(cj).and_then(decode)
    }

    /// Starts the Job the CronJob controller would create for `scheduled`:
    /// named `{cronjob}-{unix minutes}`, owned by the CronJob, labelled like a
    /// real Job, listed in the CronJob's `status.active`.
    pub fn start_job(&self, cronjob: &CronJob, scheduled: Timestamp) -> Result<Job, KubeApiError> {
        let cj = to_value(cronjob)?;
        let ns = cj
            .pointer("/metadata/namespace")
            .and_then(Value::as_str)
            .unwrap_or("default")
            .to_owned();
        let name = format!("{}-{}", name_of(&cj), scheduled.as_second().div_euclid(60));
        let uid = self.store.new_uid();
        let mut labels = cj
            .pointer("/spec/jobTemplate/metadata/labels")
            .cloned()
            .unwrap_or_else(|| json!({}));
        for (k, v) in [
            ("batch.kubernetes.io/controller-uid", &uid),
            ("controller-uid", &uid),
            ("batch.kubernetes.io/job-name", &name),
            ("job-name", &name),
        ] {
            labels[k] = json!(v);
        }
        let mut spec = cj
            .pointer("/spec/jobTemplate/spec")
            .cloned()
            .unwrap_or_else(|| json!({}));
        spec["template"]["metadata"]["labels"] = labels.clone();
        spec["selector"] = json!({"matchLabels": {"batch.kubernetes.io/controller-uid": uid}});
        let job = json!({
            "apiVersion": "batch/v1", "kind": "Job",
            "metadata": {
                "name": name, "namespace": ns, "uid": uid, "labels": labels,
                "annotations": {"batch.kubernetes.io/cronjob-scheduled-timestamp": format_time(scheduled)},
                "ownerReferences": [owner_ref("batch/v1", "CronJob", &cj)],
            },
            "spec": spec,
            "status": {"startTime": format_time(scheduled), "active": 1, "ready": 0},
        });
        let job = self.apply(job)?;
        let mut active = self.cronjob_active(&ns, &name_of(&cj))?;
        active.push(
            json!({"apiVersion": "batch/v1", "kind": "Job", "name": name, "namespace": ns,
                           "uid": uid, "resourceVersion": job["metadata"]["resourceVersion"]}),
        );
        self.apply(json!({"apiVersion": "batch/v1", "kind": "CronJob",
            "metadata": {"name": name_of(&cj), "namespace": ns},
            "status": {"active": active, "lastScheduleTime": format_time(scheduled)}}))?;
        decode(job)
    }

    fn cronjob_active(&self, ns: &str, name: &str) -> Result<Vec<Value>, KubeApiError> {
        let cj = self.get("batch/v1", "CronJob", ns, name)?;
        Ok(cj
            .and_then(|cj| {
                cj.pointer("/status/active")
                    .and_then(Value::as_array)
                    .cloned()
            })
            .unwrap_or_default())
    }

    /// Finishes a Job with the conditions, counts and times a real Job gets
    /// (`completionTime` only on success), and updates its CronJob's status.
    pub fn finish_job(&self, ns: &str, name: &str, end: &JobEnd) -> Result<Job, KubeApiError> {
        let job = self
            .get("batch/v1", "Job", ns, name)?
            .ok_or(KubeApiError::Missing("job"))?;
        let at = format_time(end.at);
        let cond = |t: &str| {
            json!({"type": t, "status": "True", "reason": end.reason, "message": end.message,
                                    "lastProbeTime": at, "lastTransitionTime": at})
        };
        let status = if end.succeeded {
            json!({"active": null, "ready": 0, "succeeded": 1, "completionTime": at,
                   "conditions": [cond("SuccessCriteriaMet"), cond("Complete")]})
        } else {
            json!({"active": null, "ready": 0, "failed": 1,
                   "conditions": [cond("FailureTarget"), cond("Failed")]})
        };
        let done = self.apply(json!({"apiVersion": "batch/v1", "kind": "Job",
            "metadata": {"name": name, "namespace": ns}, "status": status}))?;
        let owner = job
            .pointer("/metadata/ownerReferences/0/name")
            .and_then(Value::as_str);
        if let Some(cj) = owner
            && self.get("batch/v1", "CronJob", ns, cj)?.is_some()
        {
            let active: Vec<Value> = self
                .cronjob_active(ns, cj)?
                .into_iter()
                .filter(|r| r["name"] != name)
                .collect();
            let mut status =
                json!({"active": if active.is_empty() { Value::Null } else { json!(active) }});
            if end.succeeded {
                status["lastSuccessfulTime"] = json!(at);
            }
            self.apply(json!({"apiVersion": "batch/v1", "kind": "CronJob",
                "metadata": {"name": cj, "namespace": ns}, "status": status}))?;
        }
        decode(done)
    }
}
