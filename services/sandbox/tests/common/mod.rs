//! Helpers shared by the kube_api integration tests: pod fixtures and a
//! timeout guard for awaiting stream items (a failure guard, not a timing check).

#![allow(dead_code)]

use std::future::Future;
use std::time::Duration;

use futures::{Stream, StreamExt};
use k8s_openapi::api::core::v1::Pod;
use serde_json::json;

/// The Kubernetes `Status` inside an API error; panics on any other error.
pub fn api_error(err: kube::Error) -> Box<kube::core::Status> {
    match err {
        kube::Error::Api(status) => status,
        other => panic!("expected an API error, got {other:?}"),
    }
}

/// Generous upper bound on how long any single expected event may take.
pub const GUARD: Duration = Duration::from_secs(30);

/// Awaits `fut`, failing the test if it hangs.
pub async fn guard<T>(what: &str, fut: impl Future<Output = T>) -> T {
    tokio::time::timeout(GUARD, fut)
        .await
        .unwrap_or_else(|_| panic!("timed out waiting for {what}"))
}

/// The next item of a stream, failing on timeout or end of stream.
pub async fn next<S: Stream + Unpin>(what: &str, stream: &mut S) -> S::Item {
    guard(what, stream.next())
        .await
        .unwrap_or_else(|| panic!("stream ended while waiting for {what}"))
}

/// A one-container pod with the given labels.
pub fn pod(name: &str, labels: &[(&str, &str)]) -> Pod {
    let labels: serde_json::Map<String, serde_json::Value> = labels
        .iter()
        .map(|(k, v)| ((*k).to_owned(), json!(v)))
        .collect();
    serde_json::from_value(json!({
        "metadata": {"name": name, "labels": labels},
        "spec": {"containers": [{"name": "main", "image": "busybox"}]},
    }))
    .expect("pod fixture is valid")
}
