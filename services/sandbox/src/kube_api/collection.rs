//! Collection verbs: list with label/field selectors and `limit`/`continue`
//! paging, handing `?watch=true` to the watch module, and deletecollection.

use std::ops::Bound;
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
/// With a `page` (`continue` token, at most how many), only the objects after
/// the token and at most that many are cloned: a page of a big collection
/// costs the page, not the collection.
fn list(
    store: &Store,
    res: ResId,
    ns: Option<&str>,
    sel: &Selector,
    page: (Option<&str>, usize),
) -> (Vec<Value>, u64) {
    let (after, most) = page;
    // The token is the last `namespace/name` returned: go on right after it.
    let start = match after.and_then(|token| token.split_once('/')) {
        Some((n, name)) => Bound::Excluded((res, n.to_owned(), name.to_owned())),
        None => Bound::Included((res, String::new(), String::new())),
    };
    let st = store.lock();
    let items = st
        .objects
        .range((start, Bound::Unbounded))
        .take_while(|((r, _, _), _)| *r == res)
        .filter(|((_, n, _), v)| ns.is_none_or(|ns| ns == n) && sel.matches(v))
        .take(most)
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

/// `(namespace, name)` as one string: the `continue` token [`list`] resumes after.
fn page_key(v: &Value) -> String {
    let field = |f: &str| v["metadata"][f].as_str().unwrap_or("").to_owned();
    format!("{}/{}", field("namespace"), field("name"))
}

/// One page of a list; the `continue` token is the last key returned.
fn page(env: &WatchEnv, t: &Target, params: &Params, sel: &Selector) -> Value {
    let after = params.get("continue").filter(|c| !c.is_empty());
    let limit = params.get("limit").and_then(|s| s.parse::<usize>().ok());
    // One more than the page, to know whether another page follows.
    let most = limit
        .filter(|n| *n > 0)
        .map_or(usize::MAX, |n| n.saturating_add(1));
    let (mut items, rv) = list(
        &env.store,
        t.res,
        t.ns.as_deref(),
        sel,
        (after.map(String::as_str), most),
    );
    let mut meta = json!({"resourceVersion": rv.to_string()});
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
    let (items, _) = list(&env.store, t.res, t.ns.as_deref(), &sel, (None, usize::MAX));
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
