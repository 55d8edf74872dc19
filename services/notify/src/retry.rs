//! Retries with exponential backoff and jitter: the pure policy ([`RetryPolicy::decide`])
//! for a dispatcher that persists attempts between tries, and a small in-process loop
//! ([`deliver_with_retry`]) for callers that do not.
//!
//! Every retry reuses the same [`Notification`], hence the same alert key and delivery
//! id, so a retry after an uncertain outcome cannot double an alert at the receiver.

use std::hash::{BuildHasher, Hasher};
use std::time::Duration;

use crate::Notifier;
use crate::error::{Delivery, SendError};
use crate::notification::Notification;

/// How often and how patiently to retry one delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included (at least 1).
    pub max_attempts: u32,
    /// Upper bound of the wait after the first failure; doubles after each failure.
    pub initial_backoff: Duration,
    /// The wait never exceeds this (unless the receiver's `Retry-After` asks for more).
    pub max_backoff: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 5,
            initial_backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(60),
        }
    }
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryDecision {
    RetryAfter(Duration),
    GiveUp,
}

impl RetryPolicy {
    /// The range the wait after `failed_attempts` failures is drawn from: the upper bound
    /// doubles from `initial_backoff` up to `max_backoff`; the lower bound is half of it,
    /// so jitter spreads retries without ever retrying at once.
    pub fn backoff_bounds(&self, failed_attempts: u32) -> (Duration, Duration) {
        let doublings = failed_attempts.saturating_sub(1).min(31);
        let upper = self
            .initial_backoff
            .saturating_mul(1u32 << doublings)
            .min(self.max_backoff);
        (upper / 2, upper)
    }

    /// The wait for a jitter value in `[0, 1]` (clamped).
    pub fn backoff(&self, failed_attempts: u32, jitter: f64) -> Duration {
        let (lower, upper) = self.backoff_bounds(failed_attempts);
        lower + (upper - lower).mul_f64(jitter.clamp(0.0, 1.0))
    }

    /// Whether and when to try again after `failed_attempts` failures, the last one
    /// `error`. Permanent errors and exhausted attempts give up; a receiver's
    /// `Retry-After` is honoured when it is longer than the backoff.
    pub fn decide(&self, failed_attempts: u32, error: &SendError, jitter: f64) -> RetryDecision {
        if !error.is_retryable() || failed_attempts >= self.max_attempts.max(1) {
            return RetryDecision::GiveUp;
        }
        let wait = self.backoff(failed_attempts, jitter);
        RetryDecision::RetryAfter(error.retry_after().map_or(wait, |asked| asked.max(wait)))
    }
}

/// The outcome of [`deliver_with_retry`].
#[derive(Debug, Clone, PartialEq)]
pub struct DeliveryReport {
    /// Attempts made, the successful one included.
    pub attempts: u32,
    pub result: Result<Delivery, SendError>,
}

/// Sends `notification`, retrying per `policy` with the same keys, until it is delivered,
/// rejected for good, or the attempts run out.
pub async fn deliver_with_retry(
    notifier: &dyn Notifier,
    notification: &Notification,
    policy: &RetryPolicy,
) -> DeliveryReport {
    let mut attempts = 0;
    loop {
        attempts += 1;
        let error = match notifier.send(notification).await {
            Ok(delivery) => {
                return DeliveryReport {
                    attempts,
                    result: Ok(delivery),
                };
            }
            Err(error) => error,
        };
        match policy.decide(attempts, &error, jitter()) {
            RetryDecision::RetryAfter(wait) => {
                tracing::debug!(attempts, ?wait, error = %error, "alert delivery failed, retrying");
                tokio::time::sleep(wait).await;
            }
            RetryDecision::GiveUp => {
                return DeliveryReport {
                    attempts,
                    result: Err(error),
                };
            }
        }
    }
}

/// A jitter value in `[0, 1)` from the standard library's per-process random hash keys.
fn jitter() -> f64 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_nanos()),
    );
    (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests;
