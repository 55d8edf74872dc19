//! A Kubernetes API over real HTTP on 127.0.0.1 that kube-rs talks to unchanged
//! ([`kube_api`]), and the simulated sample cluster `cronjob-guardian dev`
//! runs when no kubeconfig is given ([`Sandbox`]).
//!
//! Tests use the same server through guardian-testkit to drive a cluster:
//! create a CronJob, make its Job finish, delete a Pod, expire a watch.

pub mod kube_api;
mod sample;

pub use sample::{NAMESPACE, SIMULATED_LABEL, Sandbox};
