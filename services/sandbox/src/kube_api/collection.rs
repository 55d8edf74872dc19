//! Collection verbs: list with label/field selectors and `limit`/`continue`
//! paging, handing `?watch=true` to the watch module, and deletecollection.

use std::collections::BTreeMap;
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
use super::store::{Key, Store};
use super::watch::{self, WatchEnv, WatchRequest};

/// Objects of one resource (in one namespace, or all when `ns` is `None`)
/// matching `sel`, in (namespace, name) order, as they were at resourceVersion
/// `at` (`None`: now), and the version they are read at. With a `page` (the key
/// to go on after, at most how many), only the objects after the key and at most
/// that many are cloned: a page of a big collection costs the page (plus the
/// changes made since `at`), not the collection. `Err(compacted)` when the history
/// no longer reaches back to `at`.
fn list(
    store: &Store,
    res: ResId,
    ns: Option<&str>,
    sel: &Selector,
    page: (Option<&str>, usize),
    at: Option<u64>,
) -> Result<(Vec<Value>, u64), u64> {
    let (after, most) = page;
    // The key is the last `namespace/name` returned: go on right after it.
    let start = match after.and_then(|key| key.split_once('/')) {
        Some((n, name)) => Bound::Excluded((res, n.to_owned(), name.to_owned())),
        None => Bound::Included((res, String::new(), String::new())),
    };
    let st = store.lock();
    let at = at.unwrap_or(st.rv).min(st.rv);
    // What changed since `at`, as it was at `at` (`None`: it did not exist yet).
    let mut then: BTreeMap<Key, Option<Value>> = BTreeMap::new();
    for change in Store::history_after(&st, at)? {
        if change.res != res {
            continue;
        }
        let name = change.object["metadata"]["name"].as_str().unwrap_or("");
        let key = (res, change.namespace.clone(), name.to_owned());
        then.entry(key).or_insert_with(|| change.previous.clone());
    }
    let now = st.objects.range((start.clone(), Bound::Unbounded));
    let changed = then.range((start, Bound::Unbounded));
    let items = merge_keys(now, changed)
        .take_while(|(key, _)| key.0 == res)
        .filter(|(key, _)| ns.is_none_or(|ns| ns == key.1))
        .filter_map(|(_, v)| v)
        .filter(|v| sel.matches(v))
        .take(most)
        .cloned()
        .collect();
    Ok((items, at))
}

/// Walks two key-ordered maps as one; where both hold a key, `then` wins.
fn merge_keys<'a>(
    now: impl Iterator<Item = (&'a Key, &'a Value)>,
    then: impl Iterator<Item = (&'a Key, &'a Option<Value>)>,
) -> impl Iterator<Item = (&'a Key, Option<&'a Value>)> {
    let mut now = now.peekable();
    let mut then = then.peekable();
    std::iter::from_fn(move || match (now.peek(), then.peek()) {
        (Some((a, _)), Some((b, _))) if a < b => now.next().map(|(k, v)| (k, Some(v))),
        (Some((a, _)), Some((b, _))) if a == b => {
            now.next();
            then.next().map(|(k, v)| (k, v.as_ref()))
        }
        (_, Some(_)) => then.next().map(|(k, v)| (k, v.as_ref())),
        (Some(_), None) => now.next().map(|(k, v)| (k, Some(v))),
        (None, None) => None,
    })
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
        return Ok(json_response(StatusCode::OK, page(env, t, params, &sel)?));
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

/// `(namespace, name)` as one string: the key a page ends with.
fn page_key(v: &Value) -> String {
    let field = |f: &str| v["metadata"][f].as_str().unwrap_or("").to_owned();
    format!("{}/{}", field("namespace"), field("name"))
}

/// One page of a list. As on a real API server, every page of one list comes from
/// the same snapshot: the `continue` token carries the first page's resourceVersion
/// (`<rv>/<namespace>/<name>`), every page reports that version, and a watch started
/// from it replays exactly what changed while the pages were read. A token older
/// than the history kept gets 410 Expired.
fn page(env: &WatchEnv, t: &Target, params: &Params, sel: &Selector) -> Result<Value, ApiStatus> {
    let token = params.get("continue").filter(|c| !c.is_empty());
    let (at, after) = match token {
        Some(token) => {
            let (rv, key) = token
                .split_once('/')
                .and_then(|(rv, key)| Some((rv.parse::<u64>().ok()?, key)))
                .ok_or_else(|| ApiStatus::bad_request("continue key is not valid"))?;
            (Some(rv), Some(key))
        }
        None => (None, None),
    };
    let limit = params.get("limit").and_then(|s| s.parse::<usize>().ok());
    // One more than the page, to know whether another page follows.
    let most = limit
        .filter(|n| *n > 0)
        .map_or(usize::MAX, |n| n.saturating_add(1));
    let (mut items, rv) = list(&env.store, t.res, t.ns.as_deref(), sel, (after, most), at)
        .map_err(|compacted| {
            ApiStatus::expired(format!(
                "The provided continue parameter is too old to display a consistent list result. \
                 Start a new list without the continue parameter (oldest version kept: {compacted})."
            ))
        })?;
    let mut meta = json!({"resourceVersion": rv.to_string()});
    if let Some(limit) = limit.filter(|n| *n > 0)
        && items.len() > limit
    {
        items.truncate(limit);
        let last = items.last().map(page_key).unwrap_or_default();
        meta["continue"] = json!(format!("{rv}/{last}"));
    }
    Ok(list_doc(&env.store, t.res, meta, items))
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
    let (items, _) = list(
        &env.store,
        t.res,
        t.ns.as_deref(),
        &sel,
        (None, usize::MAX),
        None,
    )
    .unwrap_or_default();
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
