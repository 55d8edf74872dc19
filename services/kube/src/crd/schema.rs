//! Small schema adjustments the derive cannot express.
//!
//! Status structs (and `autoFromSchedule.enabled`) deserialize leniently — a status written by
//! the Go operator lacks fields we added, such as `summary.running` — while their schema still
//! lists the fields as `required`, as the Go CRDs do. [`Required`] restores that: it marks the
//! named properties required and drops the `default` that `#[serde(default)]` put on them.

use schemars::Schema;
use schemars::transform::Transform;
use serde_json::Value;

/// Marks properties required (sorted, no duplicates) and removes their schema default.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Required(pub &'static [&'static str]);

impl Transform for Required {
    fn transform(&mut self, schema: &mut Schema) {
        if let Some(properties) = schema.get_mut("properties").and_then(Value::as_object_mut) {
            for name in self.0 {
                if let Some(property) = properties.get_mut(*name).and_then(Value::as_object_mut) {
                    property.remove("default");
                }
            }
        }
        let mut required: Vec<String> = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|names| {
                names
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        required.extend(self.0.iter().map(|name| (*name).to_owned()));
        required.sort();
        required.dedup();
        schema.insert("required".to_owned(), required.into());
    }
}

/// For `#[serde(default = ...)]`: flags that default to on.
pub(crate) fn yes() -> bool {
    true
}
