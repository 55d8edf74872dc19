//! The control plane: leader election, Kubernetes watchers, fenced writes, the
//! event stream and control RPCs.
//!
//! ```text
//!  ClusterWatch (all replicas: warm caches) ── updates ──► role loop
//!  Elector ── claims ──► role loop: standby │ leader(epoch) ── Writer ── FencedTx ──► store
//!                                                                   └─ commits ──► EventService followers
//!  ControlService (leader only): trigger, suspend, resume, delete history
//! ```

pub mod config;
pub mod control;
pub mod grpc;
pub mod leadership;
pub mod metrics;
pub mod monitoring;
pub mod role;
mod run;
mod watch;
pub mod writer;

pub use run::run;
