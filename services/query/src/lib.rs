//! The query plane: stateless replicas that serve reads, the event stream and
//! control calls, whatever the control plane is doing.
//!
//! ```text
//!            ┌──────────────────────── query replica ────────────────────────┐
//!  clients ─►│ gRPC QueryService ─► reads ─► Store (database)                │
//!  (gRPC,    │ gRPC EventService ◄─ fanout::EventHub ◄─ upstream ◄─ leader's │
//!   REST,    │                         └─ replay ─► Store      EventService  │
//!   SSE)     │ gRPC ControlService ─► control_forward ─► leader's            │
//!            │ REST /api/v1 ─► the same gRPC routes, in-process ControlService│
//!            └───────────────────────────────────────────────────────────────┘
//! ```
//!
//! The leader is found through the database ([`leader`]); with no leader the
//! replica still serves reads and replays, and mutations answer UNAVAILABLE.

pub mod auth;
pub mod config;
pub mod error;
pub mod fanout;
pub mod grpc;
pub mod leader;
pub mod metrics;
pub mod reads;
mod run;
pub mod server;
pub mod upstream;

pub use config::{QueryConfig, ServiceSettings, Tuning};
pub use error::QueryError;
pub use run::{run, run_with};
pub use server::{QueryPlane, ServeError, StartError, StartOptions};
