//! Dev-only test kit shared by every crate's tests and the bench harness:
//! a throwaway PostgreSQL ([`postgres`]), an HTTP Kubernetes API stand-in
//! ([`kube_api`]), and small helpers. Never a dependency of a shipped binary.

pub mod kube_api;
pub mod postgres;
