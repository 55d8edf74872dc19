//! Starts the cluster watch on every replica (standbys keep warm caches).

use std::sync::Arc;

use guardian_core::Clock;
use guardian_kube::scope::{WatchScope, WatchSettings};
use guardian_kube::update::Update;
use guardian_kube::watch::{ClusterWatch, ResyncHandle};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

/// Updates queued between the watch and the writer; the watch waits when full,
/// so a slow database slows the watch instead of dropping changes.
const QUEUE: usize = 8192;

pub(crate) struct Cluster {
    pub updates: mpsc::Receiver<Update>,
    /// The warm caches, readable on every replica.
    pub index: guardian_kube::cluster_index::ClusterIndex,
    pub resync: ResyncHandle,
    pub task: JoinHandle<()>,
}

pub(crate) fn start(client: kube::Client, scope: &WatchScope, clock: Arc<dyn Clock>) -> Cluster {
    let watch =
        ClusterWatch::new(client, scope.clone(), WatchSettings::default()).with_clock(clock);
    let resync = watch.resync_handle();
    let index = watch.index();
    let (sender, updates) = mpsc::channel(QUEUE);
    let task = tokio::spawn(watch.run(sender));
    Cluster {
        updates,
        index,
        resync,
        task,
    }
}
