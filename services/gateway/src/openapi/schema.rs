//! JSON Schemas (OpenAPI 3.0 dialect) of messages as the gateway renders them:
//! properties by JSON name, well-known types by their JSON form, 64-bit
//! integers as numbers or strings following the gateway's setting.

use std::collections::BTreeMap;

use prost_reflect::{FieldDescriptor, FileDescriptor, Kind, MessageDescriptor};
use serde_json::{Map, Value, json};

/// Collects the schemas of every message reachable from the ones referenced.
pub(crate) struct Schemas {
    int64_as_string: bool,
    schemas: BTreeMap<String, Value>,
}

impl Schemas {
    pub(crate) fn new(int64_as_string: bool) -> Schemas {
        Schemas {
            int64_as_string,
            schemas: BTreeMap::new(),
        }
    }

    /// The schema, keyed by full message name, for `components.schemas`.
    pub(crate) fn into_components(self) -> Map<String, Value> {
        self.schemas.into_iter().collect()
    }

    /// A `$ref` to the message's schema (well-known types are written inline).
    pub(crate) fn message(&mut self, message: &MessageDescriptor) -> Value {
        if let Some(inline) = self.well_known(message) {
            return inline;
        }
        let name = message.full_name().to_owned();
        if !self.schemas.contains_key(&name) {
            // Placeholder first: recursive messages refer to themselves.
            self.schemas.insert(name.clone(), Value::Null);
            let schema = self.object(message);
            self.schemas.insert(name.clone(), schema);
        }
        json!({ "$ref": format!("#/components/schemas/{name}") })
    }

    fn object(&mut self, message: &MessageDescriptor) -> Value {
        let mut properties = Map::new();
        for field in message.fields() {
            properties.insert(field.json_name().to_owned(), self.field(&field));
        }
        let mut schema = json!({ "type": "object", "properties": properties });
        let comment = leading_comment(&message.parent_file(), message.path());
        if let Some(description) = comment {
            schema["description"] = Value::String(description);
        }
        schema
    }

    /// The schema of a field, lists and maps included, with its comment.
    pub(crate) fn field(&mut self, field: &FieldDescriptor) -> Value {
        let mut schema = if field.is_map() {
            let value_kind = match field.kind() {
                Kind::Message(entry) => entry.map_entry_value_field().kind(),
                other => other,
            };
            json!({ "type": "object", "additionalProperties": self.kind(&value_kind) })
        } else if field.is_list() {
            json!({ "type": "array", "items": self.kind(&field.kind()) })
        } else {
            self.kind(&field.kind())
        };
        let comment = leading_comment(&field.parent_file(), field.path());
        if let (Some(description), Some(object)) = (comment, schema.as_object_mut())
            && !object.contains_key("$ref")
        {
            object.insert("description".to_owned(), Value::String(description));
        }
        schema
    }

    /// The schema of one value of a kind.
    pub(crate) fn kind(&mut self, kind: &Kind) -> Value {
        let int64 = if self.int64_as_string {
            json!({ "type": "string", "format": "int64" })
        } else {
            json!({ "type": "integer", "format": "int64" })
        };
        match kind {
            Kind::Bool => json!({ "type": "boolean" }),
            Kind::Int32 | Kind::Sint32 | Kind::Sfixed32 => {
                json!({ "type": "integer", "format": "int32" })
            }
            Kind::Uint32 | Kind::Fixed32 => {
                json!({ "type": "integer", "format": "int64", "minimum": 0 })
            }
            Kind::Int64 | Kind::Sint64 | Kind::Sfixed64 => int64,
            Kind::Uint64 | Kind::Fixed64 => int64,
            Kind::Float => json!({ "type": "number", "format": "float" }),
            Kind::Double => json!({ "type": "number", "format": "double" }),
            Kind::String => json!({ "type": "string" }),
            Kind::Bytes => json!({ "type": "string", "format": "byte" }),
            Kind::Enum(enumeration) => {
                let names: Vec<String> = enumeration
                    .values()
                    .map(|value| value.name().to_owned())
                    .collect();
                json!({ "type": "string", "enum": names })
            }
            Kind::Message(message) => self.message(message),
        }
    }

    /// Inline schemas of google.protobuf types with a special JSON form.
    fn well_known(&mut self, message: &MessageDescriptor) -> Option<Value> {
        let schema = match message.full_name() {
            "google.protobuf.Timestamp" => json!({ "type": "string", "format": "date-time" }),
            "google.protobuf.Duration" => json!({ "type": "string", "example": "3600s" }),
            "google.protobuf.FieldMask" => json!({ "type": "string" }),
            "google.protobuf.Struct" | "google.protobuf.Any" | "google.protobuf.Empty" => {
                json!({ "type": "object", "additionalProperties": true })
            }
            "google.protobuf.Value" => json!({}),
            "google.protobuf.ListValue" => json!({ "type": "array", "items": {} }),
            name if name.starts_with("google.protobuf.") && name.ends_with("Value") => {
                let inner = message.get_field_by_name("value")?;
                self.kind(&inner.kind())
            }
            _ => return None,
        };
        Some(schema)
    }
}

/// The comment written above the element at `path` in its .proto file, trimmed.
pub(crate) fn leading_comment(file: &FileDescriptor, path: &[i32]) -> Option<String> {
    let locations = &file
        .file_descriptor_proto()
        .source_code_info
        .as_ref()?
        .location;
    let comment = locations
        .iter()
        .find(|location| location.path == path)?
        .leading_comments
        .as_deref()?;
    let text = comment
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned();
    (!text.is_empty()).then_some(text)
}
