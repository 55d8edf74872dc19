//! RFC 7807 problem documents, the body of every REST error.
//!
//! The existing operator answered errors with `{"error": {"code", "message"}}`;
//! the `error` member is kept inside the problem so its clients still read it.

use serde::{Deserialize, Serialize};

use crate::ErrorCode;

/// An `application/problem+json` body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    /// URI naming the kind of problem ([`ErrorCode::problem_type`]).
    #[serde(rename = "type")]
    pub problem_type: String,
    /// Short summary of the kind of problem.
    pub title: String,
    /// The HTTP status of the reply.
    pub status: u16,
    /// What went wrong in this occurrence.
    pub detail: String,
    /// The older operator's error object.
    pub error: ProblemError,
}

/// The `error` member kept for clients of the older operator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProblemError {
    /// [`ErrorCode::as_str`], e.g. `NOT_FOUND`.
    pub code: String,
    /// Same text as `detail`.
    pub message: String,
}

impl Problem {
    /// Media type of the serialized document.
    pub const CONTENT_TYPE: &'static str = "application/problem+json";

    /// Builds the problem for `code`. An `Internal` problem never shows `detail`.
    pub fn new(code: ErrorCode, detail: impl Into<String>) -> Problem {
        let detail = match code {
            ErrorCode::Internal => code.to_status("").message().to_owned(),
            _ => detail.into(),
        };
        Problem {
            problem_type: code.problem_type().to_owned(),
            title: code.title().to_owned(),
            status: code.http_status(),
            error: ProblemError {
                code: code.as_str().to_owned(),
                message: detail.clone(),
            },
            detail,
        }
    }

    /// Builds the problem for a gRPC error status.
    pub fn from_status(status: &tonic::Status) -> Problem {
        Problem::new(ErrorCode::of_status(status), status.message())
    }

    /// Serializes the document; it has only strings and a number, so this cannot fail.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a Problem has only string and integer members")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_keeps_the_older_error_object_next_to_rfc_7807_members() {
        let status = ErrorCode::NotLeader.to_status("controller-1 is a standby");
        let json: serde_json::Value =
            serde_json::from_str(&Problem::from_status(&status).to_json()).expect("valid JSON");
        assert_eq!(json["type"], "urn:cronjob-guardian:problem:not-leader");
        assert_eq!(json["title"], "Not the leader");
        assert_eq!(json["status"], 503);
        assert_eq!(json["detail"], "controller-1 is a standby");
        assert_eq!(json["error"]["code"], "NOT_LEADER");
        assert_eq!(json["error"]["message"], "controller-1 is a standby");
    }

    #[test]
    fn internal_problems_do_not_leak_the_cause() {
        let problem = Problem::from_status(&tonic::Status::internal("panic at store.rs:42"));
        assert_eq!(problem.status, 500);
        assert_eq!(problem.detail, "internal error");
        assert_eq!(problem.error.message, "internal error");
    }
}
