//! Write verbs with API-server semantics: create (with `generateName`), replace
//! with a resourceVersion precondition, merge / strategic / JSON / server-side
//! apply patches, the `status` subresource rule (main-resource writes keep the
//! stored status, status writes change only status) and delete options.

use serde_json::Value;

use super::meta;
use super::resources::ResId;
use super::status::ApiStatus;
use super::store::{Store, Write};

/// Which part of an object a write targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Main,
    Status,
}

/// A parsed PATCH body.
pub(crate) enum PatchBody {
    Merge(Value),
    Json(json_patch::Patch),
    /// Server-side apply, approximated as create-or-merge.
    Apply(Value),
}

impl PatchBody {
    /// Parses by `Content-Type`, as the API server dispatches.
    pub(crate) fn parse(
        content_type: &str,
        body: &[u8],
        field_manager: Option<&str>,
    ) -> Result<Self, ApiStatus> {
        let media = content_type.split(';').next().unwrap_or("").trim();
        let bad = |e: &dyn std::fmt::Display| ApiStatus::bad_request(format!("bad patch: {e}"));
        match media {
            "application/merge-patch+json" | "application/strategic-merge-patch+json" => Ok(
                Self::Merge(serde_json::from_slice(body).map_err(|e| bad(&e))?),
            ),
            "application/json-patch+json" => Ok(Self::Json(
                serde_json::from_slice(body).map_err(|e| bad(&e))?,
            )),
            "application/apply-patch+yaml" => {
                if field_manager.is_none_or(str::is_empty) {
                    return Err(ApiStatus::invalid(
                        "fieldManager: Required value: is required for apply patch",
                    ));
                }
                let v: Value = match serde_json::from_slice(body) {
                    Ok(v) => v,
                    Err(_) => serde_yaml::from_slice(body).map_err(|e| bad(&e))?,
                };
                Ok(Self::Apply(v))
            }
            other => Err(ApiStatus::unsupported_media(format!(
                "the body of the request was in an unknown format - accepted media types \
                 include: application/json-patch+json, application/merge-patch+json, \
                 application/apply-patch+yaml (got {other:?})"
            ))),
        }
    }
}

fn plural(store: &Store, res: ResId) -> String {
    store.table.get(res).plural.clone()
}

/// Rejects a request whose object carries a stale resourceVersion.
fn check_version(
    store: &Store,
    res: ResId,
    name: &str,
    old: &Value,
    sent: &Value,
) -> Result<(), ApiStatus> {
    match meta::resource_version(sent) {
        Some(rv) if Some(rv) != meta::resource_version(old) => {
            Err(ApiStatus::conflict(&plural(store, res), name))
        }
        _ => Ok(()),
    }
}

/// Applies the status-subresource rule to a computed object.
fn split_status(store: &Store, res: ResId, part: Part, old: &Value, mut next: Value) -> Value {
    let set = |target: &mut Value, from: &Value| match (target.as_object_mut(), from.get("status"))
    {
        (Some(t), Some(s)) => {
            t.insert("status".into(), s.clone());
        }
        (Some(t), None) => {
            t.remove("status");
        }
        _ => {}
    };
    match part {
        Part::Main if store.table.get(res).status => {
            set(&mut next, old);
            next
        }
        Part::Main => next,
        Part::Status => {
            let mut out = old.clone();
            set(&mut out, &next);
            out
        }
    }
}

/// POST: creates a new object. A resource with a status subresource starts
/// without status, and server-owned identity fields are dropped.
pub(crate) fn create(
    store: &Store,
    res: ResId,
    ns: &str,
    mut body: Value,
) -> Result<Value, ApiStatus> {
    let resource = store.table.get(res);
    let Some(obj) = body.as_object_mut() else {
        return Err(ApiStatus::bad_request(
            "the request body must be a JSON object",
        ));
    };
    if resource.status {
        obj.remove("status");
    }
    // Clients cannot choose identity.
    if let Some(meta) = obj.get_mut("metadata").and_then(Value::as_object_mut) {
        meta.remove("uid");
        meta.remove("creationTimestamp");
    }
    let meta_ns = body.pointer("/metadata/namespace").and_then(Value::as_str);
    if resource.namespaced && meta_ns.is_some_and(|m| !m.is_empty() && m != ns) {
        return Err(ApiStatus::bad_request(
            "the namespace of the provided object does not match the namespace sent on the request",
        ));
    }
    if meta::resource_version(&body).is_some() {
        return Err(ApiStatus::invalid(
            "metadata.resourceVersion: must be empty on create",
        ));
    }
    let name = match body.pointer("/metadata/name").and_then(Value::as_str) {
        Some(n) if !n.is_empty() => n.to_owned(),
        _ => match body
            .pointer("/metadata/generateName")
            .and_then(Value::as_str)
        {
            Some(prefix) if !prefix.is_empty() => format!("{prefix}{}", store.name_suffix()),
            _ => {
                return Err(ApiStatus::invalid(
                    "metadata.name: Required value: name or generateName is required",
                ));
            }
        },
    };
    meta::validate_name(&name)?;
    store.modify(res, ns, &name, |old| match old {
        Some(_) => Err(ApiStatus::already_exists(&resource.plural, &name)),
        None => Ok(Write::Put(body)),
    })
}

/// PUT: replaces an object, failing with 409 on a stale resourceVersion.
pub(crate) fn replace(
    store: &Store,
    res: ResId,
    ns: &str,
    name: &str,
    part: Part,
    body: Value,
) -> Result<Value, ApiStatus> {
    match body.pointer("/metadata/name").and_then(Value::as_str) {
        Some(n) if n != name => {
            return Err(ApiStatus::bad_request(format!(
                "the name of the object ({n}) does not match the name on the URL ({name})"
            )));
        }
        _ => {}
    }
    store.modify(res, ns, name, |old| {
        let old = old.ok_or_else(|| ApiStatus::not_found(&plural(store, res), name))?;
        check_version(store, res, name, old, &body)?;
        Ok(Write::Put(split_status(store, res, part, old, body)))
    })
}

/// PATCH: merge, JSON or apply patch on the object or its status.
pub(crate) fn patch(
    store: &Store,
    res: ResId,
    ns: &str,
    name: &str,
    part: Part,
    patch: PatchBody,
) -> Result<Value, ApiStatus> {
    let created = store.modify(res, ns, name, |old| {
        let Some(old) = old else {
            return Ok(Write::Keep(Value::Null));
        };
        let mut next = old.clone();
        match &patch {
            PatchBody::Merge(p) | PatchBody::Apply(p) => {
                check_version(store, res, name, old, p)?;
                json_patch::merge(&mut next, p);
            }
            PatchBody::Json(ops) => json_patch::patch(&mut next, ops)
                .map_err(|e| ApiStatus::invalid(format!("json patch failed: {e}")))?,
        }
        Ok(Write::Put(split_status(store, res, part, old, next)))
    })?;
    if !created.is_null() {
        return Ok(created);
    }
    // Missing object: only a server-side apply to the main resource creates it.
    match (patch, part) {
        (PatchBody::Apply(mut body), Part::Main) => {
            if let Some(meta) = body.get_mut("metadata").and_then(Value::as_object_mut) {
                meta.insert("name".into(), Value::from(name));
            }
            create(store, res, ns, body)
        }
        _ => Err(ApiStatus::not_found(&plural(store, res), name)),
    }
}

/// Direct set-up from tests or a scripted sandbox: create, or merge onto the
/// existing object, status included and without preconditions.
pub(crate) fn upsert(
    store: &Store,
    res: ResId,
    ns: &str,
    name: &str,
    body: Value,
) -> Result<Value, ApiStatus> {
    let mut body = body;
    if let Some(meta) = body.get_mut("metadata").and_then(Value::as_object_mut) {
        meta.remove("resourceVersion");
    }
    store.modify(res, ns, name, |old| {
        Ok(Write::Put(match old {
            Some(old) => {
                let mut next = old.clone();
                json_patch::merge(&mut next, &body);
                next
            }
            None => body,
        }))
    })
}

/// DELETE with `DeleteOptions` (preconditions, propagationPolicy).
pub(crate) fn delete(
    store: &Store,
    res: ResId,
    ns: &str,
    name: &str,
    options: &Value,
) -> Result<Value, ApiStatus> {
    let want_rv = options
        .pointer("/preconditions/resourceVersion")
        .and_then(Value::as_str);
    let want_uid = options
        .pointer("/preconditions/uid")
        .and_then(Value::as_str);
    let orphan = options.get("propagationPolicy").and_then(Value::as_str) == Some("Orphan")
        || options.get("orphanDependents").and_then(Value::as_bool) == Some(true);
    store.delete(
        res,
        ns,
        name,
        |old| {
            let rv_ok = want_rv.is_none_or(|rv| Some(rv) == meta::resource_version(old));
            let uid_ok = want_uid.is_none_or(|uid| Some(uid.to_owned()) == meta::uid(old));
            if rv_ok && uid_ok {
                Ok(())
            } else {
                Err(ApiStatus::conflict(&plural(store, res), name))
            }
        },
        orphan,
    )
}
