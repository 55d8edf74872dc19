//! `cronjob-guardian import`: the Go operator's history (executions, alert history)
//! into our store, through the controller's fenced write path.
//!
//! ```text
//!  SourceSpec (--from) ─► SourceDb::open (schema check) ─► rows in key order
//!      rows::convert (stable keys, impossible values → Skip) ─► fold (duplicates)
//!      ─► HistoryWriter (FencedTx under the current epoch, one per batch) ─► Summary
//! ```
//! Pure parts (`rows`, `fold`, `summary`, `source::schema`, `progress::Snapshot`) hold
//! every decision; `source` and `writer` are the adapters.

pub mod error;
pub mod fold;
pub mod progress;
pub mod rows;
mod run;
pub mod source;
pub mod summary;
pub mod writer;

pub use error::{ImportError, Result};
pub use run::{ImportOptions, dry_run, import};
pub use source::{SourceDb, SourceSpec};
pub use summary::{Summary, TableCounts};
