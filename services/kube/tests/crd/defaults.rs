//! Defaults from CRDS.md hold whether the API server applied them (schema `default:`) or the
//! field reached us missing (serde defaults), and both give the same object.

use guardian_kube::crd::{AlertChannel, CronJobMonitor, WebhookMethod};
use serde_json::{Value, json};

use crate::support::{assert_same, schema_errors, schema_of, with_schema_defaults, yaml};

/// A monitor with every block present but empty (`autoFromSchedule.enabled` is required).
fn empty_blocks_monitor() -> Value {
    yaml(
        r#"
apiVersion: guardian.illenium.net/v1alpha1
kind: CronJobMonitor
metadata: {name: defaults, namespace: default}
spec:
  selector: {}
  deadManSwitch:
    autoFromSchedule: {enabled: true}
  sla: {}
  suspendedHandling: {}
  maintenanceWindows:
    - {name: nightly, schedule: "0 1 * * *", duration: 1h}
  alerting:
    includeContext: {}
"#,
    )
}

#[test]
fn missing_fields_decode_to_the_documented_defaults() {
    let monitor: CronJobMonitor =
        serde_json::from_value(empty_blocks_monitor()).expect("monitor decodes");
    let spec = &monitor.spec;
    let dead_man = spec.dead_man_switch.as_ref().expect("deadManSwitch");
    assert!(dead_man.enabled);
    let auto = dead_man
        .auto_from_schedule
        .as_ref()
        .expect("autoFromSchedule");
    assert_eq!(
        (auto.buffer.as_str(), auto.missed_schedule_threshold),
        ("1h", 1)
    );
    let sla = spec.sla.as_ref().expect("sla");
    assert!(sla.enabled);
    assert_eq!(sla.min_success_rate, 95.0);
    assert_eq!(
        (
            sla.window_days,
            sla.duration_regression_threshold,
            sla.duration_baseline_window_days
        ),
        (7, 50, 14)
    );
    assert!(
        spec.suspended_handling
            .as_ref()
            .expect("suspendedHandling")
            .pause_monitoring
    );
    let window = &spec.maintenance_windows[0];
    assert_eq!(
        (window.timezone.as_str(), window.suppress_alerts),
        ("UTC", true)
    );
    let alerting = spec.alerting.as_ref().expect("alerting");
    assert!(alerting.enabled);
    assert_eq!(alerting.suppress_duplicates_for.as_str(), "1h");
    let context = alerting.include_context.as_ref().expect("includeContext");
    assert!(context.logs && context.events && context.pod_status && context.suggested_fixes);
    assert!(!context.include_init_container_logs);
    assert_eq!(
        (context.log_lines, context.log_container_name.as_deref()),
        (50, None)
    );
}

#[test]
fn schema_defaults_equal_serde_defaults_for_every_block() {
    let object = empty_blocks_monitor();
    assert_eq!(schema_errors(&object), Vec::<String>::new());
    let defaulted = with_schema_defaults(&schema_of("CronJobMonitor"), &object);
    assert_eq!(defaulted["spec"]["sla"]["minSuccessRate"], json!(95.0));
    let monitor: CronJobMonitor = serde_json::from_value(object).expect("monitor decodes");
    let encoded = serde_json::to_value(&monitor).expect("monitor encodes");
    assert_same(&encoded, &defaulted, "serde defaults vs schema defaults");
}

#[test]
fn channel_defaults_are_the_same_from_serde_and_from_the_schema() {
    let object = yaml(
        r#"
apiVersion: guardian.illenium.net/v1alpha1
kind: AlertChannel
metadata: {name: hook, namespace: default}
spec:
  type: webhook
  webhook:
    urlSecretRef: {name: hook, namespace: default, key: url}
  rateLimiting: {}
"#,
    );
    assert_eq!(schema_errors(&object), Vec::<String>::new());
    let channel: AlertChannel = serde_json::from_value(object.clone()).expect("channel decodes");
    let limits = channel.spec.rate_limiting.expect("rateLimiting");
    assert_eq!((limits.max_alerts_per_hour, limits.burst_limit), (100, 10));
    assert!(!channel.spec.test_on_save);
    assert_eq!(
        channel.spec.webhook.as_ref().map(|w| w.method),
        Some(WebhookMethod::Post)
    );
    let defaulted = with_schema_defaults(&schema_of("AlertChannel"), &object);
    let encoded = serde_json::to_value(&channel).expect("channel encodes");
    assert_same(&encoded, &defaulted, "serde defaults vs schema defaults");
}

#[test]
fn a_monitor_without_spec_gets_an_empty_spec_from_the_api_server() {
    let object = json!({
        "apiVersion": "guardian.illenium.net/v1alpha1",
        "kind": "CronJobMonitor",
        "metadata": {"name": "bare", "namespace": "default"},
    });
    assert_eq!(
        schema_errors(&object),
        Vec::<String>::new(),
        "spec is optional"
    );
    let defaulted = with_schema_defaults(&schema_of("CronJobMonitor"), &object);
    assert_eq!(defaulted["spec"], json!({}));
    let monitor: CronJobMonitor = serde_json::from_value(defaulted).expect("monitor decodes");
    assert_eq!(monitor.spec, Default::default());
}

#[test]
fn auto_from_schedule_enabled_is_required_by_the_schema_but_tolerated_by_serde() {
    let object = yaml(
        r#"
apiVersion: guardian.illenium.net/v1alpha1
kind: CronJobMonitor
metadata: {name: auto, namespace: default}
spec:
  deadManSwitch:
    autoFromSchedule: {buffer: 2h}
"#,
    );
    let errors = schema_errors(&object);
    assert!(
        errors.iter().any(|error| error.contains("enabled")),
        "{errors:?}"
    );
    let monitor: CronJobMonitor = serde_json::from_value(object).expect("monitor decodes");
    let auto = monitor
        .spec
        .dead_man_switch
        .and_then(|d| d.auto_from_schedule);
    assert_eq!(
        auto.map(|a| (a.enabled, a.buffer.as_str().to_owned())),
        Some((false, "2h".to_owned()))
    );
}
