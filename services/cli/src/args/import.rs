//! `cronjob-guardian import`: the Go operator's history into this store.

use clap::Args;

use super::{StorageArgs, TelemetryArgs};

#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// The Go operator's database: its SQLite file (`/data/guardian.db`), a
    /// `postgres://` URL, or its own `host=… port=… user=… password=… dbname=… sslmode=…`.
    #[arg(long, env = "GUARDIAN_IMPORT_FROM")]
    pub from: String,
    /// Read and check everything, print what would be imported, write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Rows per transaction.
    #[arg(long, default_value_t = 1000)]
    pub batch_size: usize,
    /// Skipped rows listed in the summary (all are counted).
    #[arg(long, default_value_t = guardian_import::summary::DEFAULT_LISTED_SKIPS)]
    pub show_skipped: usize,
    /// Our store (the target), as the controller is configured.
    #[command(flatten)]
    pub storage: StorageArgs,
    #[command(flatten)]
    pub telemetry: TelemetryArgs,
}
