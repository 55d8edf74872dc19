//! The replica's gRPC surfaces, one file per proto service.

pub mod control_forward;
pub mod event_service;
pub mod query_service;
