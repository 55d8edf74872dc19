//! Kubernetes adapter: CRD types, watchers and indexes, Lease backend.

pub mod cluster_index;
pub mod context;
pub mod execution;
pub mod failure;
pub mod index;
pub mod kube_fetcher;
pub mod lease;
pub mod metrics;
pub mod pod;
pub mod scope;
pub mod tracker;
pub mod view;
pub mod watch;

#[cfg(test)]
mod fixtures;
