//! The HTTP surface: Kubernetes REST paths (`/api/v1/...`, `/apis/{g}/{v}/...`,
//! namespaced and cluster-wide) parsed by hand against the resource table and
//! dispatched by method to list / watch / get / create / replace / patch / delete.

use std::collections::HashMap;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use serde_json::{Value, json};

use super::collection;
use super::discovery;
use super::logs;
use super::ops::{self, Part, PatchBody};
use super::resources::ResId;
use super::status::ApiStatus;
use super::watch::WatchEnv;

pub(super) type Params = HashMap<String, String>;

/// The stand-in's router; state is the shared store plus watch settings.
pub(crate) fn router(env: WatchEnv) -> Router {
    Router::new()
        .route(
            "/version",
            get(|| async { axum::Json(discovery::version()) }),
        )
        .route("/api", get(api_root))
        .route("/apis", get(apis_root))
        .route("/api/{*rest}", any(core_group))
        .route("/apis/{*rest}", any(named_group))
        .with_state(env)
}

pub(super) fn json_response(code: StatusCode, v: Value) -> Response {
    (code, axum::Json(v)).into_response()
}

async fn api_root(State(env): State<WatchEnv>, headers: HeaderMap) -> Response {
    let table = &env.store.table;
    if discovery::wants_aggregated(accept(&headers)) {
        return aggregated(discovery::aggregated(table, true));
    }
    json_response(StatusCode::OK, discovery::core_versions(table))
}

async fn apis_root(State(env): State<WatchEnv>, headers: HeaderMap) -> Response {
    let table = &env.store.table;
    if discovery::wants_aggregated(accept(&headers)) {
        return aggregated(discovery::aggregated(table, false));
    }
    json_response(StatusCode::OK, discovery::groups(table))
}

/// Clients (client-go) tell aggregated from legacy discovery by content type.
fn aggregated(doc: Value) -> Response {
    let ctype = [(header::CONTENT_TYPE, discovery::AGGREGATED_CONTENT_TYPE)];
    (StatusCode::OK, ctype, axum::Json(doc)).into_response()
}

fn accept(headers: &HeaderMap) -> &str {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

/// One request, decoded from the URL and headers.
pub(super) struct Call {
    pub method: Method,
    pub params: Params,
    pub headers: HeaderMap,
    pub body: Bytes,
}

async fn core_group(
    State(env): State<WatchEnv>,
    method: Method,
    Path(rest): Path<String>,
    Query(params): Query<Params>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let segs: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
    let call = Call {
        method,
        params,
        headers,
        body,
    };
    match segs.split_first() {
        Some((version, tail)) => route(&env, "", version, tail, call),
        None => not_found().into_response(),
    }
}

async fn named_group(
    State(env): State<WatchEnv>,
    method: Method,
    Path(rest): Path<String>,
    Query(params): Query<Params>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let segs: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
    let call = Call {
        method,
        params,
        headers,
        body,
    };
    match segs.as_slice() {
        [group, version, tail @ ..] => route(&env, group, version, tail, call),
        _ => not_found().into_response(),
    }
}

fn not_found() -> ApiStatus {
    ApiStatus::no_route()
}

/// Resolves `[namespaces/{ns}/]{plural}[/{name}[/{sub}]]` and dispatches.
fn route(env: &WatchEnv, group: &str, version: &str, tail: &[&str], call: Call) -> Response {
    let table = &env.store.table;
    if tail.is_empty() {
        return match discovery::resource_list(table, group, version) {
            Some(doc) if call.method == Method::GET => json_response(StatusCode::OK, doc),
            _ => not_found().into_response(),
        };
    }
    let namespaced_at = |i: usize| {
        tail.get(i)
            .and_then(|p| table.by_plural(group, version, p))
            .filter(|id| table.get(*id).namespaced)
    };
    let (ns, rest) = match (tail.first(), tail.get(1), namespaced_at(2)) {
        (Some(&"namespaces"), Some(ns), Some(_)) => (Some(*ns), &tail[2..]),
        _ => (None, tail),
    };
    let Some(res) = table.by_plural(group, version, rest[0]) else {
        return not_found().into_response();
    };
    if rest.len() > 3 {
        return not_found().into_response();
    }
    let target = Target {
        res,
        ns: ns.map(str::to_owned),
        name: rest.get(1).map(|s| s.to_string()),
        sub: rest.get(2).map(|s| s.to_string()),
    };
    match dispatch(env, target, call) {
        Ok(resp) => resp,
        Err(status) => status.into_response(),
    }
}

pub(super) struct Target {
    pub res: ResId,
    pub ns: Option<String>,
    pub name: Option<String>,
    pub sub: Option<String>,
}

fn dispatch(env: &WatchEnv, t: Target, call: Call) -> Result<Response, ApiStatus> {
    let store = &env.store;
    let resource = store.table.get(t.res).clone();
    if resource.namespaced && t.ns.is_none() && (t.name.is_some() || call.method == Method::POST) {
        return Err(method_not_allowed());
    }
    let ns = t.ns.clone().unwrap_or_default();
    let part = match t.sub.as_deref() {
        None => Part::Main,
        Some("status") if resource.status => Part::Status,
        Some("log") if resource.log && call.method == Method::GET => {
            let name = t.name.as_deref().unwrap_or_default();
            let text = logs::read(store, t.res, &ns, name, &call.params)?;
            let plain = [(header::CONTENT_TYPE, "text/plain")];
            return Ok((StatusCode::OK, plain, text).into_response());
        }
        Some(_) => return Err(not_found()),
    };
    let ok = |v: Value| Ok(json_response(StatusCode::OK, v));
    match (call.method.clone(), t.name.as_deref()) {
        (Method::GET, None) => collection::get(env, &t, &call.params),
        (Method::GET, Some(name)) => ok(store.get(t.res, &ns, name)?),
        (Method::POST, None) => {
            let created = ops::create(store, t.res, &ns, parse_body(&call.body)?)?;
            Ok(json_response(StatusCode::CREATED, created))
        }
        (Method::PUT, Some(name)) => {
            let body = parse_body(&call.body)?;
            ok(ops::replace(store, t.res, &ns, name, part, body)?)
        }
        (Method::PATCH, Some(name)) => {
            let patch = patch_body(&call)?;
            ok(ops::patch(store, t.res, &ns, name, part, patch)?)
        }
        (Method::DELETE, Some(name)) => {
            let opts = delete_options(&call)?;
            ok(ops::delete(store, t.res, &ns, name, &opts)?)
        }
        (Method::DELETE, None) => collection::delete(env, &t, &call),
        _ => Err(method_not_allowed()),
    }
}

fn method_not_allowed() -> ApiStatus {
    ApiStatus::method_not_allowed("the server does not allow this method on the requested resource")
}

fn patch_body(call: &Call) -> Result<PatchBody, ApiStatus> {
    let ctype = call
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    let manager = call.params.get("fieldManager").map(String::as_str);
    PatchBody::parse(ctype.unwrap_or(""), &call.body, manager)
}

fn parse_body(body: &[u8]) -> Result<Value, ApiStatus> {
    serde_json::from_slice(body)
        .map_err(|e| ApiStatus::bad_request(format!("invalid JSON body: {e}")))
}

/// `DeleteOptions` come in the body (kube-rs) or as query parameters (kubectl).
pub(super) fn delete_options(call: &Call) -> Result<Value, ApiStatus> {
    let mut opts = if call.body.is_empty() {
        json!({})
    } else {
        parse_body(&call.body)?
    };
    if let Some(p) = call.params.get("propagationPolicy") {
        opts["propagationPolicy"] = json!(p);
    }
    Ok(opts)
}
