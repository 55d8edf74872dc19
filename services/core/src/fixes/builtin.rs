//! Built-in suggested fixes. Names follow the Go operator, so a custom pattern with the same
//! name still replaces the built-in. Specific causes rank above generic ones: a container's
//! own reason or exit code beats the log and event hints, which beat the exit-code ranges.
//! `BackoffLimitExceeded` ranks last (the Go operator put it above the ranges): almost every
//! failed Job carries it, so it would hide what the containers say.

use super::{ExitCodeRange, FixPattern, PatternMatch};

struct Builtin {
    name: &'static str,
    priority: i32,
    matcher: fn() -> PatternMatch,
    suggestion: &'static str,
}

fn reason(value: &str) -> PatternMatch {
    PatternMatch {
        reason: Some(value.to_owned()),
        ..PatternMatch::default()
    }
}

fn exit_code(value: i32) -> PatternMatch {
    PatternMatch {
        exit_code: Some(value),
        ..PatternMatch::default()
    }
}

const BUILTINS: &[Builtin] = &[
    Builtin {
        name: "oom-killed",
        priority: 100,
        matcher: || reason("OOMKilled"),
        suggestion: "Container ran out of memory (OOMKilled). Raise resources.limits.memory in the CronJob's job template or reduce the job's memory use.",
    },
    Builtin {
        name: "oom-signal",
        priority: 95,
        matcher: || exit_code(137),
        suggestion: "Container was killed by SIGKILL (exit 137), usually the out-of-memory killer. Inspect it with: kubectl describe pod -n {{.Namespace}} -l job-name={{.JobName}}",
    },
    Builtin {
        name: "image-pull",
        priority: 90,
        matcher: || PatternMatch {
            reason_pattern: Some("^(ImagePullBackOff|ErrImagePull|InvalidImageName)$".to_owned()),
            ..PatternMatch::default()
        },
        suggestion: "The image could not be pulled ({{.Reason}}). Check the image name and tag, and the registry credentials (imagePullSecrets).",
    },
    Builtin {
        name: "config-error",
        priority: 88,
        matcher: || reason("CreateContainerConfigError"),
        suggestion: "The container could not be configured. Check that every Secret and ConfigMap it references exists with the expected keys.",
    },
    Builtin {
        name: "crash-loop",
        priority: 85,
        matcher: || reason("CrashLoopBackOff"),
        suggestion: "The container keeps crashing right after start. Check the logs of the previous attempt: kubectl logs -n {{.Namespace}} job/{{.JobName}} --previous",
    },
    Builtin {
        name: "command-not-found",
        priority: 84,
        matcher: || exit_code(127),
        suggestion: "Command not found (exit 127). Check the container's command and args, and that the program exists in the image.",
    },
    Builtin {
        name: "not-executable",
        priority: 83,
        matcher: || exit_code(126),
        suggestion: "The command exists but cannot be executed (exit 126). Check its file permissions (executable bit) and the entrypoint's interpreter.",
    },
    Builtin {
        name: "sigterm",
        priority: 80,
        matcher: || exit_code(143),
        suggestion: "The container received SIGTERM (exit 143): the Job may have exceeded activeDeadlineSeconds, or the pod was evicted or preempted.",
    },
    Builtin {
        name: "deadline-exceeded",
        priority: 75,
        matcher: || reason("DeadlineExceeded"),
        suggestion: "The Job ran longer than activeDeadlineSeconds. Raise the deadline or make the job faster.",
    },
    Builtin {
        name: "evicted",
        priority: 70,
        matcher: || reason("Evicted"),
        suggestion: "The pod was evicted from its node. Check the node's resource pressure and consider resource requests or a priority class.",
    },
    Builtin {
        name: "permission-denied",
        priority: 60,
        matcher: || PatternMatch {
            log_pattern: Some("(?i)permission denied".to_owned()),
            ..PatternMatch::default()
        },
        suggestion: "The job hit \"permission denied\". Check the pod's securityContext (runAsUser, fsGroup), volume permissions and the service account's RBAC.",
    },
    Builtin {
        name: "connection-refused",
        priority: 58,
        matcher: || PatternMatch {
            log_pattern: Some("(?i)connection refused".to_owned()),
            ..PatternMatch::default()
        },
        suggestion: "A connection was refused. Check that the service the job calls is up, its host and port, and any NetworkPolicy in namespace {{.Namespace}}.",
    },
    Builtin {
        name: "scheduling-failed",
        priority: 55,
        matcher: || PatternMatch {
            event_pattern: Some("FailedScheduling".to_owned()),
            ..PatternMatch::default()
        },
        suggestion: "The pod could not be scheduled. Check node capacity, taints and tolerations, and affinity rules.",
    },
    Builtin {
        name: "general-error",
        priority: 40,
        matcher: || exit_code(1),
        suggestion: "The application exited with an error (exit 1). Check its logs: kubectl logs -n {{.Namespace}} job/{{.JobName}} --tail=100",
    },
    Builtin {
        name: "app-error-range",
        priority: 10,
        matcher: || PatternMatch {
            exit_code_range: Some(ExitCodeRange { min: 1, max: 125 }),
            ..PatternMatch::default()
        },
        suggestion: "The application exited with code {{.ExitCode}}. Check its logs: kubectl logs -n {{.Namespace}} job/{{.JobName}} --tail=100",
    },
    Builtin {
        name: "signal-range",
        priority: 5,
        matcher: || PatternMatch {
            exit_code_range: Some(ExitCodeRange { min: 128, max: 255 }),
            ..PatternMatch::default()
        },
        suggestion: "The container was terminated by a signal (exit {{.ExitCode}}; the signal number is the code minus 128). Check resource limits and what stopped it.",
    },
    Builtin {
        name: "backoff-limit",
        priority: 3,
        matcher: || reason("BackoffLimitExceeded"),
        suggestion: "The Job failed more often than its backoffLimit allows. The logs of the failed attempts show the root cause.",
    },
];

/// The built-in patterns, highest priority first.
pub(super) fn patterns() -> Vec<FixPattern> {
    BUILTINS
        .iter()
        .map(|builtin| FixPattern {
            name: builtin.name.to_owned(),
            matcher: (builtin.matcher)(),
            suggestion: builtin.suggestion.to_owned(),
            priority: Some(builtin.priority),
        })
        .collect()
}
