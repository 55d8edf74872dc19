//! What the elector publishes: this replica's current role.
//!
//! The controller holds a `watch::Receiver<Claim>` and needs two edges: "became leader"
//! (start leader work, then take a new database epoch) and "lost leadership" (stop it).
//! A watch channel keeps only the latest value, so a quick lose-and-win could hide a
//! step-down from a slow reader. Each leadership therefore carries a `term` that
//! increases every time this replica becomes leader: waiting for "no longer leader in
//! term N" catches the edge even when the replica is leader again in term N + 1.

use jiff::Timestamp;
use tokio::sync::watch;

/// This replica's role as last decided by its elector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// We hold the lease.
    Leader {
        /// Wall-clock time this leadership began.
        since: Timestamp,
        /// Counts this replica's leaderships, starting at 1.
        term: u64,
    },
    /// We do not hold the lease.
    Standby {
        /// The current holder as last read, `None` when free or unknown.
        holder: Option<String>,
    },
}

impl Claim {
    /// Returns the term when this claim is a leadership.
    pub fn leader_term(&self) -> Option<u64> {
        match self {
            Self::Leader { term, .. } => Some(*term),
            Self::Standby { .. } => None,
        }
    }

    /// Whether this claim is a leadership.
    pub fn is_leader(&self) -> bool {
        self.leader_term().is_some()
    }
}

/// The elector has stopped and will publish nothing more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("leader elector stopped")]
pub struct ElectorStopped;

/// Waits until this replica leads and returns the term of that leadership.
pub async fn became_leader(claims: &mut watch::Receiver<Claim>) -> Result<u64, ElectorStopped> {
    let claim = claims
        .wait_for(Claim::is_leader)
        .await
        .map_err(|_closed| ElectorStopped)?;
    Ok(claim.leader_term().unwrap_or_default())
}

/// Waits until leadership `term` is over (standby, or a later term). An elector that
/// stops also ends the leadership: a dead elector renews nothing.
pub async fn lost_leadership(claims: &mut watch::Receiver<Claim>, term: u64) {
    let still_leading = |claim: &Claim| claim.leader_term() == Some(term);
    // `Err` means the elector stopped, which also ends the term.
    let _ = claims.wait_for(|claim| !still_leading(claim)).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leader(term: u64) -> Claim {
        Claim::Leader {
            since: Timestamp::UNIX_EPOCH,
            term,
        }
    }

    #[tokio::test]
    async fn became_leader_returns_the_term_once_leading() {
        let (sender, mut claims) = watch::channel(Claim::Standby { holder: None });
        let waiter = tokio::spawn(async move { became_leader(&mut claims).await });
        sender.send_replace(Claim::Standby {
            holder: Some("other".to_owned()),
        });
        sender.send_replace(leader(3));
        assert_eq!(waiter.await.expect("waiter task completes"), Ok(3));
    }

    #[tokio::test]
    async fn lost_leadership_sees_a_hidden_step_down_through_the_term() {
        let (sender, mut claims) = watch::channel(leader(1));
        // Lose and win again before the reader looks: only the term shows the edge.
        sender.send_replace(Claim::Standby { holder: None });
        sender.send_replace(leader(2));
        lost_leadership(&mut claims, 1).await;
        assert_eq!(claims.borrow().leader_term(), Some(2));
    }

    #[tokio::test]
    async fn waiters_end_when_the_elector_stops() {
        let (sender, mut claims) = watch::channel(leader(1));
        drop(sender);
        lost_leadership(&mut claims, 1).await;
        let (sender, mut standby) = watch::channel(Claim::Standby { holder: None });
        drop(sender);
        assert_eq!(became_leader(&mut standby).await, Err(ElectorStopped));
    }
}
