//! A local cluster of real `cronjob-guardian` processes for the multi-process
//! tests in `tests/`: controllers and query replicas against one PostgreSQL
//! and one Kubernetes API stand-in, with the faults a deployment meets
//! (`kill -9`, SIGTERM, SIGSTOP) and real clients (gRPC, HTTP).

pub mod cluster;
pub mod events;
pub mod http;
pub mod jobs;
pub mod link;
pub mod pause;
pub mod process;
pub mod receiver;
pub mod wait;

pub use process::{Addresses, Process, ProcessSpec};
pub use wait::wait_until;
