//! Helpers shared by the CRD tests: example files, the generated schemas, a validator and an
//! API-server-like defaulting pass.

use std::path::{Path, PathBuf};

use guardian_kube::crd::{alert_channel_crd, cronjob_monitor_crd};
use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Path of a file under `tests/crd/examples/`.
pub fn example_path(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/crd/examples")
        .join(file)
}

/// Every YAML document of an example file, as JSON.
pub fn documents(file: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(example_path(file)).expect("example file is readable");
    serde_yaml::Deserializer::from_str(&text)
        .map(|document| Value::deserialize(document).expect("example is valid YAML"))
        .filter(|document| !document.is_null())
        .collect()
}

/// Document `index` of an example file, decoded.
pub fn example<K: DeserializeOwned>(file: &str, index: usize) -> K {
    serde_json::from_value(documents(file)[index].clone()).expect("example decodes")
}

/// Parses YAML text into JSON.
pub fn yaml(text: &str) -> Value {
    serde_yaml::from_str(text).expect("test YAML is valid")
}

/// The schema of a kind as it goes to the API server, by kind name.
pub fn schema_of(kind: &str) -> Value {
    let crd = crd_of(kind);
    let schema = crd.spec.versions[0]
        .schema
        .as_ref()
        .and_then(|validation| validation.open_api_v3_schema.as_ref())
        .expect("every version has a schema");
    serde_json::to_value(schema).expect("schema serialises")
}

pub fn crd_of(kind: &str) -> CustomResourceDefinition {
    match kind {
        "CronJobMonitor" => cronjob_monitor_crd(),
        "AlertChannel" => alert_channel_crd(),
        other => panic!("no CRD for kind {other}"),
    }
}

/// Errors of `object` against the schema of its kind (empty: valid).
pub fn schema_errors(object: &Value) -> Vec<String> {
    let kind = object["kind"].as_str().expect("object has a kind");
    let validator = jsonschema::draft4::new(&schema_of(kind)).expect("schema compiles");
    validator
        .iter_errors(object)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect()
}

/// `object` with the schema's defaults filled in, as the API server does on write and read.
pub fn with_schema_defaults(schema: &Value, object: &Value) -> Value {
    let mut defaulted = object.clone();
    apply_defaults(schema, &mut defaulted);
    defaulted
}

fn apply_defaults(schema: &Value, value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
                for (name, property) in properties {
                    if let (false, Some(default)) =
                        (map.contains_key(name), property.get("default"))
                    {
                        map.insert(name.clone(), default.clone());
                    }
                    if let Some(child) = map.get_mut(name) {
                        apply_defaults(property, child);
                    }
                }
            }
            if let Some(values) = schema.get("additionalProperties").filter(|s| s.is_object()) {
                map.values_mut()
                    .for_each(|child| apply_defaults(values, child));
            }
        }
        Value::Array(items) => {
            if let Some(item_schema) = schema.get("items") {
                items
                    .iter_mut()
                    .for_each(|item| apply_defaults(item_schema, item));
            }
        }
        _ => {}
    }
}

/// The value with every number as a float, so `95` and `95.0` compare equal.
pub fn normalized(value: &Value) -> Value {
    match value {
        Value::Number(number) => Value::from(number.as_f64().expect("numbers are finite")),
        Value::Array(items) => Value::Array(items.iter().map(normalized).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(key, child)| (key.clone(), normalized(child)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Asserts two JSON values are equal up to number representation, printing both on failure.
pub fn assert_same(actual: &Value, expected: &Value, what: &str) {
    let (actual, expected) = (normalized(actual), normalized(expected));
    assert!(
        actual == expected,
        "{what} differs\n--- actual\n{}\n--- expected\n{}",
        serde_json::to_string_pretty(&actual).unwrap_or_default(),
        serde_json::to_string_pretty(&expected).unwrap_or_default(),
    );
}
