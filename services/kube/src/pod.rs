//! A slim summary of a Job's Pod: phase, node and each container's state (init
//! containers included), enough to say why a run failed and whose log to read.

use jiff::Timestamp;
use k8s_openapi::api::core::v1::{ContainerState, ContainerStatus, Pod};
use serde::{Deserialize, Serialize};

use crate::view::{ObjectKey, time};

/// Label the Job controller puts on its Pods (Kubernetes 1.27 and later).
pub const JOB_NAME_LABEL: &str = "batch.kubernetes.io/job-name";
/// The older label with the same meaning.
const LEGACY_JOB_NAME_LABEL: &str = "job-name";

/// Why a container is not running, or how it ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContainerPhase {
    Waiting {
        #[serde(with = "crate::index::fields::opt_word")]
        reason: Option<String>,
    },
    Running,
    Terminated(Termination),
    Unknown,
}

/// How a container instance ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Termination {
    pub exit_code: i32,
    #[serde(with = "crate::index::fields::opt_word")]
    pub reason: Option<String>,
    #[serde(with = "crate::index::fields::opt_time")]
    pub finished_at: Option<Timestamp>,
}

/// One container's state in a Pod.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContainerSummary {
    pub name: String,
    pub init: bool,
    pub phase: ContainerPhase,
    /// How the previous instance ended, after a restart (`CrashLoopBackOff`).
    pub last_termination: Option<Termination>,
    pub restart_count: i32,
}

/// What the product keeps of a Pod that belongs to a Job.
/// Its serde form is the value of an index entry: namespace, name and Job name live
/// in the entry key, so they are skipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PodSummary {
    #[serde(skip)]
    pub namespace: String,
    #[serde(skip)]
    pub name: String,
    #[serde(with = "crate::index::fields::opt_uid")]
    pub uid: Option<String>,
    /// Name of the owning Job (owner reference, else the Job controller's label).
    #[serde(skip)]
    pub job_name: Option<String>,
    #[serde(with = "crate::index::fields::opt_uid")]
    pub job_uid: Option<String>,
    /// `Pending`, `Running`, `Succeeded`, `Failed`, `Unknown`.
    #[serde(with = "crate::index::fields::opt_word")]
    pub phase: Option<String>,
    /// Pod-level reason, e.g. `Evicted` or `DeadlineExceeded`.
    #[serde(with = "crate::index::fields::opt_word")]
    pub reason: Option<String>,
    pub node: Option<String>,
    #[serde(with = "crate::index::fields::opt_time")]
    pub created_at: Option<Timestamp>,
    #[serde(with = "crate::index::fields::opt_time")]
    pub started_at: Option<Timestamp>,
    /// Init containers first, in status order, then the main containers.
    pub containers: Vec<ContainerSummary>,
}

impl PodSummary {
    /// `None` for a Pod without namespace or name (never sent by a real API server).
    pub fn from_pod(pod: &Pod) -> Option<Self> {
        let meta = &pod.metadata;
        let key = ObjectKey::of(meta)?;
        let owner = meta
            .owner_references
            .as_deref()
            .unwrap_or_default()
            .iter()
            .find(|o| o.kind == "Job" && o.controller == Some(true));
        let labels = meta.labels.as_ref();
        let label_job = labels
            .and_then(|l| {
                l.get(JOB_NAME_LABEL)
                    .or_else(|| l.get(LEGACY_JOB_NAME_LABEL))
            })
            .cloned();
        let status = pod.status.as_ref();
        let init = status
            .and_then(|s| s.init_container_statuses.as_deref())
            .unwrap_or_default();
        let main = status
            .and_then(|s| s.container_statuses.as_deref())
            .unwrap_or_default();
        let containers = init
            .iter()
            .map(|c| summarize(c, true))
            .chain(main.iter().map(|c| summarize(c, false)))
            .collect();
        Some(Self {
            namespace: key.namespace,
            name: key.name,
            uid: meta.uid.clone(),
            job_name: owner.map(|o| o.name.clone()).or(label_job),
            job_uid: owner.map(|o| o.uid.clone()),
            phase: status.and_then(|s| s.phase.clone()),
            reason: status.and_then(|s| s.reason.clone()),
            node: pod.spec.as_ref().and_then(|s| s.node_name.clone()),
            created_at: time(meta.creation_timestamp.as_ref()),
            started_at: time(status.and_then(|s| s.start_time.as_ref())),
            containers,
        })
    }

    pub fn key(&self) -> ObjectKey {
        ObjectKey::new(&self.namespace, &self.name)
    }

    /// The key of the owning Job, when known.
    pub fn job_key(&self) -> Option<ObjectKey> {
        self.job_name
            .as_ref()
            .map(|job| ObjectKey::new(&self.namespace, job))
    }

    /// Whether this Pod belongs to the Job with this key and UID.
    pub fn belongs_to(&self, job: &ObjectKey, job_uid: &str) -> bool {
        match &self.job_uid {
            Some(uid) => uid == job_uid,
            None => self.job_key().as_ref() == Some(job),
        }
    }

    /// Sort key for "which attempt came last": start time, else creation time, then name.
    pub fn recency(&self) -> (Option<Timestamp>, &str) {
        (self.started_at.or(self.created_at), &self.name)
    }
}

fn summarize(status: &ContainerStatus, init: bool) -> ContainerSummary {
    ContainerSummary {
        name: status.name.clone(),
        init,
        phase: phase_of(status.state.as_ref()),
        last_termination: status.last_state.as_ref().and_then(termination_of),
        restart_count: status.restart_count,
    }
}

fn termination_of(state: &ContainerState) -> Option<Termination> {
    state.terminated.as_ref().map(|t| Termination {
        exit_code: t.exit_code,
        reason: t.reason.clone(),
        finished_at: time(t.finished_at.as_ref()),
    })
}

fn phase_of(state: Option<&ContainerState>) -> ContainerPhase {
    let Some(state) = state else {
        return ContainerPhase::Unknown;
    };
    if let Some(done) = termination_of(state) {
        return ContainerPhase::Terminated(done);
    }
    if let Some(waiting) = &state.waiting {
        return ContainerPhase::Waiting {
            reason: waiting.reason.clone(),
        };
    }
    if state.running.is_some() {
        return ContainerPhase::Running;
    }
    ContainerPhase::Unknown
}
