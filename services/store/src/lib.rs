//! Storage adapter: PostgreSQL, MySQL/MariaDB and SQLite behind one [`Store`], fenced
//! writes, outbox.
//!
//! ```text
//!  Store::connect(StoreConfig) ── migrations (per dialect) ── pool (seed settings)
//!    │ reads: get/list cronjobs, executions, alerts, monitors, events_after …
//!    │ acquire_epoch() ──► Epoch (new leader)
//!    └ begin_fenced(epoch) ──► FencedTx ── record_execution(s), upsert_*, delete_history
//!                                 └ commit() ──► Vec<Event> (outbox rows, same transaction)
//! ```
//!
//! The back-ends share every statement (`$N` placeholders, translated for MySQL in
//! `mysql.rs`; bulk statements and the few forms MySQL lacks — `RETURNING`, `DO
//! NOTHING`, `LIMIT` inside `IN (…)` — are written per dialect), store times as BIGINT
//! unix milliseconds and JSON as text, and compute no statistics in SQL, so they answer identically; the contract
//! suite in `tests/contract` runs the same tests against each.

mod arg;
mod bulk;
mod codec;
pub mod config;
pub mod deliveries;
pub mod documents;
pub mod error;
mod feed;
mod fenced;
pub mod filter;
mod leader;
mod lease;
pub mod limits;
pub mod merge;
pub mod metrics;
mod mutes;
mod mysql;
mod pool;
mod pool_mysql;
mod prune;
mod reads;
pub mod reads_daily;
mod reads_monitoring;
pub mod reads_pages;
mod sql;
mod store;
mod writes;

pub use codec::{MonitorRecord, StoredExecution};
pub use config::{Backend, PgTarget, PoolSettings, ServerTarget, SslMode, StoreConfig};
pub use deliveries::{DeliveryKind, DeliveryRecord, DeliveryState, NewDelivery};
pub use documents::Document;
pub use error::{Result, StoreError};
pub use feed::OutboxFeed;
pub use fenced::{AttemptOutcome, FencedTx, RecordOutcome, WriteOutcome};
pub use filter::{AlertFilter, CronJobFilter, ExecutionFilter, Page};
pub use leader::LeaderEndpoint;
pub use lease::{DbLease, PgLease};
pub use prune::ExecutionScope;
pub use store::{CommitGuard, Store};
