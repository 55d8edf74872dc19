//! An OpenAPI 3.0 document generated from the same bindings the router serves,
//! so the published description cannot drift from the routes: one operation per
//! binding, path and query parameters from the request message, the rendered
//! message (or SSE stream) as the 200 reply and a problem+json default reply.

mod schema;

use prost_reflect::{FieldDescriptor, Kind};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use crate::binding::{Binding, BodyMapping};
use schema::{Schemas, leading_comment};

/// The `info` block of the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenApiInfo {
    pub title: String,
    pub version: String,
    pub description: Option<String>,
}

/// Name of the problem+json schema in `components.schemas`.
const PROBLEM_SCHEMA: &str = "Problem";

/// Builds the document for `bindings`.
pub(crate) fn document(bindings: &[Binding], info: &OpenApiInfo, int64_as_string: bool) -> Value {
    let mut schemas = Schemas::new(int64_as_string);
    let mut paths = Map::new();
    for binding in bindings {
        let path_item = paths
            .entry(openapi_path(binding))
            .or_insert_with(|| json!({}));
        path_item[binding.http_method.as_str().to_ascii_lowercase()] =
            operation(binding, &mut schemas);
    }
    let mut components = schemas.into_components();
    components.insert(PROBLEM_SCHEMA.to_owned(), problem_schema());
    let mut info_json = json!({ "title": info.title, "version": info.version });
    if let Some(description) = &info.description {
        info_json["description"] = Value::String(description.clone());
    }
    json!({
        "openapi": "3.0.3",
        "info": info_json,
        "paths": paths,
        "components": { "schemas": components },
    })
}

/// The template with variables written `{field}` (field paths, not axum names).
fn openapi_path(binding: &Binding) -> String {
    binding
        .path
        .axum_path
        .split('/')
        .map(|segment| {
            let param = segment
                .trim_start_matches('{')
                .trim_start_matches('*')
                .trim_end_matches('}');
            match binding
                .path
                .variables
                .iter()
                .find(|variable| variable.param == param)
            {
                Some(variable) if segment.starts_with('{') => {
                    format!("{{{}}}", variable.field_path)
                }
                _ => segment.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn operation(binding: &Binding, schemas: &mut Schemas) -> Value {
    let method = &binding.method;
    let service = method.parent_service().name();
    let mut operation = json!({
        "operationId": format!("{service}_{}", method.name()),
        "tags": [service],
        "parameters": parameters(binding, schemas),
        "responses": {
            "200": success_reply(binding, schemas),
            "default": {
                "description": "An error, as an RFC 7807 problem document",
                "content": { "application/problem+json": {
                    "schema": { "$ref": format!("#/components/schemas/{PROBLEM_SCHEMA}") }
                } }
            }
        }
    });
    if let Some(comment) = leading_comment(&method.parent_file(), method.path()) {
        let summary = comment.lines().next().unwrap_or_default().to_owned();
        operation["summary"] = Value::String(summary);
        operation["description"] = Value::String(comment);
    }
    let body_schema = match &binding.body {
        BodyMapping::None => None,
        BodyMapping::All => Some(schemas.message(&method.input())),
        BodyMapping::Field(field) => Some(schemas.field(field)),
    };
    if let Some(schema) = body_schema {
        operation["requestBody"] =
            json!({ "content": { "application/json": { "schema": schema } } });
    }
    operation
}

fn success_reply(binding: &Binding, schemas: &mut Schemas) -> Value {
    let schema = schemas.message(&binding.rendered_message());
    if binding.is_streaming() {
        return json!({
            "description": "Server-Sent Events: one `data:` line of JSON per message, `id:` = its sequence",
            "content": { "text/event-stream": { "schema": schema } }
        });
    }
    json!({ "description": "OK", "content": { "application/json": { "schema": schema } } })
}

/// Path variables, then (without `body: "*"`) every other top-level field that
/// a URL can carry as a query parameter.
fn parameters(binding: &Binding, schemas: &mut Schemas) -> Vec<Value> {
    let mut parameters = Vec::new();
    for (_, fields) in &binding.path_fields {
        if let Some(field) = fields.last() {
            let name = fields
                .iter()
                .map(|f| f.name())
                .collect::<Vec<_>>()
                .join(".");
            parameters.push(parameter(&name, "path", true, schemas.field(field)));
        }
    }
    if matches!(binding.body, BodyMapping::All) {
        return parameters;
    }
    let bound: Vec<&str> = binding
        .path_fields
        .iter()
        .filter_map(|(_, fields)| fields.first().map(FieldDescriptor::name))
        .collect();
    let body_field = match &binding.body {
        BodyMapping::Field(field) => Some(field.name()),
        _ => None,
    };
    for field in binding.method.input().fields() {
        let taken = bound.contains(&field.name()) || body_field == Some(field.name());
        if !taken && fits_in_url(&field) {
            parameters.push(parameter(
                field.json_name(),
                "query",
                false,
                schemas.field(&field),
            ));
        }
    }
    parameters
}

fn parameter(name: &str, location: &str, required: bool, schema: Value) -> Value {
    let mut parameter = json!({ "name": name, "in": location, "required": required });
    let description = schema.get("description").cloned();
    let mut schema = schema;
    if let Some(object) = schema.as_object_mut() {
        object.remove("description");
    }
    parameter["schema"] = schema;
    if let Some(description) = description {
        parameter["description"] = description;
    }
    parameter
}

fn fits_in_url(field: &FieldDescriptor) -> bool {
    if field.is_map() {
        return false;
    }
    match field.kind() {
        Kind::Message(message) => {
            matches!(
                message.full_name(),
                "google.protobuf.Timestamp"
                    | "google.protobuf.Duration"
                    | "google.protobuf.FieldMask"
            ) || (message.full_name().starts_with("google.protobuf.")
                && message.full_name().ends_with("Value")
                && message.full_name() != "google.protobuf.Value")
        }
        _ => true,
    }
}

fn problem_schema() -> Value {
    json!({
        "type": "object",
        "description": "RFC 7807 problem document; `error` keeps the older operator's error object",
        "properties": {
            "type": { "type": "string" },
            "title": { "type": "string" },
            "status": { "type": "integer", "format": "int32" },
            "detail": { "type": "string" },
            "error": {
                "type": "object",
                "properties": { "code": { "type": "string" }, "message": { "type": "string" } }
            }
        }
    })
}
