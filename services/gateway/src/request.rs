//! Builds an RPC's request message from an HTTP request: the JSON body, query
//! parameters, path variables and, for streams, `Last-Event-ID` (in rising
//! precedence), following grpc-gateway's rules.
//!
//! Everything is first gathered into one JSON object keyed by proto field names
//! and then read by prost-reflect's proto3 JSON parser, so query strings accept
//! exactly what JSON bodies accept (`since=2025-03-01T00:00:00Z`, enum names,
//! lowerCamelCase or snake_case names). Unknown query parameters and unknown
//! body fields are ignored, as the existing operator's Go decoder did.

use prost_reflect::{DeserializeOptions, DynamicMessage, FieldDescriptor, Kind, MessageDescriptor};
use serde_json::{Map, Value};

use crate::binding::{Binding, BodyMapping};
use crate::fields::resolve_field_path;

/// The parts of an HTTP request that feed the request message.
pub(crate) struct HttpInput<'a> {
    /// axum parameter name → percent-decoded value.
    pub path_params: Vec<(&'a str, &'a str)>,
    pub query: &'a [(String, String)],
    pub body: &'a [u8],
    pub last_event_id: Option<&'a str>,
}

/// Why the request cannot be turned into a message; becomes a 400 problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BadRequest(pub String);

/// Builds the request message for `binding`.
pub(crate) fn build(
    binding: &Binding,
    input: &HttpInput<'_>,
) -> Result<DynamicMessage, BadRequest> {
    let request_type = binding.method.input();
    let mut root = match &binding.body {
        BodyMapping::All => body_object(input.body)?,
        BodyMapping::Field(field) => {
            let mut root = Map::new();
            if let Some(value) = body_value(input.body)? {
                root.insert(field.name().to_owned(), value);
            }
            root
        }
        BodyMapping::None => Map::new(),
    };
    // With `body: "*"` every field comes from the body; the query string is not read.
    if !matches!(binding.body, BodyMapping::All) {
        for (key, text) in input.query {
            let Some(fields) = resolve_field_path(&request_type, key) else {
                continue;
            };
            let value = url_value(last(&fields), text)
                .map_err(|reason| BadRequest(format!("query parameter {key:?}: {reason}")))?;
            insert(&mut root, &fields, value);
        }
    }
    for (param, fields) in &binding.path_fields {
        let text = input
            .path_params
            .iter()
            .find_map(|(name, value)| (name == param).then_some(*value))
            .unwrap_or_default();
        let value = url_value(last(fields), text).map_err(|reason| {
            BadRequest(format!("path segment {:?}: {reason}", last(fields).name()))
        })?;
        insert(&mut root, fields, value);
    }
    if let (Some(field), Some(event_id)) = (&binding.resume_field, input.last_event_id) {
        let value = url_value(field, event_id.trim())
            .map_err(|reason| BadRequest(format!("Last-Event-ID header: {reason}")))?;
        insert(&mut root, std::slice::from_ref(field), value);
    }
    let options = DeserializeOptions::new().deny_unknown_fields(false);
    DynamicMessage::deserialize_with_options(request_type, Value::Object(root), &options)
        .map_err(|error| BadRequest(format!("invalid request: {error}")))
}

fn last(fields: &[FieldDescriptor]) -> &FieldDescriptor {
    fields
        .last()
        .expect("resolved field paths have at least one field")
}

fn body_value(body: &[u8]) -> Result<Option<Value>, BadRequest> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    serde_json::from_slice(body)
        .map(Some)
        .map_err(|error| BadRequest(format!("request body is not valid JSON: {error}")))
}

fn body_object(body: &[u8]) -> Result<Map<String, Value>, BadRequest> {
    match body_value(body)? {
        None => Ok(Map::new()),
        Some(Value::Object(object)) => Ok(object),
        Some(_) => Err(BadRequest("request body must be a JSON object".to_owned())),
    }
}

/// Converts a URL text (path segment, query value, header) to the JSON form of `field`.
fn url_value(field: &FieldDescriptor, text: &str) -> Result<Value, String> {
    scalar_value(&field.kind(), text)
}

fn scalar_value(kind: &Kind, text: &str) -> Result<Value, String> {
    let integer = |bits: &str| format!("{text:?} is not a {bits} integer");
    match kind {
        Kind::Bool => match text {
            "true" | "1" => Ok(Value::Bool(true)),
            "false" | "0" => Ok(Value::Bool(false)),
            _ => Err(format!("{text:?} is not true or false")),
        },
        Kind::Int32 | Kind::Sint32 | Kind::Sfixed32 => text
            .parse::<i32>()
            .map(Value::from)
            .map_err(|_| integer("32-bit")),
        Kind::Uint32 | Kind::Fixed32 => text
            .parse::<u32>()
            .map(Value::from)
            .map_err(|_| integer("non-negative 32-bit")),
        Kind::Int64 | Kind::Sint64 | Kind::Sfixed64 => text
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| integer("64-bit")),
        Kind::Uint64 | Kind::Fixed64 => text
            .parse::<u64>()
            .map(Value::from)
            .map_err(|_| integer("non-negative 64-bit")),
        Kind::Float | Kind::Double => float_value(text),
        Kind::String | Kind::Bytes => Ok(Value::String(text.to_owned())),
        Kind::Enum(enumeration) => match text.parse::<i32>() {
            Ok(number) => Ok(Value::from(number)),
            Err(_) if enumeration.get_value_by_name(text).is_some() => {
                Ok(Value::String(text.to_owned()))
            }
            Err(_) => Err(format!("{text:?} is not a value of {}", enumeration.name())),
        },
        Kind::Message(message) => well_known_value(message, text),
    }
}

fn float_value(text: &str) -> Result<Value, String> {
    if ["NaN", "Infinity", "-Infinity"].contains(&text) {
        return Ok(Value::String(text.to_owned()));
    }
    text.parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
        .map(Value::Number)
        .ok_or_else(|| format!("{text:?} is not a number"))
}

/// Well-known types written as one string in JSON (Timestamp, Duration,
/// FieldMask) or as their inner scalar (wrappers); other messages cannot come from a URL.
fn well_known_value(message: &MessageDescriptor, text: &str) -> Result<Value, String> {
    let name = message.full_name();
    if name.starts_with("google.protobuf.")
        && name.ends_with("Value")
        && let Some(inner) = message.get_field_by_name("value")
    {
        return scalar_value(&inner.kind(), text);
    }
    if !matches!(
        name,
        "google.protobuf.Timestamp" | "google.protobuf.Duration" | "google.protobuf.FieldMask"
    ) {
        return Err(format!("a {name} cannot be given in a URL"));
    }
    // An unencoded '+' of a UTC offset arrives as a space; RFC 3339 has no spaces.
    let normalized = match name {
        "google.protobuf.Timestamp" => text.replace(' ', "+"),
        _ => text.to_owned(),
    };
    // Parse now so the error names the parameter rather than the whole request.
    let value = Value::String(normalized);
    DynamicMessage::deserialize(message.clone(), value.clone())
        .map(|_| value)
        .map_err(|error| format!("{text:?} is not a valid {name}: {error}"))
}

/// Sets `value` at the field path, appending for repeated fields and keying by
/// proto name (a JSON-named key from the body is renamed first, so path and
/// query values replace it instead of clashing with it).
fn insert(root: &mut Map<String, Value>, fields: &[FieldDescriptor], value: Value) {
    let Some((leaf, parents)) = fields.split_last() else {
        return;
    };
    let mut object = root;
    for parent in parents {
        let name = canonical_key(object, parent);
        if !matches!(object.get(&name), Some(Value::Object(_))) {
            object.insert(name.clone(), Value::Object(Map::new()));
        }
        let Some(Value::Object(next)) = object.get_mut(&name) else {
            return;
        };
        object = next;
    }
    let name = canonical_key(object, leaf);
    if !leaf.is_list() {
        object.insert(name, value);
        return;
    }
    match object.get_mut(&name) {
        Some(Value::Array(items)) => items.push(value),
        _ => {
            object.insert(name, Value::Array(vec![value]));
        }
    }
}

/// Moves a JSON-named entry to the proto name and returns that name.
fn canonical_key(object: &mut Map<String, Value>, field: &FieldDescriptor) -> String {
    let name = field.name().to_owned();
    if field.json_name() != name
        && let Some(value) = object.remove(field.json_name())
    {
        object.insert(name.clone(), value);
    }
    name
}
