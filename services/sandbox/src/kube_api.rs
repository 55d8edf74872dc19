//! An HTTP Kubernetes API stand-in on 127.0.0.1 that kube-rs's real `Client`,
//! `watcher` and reflectors talk to unchanged: an in-memory object store with a
//! global resourceVersion, list/watch/get/create/replace/patch/delete with
//! selectors, bookmarks, 410 Gone, status and log subresources, and discovery.
//!
//! Why: no real kube-apiserver can run on these machines, and scripted mocks
//! (tower-test) cannot exercise watchers end to end. The server core has no
//! test-only assumptions, so `cronjob-guardian dev` can serve a scripted sample
//! cluster from it; tests additionally get direct state helpers and scenario
//! helpers ([`scenario`]).
//!
//! Known simplifications: server-side apply is create-or-merge (no field
//! ownership), strategic merge is JSON merge (lists are replaced), `dryRun` is
//! ignored, both `events` APIs have separate storage, and the namespace of a
//! namespaced object need not exist.

mod auth;
mod collection;
mod direct;
mod discovery;
mod logs;
mod meta;
mod ops;
mod resources;
mod routes;
pub mod scenario;
mod selector;
mod status;
mod store;
mod watch;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use guardian_core::{Clock, SystemClock};
use tokio::task::JoinHandle;

pub use auth::AccessTable;
pub use meta::format_time;
pub use resources::{GUARDIAN_GROUP, GUARDIAN_VERSION, Resource, builtin_resources};
pub use selector::Selector;
pub use status::ApiStatus;

use direct::decode;
use store::Store;

/// Failures of the handle (the HTTP side reports [`ApiStatus`] to clients).
#[derive(Debug, thiserror::Error)]
pub enum KubeApiError {
    #[error("cannot bind the Kubernetes API stand-in on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("cannot build a kube client for {url}: {source}")]
    Client { url: String, source: kube::Error },
    #[error("the stand-in serves no resource {0}")]
    UnknownKind(String),
    #[error(transparent)]
    Api(#[from] ApiStatus),
    #[error("stored object does not decode as {kind}: {source}")]
    Decode {
        kind: &'static str,
        source: serde_json::Error,
    },
    #[error("object has no {0}")]
    Missing(&'static str),
}

/// How to run the stand-in.
pub struct KubeApiConfig {
    /// Listen address; port 0 picks a free port (see [`KubeApi::addr`]).
    pub bind: SocketAddr,
    /// Served resources; [`builtin_resources`] by default.
    pub resources: Vec<Resource>,
    /// Changes kept for resuming watches; older versions get 410 Gone.
    pub history_limit: usize,
    /// How often watches that allow bookmarks get one.
    pub bookmark_interval: Duration,
    /// Source of `creationTimestamp` and scenario times.
    pub clock: Arc<dyn Clock>,
}

impl Default for KubeApiConfig {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 0)),
            resources: builtin_resources(),
            history_limit: 1000,
            bookmark_interval: Duration::from_secs(1),
            clock: Arc::new(SystemClock),
        }
    }
}

impl std::fmt::Debug for KubeApiConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KubeApiConfig")
            .field("bind", &self.bind)
            .field("resources", &self.resources.len())
            .field("history_limit", &self.history_limit)
            .field("bookmark_interval", &self.bookmark_interval)
            .finish_non_exhaustive()
    }
}

/// A running stand-in. Dropping it stops the server and ends open watches.
pub struct KubeApi {
    addr: SocketAddr,
    url: String,
    store: Arc<Store>,
    shutdown: tokio::sync::watch::Sender<bool>,
    open_watches: Arc<tokio::sync::watch::Sender<usize>>,
    access: AccessTable,
    server: Option<JoinHandle<()>>,
}

impl KubeApi {
    /// Starts with [`KubeApiConfig::default`] on a free loopback port.
    pub async fn start() -> Result<Self, KubeApiError> {
        Self::start_with(KubeApiConfig::default()).await
    }

    /// Starts with explicit settings.
    pub async fn start_with(config: KubeApiConfig) -> Result<Self, KubeApiError> {
        let bind = config.bind;
        let listener = tokio::net::TcpListener::bind(bind)
            .await
            .and_then(|l| Ok((l.local_addr()?, l)))
            .map_err(|source| KubeApiError::Bind { addr: bind, source });
        let (addr, listener) = listener?;
        let table = resources::Table::new(config.resources);
        let store = Arc::new(Store::new(table, config.clock, config.history_limit));
        let (shutdown, stop) = tokio::sync::watch::channel(false);
        let open_watches = Arc::new(tokio::sync::watch::Sender::new(0));
        let env = watch::WatchEnv {
            store: store.clone(),
            bookmark_interval: config.bookmark_interval,
            shutdown: stop.clone(),
            open: open_watches.clone(),
        };
        let access = AccessTable::default();
        let app = routes::router(env).merge(auth::router(access.clone()));
        let mut stop = stop;
        let server = tokio::spawn(async move {
            let signal = async move {
                // A dropped sender counts as a stop too.
                let _ = stop.wait_for(|s| *s).await;
            };
            if let Err(e) = axum::serve(listener, app)
                .with_graceful_shutdown(signal)
                .await
            {
                tracing::warn!(error = %e, "kube API stand-in stopped with an error");
            }
        });
        tracing::info!(%addr, "kube API stand-in listening");
        Ok(Self {
            addr,
            url: format!("http://{addr}"),
            store,
            shutdown,
            open_watches,
            access,
            server: Some(server),
        })
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// A kube config pointing at this server (default namespace `default`).
    pub fn config(&self) -> kube::Config {
        let uri = self
            .url
            .parse()
            .expect("invariant: http://ip:port is a valid URI");
        kube::Config::new(uri)
    }

    /// A ready kube-rs client for this server.
    pub fn client(&self) -> Result<kube::Client, KubeApiError> {
        kube::Client::try_from(self.config()).map_err(|source| KubeApiError::Client {
            url: self.url.clone(),
            source,
        })
    }

    /// A kubeconfig document for kubectl-like tools.
    pub fn kubeconfig(&self) -> String {
        format!(
            "apiVersion: v1\nkind: Config\nclusters:\n- name: sandbox\n  cluster:\n    server: {}\n\
             contexts:\n- name: sandbox\n  context:\n    cluster: sandbox\n    user: sandbox\n    \
             namespace: default\ncurrent-context: sandbox\nusers:\n- name: sandbox\n  user: {{}}\n",
            self.url
        )
    }

    /// The tokens and grants its TokenReview and SubjectAccessReview answer from.
    pub fn access(&self) -> &AccessTable {
        &self.access
    }

    /// The newest resourceVersion assigned.
    pub fn resource_version(&self) -> u64 {
        self.store.resource_version()
    }

    /// Number of watch streams currently open.
    pub fn open_watches(&self) -> usize {
        *self.open_watches.borrow()
    }

    /// Waits until at least `n` watch streams are open, e.g. until a
    /// controller under test has established its watches.
    pub async fn wait_for_watches(&self, n: usize) {
        let mut rx = self.open_watches.subscribe();
        // The sender lives in `self`, so this cannot fail while we wait.
        let _ = rx.wait_for(|open| *open >= n).await;
    }

    /// Stops the server and waits until it has closed its connections.
    pub async fn shutdown(mut self) {
        let _ = self.shutdown.send(true);
        if let Some(server) = self.server.take() {
            let _ = server.await;
        }
    }
}

impl Drop for KubeApi {
    fn drop(&mut self) {
        // Open watch streams and the accept loop see this and end.
        let _ = self.shutdown.send(true);
    }
}
