//! The generated CRDs: structural schemas the API server accepts, that admit every example
//! and reject what the Go operator could never have handled; and the checked-in copies.

use std::path::Path;

use guardian_core::duration;
use guardian_kube::crd::duration::DURATION_PATTERN;
use guardian_kube::crd::{crds, manifests};
use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::support::{documents, schema_errors, schema_of};

const TYPES: [&str; 6] = ["object", "array", "string", "integer", "number", "boolean"];
const FORMATS: [&str; 6] = ["int32", "int64", "float", "double", "date-time", "byte"];
const JUNCTORS: [&str; 9] = [
    "$ref",
    "$schema",
    "definitions",
    "anyOf",
    "oneOf",
    "allOf",
    "not",
    "uniqueItems",
    "additionalItems",
];

/// Kubernetes' structural-schema rules (and the checks it makes on CRD schemas), applied to
/// one node and its children. Returns every violation with its path.
fn structural_violations(schema: &Value, path: &str, out: &mut Vec<String>) {
    let node = schema.as_object().expect("schema nodes are objects");
    let preserves = node.get("x-kubernetes-preserve-unknown-fields") == Some(&json!(true));
    let int_or_string = node.get("x-kubernetes-int-or-string") == Some(&json!(true));
    match node.get("type").and_then(Value::as_str) {
        Some(kind) if TYPES.contains(&kind) => {}
        None if preserves || int_or_string => {}
        other => out.push(format!("{path}: type {other:?}")),
    }
    for keyword in JUNCTORS
        .iter()
        .filter(|keyword| node.contains_key(**keyword))
    {
        out.push(format!("{path}: {keyword} is not allowed"));
    }
    if let Some(format) = node
        .get("format")
        .and_then(Value::as_str)
        .filter(|f| !FORMATS.contains(f))
    {
        out.push(format!("{path}: unknown format {format}"));
    }
    if node.contains_key("properties") && node.contains_key("additionalProperties") {
        out.push(format!(
            "{path}: properties and additionalProperties together"
        ));
    }
    if node.get("type") == Some(&json!("array")) && !node.contains_key("items") {
        out.push(format!("{path}: array without items"));
    }
    let properties = node.get("properties").and_then(Value::as_object);
    for required in node
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let name = required.as_str().unwrap_or_default();
        if !properties.is_some_and(|props| props.contains_key(name)) {
            out.push(format!("{path}: required {name} is not a property"));
        }
    }
    for value in node
        .get("enum")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if !value.is_string() {
            out.push(format!("{path}: enum value {value} is not a string"));
        }
    }
    if let Some(default) = node.get("default") {
        check_default(schema, default, path, out);
    }
    for (name, child) in properties.into_iter().flatten() {
        structural_violations(child, &format!("{path}.{name}"), out);
    }
    if let Some(items) = node.get("items") {
        structural_violations(items, &format!("{path}[]"), out);
    }
    if let Some(values) = node.get("additionalProperties").filter(|v| v.is_object()) {
        structural_violations(values, &format!("{path}{{}}"), out);
    }
}

/// A default must validate against its own node and survive pruning unchanged.
fn check_default(schema: &Value, default: &Value, path: &str, out: &mut Vec<String>) {
    let validator = jsonschema::draft4::new(schema).expect("node compiles");
    if !validator.is_valid(default) {
        out.push(format!("{path}: default {default} does not validate"));
    }
    let known = schema.get("properties").and_then(Value::as_object);
    for key in default.as_object().into_iter().flat_map(|map| map.keys()) {
        if !known.is_some_and(|props| props.contains_key(key)) {
            out.push(format!("{path}: default sets unknown field {key}"));
        }
    }
}

#[test]
fn both_schemas_are_structural() {
    for kind in ["CronJobMonitor", "AlertChannel"] {
        let schema = schema_of(kind);
        let mut violations = Vec::new();
        structural_violations(&schema, kind, &mut violations);
        assert_eq!(violations, Vec::<String>::new(), "{kind}");
        let root: Vec<&String> = schema["properties"]
            .as_object()
            .expect("root properties")
            .keys()
            .collect();
        assert_eq!(
            root,
            ["spec", "status"],
            "{kind}: metadata is left to the API server"
        );
    }
}

#[test]
fn the_crds_are_namespaced_with_status_and_printer_columns() {
    let [monitor, channel] = crds();
    for (crd, plural, kind) in [
        (&monitor, "cronjobmonitors", "CronJobMonitor"),
        (&channel, "alertchannels", "AlertChannel"),
    ] {
        assert_eq!(
            crd.metadata.name.as_deref(),
            Some(format!("{plural}.guardian.illenium.net").as_str())
        );
        assert_eq!(
            (crd.spec.group.as_str(), crd.spec.scope.as_str()),
            ("guardian.illenium.net", "Namespaced")
        );
        assert_eq!(crd.spec.names.kind, kind);
        let version = &crd.spec.versions[0];
        assert_eq!(
            (version.name.as_str(), version.served, version.storage),
            ("v1alpha1", true, true)
        );
        assert!(
            version
                .subresources
                .as_ref()
                .is_some_and(|s| s.status.is_some()),
            "{kind} has /status"
        );
    }
    let columns = |crd: &CustomResourceDefinition| -> Vec<String> {
        let printer = crd.spec.versions[0]
            .additional_printer_columns
            .clone()
            .unwrap_or_default();
        printer.into_iter().map(|column| column.name).collect()
    };
    assert_eq!(
        columns(&monitor),
        [
            "Phase", "CronJobs", "Healthy", "Warning", "Critical", "Alerts", "Age"
        ]
    );
    assert_eq!(columns(&channel), ["Type", "Ready", "Last Alert", "Age"]);
}

#[test]
fn every_example_validates_against_its_schema() {
    for file in [
        "monitor-full.yaml",
        "monitors-go-style.yaml",
        "channels.yaml",
        "statuses.yaml",
    ] {
        for document in documents(file) {
            let name = document["metadata"]["name"].clone();
            assert_eq!(
                schema_errors(&document),
                Vec::<String>::new(),
                "{file}: {name}"
            );
        }
    }
}

#[test]
fn the_schema_rejects_values_the_operator_cannot_use() {
    let monitor = documents("monitor-full.yaml").remove(0);
    let channel = documents("channels.yaml").remove(0);
    let cases = [
        (
            &monitor,
            "/spec/deadManSwitch/maxTimeSinceLastSuccess",
            json!("1d"),
        ),
        (
            &monitor,
            "/spec/alerting/suppressDuplicatesFor",
            json!("-5m"),
        ),
        (
            &monitor,
            "/spec/alerting/severityOverrides/jobFailed",
            json!("page"),
        ),
        (
            &monitor,
            "/spec/dataRetention/onCronJobDeletion",
            json!("delete"),
        ),
        (&monitor, "/spec/sla/minSuccessRate", json!(120)),
        (
            &monitor,
            "/spec/alerting/includeContext/logLines",
            json!(-1),
        ),
        (
            &monitor,
            "/spec/maintenanceWindows/0",
            json!({"name": "no-duration", "schedule": "0 1 * * *"}),
        ),
        (
            &monitor,
            "/spec/alerting/channelRefs/0",
            json!({"severities": ["critical"]}),
        ),
        (&channel, "/spec/type", json!("teams")),
        (
            &channel,
            "/spec/slack/webhookSecretRef",
            json!({"name": "slack-webhook", "key": "url"}),
        ),
    ];
    for (object, pointer, value) in cases {
        let mut broken = object.clone();
        *broken
            .pointer_mut(pointer)
            .expect("pointer exists in the example") = value.clone();
        assert!(
            !schema_errors(&broken).is_empty(),
            "{pointer} = {value} was accepted"
        );
    }
}

#[test]
fn the_duration_pattern_accepts_exactly_what_the_parser_accepts() {
    let schema = json!({"type": "string", "pattern": DURATION_PATTERN});
    let validator = jsonschema::draft4::new(&schema).expect("pattern compiles");
    let samples = [
        "0", "+0", "30m", "25h", "1h30m", "1.5h", ".5s", "1.s", "300ms", "2h0m0s", "1.5µs", "1μs",
        "10us", "7ns", "+5m", "1m30.25s", "", "1d", "-5m", "5", "h", "1h 30m", "soon", ".s", "1hh",
    ];
    for sample in samples {
        let parsed = duration::parse_non_negative(sample).is_ok();
        assert_eq!(validator.is_valid(&json!(sample)), parsed, "{sample:?}");
    }
}

#[test]
fn manifests_parse_back_into_the_same_crds() {
    let text = manifests().expect("manifests render");
    assert_eq!(
        text,
        manifests().expect("manifests render"),
        "rendering is deterministic"
    );
    let parsed: Vec<CustomResourceDefinition> = serde_yaml::Deserializer::from_str(&text)
        .map(|document| CustomResourceDefinition::deserialize(document).expect("a CRD document"))
        .collect();
    assert_eq!(parsed, crds());
}

#[test]
fn checked_in_crd_copies_equal_the_generated_manifests() {
    let expected = manifests().expect("manifests render");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    for copy in [
        "deploy/crds/cronjob-guardian-crds.yaml",
        "charts/cronjob-guardian/crds/cronjob-guardian-crds.yaml",
    ] {
        let actual = std::fs::read_to_string(root.join(copy)).unwrap_or_default();
        assert!(
            actual == expected,
            "{copy} is stale: run `cargo run -p guardian-kube --example crdgen`"
        );
    }
}
