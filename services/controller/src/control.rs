//! Control operations carried out against the cluster.

pub mod alerts;
pub mod manual_job;
