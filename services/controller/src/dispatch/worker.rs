//! One channel's due deliveries, one at a time, each attempt recorded around the send:
//!
//! ```text
//!  first attempt? ── rate limiter ── held: hold_delivery(retry_at), counted, kept
//!        ▼ admitted
//!  FencedTx begin_attempt (sending, epoch) ── commit      ← a crash from here on is "uncertain"
//!        ▼
//!  Channel::send (one attempt, per-attempt timeout, same delivery id every time)
//!        ▼
//!  FencedTx finish_attempt: sent │ pending again at now + backoff │ failed ── commit
//! ```
//!
//! A worker owns only its channel's rows, so a slow or failing channel never delays
//! another. A `Fenced` refusal ends the worker at once: a newer leader owns the rows.

use std::hash::{BuildHasher, Hasher};
use std::sync::{Arc, Mutex};

use guardian_core::alerting::rate_limit::{Admission, RateLimiter};
use guardian_core::{Clock, CronJobRef, Epoch};
use guardian_notify::{
    Notification, NotificationKind, Notifier, RetryDecision, RetryPolicy, SendError,
};
use guardian_store::{AttemptOutcome, DeliveryRecord, DeliveryState, Store, StoreError};
use jiff::{SignedDuration, Timestamp};

use super::metrics;

/// What a worker needs besides its rows.
#[derive(Clone)]
pub(crate) struct WorkerContext {
    pub store: Store,
    pub epoch: Epoch,
    pub clock: Arc<dyn Clock>,
    pub retry: RetryPolicy,
}

/// What one worker run did, for the channel's status.
#[derive(Debug)]
pub(crate) struct WorkerReport {
    pub channel: CronJobRef,
    pub sent: u32,
    pub failed: u32,
    /// The last failed attempt's error (retried or not).
    pub last_error: Option<String>,
    /// Failed attempts since the last success, `None` when nothing was attempted.
    pub failed_in_a_row: Option<u32>,
    pub last_sent_at: Option<Timestamp>,
    pub last_failed_at: Option<Timestamp>,
    /// A newer leader owns the deliveries: the dispatcher must stop.
    pub fenced: bool,
}

/// Sends `rows` through `channel` in order.
pub(crate) async fn run(
    context: WorkerContext,
    channel: Arc<guardian_notify::Channel>,
    key: CronJobRef,
    limiter: Arc<Mutex<RateLimiter>>,
    rows: Vec<DeliveryRecord>,
) -> WorkerReport {
    let mut report = WorkerReport {
        channel: key,
        sent: 0,
        failed: 0,
        last_error: None,
        failed_in_a_row: None,
        last_sent_at: None,
        last_failed_at: None,
        fenced: false,
    };
    for row in rows {
        match deliver(&context, &channel, &limiter, &row, &mut report).await {
            Ok(()) => {}
            Err(error) if error.ends_leadership() => {
                report.fenced = true;
                return report;
            }
            Err(error) => {
                // The row is still pending or sending; the next scan takes it again.
                tracing::warn!(%error, delivery = %row.id, "delivery bookkeeping failed; retrying later");
                return report;
            }
        }
    }
    report
}

async fn deliver(
    context: &WorkerContext,
    channel: &guardian_notify::Channel,
    limiter: &Mutex<RateLimiter>,
    row: &DeliveryRecord,
    report: &mut WorkerReport,
) -> Result<(), StoreError> {
    let now = context.clock.now();
    // Only a first attempt takes a token: retries and resumed attempts are the same alert.
    if row.state == DeliveryState::Pending && row.attempts == 0 {
        let admission = limiter
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
            .admit(now);
        if let Admission::HeldBack { retry_at } = admission {
            tracing::warn!(channel = %report.channel, delivery = %row.id, %retry_at,
                "channel rate limit reached; alert held back, not dropped");
            metrics::held_back(&report.channel);
            let mut tx = context.store.begin_fenced(context.epoch).await?;
            tx.hold_delivery(&row.id, retry_at).await?;
            tx.commit().await?;
            return Ok(());
        }
    }
    let mut tx = context.store.begin_fenced(context.epoch).await?;
    let started = tx.begin_attempt(&row.id, now).await?;
    tx.commit().await?;
    if !started {
        return Ok(());
    }
    let attempts = row.attempts + 1;
    let (outcome, notification) = match serde_json::from_str::<Notification>(&row.notification) {
        Ok(notification) => {
            let result = channel.send(&notification).await;
            (decide(context, row, attempts, result), Some(notification))
        }
        Err(error) => (
            AttemptOutcome::Failed {
                error: format!("stored notification does not decode: {error}"),
            },
            None,
        ),
    };
    let finished_at = context.clock.now();
    let mut tx = context.store.begin_fenced(context.epoch).await?;
    tx.finish_attempt(&row.id, &outcome, finished_at).await?;
    tx.commit().await?;
    account(report, &outcome, notification.as_ref(), finished_at);
    Ok(())
}

/// Sent, retried after the policy's backoff, or given up.
fn decide(
    context: &WorkerContext,
    row: &DeliveryRecord,
    attempts: u32,
    result: Result<guardian_notify::Delivery, SendError>,
) -> AttemptOutcome {
    let error = match result {
        Ok(_) => return AttemptOutcome::Sent,
        Err(error) => error,
    };
    match context
        .retry
        .decide(attempts, &error, jitter(&row.id, attempts))
    {
        RetryDecision::RetryAfter(wait) => {
            let wait = SignedDuration::try_from(wait).unwrap_or(SignedDuration::MAX);
            AttemptOutcome::Retry {
                at: context
                    .clock
                    .now()
                    .checked_add(wait)
                    .unwrap_or(Timestamp::MAX),
                error: error.to_string(),
            }
        }
        RetryDecision::GiveUp => AttemptOutcome::Failed {
            error: error.to_string(),
        },
    }
}

fn account(
    report: &mut WorkerReport,
    outcome: &AttemptOutcome,
    notification: Option<&Notification>,
    at: Timestamp,
) {
    let channel = report.channel.name.clone();
    let counts_as_alert = notification.filter(|n| n.kind == NotificationKind::Trigger);
    match outcome {
        AttemptOutcome::Sent => {
            report.sent += 1;
            report.failed_in_a_row = Some(0);
            report.last_sent_at = Some(at);
            if let Some(notification) = counts_as_alert {
                guardian_notify::metrics::record_alert_sent(&notification.alert, &channel);
            }
        }
        AttemptOutcome::Retry { error, .. } | AttemptOutcome::Failed { error } => {
            report.failed_in_a_row = Some(report.failed_in_a_row.unwrap_or(0) + 1);
            report.last_error = Some(error.clone());
            report.last_failed_at = Some(at);
            if matches!(outcome, AttemptOutcome::Failed { .. }) {
                report.failed += 1;
                if let Some(notification) = counts_as_alert {
                    guardian_notify::metrics::record_alert_failed(&notification.alert, &channel);
                }
            }
        }
    }
}

/// A jitter value in `[0, 1)` from the standard library's random hash keys.
fn jitter(id: &str, attempts: u32) -> f64 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write(id.as_bytes());
    hasher.write_u32(attempts);
    (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
}

/// Records an attempt that could not be made (the channel is missing or not ready) as a
/// failed attempt, retried with backoff until the policy gives up.
pub(crate) async fn unavailable(
    context: &WorkerContext,
    row: &DeliveryRecord,
    reason: &str,
) -> Result<(), StoreError> {
    let now = context.clock.now();
    let attempts = row.attempts + 1;
    let error = SendError::NotDelivered {
        reason: reason.to_owned(),
        retry_after: None,
    };
    let outcome = decide(context, row, attempts, Err(error));
    let mut tx = context.store.begin_fenced(context.epoch).await?;
    if tx.begin_attempt(&row.id, now).await? {
        tx.finish_attempt(&row.id, &outcome, now).await?;
    }
    tx.commit().await?;
    Ok(())
}
