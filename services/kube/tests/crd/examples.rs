//! Realistic manifests of both kinds (every field set, and the Go operator's short forms)
//! decode into our types and encode back without losing or changing anything.

use guardian_kube::crd::{
    AlertChannel, AlertSeverity, ChannelType, CronJobHealth, CronJobMonitor, DeletionPolicy,
    MonitorPhase, PagerDutySeverity, RecreationPolicy, TestResult, WebhookMethod,
};
use serde_json::Value;

use crate::support::{assert_same, documents, example, schema_of, with_schema_defaults, yaml};

const FILES: [&str; 4] = [
    "monitor-full.yaml",
    "monitors-go-style.yaml",
    "channels.yaml",
    "statuses.yaml",
];

/// Decodes a document by its kind and encodes it again.
fn round_trip(document: &Value) -> Value {
    match document["kind"].as_str() {
        Some("CronJobMonitor") => {
            let monitor: CronJobMonitor =
                serde_json::from_value(document.clone()).expect("monitor decodes");
            serde_json::to_value(&monitor).expect("monitor encodes")
        }
        Some("AlertChannel") => {
            let channel: AlertChannel =
                serde_json::from_value(document.clone()).expect("channel decodes");
            serde_json::to_value(&channel).expect("channel encodes")
        }
        other => panic!("unexpected kind {other:?}"),
    }
}

#[test]
fn every_example_round_trips_to_itself_plus_the_schema_defaults() {
    let mut count = 0;
    for file in FILES {
        for document in documents(file) {
            let kind = document["kind"].as_str().expect("kind").to_owned();
            let expected = with_schema_defaults(&schema_of(&kind), &document);
            let name = document["metadata"]["name"].clone();
            assert_same(
                &round_trip(&document),
                &expected,
                &format!("{file}: {name}"),
            );
            count += 1;
        }
    }
    assert_eq!(count, 1 + 5 + 4 + 2, "every example document was checked");
}

#[test]
fn the_full_monitor_example_decodes_every_field() {
    let monitor: CronJobMonitor = example("monitor-full.yaml", 0);
    let spec = &monitor.spec;
    let selector = spec.selector.as_ref().expect("selector");
    assert_eq!(selector.match_labels["tier"], "critical");
    assert_eq!(selector.match_expressions[1].operator, "DoesNotExist");
    assert_eq!(selector.match_names, ["ledger-close", "invoice-export"]);
    assert_eq!(selector.namespaces, ["payments", "billing"]);
    let namespace_selector = selector
        .namespace_selector
        .as_ref()
        .expect("namespaceSelector");
    assert!(
        namespace_selector
            .match_expressions
            .as_ref()
            .is_some_and(|e| e.len() == 1)
    );
    let dead_man = spec.dead_man_switch.as_ref().expect("deadManSwitch");
    assert_eq!(
        dead_man
            .max_time_since_last_success
            .as_ref()
            .map(|d| d.as_str()),
        Some("25h")
    );
    let auto = dead_man
        .auto_from_schedule
        .as_ref()
        .expect("autoFromSchedule");
    assert!(auto.enabled);
    assert_eq!(
        (auto.buffer.as_str(), auto.missed_schedule_threshold),
        ("30m", 2)
    );
    let sla = spec.sla.as_ref().expect("sla");
    assert_eq!(sla.min_success_rate, 99.5);
    assert_eq!(
        (
            sla.window_days,
            sla.duration_regression_threshold,
            sla.duration_baseline_window_days
        ),
        (14, 40, 21)
    );
    assert_eq!(spec.maintenance_windows[1].timezone, "America/New_York");
    assert!(!spec.maintenance_windows[1].suppress_alerts);
    let alerting = spec.alerting.as_ref().expect("alerting");
    assert_eq!(
        alerting.channel_refs[1].namespace.as_deref(),
        Some("cronjob-guardian")
    );
    assert_eq!(
        alerting.channel_refs[0].severities,
        [AlertSeverity::Critical]
    );
    let context = alerting.include_context.as_ref().expect("includeContext");
    assert_eq!(
        (context.log_lines, context.log_container_name.as_deref()),
        (200, Some("worker"))
    );
    let overrides = alerting
        .severity_overrides
        .as_ref()
        .expect("severityOverrides");
    assert_eq!(overrides.duration_regression, Some(AlertSeverity::Warning));
    let sysexits = &alerting.suggested_fix_patterns[2];
    assert_eq!(
        sysexits.matcher.exit_code_range.map(|r| (r.min, r.max)),
        Some((64, 78))
    );
    assert_eq!(sysexits.priority, None);
    let retention = spec.data_retention.as_ref().expect("dataRetention");
    assert_eq!(
        retention.on_cron_job_deletion,
        Some(DeletionPolicy::PurgeAfterDays)
    );
    assert_eq!(retention.on_recreation, Some(RecreationPolicy::Reset));
    assert_eq!(retention.max_log_size_kb, Some(512));
}

#[test]
fn channel_examples_decode_each_type_with_its_settings() {
    let slack: AlertChannel = example("channels.yaml", 0);
    assert_eq!(slack.spec.channel_type, ChannelType::Slack);
    let webhook_ref = &slack.spec.slack.as_ref().expect("slack").webhook_secret_ref;
    assert_eq!(
        (webhook_ref.name.as_str(), webhook_ref.key.as_str()),
        ("slack-webhook", "url")
    );
    assert!(slack.spec.test_on_save);
    let limits = slack.spec.rate_limiting.expect("rateLimiting");
    assert_eq!((limits.max_alerts_per_hour, limits.burst_limit), (60, 5));

    let pagerduty: AlertChannel = example("channels.yaml", 1);
    let settings = pagerduty.spec.pagerduty.as_ref().expect("pagerduty");
    assert_eq!(settings.severity, Some(PagerDutySeverity::Error));

    let webhook: AlertChannel = example("channels.yaml", 2);
    let settings = webhook.spec.webhook.as_ref().expect("webhook");
    assert_eq!(settings.method, WebhookMethod::Put);
    assert_eq!(settings.headers["X-Source"], "cronjob-guardian");

    let email: AlertChannel = example("channels.yaml", 3);
    let settings = email.spec.email.as_ref().expect("email");
    assert_eq!(settings.to.len(), 2);
    assert_eq!(settings.smtp_secret_ref.namespace, "cronjob-guardian");
    assert_eq!(
        email.metadata.namespace, None,
        "the Go example names no namespace"
    );
}

#[test]
fn statuses_decode_with_typed_phases_times_and_conditions() {
    let monitor: CronJobMonitor = example("statuses.yaml", 0);
    let status = monitor.status.expect("status");
    assert_eq!(status.phase, Some(MonitorPhase::Degraded));
    assert_eq!(status.summary.as_ref().map(|s| s.running), Some(1));
    let etl = &status.cron_jobs[0];
    assert_eq!(etl.status, CronJobHealth::Critical);
    assert_eq!(
        etl.last_run_duration.as_ref().map(|d| d.as_str()),
        Some("4m31s")
    );
    assert_eq!(etl.active_alerts[0].exit_code, Some(137));
    assert_eq!(etl.active_jobs[0].ready.as_deref(), Some("1/1"));
    assert_eq!(status.conditions[0].status, "True");

    let channel: AlertChannel = example("statuses.yaml", 1);
    let status = channel.status.expect("status");
    assert_eq!(status.last_test_result, Some(TestResult::Failed));
    assert_eq!(
        (status.alerts_sent_total, status.alerts_failed_total),
        (42, 3)
    );
}

#[test]
fn a_status_written_by_the_go_operator_still_decodes() {
    // No `summary.running`, no `activeJobs`, and fields we dropped (windowDays, missedRuns,
    // lastScheduledTime): reading it must not turn the monitor into a malformed object.
    let object = yaml(
        r#"
apiVersion: guardian.illenium.net/v1alpha1
kind: CronJobMonitor
metadata: {name: legacy, namespace: default}
spec: {}
status:
  phase: Active
  summary: {totalCronJobs: 1, healthy: 1, warning: 0, critical: 0, suspended: 0, activeAlerts: 0}
  cronJobs:
    - name: backup
      namespace: default
      status: healthy
      suspended: false
      lastScheduledTime: "2025-01-01T00:00:00Z"
      metrics: {successRate: 100, windowDays: 7, totalRuns: 3, successfulRuns: 3, failedRuns: 0, missedRuns: 0}
"#,
    );
    let monitor: CronJobMonitor = serde_json::from_value(object).expect("legacy status decodes");
    let status = monitor.status.expect("status");
    assert_eq!(
        status.summary.map(|s| (s.total_cron_jobs, s.running)),
        Some((1, 0))
    );
    let metrics = status.cron_jobs[0].metrics.clone().expect("metrics");
    assert_eq!((metrics.total_runs, metrics.success_rate), (3, 100.0));
}
