//! Unit tests of the template engine: Go compatibility, JSON-safe rendering, errors.

use guardian_core::{AlertRecord, AlertState, CronJobRef, Severity};
use serde_json::{Value, json};

use super::*;
use crate::notification::{AlertContext, Notification};

fn sample(message: &str) -> Notification {
    let since: jiff::Timestamp = "2024-03-05T07:08:09Z".parse().expect("valid time");
    let alert = AlertRecord {
        key: "mon/ns/backup/jobFailed".to_owned(),
        kind: "jobFailed".to_owned(),
        severity: Severity::Critical,
        state: AlertState::Firing,
        cronjob: CronJobRef::new("ns", "backup"),
        monitor: Some(CronJobRef::new("ns", "mon")),
        title: "Job \"backup\" failed".to_owned(),
        message: message.to_owned(),
        since,
        last_notified: Some(since),
        resolved_at: None,
        exit_code: Some(137),
        reason: Some("OOMKilled".to_owned()),
        suggested_fix: Some("Raise the memory limit".to_owned()),
        acknowledged: None,
        silenced: None,
    };
    let context = AlertContext {
        logs: Some("line \"one\"\n\tline two\\".to_owned()),
        events: vec![
            "BackoffLimitExceeded: gave up".to_owned(),
            "Killing: oom".to_owned(),
        ],
        ..AlertContext::default()
    };
    Notification::trigger(alert, context)
}

fn text(source: &str, data: &Value) -> String {
    Template::parse(source)
        .expect("template parses")
        .render_text(data)
        .expect("template renders")
}

/// The Go operator's default webhook template, which broke on quotes and newlines.
const GO_DEFAULT_WEBHOOK: &str = r#"{
  "key": "{{ .Key }}",
  "type": "{{ .Type }}",
  "severity": "{{ .Severity }}",
  "title": "{{ .Title }}",
  "message": "{{ .Message }}",
  "cronjob": { "namespace": "{{ .CronJob.Namespace }}", "name": "{{ .CronJob.Name }}" },
  "timestamp": "{{ formatTime .Timestamp "RFC3339" }}",
  "context": {
    "suggested_fix": "{{ .Context.SuggestedFix }}",
    "success_rate": {{ .Context.SuccessRate }},
    "exit_code": {{ .Context.ExitCode }},
    "reason": "{{ .Context.Reason }}",
    "logs": {{ jsonEscape .Context.Logs }}
  }
}"#;

#[test]
fn go_default_webhook_template_stays_valid_json_with_quotes_and_newlines() {
    let message = "exit \"137\"\nsee C:\\logs\tand </script>";
    let data = notification_data(&sample(message));
    let rendered = Template::parse(GO_DEFAULT_WEBHOOK)
        .expect("parses")
        .render_json(&data)
        .expect("renders valid JSON");
    let parsed: Value = serde_json::from_str(&rendered).expect("valid JSON");
    assert_eq!(parsed["message"], message);
    assert_eq!(parsed["title"], "Job \"backup\" failed");
    assert_eq!(parsed["context"]["logs"], "line \"one\"\n\tline two\\");
    assert_eq!(parsed["context"]["exit_code"], 137);
    assert_eq!(parsed["context"]["success_rate"], Value::Null);
    assert_eq!(parsed["timestamp"], "2024-03-05T07:08:09Z");
}

#[test]
fn values_outside_json_strings_become_json_values() {
    let data = json!({ "Name": "a\"b", "List": ["x", "y"], "N": 3 });
    let rendered = Template::parse(r#"{"name": {{ .Name }}, "list": {{ .List }}, "n": {{ .N }}}"#)
        .expect("parses")
        .render_json(&data)
        .expect("renders");
    let parsed: Value = serde_json::from_str(&rendered).expect("valid JSON");
    assert_eq!(
        parsed,
        json!({ "name": "a\"b", "list": ["x", "y"], "n": 3 })
    );
}

#[test]
fn a_payload_template_that_is_not_json_is_refused() {
    let error = Template::parse(r#"{"open": "{{ .Name }}""#)
        .expect("parses")
        .render_json(&json!({ "Name": "x" }))
        .expect_err("unbalanced braces");
    assert!(matches!(error, TemplateError::InvalidJson(_)));
}

#[test]
fn go_slack_template_conditionals_and_functions_render() {
    let data = notification_data(&sample("boom"));
    let source = "{{ if eq .Severity \"critical\" }}red{{ else if eq .Severity \"warning\" }}amber\
                  {{ else }}blue{{ end }} *{{ .Title }}* {{ if .Context.ExitCode }}exit {{ .Context.ExitCode }}{{ end }} \
                  {{ truncate .Context.Reason 3 }} {{ .Severity | upper }} {{ upper (lower .Type) }}";
    assert_eq!(
        text(source, &data),
        "red *Job \"backup\" failed* exit 137 OOM... CRITICAL JOBFAILED"
    );
}

#[test]
fn trim_markers_remove_surrounding_white_space() {
    let data = json!({ "A": "x" });
    assert_eq!(text("a  {{- .A -}}  \n b", &data), "axb");
    assert_eq!(text("a {{ .A }} b", &data), "a x b");
    assert_eq!(text("n={{-3}}", &data), "n=-3");
}

#[test]
fn range_iterates_with_dot_and_root_and_falls_back_to_else() {
    let data = notification_data(&sample("m"));
    let source = "{{ range .Context.Events }}[{{ . }} @{{ $.CronJob.Name }}]{{ end }}";
    assert_eq!(
        text(source, &data),
        "[BackoffLimitExceeded: gave up @backup][Killing: oom @backup]"
    );
    assert_eq!(
        text("{{ range .Links }}x{{ else }}none{{ end }}", &data),
        "none"
    );
    assert_eq!(
        text(
            "{{ join .Context.Events \"; \" }} {{ len .Context.Events }}",
            &data
        ),
        "BackoffLimitExceeded: gave up; Killing: oom 2"
    );
}

#[test]
fn comments_are_dropped_and_literals_with_braces_survive() {
    let data = json!({});
    assert_eq!(text("a{{/* note */}}b{{ \"}}\" }}", &data), "ab}}");
}

#[test]
fn and_or_not_follow_go_truth() {
    let data = json!({ "Empty": "", "Full": "x", "Zero": 0 });
    assert_eq!(
        text(
            "{{ or .Empty .Full }}|{{ and .Full .Zero }}|{{ not .Zero }}",
            &data
        ),
        "x|0|true"
    );
    assert_eq!(text("{{ if ne .Full \"y\" }}ne{{ end }}", &data), "ne");
}

#[test]
fn mistakes_are_reported_when_parsing_or_rendering() {
    let parse = |source: &str| Template::parse(source).expect_err("should not parse");
    assert_eq!(parse("{{ .A "), TemplateError::Unclosed);
    assert_eq!(parse("{{ if .A }}x"), TemplateError::UnclosedBlock("if"));
    assert_eq!(
        parse("x{{ end }}"),
        TemplateError::Unexpected("end".to_owned())
    );
    assert_eq!(
        parse("{{ shout .A }}"),
        TemplateError::UnknownFunction("shout".to_owned())
    );
    assert_eq!(
        parse("{{ with .A }}{{ end }}"),
        TemplateError::Unsupported("with".to_owned())
    );
    assert!(matches!(
        parse("{{ truncate .A }}"),
        TemplateError::Arity { .. }
    ));
    let data = notification_data(&sample("m"));
    let error = Template::parse("{{ .CronJob.Nmae }}")
        .expect("parses")
        .render_text(&data)
        .expect_err("unknown field");
    assert_eq!(
        error,
        TemplateError::UnknownField(".CronJob.Nmae".to_owned())
    );
}

#[test]
fn resolve_data_carries_status_and_empty_context() {
    let mut alert = sample("m").alert;
    alert.state = AlertState::Resolved;
    alert.resolved_at = Some("2024-03-05T08:00:00Z".parse().expect("valid time"));
    let data = notification_data(&Notification::resolve(alert));
    assert_eq!(
        text(
            "{{ .Status }} {{ .ResolvedAt }} [{{ .Context.Logs }}] {{ .MonitorRef.Name }}",
            &data
        ),
        "resolved 2024-03-05T08:00:00Z [] mon"
    );
}
