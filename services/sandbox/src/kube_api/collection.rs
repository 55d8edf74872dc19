//! Collection verbs: list with label/field selectors and `limit`/`continue`
//! paging, handing `?watch=true` to the watch module, and deletecollection.

use std::time::Duration;

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::ops;
use super::resources::ResId;
use super::routes::{Call, Params, Target, delete_options, json_response};
use super::selector::Selector;
use super::status::ApiStatus;
use super::store::Store;
use super::watch::{self, WatchEnv, WatchRequest};

/// Objects of one resource (in one namespace, or all when `ns` is `None`)
/// matching `sel`, in (namespace, name) order, and the current version.
fn list(store: &Store, res: ResId, ns: Option<&str>, sel: &Selector) -> (Vec<Value>, u64) {
    let st = store.lock();
    let items = st
        .objects
        .iter()
        .filter(|((r, n, _), v)| *r == res && ns.is_none_or(|ns| ns == n) && sel.matches(v))
        .map(|(_, v)| v.clone())
        .collect();
    (items, st.rv)
}

fn selector(params: &Params) -> Result<Selector, ApiStatus> {
    Selector::parse(
        params.get("labelSelector").map(String::as_str),
        params.get("fieldSelector").map(String::as_str),
    )
}

fn flag(params: &Params, key: &str) -> bool {
    matches!(params.get(key).map(String::as_str), Some("true" | "1"))
}

/// GET on a collection: a watch stream or a (paged) list.
pub(super) fn get(env: &WatchEnv, t: &Target, params: &Params) -> Result<Response, ApiStatus> {
    let sel = selector(params)?;
    if !flag(params, "watch") {
        return Ok(json_response(StatusCode::OK, page(env, t, params, &sel)));
    }
    let req = WatchRequest {
        res: t.res,
        ns: t.ns.clone(),
        selector: sel,
        resource_version: params.get("resourceVersion").cloned(),
        bookmarks: flag(params, "allowWatchBookmarks"),
        send_initial_events: flag(params, "sendInitialEvents"),
        timeout: params
            .get("timeoutSeconds")
            .and_then(|s| s.parse::<u64>().ok())
            .map(Duration::from_secs),
    };
    let body = watch::open(env.clone(), req)?;
    let json = [(header::CONTENT_TYPE, "application/json")];
    Ok((StatusCode::OK, json, body).into_response())
}

/// `(namespace, name)` as one string that sorts like the store's keys.
fn page_key(v: &Value) -> String {
    let field = |f: &str| v["metadata"][f].as_str().unwrap_or("").to_owned();
    format!("{}/{}", field("namespace"), field("name"))
}

/// One page of a list; the `continue` token is the last key returned.
fn page(env: &WatchEnv, t: &Target, params: &Params, sel: &Selector) -> Value {
    let (items, rv) = list(&env.store, t.res, t.ns.as_deref(), sel);
    let after = params.get("continue").filter(|c| !c.is_empty());
    let mut items: Vec<Value> = items
        .into_iter()
        .filter(|v| after.is_none_or(|a| page_key(v) > *a))
        .collect();
    let mut meta = json!({"resourceVersion": rv.to_string()});
    let limit = params.get("limit").and_then(|s| s.parse::<usize>().ok());
    if let Some(limit) = limit.filter(|n| *n > 0)
        && items.len() > limit
    {
        items.truncate(limit);
        meta["continue"] = json!(items.last().map(page_key).unwrap_or_default());
    }
    list_doc(&env.store, t.res, meta, items)
}

fn list_doc(store: &Store, res: ResId, meta: Value, items: Vec<Value>) -> Value {
    let r = store.table.get(res);
    json!({
        "kind": format!("{}List", r.kind), "apiVersion": r.api_version(),
        "metadata": meta, "items": items,
    })
}

/// DELETE on a collection: deletes every match, answering with what was deleted.
pub(super) fn delete(env: &WatchEnv, t: &Target, call: &Call) -> Result<Response, ApiStatus> {
    let sel = selector(&call.params)?;
    let opts = delete_options(call)?;
    let (items, _) = list(&env.store, t.res, t.ns.as_deref(), &sel);
    let mut deleted = Vec::new();
    for item in items {
        let ns = item["metadata"]["namespace"].as_str().unwrap_or("");
        let name = item["metadata"]["name"].as_str().unwrap_or("");
        match ops::delete(&env.store, t.res, ns, name, &opts) {
            Ok(v) => deleted.push(v),
            Err(e) if e.code == 404 => {}
            Err(e) => return Err(e),
        }
    }
    let doc = list_doc(&env.store, t.res, json!({}), deleted);
    Ok(json_response(StatusCode::OK, doc))
}
