//! Starts the cluster watch on every replica (standbys keep warm caches), and
//! beside it the sweep that closes runs whose Job vanished while nobody watched.

mod vanished;

use std::sync::Arc;

use guardian_core::Clock;
use guardian_kube::scope::{WatchScope, WatchSettings};
use guardian_kube::update::Update;
use guardian_kube::watch::ClusterWatch;
use guardian_store::Store;
use tokio::sync::{Notify, mpsc};
use tokio::task::JoinHandle;

use vanished::Sweeper;

/// Updates queued between the watch and the writer; the watch waits when full,
/// so a slow database slows the watch instead of dropping changes.
const QUEUE: usize = 8192;

pub(crate) struct Cluster {
    pub updates: mpsc::Receiver<Update>,
    /// The warm caches, readable on every replica.
    pub index: guardian_kube::cluster_index::ClusterIndex,
    pub resync: ResyncHandle,
    /// The watch and the sweep; aborting it stops both.
    pub task: JoinHandle<()>,
}

/// Asked for by a new leader: the watch re-sends everything it holds, and runs
/// recorded as running whose Job is gone are closed.
#[derive(Debug, Clone)]
pub struct ResyncHandle {
    watch: guardian_kube::watch::ResyncHandle,
    sweep: Arc<Notify>,
}

impl ResyncHandle {
    pub fn request(&self) {
        self.watch.request();
        self.sweep.notify_one();
    }
}

pub(crate) fn start(
    client: kube::Client,
    store: Store,
    scope: &WatchScope,
    clock: Arc<dyn Clock>,
) -> Cluster {
    let watch = ClusterWatch::new(client.clone(), scope.clone(), WatchSettings::default())
        .with_clock(clock.clone());
    let index = watch.index();
    let (sender, updates) = mpsc::channel(QUEUE);
    let sweep = Arc::new(Notify::new());
    let sweeper = Sweeper {
        store,
        client,
        index: index.clone(),
        scope: scope.clone(),
        clock,
        requests: sweep.clone(),
        updates: sender.clone(),
    };
    let resync = ResyncHandle {
        watch: watch.resync_handle(),
        sweep,
    };
    let task = tokio::spawn(async move {
        // The sweep never ends on its own; the watch ends when the writer side closes.
        tokio::select! {
            () = watch.run(sender) => {}
            () = sweeper.run() => {}
        }
    });
    Cluster {
        updates,
        index,
        resync,
        task,
    }
}
