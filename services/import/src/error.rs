//! Why an import stopped. Rows that cannot be imported are not errors: they are
//! skipped and counted (see [`crate::Summary`]).

use guardian_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The `--from` value names no database we can read.
    #[error("source: {0}")]
    Source(String),
    /// The source database lacks the operator's tables, or is ours.
    #[error("not the Go operator's database: {0}")]
    NotOperatorDatabase(String),
    /// The operator's tables, with columns this import does not know.
    #[error("unsupported source schema: {0}")]
    Schema(String),
    #[error("reading the source database failed: {0}")]
    SourceRead(#[from] sqlx::Error),
    #[error("writing to the store failed: {0}")]
    Store(#[from] StoreError),
    /// The store's epoch kept changing under the import (leaders flapping).
    #[error("the store's epoch changed {0} times in a row; retry when leadership is stable")]
    EpochUnstable(u32),
    /// Stopped on purpose after N committed batches (`ImportOptions::stop_after_batches`).
    #[error("stopped after {0} committed batches as asked; run the import again to resume")]
    Stopped(u64),
}

pub type Result<T, E = ImportError> = std::result::Result<T, E>;
