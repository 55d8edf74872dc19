//! Until when this replica may still write as leader, readable without waiting for
//! the elector's task to run.
//!
//! A leader steps down when it has not renewed for a renew deadline, but that step is
//! taken by the elector's task. A process that was frozen (SIGSTOP, a paused VM) past
//! its deadline thaws with every task runnable at once, and a writer may reach its
//! COMMIT before the elector notices. The writer therefore asks [`LeaseValidity`],
//! which compares the monotonic clock with the deadline of the last renewal: a thawed
//! leader sees at once that its claim ran out. The renew deadline ends before the lease
//! does, so a write that passes this check starts before any other replica can hold the
//! lease.

use std::sync::Arc;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::time::Instant;

/// A shared, cheap-to-read deadline. Clones see the same value.
#[derive(Debug, Clone, Default)]
pub struct LeaseValidity {
    /// Milliseconds after [`base`] until which the claim holds; 0: no claim.
    until_ms: Arc<AtomicU64>,
}

impl LeaseValidity {
    /// Whether this replica's leadership is still within its renew deadline.
    pub fn holds(&self) -> bool {
        let until = self.until_ms.load(Ordering::Acquire);
        until != 0 && millis_since_base(Instant::now()) < until
    }

    /// Extends the claim to `until` (a renewal that started before `until - renew_deadline`).
    pub(crate) fn extend_to(&self, until: Instant) {
        self.until_ms
            .store(millis_since_base(until).max(1), Ordering::Release);
    }

    /// Ends the claim at once (step-down, shutdown).
    pub(crate) fn revoke(&self) {
        self.until_ms.store(0, Ordering::Release);
    }
}

fn base() -> Instant {
    static BASE: OnceLock<Instant> = OnceLock::new();
    *BASE.get_or_init(Instant::now)
}

fn millis_since_base(at: Instant) -> u64 {
    at.saturating_duration_since(base()).as_millis() as u64
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[tokio::test(start_paused = true)]
    async fn holds_until_the_deadline_then_lapses() {
        let validity = LeaseValidity::default();
        assert!(!validity.holds(), "no claim before the first extension");
        validity.extend_to(Instant::now() + Duration::from_secs(3));
        let reader = validity.clone();
        assert!(reader.holds());
        tokio::time::advance(Duration::from_millis(2_999)).await;
        assert!(reader.holds());
        tokio::time::advance(Duration::from_millis(2)).await;
        assert!(!reader.holds(), "a frozen leader thaws past its deadline");
    }

    #[tokio::test(start_paused = true)]
    async fn revoke_ends_the_claim_at_once() {
        let validity = LeaseValidity::default();
        validity.extend_to(Instant::now() + Duration::from_secs(3));
        validity.revoke();
        assert!(!validity.holds());
    }
}
