//! Publishing the elector's claims to its receivers, and the last word when it stops.

use tokio::sync::watch;

use crate::{Claim, LeaseValidity, metrics};

/// Publishes claims; on drop (elector stopped or aborted) it publishes a standby claim,
/// so no receiver is left believing in a leadership nobody renews.
pub(super) struct Publisher {
    pub(super) sender: watch::Sender<Claim>,
    /// Ends with every step-down, also the one on drop.
    pub(super) validity: LeaseValidity,
}

impl Publisher {
    pub(super) fn publish(&self, claim: Claim) {
        self.sender.send_if_modified(|current| {
            let changed = *current != claim;
            *current = claim;
            changed
        });
    }

    pub(super) fn standby(&self, holder: Option<String>) {
        self.publish(Claim::Standby { holder });
    }
}

impl Drop for Publisher {
    fn drop(&mut self) {
        self.validity.revoke();
        if self.sender.borrow().is_leader() {
            metrics::set_leader_status(false);
            metrics::record_transition();
            self.standby(None);
        }
    }
}
