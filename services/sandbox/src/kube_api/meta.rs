//! Server-owned object metadata: what the API server assigns or protects on every
//! write (`apiVersion`/`kind`, `name`/`namespace`, `uid`, `creationTimestamp`,
//! `generation`, `resourceVersion`, `deletionTimestamp`) and the small JSON
//! helpers the store needs to read it.

use std::hash::{BuildHasher, Hasher};

use jiff::Timestamp;
use serde_json::{Map, Value, json};

use super::resources::Resource;
use super::status::ApiStatus;

/// Kubernetes' `Time` encoding: RFC 3339 in UTC with whole seconds.
pub fn format_time(ts: Timestamp) -> String {
    ts.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn meta_mut(obj: &mut Value) -> &mut Map<String, Value> {
    if !obj.is_object() {
        *obj = json!({});
    }
    let root = obj
        .as_object_mut()
        .expect("invariant: obj was just made an object");
    let meta = root.entry("metadata").or_insert_with(|| json!({}));
    if !meta.is_object() {
        *meta = json!({});
    }
    meta.as_object_mut()
        .expect("invariant: metadata was just made an object")
}

fn meta_str<'a>(obj: &'a Value, field: &str) -> Option<&'a str> {
    obj.get("metadata")?.get(field)?.as_str()
}

/// Fixes identity fields on `next` and carries protected fields over from `old`.
pub(crate) fn stamp(
    resource: &Resource,
    ns: &str,
    name: &str,
    mut next: Value,
    old: Option<&Value>,
) -> Value {
    let generation = old.map(|old| {
        let prev = old.pointer("/metadata/generation").and_then(Value::as_i64);
        prev.unwrap_or(1) + i64::from(spec_changed(old, &next))
    });
    if let Some(root) = next.as_object_mut() {
        root.insert("apiVersion".into(), json!(resource.api_version()));
        root.insert("kind".into(), json!(resource.kind));
    }
    let meta = meta_mut(&mut next);
    meta.insert("name".into(), json!(name));
    if resource.namespaced {
        meta.insert("namespace".into(), json!(ns));
    } else {
        meta.remove("namespace");
    }
    meta.remove("deletionTimestamp");
    meta.remove("managedFields");
    if let Some(old) = old {
        for field in ["uid", "creationTimestamp", "deletionTimestamp"] {
            if let Some(v) = old.pointer(&format!("/metadata/{field}")) {
                meta.insert(field.into(), v.clone());
            }
        }
        meta.insert("generation".into(), json!(generation));
    }
    next
}

/// Identity for a newly created object.
/// A `uid` or `creationTimestamp` already on the object (direct set-up only;
/// HTTP creates strip them) is kept.
pub(crate) fn stamp_new(obj: &mut Value, uid: String, now: Timestamp) {
    let meta = meta_mut(obj);
    let has = |m: &Map<String, Value>, k: &str| {
        m.get(k)
            .and_then(Value::as_str)
            .is_some_and(|u| !u.is_empty())
    };
    if !has(meta, "uid") {
        meta.insert("uid".into(), json!(uid));
    }
    if !has(meta, "creationTimestamp") {
        meta.insert("creationTimestamp".into(), json!(format_time(now)));
    }
    meta.insert("generation".into(), json!(1));
}

/// A uid in UUID format, unique per server instance (random `seed`) and object.
pub(crate) fn make_uid(seed: u64, seq: u64) -> String {
    format!(
        "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
        seed >> 32,
        (seed >> 16) & 0xffff,
        (seed >> 4) & 0xfff,
        seed & 0xfff,
        seq & 0xffff_ffff_ffff
    )
}

/// A per-process random number without a `rand` dependency.
pub(crate) fn random_seed() -> u64 {
    std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish()
}

/// The 5-character suffix `generateName` gets, from the same alphabet the real
/// server uses (no vowels, no look-alike digits).
pub(crate) fn name_suffix(seed: u64, seq: u64) -> String {
    const ALPHABET: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";
    let mut n = seed ^ seq.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (0..5)
        .map(|_| {
            let c = ALPHABET[(n % ALPHABET.len() as u64) as usize];
            n /= ALPHABET.len() as u64;
            char::from(c)
        })
        .collect()
}

pub(crate) fn set_resource_version(obj: &mut Value, rv: u64) {
    meta_mut(obj).insert("resourceVersion".into(), json!(rv.to_string()));
}

pub(crate) fn set_deletion_timestamp(obj: &mut Value, now: Timestamp) {
    meta_mut(obj).insert("deletionTimestamp".into(), json!(format_time(now)));
}

pub(crate) fn resource_version(obj: &Value) -> Option<&str> {
    meta_str(obj, "resourceVersion").filter(|s| !s.is_empty())
}

pub(crate) fn uid(obj: &Value) -> Option<String> {
    meta_str(obj, "uid").map(str::to_owned)
}

pub(crate) fn has_finalizers(obj: &Value) -> bool {
    obj.pointer("/metadata/finalizers")
        .and_then(Value::as_array)
        .is_some_and(|f| !f.is_empty())
}

/// A deleted object whose last finalizer was just removed.
pub(crate) fn ready_to_remove(obj: &Value) -> bool {
    obj.pointer("/metadata/deletionTimestamp").is_some() && !has_finalizers(obj)
}

pub(crate) fn owned_by(obj: &Value, owner_uid: &str) -> bool {
    obj.pointer("/metadata/ownerReferences")
        .and_then(Value::as_array)
        .is_some_and(|refs| refs.iter().any(|r| r["uid"].as_str() == Some(owner_uid)))
}

/// Equal apart from the resourceVersion: such a write is a no-op.
pub(crate) fn same_content(old: &Value, next: &Value) -> bool {
    let strip = |v: &Value| {
        let mut v = v.clone();
        meta_mut(&mut v).remove("resourceVersion");
        v
    };
    strip(old) == strip(next)
}

/// Whether anything outside `metadata` and `status` changed (bumps generation).
fn spec_changed(old: &Value, next: &Value) -> bool {
    let body = |v: &Value| -> Map<String, Value> {
        let mut m = v.as_object().cloned().unwrap_or_default();
        for k in ["metadata", "status", "apiVersion", "kind"] {
            m.remove(k);
        }
        m
    };
    body(old) != body(next)
}

/// DNS-subdomain names, as most kinds require.
pub(crate) fn validate_name(name: &str) -> Result<(), ApiStatus> {
    let ok = name.len() <= 253
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
        && name.starts_with(|c: char| c.is_ascii_alphanumeric())
        && name.ends_with(|c: char| c.is_ascii_alphanumeric());
    if ok {
        Ok(())
    } else {
        Err(ApiStatus::invalid(format!(
            "metadata.name: Invalid value: {name:?}: a lowercase RFC 1123 subdomain must consist of \
             lower case alphanumeric characters, '-' or '.'"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_bumps_only_when_the_spec_changes() {
        let r = Resource::namespaced("batch", "v1", "jobs", "Job");
        let old = json!({"metadata": {"generation": 3, "uid": "u"}, "spec": {"a": 1}});
        let status_only = json!({"spec": {"a": 1}, "status": {"x": 1}});
        let next = stamp(&r, "ns", "j", status_only, Some(&old));
        assert_eq!(next["metadata"]["generation"], 3);
        assert_eq!(next["metadata"]["uid"], "u");
        let spec = stamp(&r, "ns", "j", json!({"spec": {"a": 2}}), Some(&old));
        assert_eq!(spec["metadata"]["generation"], 4);
        assert_eq!(spec["apiVersion"], "batch/v1");
    }

    #[test]
    fn uids_and_suffixes_differ_per_object() {
        assert_ne!(make_uid(7, 1), make_uid(7, 2));
        assert_eq!(make_uid(7, 1).len(), 36);
        let a = name_suffix(7, 1);
        assert_eq!(a.len(), 5);
        assert_ne!(a, name_suffix(7, 2));
    }

    #[test]
    fn times_have_whole_seconds() {
        let ts: Timestamp = "2025-03-01T10:20:30.456Z".parse().expect("valid time");
        assert_eq!(format_time(ts), "2025-03-01T10:20:30Z");
    }
}
