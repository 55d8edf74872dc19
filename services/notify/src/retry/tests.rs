//! Unit tests of the retry policy and the in-process retry loop.

use std::collections::VecDeque;
use std::sync::Mutex;

use async_trait::async_trait;

use super::*;
use crate::channel::ChannelType;

fn policy() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 4,
        initial_backoff: Duration::from_secs(2),
        max_backoff: Duration::from_secs(5),
    }
}

#[test]
fn backoff_doubles_up_to_the_cap_and_jitter_stays_in_bounds() {
    let policy = policy();
    assert_eq!(
        policy.backoff_bounds(1),
        (Duration::from_secs(1), Duration::from_secs(2))
    );
    assert_eq!(
        policy.backoff_bounds(2),
        (Duration::from_secs(2), Duration::from_secs(4))
    );
    assert_eq!(
        policy.backoff_bounds(3),
        (Duration::from_millis(2500), Duration::from_secs(5))
    );
    assert_eq!(policy.backoff_bounds(40).1, Duration::from_secs(5));
    assert_eq!(policy.backoff(2, 0.0), Duration::from_secs(2));
    assert_eq!(policy.backoff(2, 1.0), Duration::from_secs(4));
    assert_eq!(policy.backoff(2, 7.0), Duration::from_secs(4));
    for _ in 0..100 {
        let value = jitter();
        assert!((0.0..1.0).contains(&value));
    }
}

#[test]
fn permanent_errors_and_exhausted_attempts_give_up() {
    let policy = policy();
    let permanent = SendError::permanent("400");
    let transient = SendError::not_delivered("503");
    assert_eq!(policy.decide(1, &permanent, 0.5), RetryDecision::GiveUp);
    assert_eq!(policy.decide(4, &transient, 0.5), RetryDecision::GiveUp);
    assert_eq!(
        policy.decide(1, &transient, 0.0),
        RetryDecision::RetryAfter(Duration::from_secs(1))
    );
    let uncertain = SendError::uncertain("timeout");
    assert!(matches!(
        policy.decide(3, &uncertain, 0.0),
        RetryDecision::RetryAfter(_)
    ));
}

#[test]
fn a_longer_retry_after_from_the_receiver_wins() {
    let limited = SendError::NotDelivered {
        reason: "429".to_owned(),
        retry_after: Some(Duration::from_secs(30)),
    };
    assert_eq!(
        policy().decide(1, &limited, 1.0),
        RetryDecision::RetryAfter(Duration::from_secs(30))
    );
}

/// Answers from a script and remembers the delivery ids it was sent.
#[derive(Debug)]
struct Scripted {
    answers: Mutex<VecDeque<Result<Delivery, SendError>>>,
    seen: Mutex<Vec<String>>,
}

#[async_trait]
impl Notifier for Scripted {
    fn channel_type(&self) -> ChannelType {
        ChannelType::Webhook
    }

    async fn send(&self, notification: &Notification) -> Result<Delivery, SendError> {
        self.seen
            .lock()
            .expect("test lock is never poisoned")
            .push(notification.delivery_id.clone());
        self.answers
            .lock()
            .expect("test lock is never poisoned")
            .pop_front()
            .unwrap_or_else(|| Err(SendError::permanent("script ran out")))
    }
}

fn scripted(answers: Vec<Result<Delivery, SendError>>) -> Scripted {
    Scripted {
        answers: Mutex::new(answers.into()),
        seen: Mutex::new(Vec::new()),
    }
}

fn ok() -> Result<Delivery, SendError> {
    Ok(Delivery {
        code: 200,
        remote_id: None,
    })
}

#[tokio::test(start_paused = true)]
async fn retries_until_delivered_with_the_same_delivery_id() {
    let notifier = scripted(vec![
        Err(SendError::uncertain("timeout")),
        Err(SendError::not_delivered("503")),
        ok(),
    ]);
    let notification = Notification::test("ns/chan", jiff::Timestamp::UNIX_EPOCH);
    let report = deliver_with_retry(&notifier, &notification, &policy()).await;
    assert_eq!(report.attempts, 3);
    assert!(report.result.is_ok());
    let seen = notifier
        .seen
        .lock()
        .expect("test lock is never poisoned")
        .clone();
    assert_eq!(seen, vec![notification.delivery_id.clone(); 3]);
}

#[tokio::test(start_paused = true)]
async fn stops_at_a_permanent_error_and_after_the_last_attempt() {
    let rejected = scripted(vec![Err(SendError::permanent("400")), ok()]);
    let notification = Notification::test("ns/chan", jiff::Timestamp::UNIX_EPOCH);
    let report = deliver_with_retry(&rejected, &notification, &policy()).await;
    assert_eq!(report.attempts, 1);
    assert!(report.result.is_err());

    let down = scripted(vec![Err(SendError::not_delivered("503")); 10]);
    let report = deliver_with_retry(&down, &notification, &policy()).await;
    assert_eq!(report.attempts, 4);
    assert_eq!(
        report.result.map_err(|error| error.kind()),
        Err(crate::FailureKind::NotDelivered)
    );
}
