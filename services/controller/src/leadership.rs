//! What the rest of the controller knows of the current leadership: the epoch
//! that fences this replica's writes (`None` on a standby), and a notice of the
//! last sequence it committed, which wakes event-stream followers at once.

use guardian_core::{Epoch, Event, Sequence};
use tokio::sync::watch;

/// Publisher side, owned by the role loop and the writers.
#[derive(Debug)]
pub struct LeadershipTx {
    epoch: watch::Sender<Option<Epoch>>,
}

/// Reader side: cheap to clone into services.
#[derive(Debug, Clone)]
pub struct Leadership {
    epoch: watch::Receiver<Option<Epoch>>,
    committed_tx: watch::Sender<Sequence>,
}

/// A new pair; nobody leads yet.
pub fn channel() -> (LeadershipTx, Leadership) {
    let (epoch, epoch_rx) = watch::channel(None);
    let (committed, _) = watch::channel(Sequence(0));
    let reader = Leadership {
        epoch: epoch_rx,
        committed_tx: committed,
    };
    (LeadershipTx { epoch }, reader)
}

impl LeadershipTx {
    /// Leads under `epoch`. Only now is this replica a working leader: holding the
    /// lease without an epoch writes nothing, so `leader_status` says 1 from here.
    pub fn lead(&self, epoch: Epoch) {
        self.epoch.send_replace(Some(epoch));
        metrics::gauge!(crate::metrics::LEADER_EPOCH).set(epoch.0 as f64);
        guardian_election::metrics::set_leader_status(true);
    }

    pub fn stand_by(&self) {
        self.epoch.send_replace(None);
        guardian_election::metrics::set_leader_status(false);
    }
}

impl Leadership {
    /// The epoch to fence writes with, when this replica leads.
    pub fn epoch(&self) -> Option<Epoch> {
        *self.epoch.borrow()
    }

    /// Receives the last sequence committed by this process.
    pub fn commits(&self) -> watch::Receiver<Sequence> {
        self.committed_tx.subscribe()
    }

    /// Announces freshly committed events to followers.
    pub fn announce(&self, events: &[Event]) {
        if let Some(last) = events.last() {
            self.committed_tx.send_if_modified(|current| {
                let newer = last.sequence > *current;
                if newer {
                    *current = last.sequence;
                }
                newer
            });
        }
    }
}
