//! MariaDB (the MySQL back-end) outages: the server goes away under a connected store
//! and comes back, as `postgres_only.rs` does for PostgreSQL.

use anyhow::Result;
use guardian_store::{Backend, ServerTarget, SslMode, Store, StoreConfig};
use guardian_testkit::mariadb::{self, MariaDbHarness};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restarted_mariadb_is_unavailable_and_then_the_store_recovers() -> Result<()> {
    // This test stops its server, so it needs one of its own, not the run's shared one.
    if !mariadb::installed() {
        eprintln!("SKIPPED: no mariadbd on this machine; install mariadb-server");
        return Ok(());
    }
    tokio::time::timeout(crate::GUARD, restart_scenario()).await?
}

async fn restart_scenario() -> Result<()> {
    // Its own server: stopping the shared one would break every other test.
    let harness = MariaDbHarness::start().await?;
    let url = harness.fresh_database("restart").await?;
    let database = url.rsplit('/').next().unwrap_or("restart").to_owned();
    // Connect from parts (the Helm values' shape) rather than a URL.
    let mut config = StoreConfig::new(Backend::Mysql(ServerTarget {
        host: "127.0.0.1".into(),
        port: harness.port(),
        database,
        username: "root".into(),
        password: None,
        ssl_mode: SslMode::Disable,
    }));
    config.pool = crate::outage::outage_pool();
    let store = Store::connect(&config).await?;
    assert_eq!(store.backend_kind(), "mysql");
    crate::outage::unavailable_then_recovered(&store, harness.stop(), harness.restart()).await
}

/// As on PostgreSQL: a new leader ends the session of a leader frozen inside a fenced
/// transaction instead of waiting for it (`fencing.rs`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_leader_ends_a_frozen_leaders_open_transaction() -> Result<()> {
    let Some(fixture) = crate::fixture::Fixture::mariadb().await? else {
        return Ok(());
    };
    crate::fencing::a_new_leader_ends_a_frozen_leaders_open_transaction(&fixture).await
}
