//! The `pods/{name}/log` subresource: text a test or sandbox script set per
//! container, served as `text/plain` with `container`, `tailLines` and
//! `limitBytes`, and the real server's container-name rules.

use std::collections::HashMap;

use serde_json::Value;

use super::status::ApiStatus;
use super::store::Store;

fn container_names(pod: &Value) -> Vec<String> {
    ["/spec/containers", "/spec/initContainers"]
        .iter()
        .filter_map(|p| pod.pointer(p).and_then(Value::as_array))
        .flatten()
        .filter_map(|c| c["name"].as_str().map(str::to_owned))
        .collect()
}

/// Picks the container the way the API server does: explicit, or the only one.
fn pick_container(
    store: &Store,
    ns: &str,
    name: &str,
    pod: &Value,
    asked: Option<&String>,
) -> Result<String, ApiStatus> {
    let names = container_names(pod);
    if let Some(c) = asked {
        if !names.is_empty() && !names.contains(c) {
            return Err(ApiStatus::bad_request(format!(
                "container {c} is not valid for pod {name}"
            )));
        }
        return Ok(c.clone());
    }
    let main: Vec<&String> = match pod.pointer("/spec/containers").and_then(Value::as_array) {
        Some(cs) => names.iter().take(cs.len()).collect(),
        None => Vec::new(),
    };
    match main.as_slice() {
        [one] => Ok((*one).clone()),
        [] => {
            // No spec to go by: use the only log set for this pod, if any.
            let st = store.lock();
            let mut set = st
                .logs
                .keys()
                .filter(|(n, p, _)| n == ns && p == name)
                .map(|(_, _, c)| c.clone());
            Ok(match (set.next(), set.next()) {
                (Some(only), None) => only,
                _ => String::new(),
            })
        }
        many => Err(ApiStatus::bad_request(format!(
            "a container name must be specified for pod {name}, choose one of: [{}]",
            many.iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        ))),
    }
}

/// The log text for one pod container after `tailLines` and `limitBytes`.
pub(crate) fn read(
    store: &Store,
    res: usize,
    ns: &str,
    name: &str,
    params: &HashMap<String, String>,
) -> Result<String, ApiStatus> {
    let pod = store.get(res, ns, name)?;
    let container = pick_container(store, ns, name, &pod, params.get("container"))?;
    let text = store
        .lock()
        .logs
        .get(&(ns.to_owned(), name.to_owned(), container))
        .cloned()
        .unwrap_or_default();
    let mut out = match params
        .get("tailLines")
        .and_then(|n| n.parse::<usize>().ok())
    {
        Some(n) => {
            let lines: Vec<&str> = text.split_inclusive('\n').collect();
            lines[lines.len().saturating_sub(n)..].concat()
        }
        None => text,
    };
    if let Some(limit) = params
        .get("limitBytes")
        .and_then(|n| n.parse::<usize>().ok())
    {
        let mut cut = limit.min(out.len());
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out.truncate(cut);
    }
    Ok(out)
}
