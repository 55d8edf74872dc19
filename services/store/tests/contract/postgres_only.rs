//! PostgreSQL outages: the server goes away under a connected store and comes back.
//! (SQLite has no server to lose; its unreachable case is in `errors.rs`.)

use anyhow::Result;
use guardian_store::{Backend, PgTarget, SslMode, Store, StoreConfig};
use guardian_testkit::postgres::PgHarness;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restarted_postgres_is_unavailable_and_then_the_store_recovers() -> Result<()> {
    tokio::time::timeout(crate::GUARD, restart_scenario()).await?
}

async fn restart_scenario() -> Result<()> {
    // Its own server: stopping the shared one would break every other test.
    let harness = PgHarness::start().await?;
    // Connect from parts (the Helm values' shape) rather than a URL.
    let mut config = StoreConfig::new(Backend::Postgres(PgTarget {
        host: "127.0.0.1".into(),
        port: harness.port(),
        database: "postgres".into(),
        username: "postgres".into(),
        password: None,
        ssl_mode: SslMode::Disable,
    }));
    config.pool = crate::outage::outage_pool();
    let store = Store::connect(&config).await?;
    crate::outage::unavailable_then_recovered(&store, harness.stop(), harness.restart()).await
}

/// A leader frozen (or cut off) inside a fenced transaction holds the control row.
/// The next leader ends that session instead of waiting for it, and the frozen
/// transaction can no longer commit (the same on MariaDB: `mariadb_only.rs`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_leader_ends_a_frozen_leaders_open_transaction() -> Result<()> {
    let fixture = crate::fixture::Fixture::postgres().await?;
    crate::fencing::a_new_leader_ends_a_frozen_leaders_open_transaction(&fixture).await
}
