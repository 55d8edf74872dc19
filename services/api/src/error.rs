//! One error vocabulary for both edges: every crate error names an [`ErrorCode`],
//! the gRPC edge turns it into a `tonic::Status` and the REST edge into an
//! `application/problem+json` reply with the matching HTTP status.
//!
//! The code travels in the status metadata (`guardian-error-code`) so the REST
//! bridge can tell `Fenced` from `NotLeader` even though both are transported as
//! plain gRPC codes.

use std::fmt;
use std::str::FromStr;

use tonic::metadata::MetadataValue;

/// gRPC metadata key carrying [`ErrorCode::as_str`] on error statuses.
pub const ERROR_CODE_METADATA: &str = "guardian-error-code";

/// The message every `Internal` error carries outward; the details stay in the logs.
const INTERNAL_MESSAGE: &str = "internal error";

/// What went wrong, as far as a client needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// The request is malformed or a value is out of range.
    InvalidArgument,
    /// The named object does not exist.
    NotFound,
    /// The object to create exists already.
    AlreadyExists,
    /// The system is not in a state where the request can run (e.g. already suspended).
    FailedPrecondition,
    /// The caller may not do this.
    PermissionDenied,
    /// The caller is not authenticated.
    Unauthenticated,
    /// A rate or size limit was hit.
    ResourceExhausted,
    /// A dependency (database, Kubernetes API, the leader) cannot be reached now.
    Unavailable,
    /// This controller is a standby; send mutations to the leader.
    NotLeader,
    /// A newer leader holds a larger epoch; this write was refused.
    Fenced,
    /// The deadline passed before the work finished.
    DeadlineExceeded,
    /// The caller went away.
    Cancelled,
    /// The operation is not offered by this process.
    Unimplemented,
    /// A bug or an unexpected failure; never carries internal details outward.
    Internal,
}

impl ErrorCode {
    /// Every code, for exhaustive tests and documentation.
    pub const ALL: [ErrorCode; 14] = [
        ErrorCode::InvalidArgument,
        ErrorCode::NotFound,
        ErrorCode::AlreadyExists,
        ErrorCode::FailedPrecondition,
        ErrorCode::PermissionDenied,
        ErrorCode::Unauthenticated,
        ErrorCode::ResourceExhausted,
        ErrorCode::Unavailable,
        ErrorCode::NotLeader,
        ErrorCode::Fenced,
        ErrorCode::DeadlineExceeded,
        ErrorCode::Cancelled,
        ErrorCode::Unimplemented,
        ErrorCode::Internal,
    ];

    /// Returns the wire name (`NOT_FOUND`), used in `error.code` of REST replies.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidArgument => "INVALID_ARGUMENT",
            ErrorCode::NotFound => "NOT_FOUND",
            ErrorCode::AlreadyExists => "ALREADY_EXISTS",
            ErrorCode::FailedPrecondition => "FAILED_PRECONDITION",
            ErrorCode::PermissionDenied => "PERMISSION_DENIED",
            ErrorCode::Unauthenticated => "UNAUTHENTICATED",
            ErrorCode::ResourceExhausted => "RESOURCE_EXHAUSTED",
            ErrorCode::Unavailable => "UNAVAILABLE",
            ErrorCode::NotLeader => "NOT_LEADER",
            ErrorCode::Fenced => "FENCED",
            ErrorCode::DeadlineExceeded => "DEADLINE_EXCEEDED",
            ErrorCode::Cancelled => "CANCELLED",
            ErrorCode::Unimplemented => "UNIMPLEMENTED",
            ErrorCode::Internal => "INTERNAL",
        }
    }

    /// Returns the gRPC status code the error is transported as.
    pub fn grpc_code(self) -> tonic::Code {
        match self {
            ErrorCode::InvalidArgument => tonic::Code::InvalidArgument,
            ErrorCode::NotFound => tonic::Code::NotFound,
            ErrorCode::AlreadyExists => tonic::Code::AlreadyExists,
            ErrorCode::FailedPrecondition => tonic::Code::FailedPrecondition,
            ErrorCode::PermissionDenied => tonic::Code::PermissionDenied,
            ErrorCode::Unauthenticated => tonic::Code::Unauthenticated,
            ErrorCode::ResourceExhausted => tonic::Code::ResourceExhausted,
            // A standby cannot serve the write now; the caller retries at the leader.
            ErrorCode::Unavailable | ErrorCode::NotLeader => tonic::Code::Unavailable,
            // gRPC's own word for a failed sequencer check.
            ErrorCode::Fenced => tonic::Code::Aborted,
            ErrorCode::DeadlineExceeded => tonic::Code::DeadlineExceeded,
            ErrorCode::Cancelled => tonic::Code::Cancelled,
            ErrorCode::Unimplemented => tonic::Code::Unimplemented,
            ErrorCode::Internal => tonic::Code::Internal,
        }
    }

    /// Returns the HTTP status of the REST reply (grpc-gateway's mapping of [`Self::grpc_code`]).
    pub fn http_status(self) -> u16 {
        http_status_of_grpc(self.grpc_code())
    }

    /// Returns the RFC 7807 `type` URI of the problem document.
    pub fn problem_type(self) -> &'static str {
        match self {
            ErrorCode::InvalidArgument => "urn:cronjob-guardian:problem:invalid-argument",
            ErrorCode::NotFound => "urn:cronjob-guardian:problem:not-found",
            ErrorCode::AlreadyExists => "urn:cronjob-guardian:problem:already-exists",
            ErrorCode::FailedPrecondition => "urn:cronjob-guardian:problem:failed-precondition",
            ErrorCode::PermissionDenied => "urn:cronjob-guardian:problem:permission-denied",
            ErrorCode::Unauthenticated => "urn:cronjob-guardian:problem:unauthenticated",
            ErrorCode::ResourceExhausted => "urn:cronjob-guardian:problem:resource-exhausted",
            ErrorCode::Unavailable => "urn:cronjob-guardian:problem:unavailable",
            ErrorCode::NotLeader => "urn:cronjob-guardian:problem:not-leader",
            ErrorCode::Fenced => "urn:cronjob-guardian:problem:fenced",
            ErrorCode::DeadlineExceeded => "urn:cronjob-guardian:problem:deadline-exceeded",
            ErrorCode::Cancelled => "urn:cronjob-guardian:problem:cancelled",
            ErrorCode::Unimplemented => "urn:cronjob-guardian:problem:unimplemented",
            ErrorCode::Internal => "urn:cronjob-guardian:problem:internal",
        }
    }

    /// Returns the short human summary (RFC 7807 `title`).
    pub fn title(self) -> &'static str {
        match self {
            ErrorCode::InvalidArgument => "Invalid argument",
            ErrorCode::NotFound => "Not found",
            ErrorCode::AlreadyExists => "Already exists",
            ErrorCode::FailedPrecondition => "Failed precondition",
            ErrorCode::PermissionDenied => "Permission denied",
            ErrorCode::Unauthenticated => "Unauthenticated",
            ErrorCode::ResourceExhausted => "Resource exhausted",
            ErrorCode::Unavailable => "Service unavailable",
            ErrorCode::NotLeader => "Not the leader",
            ErrorCode::Fenced => "Fenced by a newer leader",
            ErrorCode::DeadlineExceeded => "Deadline exceeded",
            ErrorCode::Cancelled => "Cancelled",
            ErrorCode::Unimplemented => "Not implemented",
            ErrorCode::Internal => "Internal error",
        }
    }

    /// Returns the closest code for a bare gRPC code (no guardian metadata).
    pub fn from_grpc(code: tonic::Code) -> ErrorCode {
        match code {
            tonic::Code::InvalidArgument | tonic::Code::OutOfRange => ErrorCode::InvalidArgument,
            tonic::Code::NotFound => ErrorCode::NotFound,
            tonic::Code::AlreadyExists => ErrorCode::AlreadyExists,
            tonic::Code::FailedPrecondition => ErrorCode::FailedPrecondition,
            tonic::Code::PermissionDenied => ErrorCode::PermissionDenied,
            tonic::Code::Unauthenticated => ErrorCode::Unauthenticated,
            tonic::Code::ResourceExhausted => ErrorCode::ResourceExhausted,
            tonic::Code::Unavailable => ErrorCode::Unavailable,
            tonic::Code::Aborted => ErrorCode::Fenced,
            tonic::Code::DeadlineExceeded => ErrorCode::DeadlineExceeded,
            tonic::Code::Cancelled => ErrorCode::Cancelled,
            tonic::Code::Unimplemented => ErrorCode::Unimplemented,
            tonic::Code::Ok
            | tonic::Code::Unknown
            | tonic::Code::Internal
            | tonic::Code::DataLoss => ErrorCode::Internal,
        }
    }

    /// Returns the code of a status: its `guardian-error-code` metadata when present
    /// and known, else the closest match of its gRPC code.
    pub fn of_status(status: &tonic::Status) -> ErrorCode {
        status
            .metadata()
            .get(ERROR_CODE_METADATA)
            .and_then(|value| value.to_str().ok())
            .and_then(|name| name.parse().ok())
            .unwrap_or_else(|| ErrorCode::from_grpc(status.code()))
    }

    /// Builds the gRPC status for this code. `Internal` replaces the message with a
    /// generic one, so internal details never reach a client.
    pub fn to_status(self, message: impl Into<String>) -> tonic::Status {
        let message = match self {
            ErrorCode::Internal => INTERNAL_MESSAGE.to_owned(),
            _ => message.into(),
        };
        let mut status = tonic::Status::new(self.grpc_code(), message);
        status.metadata_mut().insert(
            ERROR_CODE_METADATA,
            MetadataValue::from_static(self.as_str()),
        );
        status
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A wire name that is not one of [`ErrorCode::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown error code {0:?}")]
pub struct UnknownErrorCode(pub String);

impl FromStr for ErrorCode {
    type Err = UnknownErrorCode;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        ErrorCode::ALL
            .into_iter()
            .find(|code| code.as_str() == name)
            .ok_or_else(|| UnknownErrorCode(name.to_owned()))
    }
}

/// Returns the HTTP status grpc-gateway uses for a gRPC code.
pub fn http_status_of_grpc(code: tonic::Code) -> u16 {
    match code {
        tonic::Code::Ok => 200,
        tonic::Code::Cancelled => 499,
        tonic::Code::InvalidArgument
        | tonic::Code::FailedPrecondition
        | tonic::Code::OutOfRange => 400,
        tonic::Code::DeadlineExceeded => 504,
        tonic::Code::NotFound => 404,
        tonic::Code::AlreadyExists | tonic::Code::Aborted => 409,
        tonic::Code::PermissionDenied => 403,
        tonic::Code::Unauthenticated => 401,
        tonic::Code::ResourceExhausted => 429,
        tonic::Code::Unimplemented => 501,
        tonic::Code::Unavailable => 503,
        tonic::Code::Unknown | tonic::Code::Internal | tonic::Code::DataLoss => 500,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips_through_its_wire_name_and_status_metadata() {
        for code in ErrorCode::ALL {
            assert_eq!(code.as_str().parse::<ErrorCode>(), Ok(code));
            let status = code.to_status("boom");
            assert_eq!(status.code(), code.grpc_code());
            assert_eq!(ErrorCode::of_status(&status), code, "{code}");
            assert!(
                code.problem_type()
                    .starts_with("urn:cronjob-guardian:problem:")
            );
        }
    }

    #[test]
    fn http_statuses_follow_grpc_gateway() {
        assert_eq!(ErrorCode::InvalidArgument.http_status(), 400);
        assert_eq!(ErrorCode::NotFound.http_status(), 404);
        assert_eq!(ErrorCode::AlreadyExists.http_status(), 409);
        assert_eq!(ErrorCode::FailedPrecondition.http_status(), 400);
        assert_eq!(ErrorCode::Unavailable.http_status(), 503);
        assert_eq!(ErrorCode::NotLeader.http_status(), 503);
        assert_eq!(ErrorCode::Fenced.http_status(), 409);
        assert_eq!(ErrorCode::Unauthenticated.http_status(), 401);
        assert_eq!(ErrorCode::Internal.http_status(), 500);
        assert_eq!(http_status_of_grpc(tonic::Code::Cancelled), 499);
    }

    #[test]
    fn internal_errors_hide_their_details() {
        let status = ErrorCode::Internal.to_status("connection string postgres://secret");
        assert_eq!(status.message(), "internal error");
        assert_eq!(
            ErrorCode::NotFound.to_status("no such job").message(),
            "no such job"
        );
    }

    #[test]
    fn bare_grpc_codes_map_to_the_closest_error_code() {
        let plain = tonic::Status::unavailable("leader unreachable");
        assert_eq!(ErrorCode::of_status(&plain), ErrorCode::Unavailable);
        assert_eq!(
            ErrorCode::from_grpc(tonic::Code::OutOfRange),
            ErrorCode::InvalidArgument
        );
        assert_eq!(
            ErrorCode::from_grpc(tonic::Code::DataLoss),
            ErrorCode::Internal
        );
        assert!("NOPE".parse::<ErrorCode>().is_err());
    }
}
