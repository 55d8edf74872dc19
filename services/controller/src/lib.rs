//! The control plane: leader election, Kubernetes watchers, fenced writes, the
//! event stream and control RPCs.
//!
//! ```text
//!  ClusterWatch (all replicas: warm caches) ── updates ──► role loop
//!  Elector ── claims ──► role loop: standby │ leader(epoch) ── Writer ── FencedTx ──► store
//!                                                                   └─ commits ──► EventService followers
//!  ControlService (leader only): trigger, suspend, resume, delete history
//!  leader(epoch) also runs: monitoring ── delivery rows ──► dispatch ──► alert channels
//! ```

pub mod config;
pub mod control;
pub mod dispatch;
mod finished_runs;
pub mod grpc;
pub mod leadership;
pub mod metrics;
pub mod monitoring;
pub mod retention;
pub mod role;
mod run;
mod watch;
pub mod writer;

pub use run::run;
