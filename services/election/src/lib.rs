//! Leader election: who may run the control plane's leader tasks.
//!
//! ```text
//!   LeaseBackend (Kubernetes Lease | database row)
//!        │ get / try_update (compare-and-swap on version)
//!   rules::decide(observed, now, timings) ──► Acquire | Renew | Wait | Lost
//!        │
//!   Elector loop ──► watch::Receiver<Claim>  (leader in term N / standby)
//! ```
//!
//! The database epoch that fences a leader's writes is taken by the controller after
//! [`became_leader`]; this crate only decides who holds the lease.

pub mod backend;
pub mod claim;
pub mod elector;
pub mod metrics;
pub mod release;
pub mod rules;
#[cfg(feature = "test-util")]
pub mod testing;
pub mod timings;
pub mod validity;

pub use backend::{LeaseBackend, LeaseError, LeaseRecord, VersionedLease};
pub use claim::{Claim, ElectorStopped, became_leader, lost_leadership};
pub use elector::{Elector, ElectorHandle, ReleaseError};
pub use release::{ReleaseNotifications, ReleaseNotifier};
pub use timings::{LeaseTimings, TimingsError};
pub use validity::LeaseValidity;
