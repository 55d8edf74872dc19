//! Control operations carried out against the cluster.

pub mod manual_job;
