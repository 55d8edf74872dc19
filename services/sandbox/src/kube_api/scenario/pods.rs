//! Pod-level scenario steps, playing the kubelet: start a Job's Pod, put its
//! containers into `waiting`, terminate them with an exit code, delete it.

use jiff::Timestamp;
use k8s_openapi::api::batch::v1::Job;
use k8s_openapi::api::core::v1::Pod;
use serde_json::{Value, json};

use super::{name_of, owner_ref, to_value};
use crate::kube_api::meta::format_time;
use crate::kube_api::{KubeApi, KubeApiError, decode};

/// How a Pod's containers end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PodEnd {
    pub at: Timestamp,
    pub exit_code: i32,
    /// Terminated reason, e.g. `Completed`, `Error`, `OOMKilled`.
    pub reason: String,
}

impl PodEnd {
    /// Exit code 0 is `Completed`, anything else `Error`.
    pub fn exited(at: Timestamp, exit_code: i32) -> Self {
        let reason = if exit_code == 0 { "Completed" } else { "Error" };
        Self {
            at,
            exit_code,
            reason: reason.into(),
        }
    }
}

impl KubeApi {
    /// Starts the Job's Pod (`{job}-{suffix}`), running since `at`.
    pub fn start_pod(&self, job: &Job, at: Timestamp) -> Result<Pod, KubeApiError> {
        let job = to_value(job)?;
        let ns = job
            .pointer("/metadata/namespace")
            .and_then(Value::as_str)
            .unwrap_or("default");
        let name = format!("{}-{}", name_of(&job), self.store.name_suffix());
        let template = job
            .pointer("/spec/template")
            .cloned()
            .unwrap_or_else(|| json!({}));
        let containers = template
            .pointer("/spec/containers")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let statuses: Vec<Value> = containers.iter().map(|c| json!({
            "name": c["name"], "image": c["image"], "imageID": "", "ready": true, "started": true,
            "restartCount": 0, "state": {"running": {"startedAt": format_time(at)}},
        })).collect();
        let pod = json!({
            "apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": name, "namespace": ns, "labels": template.pointer("/metadata/labels"),
                         "ownerReferences": [owner_ref("batch/v1", "Job", &job)]},
            "spec": template.get("spec"),
            "status": {"phase": "Running", "startTime": format_time(at), "containerStatuses": statuses},
        });
        self.apply(pod).and_then(decode)
    }

    /// Terminates every container of a Pod; phase `Succeeded` for exit code 0,
    /// `Failed` otherwise.
    pub fn finish_pod(&self, ns: &str, name: &str, end: &PodEnd) -> Result<Pod, KubeApiError> {
        let at = format_time(end.at);
        self.set_container_states(
            ns,
            name,
            if end.exit_code == 0 {
                "Succeeded"
            } else {
                "Failed"
            },
            |started| {
                json!({"terminated": {"exitCode": end.exit_code, "reason": end.reason,
                                  "startedAt": started, "finishedAt": at}})
            },
        )
    }

    /// Puts every container of a Pod into `waiting` (e.g. `ImagePullBackOff`,
    /// `CrashLoopBackOff`); the pod phase becomes `Pending`.
    pub fn set_pod_waiting(
        &self,
        ns: &str,
        name: &str,
        reason: &str,
        message: &str,
    ) -> Result<Pod, KubeApiError> {
        self.set_container_states(
            ns,
            name,
            "Pending",
            |_| json!({"waiting": {"reason": reason, "message": message}}),
        )
    }

    fn set_container_states(
        &self,
        ns: &str,
        name: &str,
        phase: &str,
        state: impl Fn(&Value) -> Value,
    ) -> Result<Pod, KubeApiError> {
        let pod = self
            .get("v1", "Pod", ns, name)?
            .ok_or(KubeApiError::Missing("pod"))?;
        let containers = pod
            .pointer("/spec/containers")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let old = pod
            .pointer("/status/containerStatuses")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let statuses: Vec<Value> = containers.iter().map(|c| {
            let prev = old.iter().find(|s| s["name"] == c["name"]);
            let started = prev.and_then(|s| s.pointer("/state/running/startedAt")).cloned().unwrap_or(Value::Null);
            json!({"name": c["name"], "image": c["image"], "imageID": "", "ready": false, "started": false,
                   "restartCount": prev.map_or(json!(0), |s| s["restartCount"].clone()), "state": state(&started)})
        }).collect();
        self.apply(
            json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": name, "namespace": ns},
            "status": {"phase": phase, "containerStatuses": statuses}}),
        )
        .and_then(decode)
    }

    /// Deletes a Pod (watchers see DELETED).
    pub fn delete_pod(&self, ns: &str, name: &str) -> Result<(), KubeApiError> {
        self.delete("v1", "Pod", ns, name).map(|_| ())
    }
}
