//! Discovery documents built from the resource table: `/version`, `/api`,
//! `/apis`, per-group-version `APIResourceList`s, and the aggregated (v2) form
//! that `kube::Discovery::run_aggregated` and recent kubectl request.

use serde_json::{Value, json};

use super::resources::{Resource, Table};

/// Content type of an aggregated discovery document.
pub(crate) const AGGREGATED_CONTENT_TYPE: &str =
    "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

/// `Accept` value that selects aggregated discovery.
pub(crate) fn wants_aggregated(accept: &str) -> bool {
    accept.contains("as=APIGroupDiscoveryList")
}

pub(crate) fn version() -> Value {
    json!({
        "major": "1",
        "minor": "33",
        "gitVersion": "v1.33.0-guardian-testkit",
        "gitCommit": "0000000000000000000000000000000000000000",
        "gitTreeState": "clean",
        "buildDate": "2025-01-01T00:00:00Z",
        "goVersion": "n/a (in-memory stand-in)",
        "compiler": "rustc",
        "platform": "linux/amd64",
    })
}

/// `GET /api`: core versions.
pub(crate) fn core_versions(table: &Table) -> Value {
    json!({
        "kind": "APIVersions",
        "versions": table.versions(""),
        "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0", "serverAddress": "127.0.0.1"}],
    })
}

/// `GET /apis`: named groups.
pub(crate) fn groups(table: &Table) -> Value {
    let groups: Vec<Value> = table
        .groups()
        .into_iter()
        .filter(|g| !g.is_empty())
        .map(|g| {
            let versions: Vec<Value> = table
                .versions(g)
                .into_iter()
                .map(|v| json!({"groupVersion": format!("{g}/{v}"), "version": v}))
                .collect();
            json!({"name": g, "versions": versions, "preferredVersion": versions[0]})
        })
        .collect();
    json!({"kind": "APIGroupList", "apiVersion": "v1", "groups": groups})
}

fn verbs() -> Value {
    json!([
        "create",
        "delete",
        "deletecollection",
        "get",
        "list",
        "patch",
        "update",
        "watch"
    ])
}

/// `GET /api/v1` or `/apis/{group}/{version}`; `None` for an unknown pair.
pub(crate) fn resource_list(table: &Table, group: &str, version: &str) -> Option<Value> {
    let mut resources = Vec::new();
    for r in table
        .all()
        .iter()
        .filter(|r| r.group == group && r.version == version)
    {
        resources.push(json!({
            "name": r.plural, "singularName": r.singular(), "namespaced": r.namespaced,
            "kind": r.kind, "verbs": verbs(),
        }));
        if r.status {
            resources.push(json!({
                "name": format!("{}/status", r.plural), "singularName": "", "namespaced": r.namespaced,
                "kind": r.kind, "verbs": ["get", "patch", "update"],
            }));
        }
        if r.log {
            resources.push(json!({
                "name": format!("{}/log", r.plural), "singularName": "", "namespaced": r.namespaced,
                "kind": r.kind, "verbs": ["get"],
            }));
        }
    }
    if resources.is_empty() {
        return None;
    }
    let group_version = if group.is_empty() {
        version.to_owned()
    } else {
        format!("{group}/{version}")
    };
    Some(json!({
        "kind": "APIResourceList", "apiVersion": "v1",
        "groupVersion": group_version, "resources": resources,
    }))
}

fn aggregated_resource(r: &Resource) -> Value {
    let kind = json!({"group": r.group, "version": r.version, "kind": r.kind});
    let mut subs = Vec::new();
    if r.status {
        subs.push(json!({"subresource": "status", "responseKind": kind, "verbs": ["get", "patch", "update"]}));
    }
    if r.log {
        subs.push(json!({"subresource": "log", "responseKind": kind, "verbs": ["get"]}));
    }
    json!({
        "resource": r.plural, "responseKind": kind, "singularResource": r.singular(),
        "scope": if r.namespaced { "Namespaced" } else { "Cluster" },
        "verbs": verbs(), "subresources": subs,
    })
}

/// Aggregated discovery for the core group (`core == true`) or all named groups.
pub(crate) fn aggregated(table: &Table, core: bool) -> Value {
    let items: Vec<Value> = table
        .groups()
        .into_iter()
        .filter(|g| g.is_empty() == core)
        .map(|g| {
            let versions: Vec<Value> = table
                .versions(g)
                .into_iter()
                .map(|v| {
                    let resources: Vec<Value> = table
                        .all()
                        .iter()
                        .filter(|r| r.group == g && r.version == v)
                        .map(aggregated_resource)
                        .collect();
                    json!({"version": v, "resources": resources, "freshness": "Current"})
                })
                .collect();
            json!({"metadata": {"name": g}, "versions": versions})
        })
        .collect();
    json!({
        "kind": "APIGroupDiscoveryList", "apiVersion": "apidiscovery.k8s.io/v2",
        "metadata": {}, "items": items,
    })
}
