//! Field lookups shared by the route table and request building: names may be
//! proto names (`tail_lines`) or JSON names (`tailLines`), paths may be nested
//! (`parent.name`) through singular message fields.

use prost_reflect::{FieldDescriptor, Kind, MessageDescriptor};

/// A top-level field by proto name or JSON name.
pub(crate) fn top_level(message: &MessageDescriptor, name: &str) -> Option<FieldDescriptor> {
    message
        .get_field_by_name(name)
        .or_else(|| message.get_field_by_json_name(name))
}

/// Resolves `a.b.c` (proto or JSON names) through singular message fields.
pub(crate) fn resolve_field_path(
    message: &MessageDescriptor,
    path: &str,
) -> Option<Vec<FieldDescriptor>> {
    let mut fields = Vec::new();
    let mut current = message.clone();
    for segment in path.split('.') {
        if let Some(previous) = fields.last() {
            let previous: &FieldDescriptor = previous;
            let Kind::Message(next) = previous.kind() else {
                return None;
            };
            if previous.is_list() || previous.is_map() {
                return None;
            }
            current = next;
        }
        fields.push(top_level(&current, segment)?);
    }
    Some(fields)
}

pub(crate) fn is_scalar(field: &FieldDescriptor) -> bool {
    !field.is_list() && !field.is_map() && !matches!(field.kind(), Kind::Message(_))
}

pub(crate) fn is_integer(field: &FieldDescriptor) -> bool {
    !field.is_list()
        && matches!(
            field.kind(),
            Kind::Int64
                | Kind::Uint64
                | Kind::Int32
                | Kind::Uint32
                | Kind::Sint64
                | Kind::Sint32
                | Kind::Fixed64
                | Kind::Fixed32
                | Kind::Sfixed64
                | Kind::Sfixed32
        )
}
