//! Dev-only test kit shared by every crate's tests and the bench harness: a
//! throwaway PostgreSQL ([`postgres`]), a throwaway MariaDB ([`mariadb`]), certificates made
//! at test time ([`certs`]) and the HTTP Kubernetes API stand-in ([`kube_api`], from
//! guardian-sandbox). Never a dependency of a shipped binary.

pub mod certs;
pub mod mariadb;
pub mod postgres;

pub use guardian_sandbox::kube_api;
