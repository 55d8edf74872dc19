//! The two CustomResourceDefinitions as installed: the derive's output plus the adjustments
//! it cannot express.
//!
//! - `CronJobMonitor.spec` is optional and defaults to `{}`: the Go CRD did not require it
//!   and every field of the spec is optional.
//! - `null` is dropped from `enum` lists. schemars lists it for `Option<Enum>`, but we never
//!   write `null` (every optional field is skipped when unset) and `nullable: true` already
//!   admits it, so the enum only needs the real values.

use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::{
    CustomResourceDefinition, JSON, JSONSchemaProps, JSONSchemaPropsOrArray, JSONSchemaPropsOrBool,
};
use kube::CustomResourceExt;

use super::channel::AlertChannel;
use super::monitor::CronJobMonitor;

/// The CronJobMonitor CRD (use this rather than `CronJobMonitor::crd()`).
pub fn cronjob_monitor_crd() -> CustomResourceDefinition {
    let mut crd = CronJobMonitor::crd();
    for root in root_schemas(&mut crd) {
        if let Some(required) = root.required.as_mut() {
            required.retain(|name| name != "spec");
        }
        if root.required.as_ref().is_some_and(Vec::is_empty) {
            root.required = None;
        }
        if let Some(spec) = root
            .properties
            .as_mut()
            .and_then(|props| props.get_mut("spec"))
        {
            spec.default = Some(JSON(serde_json::json!({})));
        }
    }
    tidy(crd)
}

/// The AlertChannel CRD (use this rather than `AlertChannel::crd()`); `spec.type` is
/// required, so `spec` is too.
pub fn alert_channel_crd() -> CustomResourceDefinition {
    tidy(AlertChannel::crd())
}

fn root_schemas(crd: &mut CustomResourceDefinition) -> impl Iterator<Item = &mut JSONSchemaProps> {
    crd.spec.versions.iter_mut().filter_map(|version| {
        version
            .schema
            .as_mut()
            .and_then(|validation| validation.open_api_v3_schema.as_mut())
    })
}

fn tidy(mut crd: CustomResourceDefinition) -> CustomResourceDefinition {
    for root in root_schemas(&mut crd) {
        drop_null_enum_values(root);
    }
    crd
}

fn drop_null_enum_values(schema: &mut JSONSchemaProps) {
    if let Some(values) = schema.enum_.as_mut() {
        values.retain(|value| !value.0.is_null());
    }
    for child in schema
        .properties
        .iter_mut()
        .flat_map(|props| props.values_mut())
    {
        drop_null_enum_values(child);
    }
    match schema.items.as_mut() {
        Some(JSONSchemaPropsOrArray::Schema(items)) => drop_null_enum_values(items),
        Some(JSONSchemaPropsOrArray::Schemas(list)) => {
            list.iter_mut().for_each(drop_null_enum_values)
        }
        None => {}
    }
    if let Some(JSONSchemaPropsOrBool::Schema(values)) = schema.additional_properties.as_mut() {
        drop_null_enum_values(values);
    }
}
