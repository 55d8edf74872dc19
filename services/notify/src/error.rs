//! The delivery contract's outcomes: what arrived, and for a failure whether it certainly
//! did not arrive, may have arrived, or will never be accepted. Messages never carry a
//! secret (webhook URL path, routing key, password, header values).

use std::time::Duration;

/// A successful delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    /// The receiver's answer: the HTTP status, or the SMTP reply code.
    pub code: u16,
    /// An id the receiver gave back, if any (PagerDuty's `dedup_key`).
    pub remote_id: Option<String>,
}

/// How a failed attempt ended, as far as the sender can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FailureKind {
    /// The request went out but no answer came (timeout, connection lost): it may have
    /// been delivered. Retry with the same keys; never count it as certainly lost.
    Uncertain,
    /// The receiver certainly did not accept it (no connection, 429, 5xx, SMTP 4xx).
    NotDelivered,
    /// The receiver rejected it for good (4xx, SMTP 5xx, invalid template output).
    Permanent,
}

/// A failed delivery attempt.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SendError {
    #[error("delivery outcome unknown: {reason}")]
    Uncertain { reason: String },
    #[error("not delivered: {reason}")]
    NotDelivered {
        reason: String,
        /// The receiver's `Retry-After`, if it sent one.
        retry_after: Option<Duration>,
    },
    #[error("rejected: {reason}")]
    Permanent { reason: String, status: Option<u16> },
}

impl SendError {
    pub(crate) fn uncertain(reason: impl Into<String>) -> Self {
        SendError::Uncertain {
            reason: reason.into(),
        }
    }

    pub(crate) fn not_delivered(reason: impl Into<String>) -> Self {
        SendError::NotDelivered {
            reason: reason.into(),
            retry_after: None,
        }
    }

    pub(crate) fn permanent(reason: impl Into<String>) -> Self {
        SendError::Permanent {
            reason: reason.into(),
            status: None,
        }
    }

    pub fn kind(&self) -> FailureKind {
        match self {
            SendError::Uncertain { .. } => FailureKind::Uncertain,
            SendError::NotDelivered { .. } => FailureKind::NotDelivered,
            SendError::Permanent { .. } => FailureKind::Permanent,
        }
    }

    /// Whether another attempt may succeed.
    pub fn is_retryable(&self) -> bool {
        self.kind() != FailureKind::Permanent
    }

    /// Whether the receiver may have the notification although the attempt failed.
    pub fn may_have_been_delivered(&self) -> bool {
        self.kind() == FailureKind::Uncertain
    }

    /// How long the receiver asked us to wait, if it did.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            SendError::NotDelivered { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// The reason alone, without the outcome prefix.
    pub fn reason(&self) -> &str {
        match self {
            SendError::Uncertain { reason }
            | SendError::NotDelivered { reason, .. }
            | SendError::Permanent { reason, .. } => reason,
        }
    }

    /// Label for `…_errors_total{reason}`-style metrics.
    pub fn metric_label(&self) -> &'static str {
        match self.kind() {
            FailureKind::Uncertain => "uncertain",
            FailureKind::NotDelivered => "not_delivered",
            FailureKind::Permanent => "permanent",
        }
    }

    /// The same error with every occurrence of `secrets` in its reason masked.
    pub(crate) fn redacted(self, secrets: &[&str]) -> Self {
        let mask = |reason: String| crate::secret::redact(&reason, secrets);
        match self {
            SendError::Uncertain { reason } => SendError::Uncertain {
                reason: mask(reason),
            },
            SendError::NotDelivered {
                reason,
                retry_after,
            } => SendError::NotDelivered {
                reason: mask(reason),
                retry_after,
            },
            SendError::Permanent { reason, status } => SendError::Permanent {
                reason: mask(reason),
                status,
            },
        }
    }
}

/// A channel's settings cannot be used; becomes a status condition on the AlertChannel.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("{field}: not a valid http or https URL")]
    InvalidUrl { field: &'static str },
    #[error("{field}: {message}")]
    InvalidTemplate {
        field: &'static str,
        message: String,
    },
    #[error("header {name:?}: not a valid HTTP header name or value")]
    InvalidHeader { name: String },
    #[error("{field}: invalid e-mail address {address:?}")]
    InvalidAddress {
        field: &'static str,
        address: String,
    },
    #[error("{field} must not be empty")]
    Empty { field: &'static str },
    #[error("SMTP secret: {message}")]
    SmtpSecret { message: String },
    #[error("TLS setup failed: {message}")]
    Tls { message: String },
}
