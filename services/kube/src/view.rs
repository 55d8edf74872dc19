//! Slim views of CronJobs and Jobs: only the fields the product needs, copied out of the
//! full API objects as they arrive, so the caches stay small (no managedFields, no pod
//! templates, no annotations beyond the few we read).

use std::collections::BTreeMap;
use std::fmt;

use guardian_core::{CronJobRecord, CronJobRef};
use jiff::Timestamp;
use k8s_openapi::api::batch::v1::{CronJob, Job};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{ObjectMeta, OwnerReference, Time};
use serde::{Deserialize, Serialize};

/// Label or annotation `kubectl create job --from=cronjob/x` sets on a Job made by hand.
pub const MANUAL_KEY: &str = "cronjob.kubernetes.io/instantiate";
/// The value of [`MANUAL_KEY`] on a Job made by hand.
pub const MANUAL_VALUE: &str = "manual";
/// Label or annotation naming the CronJob of a hand-made Job that carries no owner
/// reference (set by our trigger; read as a fallback only).
pub const CRONJOB_NAME_KEY: &str = "guardian.illenium.net/cronjob";

/// Any namespaced object by namespace and name; the key of every index.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjectKey {
    pub namespace: String,
    pub name: String,
}

impl ObjectKey {
    pub fn new(namespace: impl Into<String>, name: impl Into<String>) -> Self {
        Self {
            namespace: namespace.into(),
            name: name.into(),
        }
    }

    /// The key of an object's metadata, if it has both namespace and name.
    pub fn of(meta: &ObjectMeta) -> Option<Self> {
        Some(Self::new(meta.namespace.clone()?, meta.name.clone()?))
    }
}

impl fmt::Display for ObjectKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.namespace, self.name)
    }
}

pub(crate) fn time(value: Option<&Time>) -> Option<Timestamp> {
    value.map(|t| t.0)
}

/// What the product keeps of a CronJob.
/// Its serde form is the value of an index entry: namespace and name live in the
/// entry key, so they are skipped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CronJobView {
    #[serde(with = "crate::index::fields::uid")]
    pub uid: String,
    #[serde(skip)]
    pub namespace: String,
    #[serde(skip)]
    pub name: String,
    pub labels: BTreeMap<String, String>,
    pub schedule: String,
    pub time_zone: Option<String>,
    pub suspend: bool,
    #[serde(with = "crate::index::fields::opt_time")]
    pub last_schedule_time: Option<Timestamp>,
    #[serde(with = "crate::index::fields::opt_time")]
    pub last_successful_time: Option<Timestamp>,
    /// Names of the Jobs the CronJob reports as running.
    pub active_jobs: Vec<String>,
    pub generation: Option<i64>,
}

impl CronJobView {
    /// `None` for an object without namespace, name or UID (never sent by a real API server).
    pub fn from_cronjob(cronjob: &CronJob) -> Option<Self> {
        let key = ObjectKey::of(&cronjob.metadata)?;
        let uid = cronjob.metadata.uid.clone()?;
        let spec = cronjob.spec.as_ref();
        let status = cronjob.status.as_ref();
        let active_jobs = status
            .and_then(|s| s.active.as_ref())
            .map(|refs| refs.iter().filter_map(|r| r.name.clone()).collect())
            .unwrap_or_default();
        Some(Self {
            uid,
            namespace: key.namespace,
            name: key.name,
            labels: cronjob.metadata.labels.clone().unwrap_or_default(),
            schedule: spec.map(|s| s.schedule.clone()).unwrap_or_default(),
            time_zone: spec.and_then(|s| s.time_zone.clone()),
            suspend: spec.and_then(|s| s.suspend).unwrap_or(false),
            last_schedule_time: time(status.and_then(|s| s.last_schedule_time.as_ref())),
            last_successful_time: time(status.and_then(|s| s.last_successful_time.as_ref())),
            active_jobs,
            generation: cronjob.metadata.generation,
        })
    }

    pub fn key(&self) -> ObjectKey {
        ObjectKey::new(&self.namespace, &self.name)
    }

    pub fn cronjob_ref(&self) -> CronJobRef {
        CronJobRef::new(&self.namespace, &self.name)
    }

    /// The store record for this CronJob as seen at `now`.
    pub fn to_record(&self, now: Timestamp) -> CronJobRecord {
        CronJobRecord {
            cronjob: self.cronjob_ref(),
            uid: self.uid.clone(),
            schedule: self.schedule.clone(),
            time_zone: self.time_zone.clone(),
            suspended: self.suspend,
            first_seen_at: now,
            last_seen_at: now,
            deleted_at: None,
        }
    }

    /// Whether the fields that make up a [`CronJobRecord`] are the same; status-only
    /// changes (a new schedule time every run) do not produce a new record.
    pub fn same_record(&self, other: &Self) -> bool {
        self.uid == other.uid
            && self.schedule == other.schedule
            && self.time_zone == other.time_zone
            && self.suspend == other.suspend
    }
}

/// A Job condition whose status is `True` (the others decide nothing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobConditionView {
    /// `Complete`, `Failed`, `SuccessCriteriaMet`, `FailureTarget`, `Suspended`.
    #[serde(with = "crate::index::fields::word")]
    pub kind: String,
    #[serde(with = "crate::index::fields::opt_word")]
    pub reason: Option<String>,
    #[serde(with = "crate::index::fields::opt_time")]
    pub transitioned_at: Option<Timestamp>,
}

/// What the product keeps of a Job that is a run of a CronJob.
/// Its serde form is the value of an index entry: namespace and name live in the
/// entry key, so they are skipped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobView {
    #[serde(with = "crate::index::fields::uid")]
    pub uid: String,
    #[serde(skip)]
    pub namespace: String,
    #[serde(skip)]
    pub name: String,
    /// Name of the CronJob this Job is a run of.
    pub cronjob: String,
    #[serde(with = "crate::index::fields::opt_uid")]
    pub cronjob_uid: Option<String>,
    /// Created by hand from the CronJob rather than by its schedule.
    pub manual: bool,
    #[serde(with = "crate::index::fields::time")]
    pub created_at: Timestamp,
    #[serde(with = "crate::index::fields::opt_time")]
    pub started_at: Option<Timestamp>,
    #[serde(with = "crate::index::fields::opt_time")]
    pub completion_time: Option<Timestamp>,
    pub conditions: Vec<JobConditionView>,
    pub active: i32,
    pub succeeded: i32,
    pub failed: i32,
}

impl JobView {
    /// `None` unless the Job is a run of a CronJob: controlled by one, or made by hand
    /// from one (`kubectl create job --from=cronjob/x`).
    pub fn from_job(job: &Job) -> Option<Self> {
        let meta = &job.metadata;
        let key = ObjectKey::of(meta)?;
        let owner = cronjob_owner(meta)?;
        let status = job.status.as_ref();
        let conditions = status
            .and_then(|s| s.conditions.as_ref())
            .map(|all| {
                all.iter()
                    .filter(|c| c.status == "True")
                    .map(|c| JobConditionView {
                        kind: c.type_.clone(),
                        reason: c.reason.clone(),
                        transitioned_at: time(c.last_transition_time.as_ref()),
                    })
                    .collect()
            })
            .unwrap_or_default();
        Some(Self {
            uid: meta.uid.clone()?,
            namespace: key.namespace,
            name: key.name,
            cronjob: owner.name,
            cronjob_uid: owner.uid,
            manual: owner.manual,
            created_at: time(meta.creation_timestamp.as_ref())?,
            started_at: time(status.and_then(|s| s.start_time.as_ref())),
            completion_time: time(status.and_then(|s| s.completion_time.as_ref())),
            conditions,
            active: status.and_then(|s| s.active).unwrap_or(0),
            succeeded: status.and_then(|s| s.succeeded).unwrap_or(0),
            failed: status.and_then(|s| s.failed).unwrap_or(0),
        })
    }

    pub fn key(&self) -> ObjectKey {
        ObjectKey::new(&self.namespace, &self.name)
    }

    pub fn cronjob_ref(&self) -> CronJobRef {
        CronJobRef::new(&self.namespace, &self.cronjob)
    }

    /// The first `True` condition of this kind.
    pub fn condition(&self, kind: &str) -> Option<&JobConditionView> {
        self.conditions.iter().find(|c| c.kind == kind)
    }
}

struct CronJobOwner {
    name: String,
    uid: Option<String>,
    manual: bool,
}

fn marker<'a>(meta: &'a ObjectMeta, key: &str) -> Option<&'a str> {
    let annotation = meta.annotations.as_ref().and_then(|a| a.get(key));
    let label = meta.labels.as_ref().and_then(|l| l.get(key));
    annotation.or(label).map(String::as_str)
}

fn is_cronjob(owner: &OwnerReference) -> bool {
    owner.kind == "CronJob" && owner.api_version.starts_with("batch/")
}

fn cronjob_owner(meta: &ObjectMeta) -> Option<CronJobOwner> {
    let manual = marker(meta, MANUAL_KEY) == Some(MANUAL_VALUE);
    let owners = meta.owner_references.as_deref().unwrap_or_default();
    let controller = owners
        .iter()
        .find(|o| is_cronjob(o) && o.controller == Some(true));
    if let Some(owner) = controller {
        return Some(CronJobOwner {
            name: owner.name.clone(),
            uid: Some(owner.uid.clone()),
            manual,
        });
    }
    if !manual {
        return None;
    }
    // Made by hand: accept a non-controller owner reference or our name marker.
    if let Some(owner) = owners.iter().find(|o| is_cronjob(o)) {
        return Some(CronJobOwner {
            name: owner.name.clone(),
            uid: Some(owner.uid.clone()),
            manual,
        });
    }
    let name = marker(meta, CRONJOB_NAME_KEY)?.to_owned();
    Some(CronJobOwner {
        name,
        uid: None,
        manual,
    })
}
