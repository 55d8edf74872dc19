//! Kubernetes adapter: CRD types, watchers and indexes, Lease backend.

pub mod access;
pub mod cluster_index;
pub mod context;
pub mod crd;
pub mod execution;
pub mod failure;
pub mod index;
pub mod kube_fetcher;
pub mod lease;
pub mod metrics;
pub mod pod;
pub mod scope;
pub mod tracker;
pub mod update;
pub mod view;
pub mod watch;

pub use cluster_index::ClusterIndex;
pub use scope::{WatchScope, WatchSettings};
pub use update::Update;
pub use watch::{ClusterWatch, ResyncHandle};

#[cfg(test)]
mod fixtures;
