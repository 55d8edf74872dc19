//! The current leader's endpoint, kept beside the epoch: query replicas look it
//! up here to follow the event stream and forward control calls, whichever
//! lease back-end elected the leader.

use guardian_core::Epoch;

use crate::Store;
use crate::error::Result;
use crate::sql::args;

/// The newest epoch and where its leader serves gRPC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeaderEndpoint {
    pub epoch: Epoch,
    /// e.g. `http://10.0.0.7:9090`.
    pub address: String,
}

impl Store {
    /// Takes a new, strictly larger epoch and records `address` as its leader's
    /// endpoint in the same statement, so the address always belongs to the newest epoch.
    pub async fn acquire_epoch_for(&self, address: &str) -> Result<Epoch> {
        self.bump_epoch(", leader_address = $1", args![address])
            .await
    }

    /// The current leader's endpoint; `None` before any leader advertised one.
    pub async fn leader_endpoint(&self) -> Result<Option<LeaderEndpoint>> {
        let sql = "SELECT epoch, leader_address FROM control WHERE id = 1";
        let mut conn = self.pool.acquire().await?;
        let (epoch, address): (i64, Option<String>) = conn.exec().fetch_one(sql, vec![]).await?;
        Ok(address.map(|address| LeaderEndpoint {
            epoch: Epoch(epoch),
            address,
        }))
    }
}
