//! `?watch=true` streams: newline-delimited JSON events, replayed from the bounded
//! history after the requested resourceVersion (or a synthetic ADDED snapshot
//! for `resourceVersion` unset/`0`), then live changes, periodic BOOKMARKs,
//! `timeoutSeconds`, and `410 Gone` (`Expired`) when history no longer reaches back.
//! Each stream is a task that ends on timeout, client disconnect, expiry or
//! server shutdown, so connections close cleanly.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use bytes::Bytes;
use futures::StreamExt;
use serde_json::{Value, json};
use tokio::sync::{broadcast, mpsc, watch};
use tokio_stream::wrappers::ReceiverStream;

use super::resources::ResId;
use super::selector::Selector;
use super::status::ApiStatus;
use super::store::{Change, ChangeType, Signal, Store};

/// The server's watch limit when the client sets no `timeoutSeconds`.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(3600);

/// What one watch request asked for.
pub(crate) struct WatchRequest {
    pub res: ResId,
    pub ns: Option<String>,
    pub selector: Selector,
    pub resource_version: Option<String>,
    pub bookmarks: bool,
    pub send_initial_events: bool,
    pub timeout: Option<Duration>,
}

/// Stream-wide settings owned by the server.
#[derive(Clone)]
pub(crate) struct WatchEnv {
    pub store: Arc<Store>,
    pub bookmark_interval: Duration,
    pub shutdown: watch::Receiver<bool>,
    /// Number of open watch streams, for callers that must wait until a
    /// client's watch is established.
    pub open: Arc<watch::Sender<usize>>,
}

/// Counts one open stream for as long as it lives.
struct OpenGuard(Arc<watch::Sender<usize>>);

impl OpenGuard {
    fn new(open: &Arc<watch::Sender<usize>>) -> Self {
        open.send_modify(|n| *n += 1);
        Self(open.clone())
    }
}

impl Drop for OpenGuard {
    fn drop(&mut self) {
        self.0.send_modify(|n| *n = n.saturating_sub(1));
    }
}

/// `{"type":…,"object":…}` in that order, as the API server writes it: a
/// `json!` map would sort "object" first and make clients buffer the object.
fn line(kind: &str, object: &Value) -> Bytes {
    let mut out = format!("{{\"type\":\"{kind}\",\"object\":").into_bytes();
    serde_json::to_writer(&mut out, object)
        .expect("invariant: serde_json::Value always serializes");
    out.extend_from_slice(b"}\n");
    Bytes::from(out)
}

fn gone(message: String) -> Bytes {
    line("ERROR", &ApiStatus::expired(message).to_json())
}

impl WatchRequest {
    fn wants(&self, res: ResId, ns: &str) -> bool {
        res == self.res && self.ns.as_deref().is_none_or(|n| n == ns)
    }

    /// How one change looks to this watcher: objects entering or leaving the
    /// selector appear as ADDED or DELETED.
    fn translate(&self, c: &Change) -> Option<Bytes> {
        if !self.wants(c.res, &c.namespace) {
            return None;
        }
        let now = self.selector.matches(&c.object);
        let before = c
            .previous
            .as_ref()
            .is_some_and(|p| self.selector.matches(p));
        let kind = match (c.kind, before, now) {
            (ChangeType::Added, _, true) => "ADDED",
            (ChangeType::Modified, true, true) => "MODIFIED",
            (ChangeType::Modified, false, true) => "ADDED",
            (ChangeType::Modified, true, false) => "DELETED",
            (ChangeType::Deleted, b, n) if b || n => "DELETED",
            _ => return None,
        };
        Some(line(kind, &c.object))
    }

    fn bookmark(&self, store: &Store, rv: u64, initial_end: bool) -> Bytes {
        let r = store.table.get(self.res);
        let mut meta = json!({"resourceVersion": rv.to_string()});
        if initial_end {
            meta["annotations"] = json!({"k8s.io/initial-events-end": "true"});
        }
        line(
            "BOOKMARK",
            &json!({"kind": r.kind, "apiVersion": r.api_version(), "metadata": meta}),
        )
    }
}

/// Opens a watch: computes the initial events atomically with subscribing, then
/// hands the rest to a streaming task.
pub(crate) fn open(env: WatchEnv, req: WatchRequest) -> Result<Body, ApiStatus> {
    let from = match req.resource_version.as_deref() {
        None | Some("") | Some("0") => None,
        Some(rv) => Some(
            rv.parse::<u64>()
                .map_err(|_| ApiStatus::bad_request(format!("invalid resourceVersion {rv:?}")))?,
        ),
    };
    let (initial, rx, start_rv) = {
        let st = env.store.lock();
        let rx = env.store.subscribe();
        let mut initial: Vec<Bytes> = Vec::new();
        match from {
            None => {
                initial.extend(
                    st.objects
                        .iter()
                        .filter(|((r, ns, _), v)| req.wants(*r, ns) && req.selector.matches(v))
                        .map(|(_, v)| line("ADDED", v)),
                );
                if req.send_initial_events && req.bookmarks {
                    initial.push(req.bookmark(&env.store, st.rv, true));
                }
            }
            Some(rv) => match Store::history_after(&st, rv) {
                Ok(changes) => initial.extend(changes.iter().filter_map(|c| req.translate(c))),
                Err(oldest) => {
                    let msg = format!("too old resource version: {rv} ({oldest})");
                    let body = Body::from(gone(msg));
                    return Ok(body);
                }
            },
        }
        (initial, rx, st.rv)
    };
    let (tx, out) = mpsc::channel::<Bytes>(256);
    let guard = OpenGuard::new(&env.open);
    tokio::spawn(run(env, req, initial, rx, start_rv, tx, guard));
    Ok(Body::from_stream(
        ReceiverStream::new(out).map(Ok::<_, Infallible>),
    ))
}

async fn run(
    env: WatchEnv,
    req: WatchRequest,
    initial: Vec<Bytes>,
    mut rx: broadcast::Receiver<Signal>,
    start_rv: u64,
    tx: mpsc::Sender<Bytes>,
    _open: OpenGuard,
) {
    for event in initial {
        if tx.send(event).await.is_err() {
            return;
        }
    }
    let mut shutdown = env.shutdown.clone();
    let deadline = tokio::time::sleep(req.timeout.unwrap_or(DEFAULT_TIMEOUT));
    tokio::pin!(deadline);
    let period = env.bookmark_interval.max(Duration::from_millis(10));
    let mut ticks = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
    // The newest version this stream has seen, relevant or not: safe to resume from.
    let mut last_rv = start_rv;
    loop {
        let step = tokio::select! {
            // Dropped sender (server gone) also ends the stream.
            _ = async { let _ = shutdown.wait_for(|stop| *stop).await; } => return,
            _ = &mut deadline => return,
            _ = tx.closed() => return,
            _ = ticks.tick(), if req.bookmarks => Step::Send(req.bookmark(&env.store, last_rv, false)),
            msg = rx.recv() => match msg {
                Ok(Signal::Change(c)) => {
                    last_rv = c.rv;
                    req.translate(&c).map_or(Step::Skip, Step::Send)
                }
                Ok(Signal::Expire) => Step::Last(gone(format!("too old resource version: {last_rv}"))),
                // Too slow to keep up: the client must relist, as with a real server.
                Err(broadcast::error::RecvError::Lagged(_)) => Step::Last(gone("watch fell behind; relist".into())),
                Err(broadcast::error::RecvError::Closed) => return,
            },
        };
        match step {
            Step::Skip => {}
            Step::Send(bytes) => {
                if tx.send(bytes).await.is_err() {
                    return;
                }
            }
            Step::Last(bytes) => {
                let _ = tx.send(bytes).await;
                return;
            }
        }
    }
}

/// What one wake-up of a stream task does next.
enum Step {
    Skip,
    Send(Bytes),
    /// Send, then end the stream.
    Last(Bytes),
}
