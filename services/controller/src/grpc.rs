//! The controller's gRPC surfaces.

pub mod control_service;
pub mod event_service;
