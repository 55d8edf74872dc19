//! Kubernetes adapter: CRD types, watchers and indexes, Lease backend.

pub mod cluster_index;
pub mod execution;
pub mod failure;
pub mod index;
pub mod lease;
pub mod pod;
pub mod tracker;
pub mod view;

#[cfg(test)]
mod fixtures;
