//! What the watch produces and what it feeds the tracker: domain updates for the
//! controller, watch events reduced to views, and the steps the watch task performs.

use guardian_core::{CronJobRecord, CronJobRef, Execution};

use crate::index::Target;
use crate::pod::PodSummary;
use crate::view::JobView;

/// A change the controller records.
#[derive(Debug, Clone, PartialEq)]
pub enum Update {
    /// A CronJob was seen for the first time or its schedule, time zone or suspension changed.
    CronJob(CronJobRecord),
    /// A CronJob left the cluster (deleted, or missing from a relist).
    CronJobDeleted(CronJobRef),
    /// A run was seen or changed; idempotent per `job_uid`.
    Execution(Execution),
}

/// One watch event, reduced to a view and tagged with the stream's scope for relists.
#[derive(Debug, Clone, PartialEq)]
pub enum WatchEvent<V> {
    Apply(V),
    Delete(V),
    Init(Target),
    InitApply(Target, V),
    InitDone(Target),
}

/// Context to fetch for a failed run before it is emitted.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchRequest {
    pub job: JobView,
    /// The Pods known from the watch (live and departed).
    pub pods: Vec<PodSummary>,
}

/// What the watch task must do next.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Emit(Update),
    Fetch(FetchRequest),
}
