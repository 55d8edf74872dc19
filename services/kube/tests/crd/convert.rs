//! Specs convert into the core's settings, absent blocks mean documented defaults, and every
//! invalid value comes back as a typed error with a condition reason.

use std::collections::BTreeMap;

use guardian_core::Severity;
use guardian_core::alerting::{kinds, rate_limit::RateLimit};
use guardian_core::deadman::{DeadManConfig, SuspendedHandling};
use guardian_core::duration::DurationError;
use guardian_core::fixes::{ContainerState, FailureContext};
use guardian_core::selector::{Candidate, SelectorError};
use guardian_kube::crd::convert::{ChannelTarget, channel_policy, monitor_policy};
use guardian_kube::crd::{
    AlertChannel, AlertChannelSpec, AlertContext, ChannelType, ConvertError, CronJobMonitor,
    CronJobMonitorSpec, DeletionPolicy,
};
use jiff::{SignedDuration, Timestamp};

use crate::support::{documents, example, yaml};

fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
        .collect()
}

fn at(text: &str) -> Timestamp {
    text.parse().expect("test timestamp")
}

#[test]
fn the_full_example_converts_into_core_settings() {
    let monitor: CronJobMonitor = example("monitor-full.yaml", 0);
    let policy = monitor_policy(&monitor.spec, "payments").expect("valid spec");

    let job_labels = labels(&[("tier", "critical"), ("team", "billing")]);
    let namespace_labels = labels(&[("environment", "production"), ("region", "eu")]);
    let candidate = |name| Candidate {
        namespace: "billing",
        name,
        labels: &job_labels,
        namespace_labels: &namespace_labels,
    };
    assert!(policy.selector.matches(&candidate("invoice-export")));
    assert!(
        !policy.selector.matches(&candidate("unlisted")),
        "matchNames applies"
    );

    assert_eq!(
        policy.dead_man.max_time_since_last_success,
        Some(SignedDuration::from_hours(25))
    );
    let auto = policy
        .dead_man
        .auto_from_schedule
        .expect("autoFromSchedule");
    assert_eq!(
        (auto.buffer, auto.missed_schedule_threshold),
        (SignedDuration::from_mins(30), 2)
    );
    assert!(!policy.suspended.pause_monitoring);
    assert_eq!(
        policy.suspended.alert_if_suspended_for,
        Some(SignedDuration::from_hours(48))
    );
    assert_eq!(policy.dead_man_policy(None).dead_man, policy.dead_man);

    assert_eq!(policy.sla.policy.min_success_rate, 99.5);
    assert_eq!(
        policy.sla.policy.max_duration,
        Some(SignedDuration::from_mins(90))
    );
    assert_eq!(
        (
            policy.sla.window_days,
            policy.sla.regression.threshold_percent,
            policy.sla.regression.baseline_days
        ),
        (14, 40, 21)
    );

    // Sunday 02:30 in Berlin (01:30 UTC) is inside weekly-patching; 07:00 is not.
    assert!(policy.maintenance.is_suppressed(at("2026-03-01T01:30:00Z")));
    assert!(!policy.maintenance.is_suppressed(at("2026-03-01T06:00:00Z")));

    let alerting = &policy.alerting;
    assert_eq!(alerting.timing.alert_delay, SignedDuration::from_mins(5));
    assert_eq!(
        alerting.timing.suppress_duplicates_for,
        SignedDuration::from_hours(2)
    );
    assert_eq!(
        alerting.severity_for(kinds::JOB_FAILED, Severity::Warning),
        Severity::Critical
    );
    assert_eq!(
        alerting.severity_for(kinds::MISSED_SCHEDULE, Severity::Critical),
        Severity::Warning
    );
    assert_eq!(
        alerting.severity_for(kinds::STUCK_JOB, Severity::Info),
        Severity::Info
    );
    let info_channels: Vec<&str> = alerting
        .channels_for(Severity::Info)
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(
        info_channels,
        ["email-finance"],
        "a ref without severities takes all"
    );

    let failure = FailureContext {
        namespace: "payments".into(),
        name: "ledger-close".into(),
        job_name: "ledger-close-1".into(),
        containers: vec![ContainerState {
            name: "worker".into(),
            exit_code: Some(75),
            ..Default::default()
        }],
        log_tail: Some("ERROR lock wait timeout exceeded; try restarting transaction".into()),
        ..Default::default()
    };
    let suggestion = alerting
        .fixes
        .suggest(&failure)
        .expect("custom pattern matches");
    assert_eq!(suggestion.pattern, "ledger-lock-timeout");
    assert_eq!(
        suggestion.text,
        "Another job holds the ledger lock; look for overlapping runs of payments/ledger-close."
    );
    assert_eq!(
        policy.retention.on_cron_job_deletion,
        Some(DeletionPolicy::PurgeAfterDays)
    );
}

#[test]
fn an_empty_spec_means_every_documented_default() {
    let policy = monitor_policy(&CronJobMonitorSpec::default(), "team-a").expect("valid spec");
    let no_labels = BTreeMap::new();
    let own = Candidate {
        namespace: "team-a",
        name: "any",
        labels: &no_labels,
        namespace_labels: &no_labels,
    };
    let other = Candidate {
        namespace: "team-b",
        ..own
    };
    assert!(policy.selector.matches(&own) && !policy.selector.matches(&other));
    assert_eq!(policy.dead_man, DeadManConfig::default());
    assert_eq!(policy.suspended, SuspendedHandling::default());
    assert!(policy.sla.enabled);
    assert_eq!(
        (policy.sla.policy.min_success_rate, policy.sla.window_days),
        (95.0, 7)
    );
    // Context defaults hold without an includeContext block (the Go operator skipped it).
    assert!(policy.alerting.enabled);
    assert_eq!(policy.alerting.context, AlertContext::default());
    assert!(policy.alerting.context.logs && policy.alerting.context.suggested_fixes);
    assert_eq!(
        policy.alerting.timing.suppress_duplicates_for,
        SignedDuration::from_hours(1)
    );
    assert_eq!(policy.alerting.timing.alert_delay, SignedDuration::ZERO);
    assert!(!policy.maintenance.is_suppressed(at("2026-03-01T00:00:00Z")));
}

#[test]
fn every_go_style_example_converts() {
    for document in documents("monitors-go-style.yaml") {
        let monitor: CronJobMonitor = serde_json::from_value(document).expect("decodes");
        let namespace = monitor
            .metadata
            .namespace
            .clone()
            .expect("namespaced example");
        if let Err(invalid) = monitor_policy(&monitor.spec, &namespace) {
            panic!("{:?} is invalid: {invalid}", monitor.metadata.name);
        }
    }
}

#[test]
fn invalid_values_are_all_reported_as_typed_errors_with_reasons() {
    let spec: CronJobMonitorSpec = serde_json::from_value(yaml(
        r#"
selector: {allNamespaces: true, matchNames: [backup]}
deadManSwitch: {maxTimeSinceLastSuccess: 1d}
sla: {minSuccessRate: 120}
maintenanceWindows:
  - {name: mars, schedule: "0 2 * * *", duration: 1h, timezone: Mars/Olympus_Mons}
alerting:
  alertDelay: soon
  suggestedFixPatterns:
    - {name: broken, match: {logPattern: "(unclosed"}, suggestion: fix it}
    - {name: backwards, match: {exitCodeRange: {min: 9, max: 1}}, suggestion: fix it}
"#,
    ))
    .expect("decodes: the values are wrong, not the shape");
    let invalid = monitor_policy(&spec, "default").expect_err("spec is invalid");
    let errors = &invalid.errors;
    assert!(errors.contains(&ConvertError::Selector(
        SelectorError::NamesWithAllNamespaces
    )));
    assert!(errors.contains(&ConvertError::Duration {
        field: "spec.deadManSwitch.maxTimeSinceLastSuccess",
        source: DurationError::UnknownUnit {
            unit: "d".into(),
            input: "1d".into()
        },
    }));
    assert!(errors.iter().any(|e| matches!(
        e,
        ConvertError::Duration {
            field: "spec.alerting.alertDelay",
            ..
        }
    )));
    assert!(errors.iter().any(|e| matches!(
        e,
        ConvertError::OutOfRange {
            field: "spec.sla.minSuccessRate",
            ..
        }
    )));
    let reasons: Vec<&str> = errors.iter().map(ConvertError::reason).collect();
    for reason in [
        "InvalidSelector",
        "InvalidDuration",
        "ValueOutOfRange",
        "UnknownTimeZone",
        "InvalidRegex",
        "InvalidFixPattern",
    ] {
        assert!(
            reasons.contains(&reason),
            "{reason} missing from {reasons:?}"
        );
    }
    assert_eq!(errors.len(), 7, "{invalid}");
    assert_eq!(invalid.reason(), errors[0].reason());
    let message = invalid.to_string();
    assert!(
        message.contains("Mars/Olympus_Mons") && message.contains("spec.alerting.alertDelay"),
        "{message}"
    );
}

#[test]
fn channels_convert_to_their_target_and_rate_limit() {
    let targets: Vec<ChannelTarget> = (0..4)
        .map(|index| {
            let channel: AlertChannel = example("channels.yaml", index);
            channel_policy(&channel.spec).expect("valid channel").target
        })
        .collect();
    assert!(matches!(targets[0], ChannelTarget::Slack(_)));
    assert!(matches!(targets[1], ChannelTarget::PagerDuty(_)));
    assert!(matches!(targets[2], ChannelTarget::Webhook(_)));
    assert!(matches!(&targets[3], ChannelTarget::Email(email) if email.to.len() == 2));
    let slack: AlertChannel = example("channels.yaml", 0);
    let policy = channel_policy(&slack.spec).expect("valid channel");
    assert_eq!(policy.rate_limit, RateLimit::per_hour(60, 5));
    assert!(policy.test_on_save);
    let email: AlertChannel = example("channels.yaml", 3);
    let policy = channel_policy(&email.spec).expect("valid channel");
    assert_eq!(
        policy.rate_limit,
        RateLimit::per_hour(100, 10),
        "defaults without rateLimiting"
    );
}

#[test]
fn invalid_channels_give_typed_errors() {
    let spec: AlertChannelSpec = serde_json::from_value(yaml(
        "{type: slack, webhook: {urlSecretRef: {name: a, namespace: b, key: c}}, rateLimiting: {burstLimit: -1}}",
    ))
    .expect("decodes");
    let invalid = channel_policy(&spec).expect_err("slack settings are missing");
    assert!(
        invalid
            .errors
            .contains(&ConvertError::MissingChannelSettings {
                channel_type: ChannelType::Slack
            })
    );
    assert!(invalid.errors.iter().any(|e| matches!(
        e,
        ConvertError::OutOfRange {
            field: "spec.rateLimiting.burstLimit",
            ..
        }
    )));
    assert_eq!(invalid.reason(), "ValueOutOfRange");

    let spec: AlertChannelSpec = serde_json::from_value(yaml(
        "{type: email, email: {smtpSecretRef: {name: smtp, namespace: ops}, from: a@example.com, to: []}}",
    ))
    .expect("decodes");
    let invalid = channel_policy(&spec).expect_err("no recipients");
    assert_eq!(
        invalid.errors,
        [ConvertError::Empty {
            field: "spec.email.to"
        }]
    );
    assert_eq!(invalid.reason(), "MissingValue");
}
