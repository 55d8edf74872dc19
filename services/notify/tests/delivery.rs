//! The delivery contract across channels: per-attempt timeouts give an uncertain outcome,
//! refused connections a certain one, and a stuck channel does not hold up another.

mod common;

use std::time::Duration;

use common::{Receiver, Reply, closed_port, options, options_with_timeout, trigger};
use guardian_notify::slack::SlackTarget;
use guardian_notify::webhook::{WebhookMethod, WebhookTarget};
use guardian_notify::{
    Channel, ChannelOptions, ChannelTarget, FailureKind, Notifier, SecretString,
};

fn webhook_at(url: String, options: &ChannelOptions) -> Channel {
    let target = WebhookTarget {
        url: SecretString::new(url),
        method: WebhookMethod::Post,
        headers: Default::default(),
        payload_template: None,
    };
    Channel::build("hook", ChannelTarget::Webhook(target), options).expect("valid channel")
}

fn slack_at(url: String, options: &ChannelOptions) -> Channel {
    let target = SlackTarget {
        webhook_url: SecretString::new(url),
        default_channel: None,
        message_template: None,
    };
    Channel::build("slack", ChannelTarget::Slack(target), options).expect("valid channel")
}

#[tokio::test]
async fn a_receiver_that_hangs_gives_an_uncertain_outcome_after_the_attempt_timeout() {
    let receiver = Receiver::start(Vec::new(), Reply::Hang).await;
    let channel = webhook_at(
        receiver.url("/hook"),
        &options_with_timeout(Duration::from_millis(300)),
    );
    let error = channel.send(&trigger()).await.expect_err("no answer");
    assert_eq!(error.kind(), FailureKind::Uncertain);
    assert!(error.may_have_been_delivered());
    assert!(error.is_retryable());
    assert_eq!(
        receiver.received().len(),
        1,
        "the request did reach the receiver"
    );
}

#[tokio::test]
async fn a_refused_connection_is_certainly_not_delivered_and_hides_the_secret_path() {
    let url = format!(
        "http://127.0.0.1:{}/services/T1/B2/S3CRETPATH",
        closed_port().await
    );
    let error = slack_at(url, &options())
        .send(&trigger())
        .await
        .expect_err("refused");
    assert_eq!(error.kind(), FailureKind::NotDelivered);
    assert!(!error.may_have_been_delivered());
    assert!(!error.to_string().contains("S3CRETPATH"), "{error}");
}

#[tokio::test]
async fn a_stuck_channel_does_not_delay_another_sent_at_the_same_time() {
    let stuck = Receiver::start(Vec::new(), Reply::Hang).await;
    let healthy = Receiver::always(200).await;
    // One shared client and pool, as in the controller.
    let shared = options();
    let stuck_channel = webhook_at(stuck.url("/stuck"), &shared);
    let healthy_channel = slack_at(healthy.url("/services/ok"), &shared);
    let notification = trigger();

    let stuck_send = {
        let notification = notification.clone();
        tokio::spawn(async move { stuck_channel.send(&notification).await })
    };
    stuck.wait_for_request().await;
    let healthy_result =
        tokio::time::timeout(Duration::from_secs(30), healthy_channel.send(&notification))
            .await
            .expect("the healthy channel answers while the other is stuck");
    assert_eq!(healthy_result.map(|delivery| delivery.code), Ok(200));
    assert!(
        !stuck_send.is_finished(),
        "the stuck channel is still waiting"
    );

    stuck.release();
    let stuck_result = tokio::time::timeout(Duration::from_secs(30), stuck_send)
        .await
        .expect("released receiver answers")
        .expect("send task completes");
    assert_eq!(stuck_result.map(|delivery| delivery.code), Ok(200));
}

#[tokio::test]
async fn concurrent_sends_to_a_failing_and_a_working_channel_both_complete() {
    let failing = Receiver::always(503).await;
    let working = Receiver::always(200).await;
    let shared = options();
    let failing_channel = webhook_at(failing.url("/down"), &shared);
    let working_channel = webhook_at(working.url("/up"), &shared);
    let notification = trigger();
    let (failed, delivered) = tokio::join!(
        failing_channel.send(&notification),
        working_channel.send(&notification)
    );
    assert_eq!(
        failed.map_err(|error| error.kind()),
        Err(FailureKind::NotDelivered)
    );
    assert_eq!(delivered.map(|delivery| delivery.code), Ok(200));
    assert_eq!(working.received().len(), 1);
}
