//! Process plumbing shared by the controller and query planes.
//!
//! ```text
//!   listeners::bind ──► gRPC :9090 ─ grpc.health.v1 (Readiness)
//!                   ├─► HTTP :8080 ─ /metrics (+ the plane's own routes)
//!                   └─► probes :8081 ─ /healthz (process alive) /readyz (Readiness)
//!   shutdown::signal() ── SIGTERM/SIGINT ──► CancellationToken
//! ```

pub mod access;
pub mod grpc;
pub mod listeners;
pub mod probes;
pub mod readiness;
pub mod request_frames;
pub mod shutdown;
pub mod tls;

pub use listeners::{BoundAddresses, bind};
pub use readiness::Readiness;
