//! The API's access check as a trait, so the planes can ask "may this bearer
//! token do this?" without knowing who answers (Kubernetes TokenReview +
//! SubjectAccessReview in production, see `guardian-kube`; a table in tests).

use std::future::Future;
use std::pin::Pin;

/// What a request needs, in Kubernetes RBAC terms: `verb` on
/// `resource.group` in `namespace` ("" = cluster-wide).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AccessRequest {
    pub namespace: String,
    pub verb: &'static str,
    pub group: &'static str,
    pub resource: &'static str,
}

/// Why a request was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccessError {
    /// No token, or one the reviewer does not accept (HTTP 401, UNAUTHENTICATED).
    #[error("unauthenticated: {0}")]
    Unauthenticated(String),
    /// A known caller without the right (HTTP 403, PERMISSION_DENIED).
    #[error("permission denied: {0}")]
    Denied(String),
    /// The reviewer could not answer (HTTP 503, UNAVAILABLE).
    #[error("access review unavailable: {0}")]
    Unavailable(String),
}

/// The future an [`AccessReview`] returns.
pub type ReviewFuture<'a> = Pin<Box<dyn Future<Output = Result<(), AccessError>> + Send + 'a>>;

/// Decides whether the holder of `token` may make `request`.
pub trait AccessReview: Send + Sync + 'static {
    fn review<'a>(&'a self, token: &'a str, request: &'a AccessRequest) -> ReviewFuture<'a>;
}
