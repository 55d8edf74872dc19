use proptest::prelude::*;

use super::*;

fn context() -> FailureContext {
    FailureContext {
        namespace: "prod".into(),
        name: "backup".into(),
        job_name: "backup-28641240".into(),
        ..FailureContext::default()
    }
}

fn exited(code: i32, reason: &str) -> ContainerState {
    ContainerState {
        name: "main".into(),
        exit_code: Some(code),
        terminated_reason: Some(reason.into()),
        ..ContainerState::default()
    }
}

fn waiting(reason: &str) -> ContainerState {
    ContainerState {
        name: "main".into(),
        waiting_reason: Some(reason.into()),
        ..ContainerState::default()
    }
}

fn builtins() -> FixMatcher {
    FixMatcher::compile(&[]).expect("built-in patterns compile")
}

fn custom(
    name: &str,
    matcher: PatternMatch,
    suggestion: &str,
    priority: Option<i32>,
) -> FixPattern {
    FixPattern {
        name: name.into(),
        matcher,
        suggestion: suggestion.into(),
        priority,
    }
}

fn with_containers(containers: Vec<ContainerState>) -> FailureContext {
    FailureContext {
        containers,
        ..context()
    }
}

fn best(failure: &FailureContext) -> Option<String> {
    builtins().suggest(failure).map(|found| found.pattern)
}

#[test]
fn exit_code_builtins_match_their_codes() {
    let cases = [
        (1, "general-error"),
        (126, "not-executable"),
        (127, "command-not-found"),
        (137, "oom-signal"),
        (143, "sigterm"),
        (42, "app-error-range"),
        (130, "signal-range"),
    ];
    for (code, expected) in cases {
        let failure = FailureContext {
            job_reason: Some("BackoffLimitExceeded".into()),
            ..with_containers(vec![exited(code, "Error")])
        };
        assert_eq!(best(&failure).as_deref(), Some(expected), "exit {code}");
    }
}

#[test]
fn reason_builtins_match_container_pod_and_job_reasons() {
    let crash_looping = ContainerState {
        waiting_reason: Some("CrashLoopBackOff".into()),
        ..exited(1, "Error")
    };
    let cases = [
        (
            "oom-killed",
            with_containers(vec![exited(137, "OOMKilled")]),
        ),
        (
            "image-pull",
            with_containers(vec![waiting("ImagePullBackOff")]),
        ),
        ("image-pull", with_containers(vec![waiting("ErrImagePull")])),
        ("crash-loop", with_containers(vec![crash_looping])),
        (
            "config-error",
            with_containers(vec![waiting("CreateContainerConfigError")]),
        ),
        (
            "evicted",
            FailureContext {
                pod_reason: Some("Evicted".into()),
                ..context()
            },
        ),
        (
            "deadline-exceeded",
            FailureContext {
                job_reason: Some("DeadlineExceeded".into()),
                ..context()
            },
        ),
        (
            "backoff-limit",
            FailureContext {
                job_reason: Some("BackoffLimitExceeded".into()),
                ..context()
            },
        ),
    ];
    for (expected, failure) in cases {
        assert_eq!(best(&failure).as_deref(), Some(expected), "{failure:?}");
    }
}

#[test]
fn log_and_event_builtins_beat_generic_exit_codes() {
    let denied = FailureContext {
        log_tail: Some("open /data/out.csv: Permission denied".into()),
        ..with_containers(vec![exited(1, "Error")])
    };
    assert_eq!(best(&denied).as_deref(), Some("permission-denied"));
    let refused = FailureContext {
        log_tail: Some("dial tcp 10.0.0.1:5432: connect: connection refused".into()),
        ..with_containers(vec![exited(2, "Error")])
    };
    assert_eq!(best(&refused).as_deref(), Some("connection-refused"));
    let unschedulable = FailureContext {
        events: vec!["FailedScheduling: 0/3 nodes are available".into()],
        ..context()
    };
    assert_eq!(best(&unschedulable).as_deref(), Some("scheduling-failed"));
}

#[test]
fn waiting_reasons_beat_the_job_reason_every_failed_job_carries() {
    // The Go operator saw only terminated containers, so image-pull failures never matched.
    let failure = FailureContext {
        containers: vec![waiting("ImagePullBackOff")],
        job_reason: Some("DeadlineExceeded".into()),
        ..context()
    };
    let suggestion = builtins().suggest(&failure).expect("matches");
    assert_eq!(suggestion.pattern, "image-pull");
    assert!(
        suggestion.text.contains("(ImagePullBackOff)"),
        "{}",
        suggestion.text
    );
}

#[test]
fn every_container_is_considered_and_the_matching_one_fills_the_template() {
    let sidecar = ContainerState {
        name: "proxy".into(),
        ..exited(0, "Completed")
    };
    let init = ContainerState {
        name: "migrate".into(),
        init: true,
        ..exited(137, "Error")
    };
    let failure = FailureContext {
        containers: vec![sidecar, init],
        ..context()
    };
    let suggestion = builtins().suggest(&failure).expect("matches");
    assert_eq!(suggestion.pattern, "oom-signal");
    assert!(
        suggestion
            .text
            .ends_with("kubectl describe pod -n prod -l job-name=backup-28641240"),
        "{}",
        suggestion.text
    );
}

#[test]
fn exit_code_and_reason_must_hold_for_the_same_container() {
    let both = PatternMatch {
        exit_code: Some(2),
        reason: Some("error".into()),
        ..PatternMatch::default()
    };
    let matcher = FixMatcher::compile(&[custom(
        "two-error",
        both,
        "exit {{.ExitCode}} {{ .Reason }}",
        Some(500),
    )])
    .expect("valid");
    let split = FailureContext {
        containers: vec![exited(1, "Error"), exited(2, "OOMKilled")],
        ..context()
    };
    assert_ne!(
        matcher.suggest(&split).map(|found| found.pattern),
        Some("two-error".to_owned())
    );
    let together = FailureContext {
        containers: vec![exited(2, "Error")],
        ..context()
    };
    assert_eq!(
        matcher.suggest(&together),
        Some(Suggestion {
            pattern: "two-error".into(),
            text: "exit 2 Error".into()
        })
    );
}

#[test]
fn custom_patterns_rank_by_priority_and_replace_builtins_by_name() {
    let db = PatternMatch {
        log_pattern: Some("(?i)too many connections".into()),
        ..PatternMatch::default()
    };
    let patterns = [
        custom(
            "db-pool",
            db,
            "{{.Namespace}}/{{.Name}}: raise the pool limit (job {{.JobName}})",
            Some(96),
        ),
        custom(
            "oom-killed",
            PatternMatch {
                reason: Some("OOMKilled".into()),
                ..PatternMatch::default()
            },
            "ask the platform team",
            Some(1),
        ),
    ];
    let matcher = FixMatcher::compile(&patterns).expect("valid");
    let pool = FailureContext {
        containers: vec![exited(137, "Error")],
        log_tail: Some("FATAL: Too many connections".into()),
        ..context()
    };
    assert_eq!(
        matcher.suggest_text(&pool),
        "prod/backup: raise the pool limit (job backup-28641240)"
    );
    let oom = FailureContext {
        containers: vec![exited(137, "OOMKilled")],
        ..context()
    };
    assert_eq!(
        matcher.suggest(&oom).map(|found| found.pattern),
        Some("oom-signal".to_owned()),
        "the replaced built-in is gone"
    );
}

#[test]
fn an_unknown_exit_code_renders_as_unknown_and_nothing_matching_falls_back() {
    let events_only = PatternMatch {
        event_pattern: Some("Quota".into()),
        ..PatternMatch::default()
    };
    let matcher = FixMatcher::compile(&[custom("quota", events_only, "exit {{.ExitCode}}", None)])
        .expect("valid");
    let failure = FailureContext {
        events: vec!["FailedCreate: exceeded Quota".into()],
        ..context()
    };
    assert_eq!(matcher.suggest_text(&failure), "exit unknown");
    assert_eq!(matcher.suggest_text(&context()), FALLBACK_SUGGESTION);
}

#[test]
fn every_bad_custom_pattern_is_reported() {
    let errors = FixMatcher::compile(&[
        custom(
            "bad-regex",
            PatternMatch {
                log_pattern: Some("([".into()),
                ..PatternMatch::default()
            },
            "x",
            None,
        ),
        custom("empty", PatternMatch::default(), "x", None),
        custom(
            "range",
            PatternMatch {
                exit_code_range: Some(ExitCodeRange { min: 9, max: 3 }),
                ..PatternMatch::default()
            },
            "x",
            None,
        ),
        custom("typo", exit_only(3), "see {{.Namespce}}", None),
        custom("open", exit_only(4), "see {{.Name", None),
        custom("fine", exit_only(5), "ok", None),
    ])
    .expect_err("five patterns are bad");
    assert_eq!(errors.len(), 5);
    assert!(
        matches!(&errors[0], PatternError::Regex { pattern, field: "logPattern", .. } if pattern == "bad-regex")
    );
    assert!(matches!(&errors[1], PatternError::NoCriteria { pattern } if pattern == "empty"));
    assert!(matches!(
        &errors[2],
        PatternError::EmptyRange { min: 9, max: 3, .. }
    ));
    assert!(
        matches!(&errors[3], PatternError::UnknownPlaceholder { placeholder, .. } if placeholder == ".Namespce")
    );
    assert!(matches!(
        &errors[4],
        PatternError::UnclosedPlaceholder { .. }
    ));
}

#[test]
fn a_recorded_execution_alone_is_enough_to_suggest() {
    let execution = crate::model::Execution {
        job_uid: "uid-1".into(),
        job_name: "backup-1".into(),
        cronjob: crate::model::CronJobRef::new("prod", "backup"),
        cronjob_uid: None,
        started_at: jiff::Timestamp::UNIX_EPOCH,
        completed_at: None,
        outcome: crate::model::Outcome::Failed,
        exit_code: Some(127),
        reason: Some("Error".into()),
        logs: Some("sh: backup.sh: not found".into()),
        events: vec!["BackoffLimitExceeded: Job has reached the specified backoff limit".into()],
        retries: 6,
        manual: false,
    };
    let failure = FailureContext::from_execution(&execution);
    assert_eq!(
        (failure.namespace.as_str(), failure.job_name.as_str()),
        ("prod", "backup-1")
    );
    assert_eq!(
        builtins().suggest(&failure).map(|found| found.pattern),
        Some("command-not-found".to_owned())
    );
}

fn exit_only(code: i32) -> PatternMatch {
    PatternMatch {
        exit_code: Some(code),
        ..PatternMatch::default()
    }
}

fn container_strategy() -> impl Strategy<Value = ContainerState> {
    (
        prop::option::of(-1i32..300),
        prop::option::of("[A-Za-z]{0,12}"),
        prop::option::of("[A-Za-z]{0,12}"),
        any::<bool>(),
    )
        .prop_map(
            |(exit_code, terminated_reason, waiting_reason, init)| ContainerState {
                name: "c".into(),
                init,
                exit_code,
                terminated_reason,
                waiting_reason,
            },
        )
}

proptest! {
    #[test]
    fn a_higher_priority_custom_exit_code_pattern_always_wins(containers in prop::collection::vec(container_strategy(), 0..4), code in 0i32..256, log in "\\PC{0,40}") {
        let pattern = custom("mine", PatternMatch { exit_code: Some(code), ..PatternMatch::default() }, "mine {{.ExitCode}}", Some(1000));
        let matcher = FixMatcher::compile(&[pattern]).expect("valid");
        let failure = FailureContext { containers: containers.clone(), log_tail: Some(log), ..context() };
        let has_code = containers.iter().any(|container| container.exit_code == Some(code));
        let suggestion = matcher.suggest(&failure);
        prop_assert_eq!(suggestion.as_ref().is_some_and(|found| found.pattern == "mine"), has_code);
        if has_code {
            prop_assert_eq!(suggestion.map(|found| found.text), Some(std::format!("mine {code}")));
        }
    }
}
