//! A Job made from a CronJob's template, as `kubectl create job --from=cronjob/x`
//! makes it — plus an owner reference, so the run is recorded like any other
//! (the old operator's manual runs carried no owner and were never recorded).

use k8s_openapi::api::batch::v1::{CronJob, Job};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{ObjectMeta, OwnerReference};

/// The annotation the Kubernetes CronJob controller and kubectl use for manual runs.
pub const INSTANTIATE_ANNOTATION: &str = "cronjob.kubernetes.io/instantiate";

/// Kubernetes object names are at most 63 characters when used as labels.
const MAX_NAME: usize = 63;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ManualJobError {
    #[error("cronjob {0} has no job template")]
    NoTemplate(String),
    #[error("cronjob {0} has no uid; it was not read from the cluster")]
    NoUid(String),
}

/// Builds the Job; `suffix` makes the name unique (a time-derived token).
pub fn manual_job(cronjob: &CronJob, suffix: &str) -> Result<Job, ManualJobError> {
    let name = cronjob.metadata.name.clone().unwrap_or_default();
    let uid = cronjob
        .metadata
        .uid
        .clone()
        .ok_or_else(|| ManualJobError::NoUid(name.clone()))?;
    let template = cronjob
        .spec
        .as_ref()
        .map(|spec| &spec.job_template)
        .ok_or_else(|| ManualJobError::NoTemplate(name.clone()))?;
    let template_meta = template.metadata.clone().unwrap_or_default();
    let mut annotations = template_meta.annotations.unwrap_or_default();
    annotations.insert(INSTANTIATE_ANNOTATION.to_owned(), "manual".to_owned());
    let tail = format!("-manual-{suffix}");
    let head: String = name
        .chars()
        .take(MAX_NAME.saturating_sub(tail.len()))
        .collect();
    Ok(Job {
        metadata: ObjectMeta {
            name: Some(format!("{head}{tail}")),
            namespace: cronjob.metadata.namespace.clone(),
            labels: template_meta.labels,
            annotations: Some(annotations),
            owner_references: Some(vec![OwnerReference {
                api_version: "batch/v1".to_owned(),
                kind: "CronJob".to_owned(),
                name,
                uid,
                controller: Some(true),
                block_owner_deletion: Some(true),
            }]),
            ..ObjectMeta::default()
        },
        spec: template.spec.clone(),
        status: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cronjob(name: &str) -> CronJob {
        serde_json::from_value(serde_json::json!({
            "metadata": {"name": name, "namespace": "prod", "uid": "cj-uid"},
            "spec": {
                "schedule": "*/5 * * * *",
                "jobTemplate": {
                    "metadata": {"labels": {"app": "backup"}},
                    "spec": {"backoffLimit": 2, "template": {"spec": {
                        "restartPolicy": "Never",
                        "containers": [{"name": "main", "image": "busybox"}]
                    }}}
                }
            }
        }))
        .expect("valid cronjob")
    }

    #[test]
    fn manual_job_is_owned_annotated_and_copies_the_template() {
        let job = manual_job(&cronjob("backup"), "abc").expect("builds");
        assert_eq!(job.metadata.name.as_deref(), Some("backup-manual-abc"));
        assert_eq!(job.metadata.namespace.as_deref(), Some("prod"));
        let owner = &job.metadata.owner_references.as_ref().expect("owned")[0];
        assert_eq!(
            (owner.kind.as_str(), owner.uid.as_str(), owner.controller),
            ("CronJob", "cj-uid", Some(true))
        );
        let annotations = job.metadata.annotations.as_ref().expect("annotated");
        assert_eq!(
            annotations.get(INSTANTIATE_ANNOTATION).map(String::as_str),
            Some("manual")
        );
        assert_eq!(
            job.metadata
                .labels
                .as_ref()
                .and_then(|labels| labels.get("app"))
                .map(String::as_str),
            Some("backup")
        );
        assert_eq!(
            job.spec.as_ref().and_then(|spec| spec.backoff_limit),
            Some(2)
        );
    }

    #[test]
    fn long_names_are_cut_to_fit_63_characters() {
        let long = "x".repeat(80);
        let job = manual_job(&cronjob(&long), "1234567").expect("builds");
        let name = job.metadata.name.expect("named");
        assert_eq!(name.len(), 63);
        assert!(name.ends_with("-manual-1234567"));
    }

    #[test]
    fn a_cronjob_without_uid_or_template_is_refused() {
        let mut no_uid = cronjob("a");
        no_uid.metadata.uid = None;
        assert_eq!(
            manual_job(&no_uid, "s"),
            Err(ManualJobError::NoUid("a".into()))
        );
        let mut no_spec = cronjob("b");
        no_spec.spec = None;
        assert_eq!(
            manual_job(&no_spec, "s"),
            Err(ManualJobError::NoTemplate("b".into()))
        );
    }
}
