//! Release notifications: a hint from a lease back-end that the lease was just given
//! up, so a standby attempts at once instead of at its next retry period (client-go
//! polls; the field pairs the lease with LISTEN/NOTIFY or a watch for this).
//!
//! A hint only shortens a standby's wait: the attempt that follows reads the lease and
//! the timing rules decide as always. A missed hint costs at most one retry period.

use tokio::sync::watch;

/// The sending side, kept by a back-end (or by its listener task).
#[derive(Debug, Clone)]
pub struct ReleaseNotifier {
    sender: watch::Sender<u64>,
}

/// The receiving side, held by an elector.
#[derive(Debug, Clone)]
pub struct ReleaseNotifications {
    receiver: watch::Receiver<u64>,
}

impl Default for ReleaseNotifier {
    fn default() -> Self {
        Self::new()
    }
}

impl ReleaseNotifier {
    pub fn new() -> Self {
        let (sender, _unused) = watch::channel(0);
        Self { sender }
    }

    /// Tells every subscriber that the lease was released.
    pub fn notify(&self) {
        self.sender
            .send_modify(|count| *count = count.wrapping_add(1));
    }

    /// A new subscriber; it sees releases from now on.
    pub fn subscribe(&self) -> ReleaseNotifications {
        ReleaseNotifications {
            receiver: self.sender.subscribe(),
        }
    }

    /// Whether anyone still listens (a listener task stops when nobody does).
    pub fn is_watched(&self) -> bool {
        self.sender.receiver_count() > 0
    }

    /// Resolves once every subscriber is gone.
    pub async fn unwatched(&self) {
        self.sender.closed().await;
    }
}

impl ReleaseNotifications {
    /// Forgets releases seen so far: call it before reading the lease, so a release
    /// that lands during the read still wakes the next wait.
    pub fn mark_seen(&mut self) {
        self.receiver.borrow_and_update();
    }

    /// Resolves at the next release not yet marked seen; never, once the notifier is
    /// gone (the elector then falls back to its retry period).
    pub async fn released(&mut self) {
        if self.receiver.changed().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use tokio::time::timeout;

    use super::*;

    const GUARD: Duration = Duration::from_secs(60);

    #[tokio::test(start_paused = true)]
    async fn a_release_during_a_read_wakes_the_next_wait() {
        let notifier = ReleaseNotifier::new();
        let mut notifications = notifier.subscribe();
        notifications.mark_seen();
        notifier.notify();
        timeout(GUARD, notifications.released())
            .await
            .expect("the earlier release is not lost");
        // Seen now: the next wait lasts until the next release.
        assert!(
            timeout(Duration::from_secs(1), notifications.released())
                .await
                .is_err()
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_gone_notifier_never_wakes_and_the_notifier_sees_its_subscribers_go() {
        let notifier = ReleaseNotifier::new();
        let mut notifications = notifier.subscribe();
        assert!(notifier.is_watched());
        drop(notifier);
        assert!(
            timeout(Duration::from_secs(1), notifications.released())
                .await
                .is_err()
        );
        let notifier = ReleaseNotifier::new();
        let subscriber = notifier.subscribe();
        drop(subscriber);
        assert!(!notifier.is_watched());
        timeout(GUARD, notifier.unwatched())
            .await
            .expect("closed once nobody listens");
    }
}
