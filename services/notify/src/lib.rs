//! Alert channels of CronJob Guardian: Slack incoming webhooks, PagerDuty Events API v2,
//! generic webhooks and SMTP e-mail, each behind the one [`Notifier`] trait.
//!
//! This crate only *delivers*. Deciding what to send (the alert life cycle), persisting
//! deliveries and rate limiting live elsewhere: the pure decisions in `guardian-core`
//! (`alerting::step`, `alerting::rate_limit::RateLimiter`, which fits per-channel limits
//! as `RateLimit::per_hour`), persistence and the dispatcher loop in the controller.
//!
//! The delivery contract the dispatcher relies on:
//! - every [`Notification`] carries the alert key (PagerDuty `dedup_key`) and a
//!   `delivery_id` that is the same for every retry of one delivery (the webhook
//!   `Idempotency-Key`), so a retry after an uncertain outcome is harmless;
//! - [`SendError`] says whether the notification certainly did not arrive, may have
//!   arrived (a timeout after the request went out), or was rejected for good;
//! - each attempt is bounded by a per-attempt timeout and senders share no lock, so a
//!   slow or failing channel never delays another;
//! - secrets (webhook URLs, routing keys, passwords, header values) are plain values
//!   handed in by the caller; `Debug` redacts them and no error message contains them.

pub mod channel;
pub mod email;
pub mod error;
mod http;
pub mod metrics;
pub mod notification;
pub mod pagerduty;
pub mod retry;
pub mod secret;
pub mod slack;
pub mod template;
mod text;
pub mod webhook;

use async_trait::async_trait;

pub use channel::{Channel, ChannelOptions, ChannelTarget, ChannelType};
pub use error::{ConfigError, Delivery, FailureKind, SendError};
pub use http::HttpClient;
pub use notification::{AlertContext, Link, Notification, NotificationKind};
pub use retry::{RetryDecision, RetryPolicy, deliver_with_retry};
pub use secret::SecretString;

/// One alert destination. Implementations make exactly one delivery attempt per call,
/// bounded by their per-attempt timeout; retrying is the caller's (see [`retry`]).
#[async_trait]
pub trait Notifier: Send + Sync + std::fmt::Debug {
    /// The kind of destination, for logs and metric labels.
    fn channel_type(&self) -> ChannelType;

    /// Makes one attempt to deliver `notification`.
    async fn send(&self, notification: &Notification) -> Result<Delivery, SendError>;
}
