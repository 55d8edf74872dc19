//! Which container of which Pod explains a failed run: its exit code, its reason and
//! whose log to read. Waiting reasons (image pulls, crash loops, config errors) and init
//! containers count too, so suggested fixes have something to match.

use crate::pod::{ContainerPhase, ContainerSummary, PodSummary, Termination};

/// Waiting reasons that mean a container cannot start, as opposed to normal start-up.
pub const FAILURE_WAITING_REASONS: &[&str] = &[
    "ImagePullBackOff",
    "ErrImagePull",
    "ErrImageNeverPull",
    "InvalidImageName",
    "CrashLoopBackOff",
    "CreateContainerConfigError",
    "CreateContainerError",
    "RunContainerError",
    "PreStartHookError",
];

/// The failure one container or Pod shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailureSignal {
    pub pod: String,
    /// The container to blame and whose log to read; `None` for a Pod without containers.
    pub container: Option<String>,
    pub exit_code: Option<i32>,
    pub reason: Option<String>,
    /// The container is stuck waiting (image pull, config error, crash loop).
    pub waiting: bool,
    /// The failure is the previous instance's (after a restart): read the previous log.
    pub previous: bool,
}

/// How strongly a signal explains the failure; lower wins within one Pod.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    Terminated,
    Waiting,
    Restarted,
}

fn is_failure_waiting(reason: Option<&str>) -> bool {
    reason.is_some_and(|r| FAILURE_WAITING_REASONS.contains(&r))
}

fn failed_termination(termination: Option<&Termination>) -> Option<&Termination> {
    termination.filter(|t| t.exit_code != 0)
}

fn container_signal(
    pod: &PodSummary,
    container: &ContainerSummary,
) -> Option<(Strength, FailureSignal)> {
    let signal = |exit_code, reason: Option<String>, waiting, previous| FailureSignal {
        pod: pod.name.clone(),
        container: Some(container.name.clone()),
        exit_code,
        reason,
        waiting,
        previous,
    };
    let last = failed_termination(container.last_termination.as_ref());
    match &container.phase {
        ContainerPhase::Terminated(done) if done.exit_code != 0 => {
            let reason = done.reason.clone().unwrap_or_else(|| "Error".to_owned());
            Some((
                Strength::Terminated,
                signal(Some(done.exit_code), Some(reason), false, false),
            ))
        }
        ContainerPhase::Waiting { reason } if is_failure_waiting(reason.as_deref()) => {
            let exit_code = last.map(|t| t.exit_code);
            Some((
                Strength::Waiting,
                signal(exit_code, reason.clone(), true, last.is_some()),
            ))
        }
        _ => last.map(|done| {
            let reason = done.reason.clone().unwrap_or_else(|| "Error".to_owned());
            (
                Strength::Restarted,
                signal(Some(done.exit_code), Some(reason), false, true),
            )
        }),
    }
}

/// A failed Pod whose containers say nothing (evicted, deadline): blame its first main
/// container, taking any exit code it reports.
fn pod_level_signal(pod: &PodSummary) -> Option<FailureSignal> {
    if pod.phase.as_deref() != Some("Failed") {
        return None;
    }
    let main = pod.containers.iter().find(|c| !c.init);
    let exit_code = main.and_then(|c| match &c.phase {
        ContainerPhase::Terminated(done) => Some(done.exit_code),
        _ => None,
    });
    Some(FailureSignal {
        pod: pod.name.clone(),
        container: main.map(|c| c.name.clone()),
        exit_code,
        reason: pod.reason.clone(),
        waiting: false,
        previous: false,
    })
}

/// The strongest failure this Pod shows; init containers win ties, as they block the rest.
pub fn pod_signal(pod: &PodSummary) -> Option<FailureSignal> {
    let mut best: Option<(Strength, FailureSignal)> = None;
    for container in &pod.containers {
        if let Some((strength, signal)) = container_signal(pod, container)
            && best.as_ref().is_none_or(|(current, _)| strength < *current)
        {
            best = Some((strength, signal));
        }
    }
    best.map(|(_, signal)| signal)
        .or_else(|| pod_level_signal(pod))
}

/// The failure of the last attempt that shows one: Pods newest first.
pub fn failing_container(pods: &[PodSummary]) -> Option<FailureSignal> {
    let mut newest_first: Vec<&PodSummary> = pods.iter().collect();
    newest_first.sort_by(|a, b| b.recency().cmp(&a.recency()));
    newest_first.into_iter().find_map(pod_signal)
}

/// The exit code of a successful run: the newest succeeded Pod's main container.
pub fn success_exit_code(pods: &[PodSummary]) -> Option<i32> {
    pods.iter()
        .filter(|p| p.phase.as_deref() == Some("Succeeded"))
        .max_by(|a, b| a.recency().cmp(&b.recency()))
        .and_then(|pod| pod.containers.iter().find(|c| !c.init))
        .and_then(|container| match &container.phase {
            ContainerPhase::Terminated(done) => Some(done.exit_code),
            _ => None,
        })
}

/// Container restarts across the run's Pods (`restartPolicy: OnFailure` retries in place).
pub fn restarts(pods: &[PodSummary]) -> i32 {
    pods.iter()
        .flat_map(|p| p.containers.iter())
        .map(|c| c.restart_count.max(0))
        .sum()
}
