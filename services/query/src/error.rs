//! Errors of the query plane's RPCs and how each becomes a client-facing code.
//!
//! Every variant names an [`ErrorCode`]; the gRPC edge turns it into a
//! `tonic::Status` (the REST bridge then renders the matching problem+json).
//! Database details never leave the process: they are logged, and the client
//! sees `UNAVAILABLE` or `INTERNAL` with a short message.

use guardian_api::{ErrorCode, InputError};
use guardian_store::StoreError;

/// What a query RPC can fail with.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// A request field is malformed or out of range.
    #[error(transparent)]
    Input(#[from] InputError),
    /// The named object does not exist.
    #[error("{what} {key} not found")]
    NotFound { what: &'static str, key: String },
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// `Result` with [`QueryError`] as the default error.
pub type Result<T, E = QueryError> = std::result::Result<T, E>;

impl QueryError {
    /// Builds a `NotFound` for `what` named `key`.
    pub fn not_found(what: &'static str, key: impl std::fmt::Display) -> QueryError {
        QueryError::NotFound {
            what,
            key: key.to_string(),
        }
    }

    /// The code a client sees.
    pub fn code(&self) -> ErrorCode {
        match self {
            QueryError::Input(error) => error.code(),
            QueryError::NotFound { .. } => ErrorCode::NotFound,
            QueryError::Store(error) => store_code(error),
        }
    }
}

/// Maps a store error to what a reader may be told; only outages are retryable.
fn store_code(error: &StoreError) -> ErrorCode {
    match error {
        StoreError::NotFound { .. } => ErrorCode::NotFound,
        StoreError::Invalid { .. } | StoreError::TooLarge { .. } => ErrorCode::InvalidArgument,
        StoreError::Unavailable { .. } | StoreError::Conflict { .. } => ErrorCode::Unavailable,
        _ => ErrorCode::Internal,
    }
}

impl From<QueryError> for tonic::Status {
    fn from(error: QueryError) -> Self {
        let code = error.code();
        let message = match &error {
            QueryError::Store(store) => {
                tracing::warn!(error = %store, reason = store.metric_label(), "store read failed");
                match code {
                    ErrorCode::Unavailable => "the database is unavailable, retry later".to_owned(),
                    _ => error.to_string(),
                }
            }
            _ => error.to_string(),
        };
        code.to_status(message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outages_are_unavailable_and_hide_the_database_error() {
        let outage = StoreError::Unavailable {
            source: sqlx_free_io_error(),
        };
        let status = tonic::Status::from(QueryError::from(outage));
        assert_eq!(status.code(), tonic::Code::Unavailable);
        assert!(!status.message().contains("secret-host"), "{status:?}");
    }

    #[test]
    fn input_and_lookup_errors_keep_their_message() {
        let status = tonic::Status::from(QueryError::from(InputError::new("limit", "too big")));
        assert_eq!(status.code(), tonic::Code::InvalidArgument);
        assert_eq!(status.message(), "invalid limit: too big");
        let missing = tonic::Status::from(QueryError::not_found("cronjob", "ops/backup"));
        assert_eq!(missing.code(), tonic::Code::NotFound);
        assert_eq!(missing.message(), "cronjob ops/backup not found");
        let corrupt = tonic::Status::from(QueryError::from(StoreError::Corrupt {
            message: "row 7".into(),
        }));
        assert_eq!(corrupt.code(), tonic::Code::Internal);
        assert_eq!(corrupt.message(), "internal error");
    }

    /// The I/O error an outage carries.
    fn sqlx_free_io_error() -> sqlx::Error {
        sqlx::Error::Io(std::io::Error::other("secret-host refused"))
    }
}
