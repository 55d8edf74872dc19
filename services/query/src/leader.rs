//! Finding the leader: its advertised gRPC address is kept in the database next
//! to the epoch, whichever lease back-end elected it. The follower and the
//! control forwarder share one [`LeaderDirectory`], which caches one lazily
//! connecting channel per address and forgets it when calls through it fail.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use guardian_runtime::tls::ClientTls;
use guardian_store::{LeaderEndpoint, Store, StoreError};
use tonic::transport::{Channel, Endpoint};

/// Keep-alive pings on leader connections, so a vanished leader is noticed
/// even while its stream is idle.
const KEEP_ALIVE_INTERVAL: Duration = Duration::from_secs(10);
const KEEP_ALIVE_TIMEOUT: Duration = Duration::from_secs(10);

/// Why the leader cannot be reached.
#[derive(Debug, thiserror::Error)]
pub enum LeaderError {
    #[error("no control-plane leader is known")]
    NoLeader,
    #[error("cannot look up the leader: {0}")]
    Lookup(#[from] StoreError),
    #[error("the leader's advertised address {address:?} is not a valid URI: {message}")]
    BadAddress { address: String, message: String },
}

/// Resolves the leader and hands out channels to it; cheap to clone.
#[derive(Clone)]
pub struct LeaderDirectory {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    connect_timeout: Duration,
    /// TLS to the leader; plaintext when `None`.
    tls: Option<ClientTls>,
    channels: Mutex<HashMap<String, Channel>>,
}

/// The leader and a channel to it.
#[derive(Clone)]
pub struct LeaderChannel {
    pub endpoint: LeaderEndpoint,
    pub channel: Channel,
}

impl LeaderDirectory {
    pub fn new(store: Store, connect_timeout: Duration, tls: Option<ClientTls>) -> LeaderDirectory {
        LeaderDirectory {
            inner: Arc::new(Inner {
                store,
                connect_timeout,
                tls,
                channels: Mutex::new(HashMap::new()),
            }),
        }
    }

    /// The current leader's endpoint, read from the database.
    pub async fn resolve(&self) -> Result<LeaderEndpoint, LeaderError> {
        self.inner
            .store
            .leader_endpoint()
            .await?
            .ok_or(LeaderError::NoLeader)
    }

    /// The current leader and a (cached, lazily connecting) channel to it.
    pub async fn connect(&self) -> Result<LeaderChannel, LeaderError> {
        let endpoint = self.resolve().await?;
        let channel = self.channel(&endpoint.address)?;
        Ok(LeaderChannel { endpoint, channel })
    }

    /// Drops the cached channel of `address`, so the next call dials again.
    pub fn forget(&self, address: &str) {
        self.channels().remove(address);
    }

    fn channel(&self, address: &str) -> Result<Channel, LeaderError> {
        let mut channels = self.channels();
        if let Some(channel) = channels.get(address) {
            return Ok(channel.clone());
        }
        let endpoint =
            Endpoint::from_shared(address.to_owned()).map_err(|error| LeaderError::BadAddress {
                address: address.to_owned(),
                message: error.to_string(),
            })?;
        let endpoint = endpoint
            .connect_timeout(self.inner.connect_timeout)
            .http2_keep_alive_interval(KEEP_ALIVE_INTERVAL)
            .keep_alive_timeout(KEEP_ALIVE_TIMEOUT)
            .keep_alive_while_idle(true);
        // With TLS, the connector dials and verifies the leader's certificate name.
        let channel = match &self.inner.tls {
            Some(tls) => endpoint.connect_with_connector_lazy(tls.connector()),
            None => endpoint.connect_lazy(),
        };
        // Only the newest leader matters; channels to former leaders are dropped.
        channels.clear();
        channels.insert(address.to_owned(), channel.clone());
        Ok(channel)
    }

    fn channels(&self) -> MutexGuard<'_, HashMap<String, Channel>> {
        // The map holds only clonable handles; a poisoned lock leaves it usable.
        self.inner
            .channels
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}
