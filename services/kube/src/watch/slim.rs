//! CronJobs and Jobs decoded from watch events with only the fields the views
//! read. A Job or CronJob carries its whole Pod template (containers, env,
//! volumes, resources); building it into `k8s_openapi` structs was the largest
//! part of the controller's CPU per execution, and the views drop it at once.
//! Unread fields are skipped by the JSON parser without being built.
//!
//! The wrappers hold the real `k8s_openapi` types (with the skipped parts
//! empty), so the views are built by the same functions as before.

use k8s_openapi::NamespaceResourceScope;
use k8s_openapi::api::batch::v1::{CronJob, CronJobSpec, CronJobStatus, Job, JobStatus};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use serde::Deserialize;

/// A Job with its metadata and status; the spec (the Pod template) is skipped.
#[derive(Debug, Clone, Deserialize)]
#[serde(from = "JobFields")]
pub struct SlimJob(pub Job);

#[derive(Deserialize)]
struct JobFields {
    #[serde(default)]
    metadata: ObjectMeta,
    #[serde(default)]
    status: Option<JobStatus>,
}

impl From<JobFields> for SlimJob {
    fn from(fields: JobFields) -> Self {
        SlimJob(Job {
            metadata: fields.metadata,
            spec: None,
            status: fields.status,
        })
    }
}

/// A CronJob with its metadata, status and the scheduling part of its spec;
/// the Job template is skipped.
#[derive(Debug, Clone, Deserialize)]
#[serde(from = "CronJobFields")]
pub struct SlimCronJob(pub CronJob);

#[derive(Deserialize)]
struct CronJobFields {
    #[serde(default)]
    metadata: ObjectMeta,
    #[serde(default)]
    spec: Option<ScheduleFields>,
    #[serde(default)]
    status: Option<CronJobStatus>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ScheduleFields {
    #[serde(default)]
    schedule: String,
    #[serde(default)]
    time_zone: Option<String>,
    #[serde(default)]
    suspend: Option<bool>,
}

impl From<CronJobFields> for SlimCronJob {
    fn from(fields: CronJobFields) -> Self {
        let spec = fields.spec.map(|spec| CronJobSpec {
            schedule: spec.schedule,
            time_zone: spec.time_zone,
            suspend: spec.suspend,
            ..CronJobSpec::default()
        });
        SlimCronJob(CronJob {
            metadata: fields.metadata,
            spec,
            status: fields.status,
        })
    }
}

/// Same kind, group and path as the full type, so `Api` and the watcher
/// address the same resource.
macro_rules! same_resource_as {
    ($slim:ty, $full:ty) => {
        impl k8s_openapi::Resource for $slim {
            const API_VERSION: &'static str = <$full as k8s_openapi::Resource>::API_VERSION;
            const GROUP: &'static str = <$full as k8s_openapi::Resource>::GROUP;
            const KIND: &'static str = <$full as k8s_openapi::Resource>::KIND;
            const VERSION: &'static str = <$full as k8s_openapi::Resource>::VERSION;
            const URL_PATH_SEGMENT: &'static str =
                <$full as k8s_openapi::Resource>::URL_PATH_SEGMENT;
            type Scope = NamespaceResourceScope;
        }

        impl k8s_openapi::Metadata for $slim {
            type Ty = ObjectMeta;
            fn metadata(&self) -> &ObjectMeta {
                &self.0.metadata
            }
            fn metadata_mut(&mut self) -> &mut ObjectMeta {
                &mut self.0.metadata
            }
        }
    };
}

same_resource_as!(SlimJob, Job);
same_resource_as!(SlimCronJob, CronJob);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{complete_status, cronjob, cronjob_json, from, job, job_json};
    use crate::view::{CronJobView, JobView};

    #[test]
    fn a_slim_job_gives_the_same_view_as_the_full_job() {
        let full = job("backup-1", "uid-1", complete_status(0));
        let slim: SlimJob = from(job_json("backup-1", "uid-1", complete_status(0)));
        assert!(full.spec.is_some(), "the fixture has a spec to skip");
        assert!(slim.0.spec.is_none());
        assert!(JobView::from_job(&full).is_some());
        assert_eq!(JobView::from_job(&slim.0), JobView::from_job(&full));
    }

    #[test]
    fn a_slim_cronjob_keeps_the_schedule_and_drops_the_job_template() {
        let full = cronjob("backup", "cj-uid", "0 2 * * *");
        let slim: SlimCronJob = from(cronjob_json("backup", "cj-uid", "0 2 * * *"));
        let spec = slim
            .0
            .spec
            .as_ref()
            .expect("the spec's schedule part is kept");
        assert_eq!(spec.job_template, Default::default());
        let view = CronJobView::from_cronjob(&slim.0).expect("complete metadata");
        assert_eq!(Some(view.clone()), CronJobView::from_cronjob(&full));
        assert_eq!(view.time_zone.as_deref(), Some("Europe/Paris"));
        assert_eq!(view.active_jobs.len(), 1);
    }

    #[test]
    fn watch_events_decode_into_slim_objects() {
        let object = job_json("backup-1", "uid-1", complete_status(0));
        let line = format!("{{\"type\":\"MODIFIED\",\"object\":{object}}}");
        let event: kube::core::WatchEvent<SlimJob> =
            serde_json::from_str(&line).expect("a watch line decodes");
        let kube::core::WatchEvent::Modified(slim) = event else {
            panic!("expected MODIFIED, got {event:?}");
        };
        assert_eq!(slim.0.metadata.uid.as_deref(), Some("uid-1"));
    }
}
