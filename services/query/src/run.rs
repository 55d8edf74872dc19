//! The `cronjob-guardian query` command's body: connect, serve, stop in order.

use anyhow::Context as _;
use guardian_store::Store;
use tokio_util::sync::CancellationToken;

use crate::config::QueryConfig;
use crate::server::{QueryPlane, StartOptions};

/// Runs one query replica until `shutdown` fires, then shuts it down in order.
pub async fn run(config: QueryConfig, shutdown: CancellationToken) -> anyhow::Result<()> {
    run_with(config, StartOptions::default(), shutdown).await
}

/// [`run`] with start options (e.g. an API access check).
pub async fn run_with(
    config: QueryConfig,
    options: StartOptions,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    guardian_telemetry::install_recorder().context("cannot install the metrics recorder")?;
    let store = Store::connect(&config.store)
        .await
        .context("cannot open the database")?;
    let plane = QueryPlane::start_with(store, &config, options, shutdown)
        .await
        .context("cannot start the query plane")?;
    plane.wait().await?;
    Ok(())
}
