//! Slack incoming webhook: a real HTTP receiver on 127.0.0.1 checks the messages.

mod common;

use common::{Receiver, options, resolve, trigger};
use guardian_notify::slack::SlackTarget;
use guardian_notify::{Channel, ChannelTarget, Notifier, SecretString};
use serde_json::Value;

fn slack(receiver: &Receiver, template: Option<&str>) -> Channel {
    let target = SlackTarget {
        webhook_url: SecretString::new(receiver.url("/services/T000/B000/XXXXSECRET")),
        default_channel: Some("#alerts".to_owned()),
        message_template: template.map(str::to_owned),
    };
    Channel::build("slack-ops", ChannelTarget::Slack(target), &options()).expect("valid channel")
}

fn all_text(blocks: &Value) -> String {
    let mut text = String::new();
    for block in blocks.as_array().expect("blocks are a list") {
        if let Some(value) = block.pointer("/text/text").and_then(Value::as_str) {
            text.push_str(value);
            text.push('\n');
        }
        for field in block["fields"].as_array().into_iter().flatten() {
            text.push_str(field["text"].as_str().unwrap_or_default());
            text.push('\n');
        }
    }
    text
}

#[tokio::test]
async fn firing_alert_posts_a_readable_coloured_message_with_context() {
    let receiver = Receiver::always(200).await;
    let delivery = slack(&receiver, None)
        .send(&trigger())
        .await
        .expect("delivered");
    assert_eq!(delivery.code, 200);

    let requests = receiver.received();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.method, "POST");
    assert_eq!(request.path, "/services/T000/B000/XXXXSECRET");
    assert_eq!(request.header("content-type"), Some("application/json"));
    let body = request.json();
    assert_eq!(body["channel"], "#alerts");
    assert_eq!(
        body["text"],
        "[CRITICAL] CronJob ops/backup failed (ops/backup)"
    );
    let attachment = &body["attachments"][0];
    assert_eq!(attachment["color"], "#e01e5a");
    let blocks = &attachment["blocks"];
    assert_eq!(blocks[0]["type"], "header");
    assert_eq!(blocks[0]["text"]["text"], "🔴 CronJob ops/backup failed");
    let text = all_text(blocks);
    for expected in [
        "*CronJob*\n`ops/backup`",
        "*Exit code*\n137",
        "*Reason*\nOOMKilled",
        // The message keeps its quotes and newlines; markup is escaped for mrkdwn.
        "Job \"backup-123\" failed:\n\tpg_dump: error: &lt;connection&gt; refused &amp; gave up",
        "💡 *Suggested fix*\nRaise the memory limit of container \"dump\"",
        "• BackoffLimitExceeded",
        "*Recent logs*\n```starting dump\n\"FATAL\": out of memory\n`\u{200b}``oops`\u{200b}`````",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[tokio::test]
async fn resolve_posts_a_green_resolved_message() {
    let receiver = Receiver::always(200).await;
    slack(&receiver, None)
        .send(&resolve())
        .await
        .expect("delivered");
    let body = receiver.received()[0].json();
    assert_eq!(
        body["text"],
        "[RESOLVED] CronJob ops/backup failed (ops/backup)"
    );
    let attachment = &body["attachments"][0];
    assert_eq!(attachment["color"], "#2eb67d");
    assert_eq!(
        attachment["blocks"][0]["text"]["text"],
        "✅ Resolved: CronJob ops/backup failed"
    );
    let text = all_text(&attachment["blocks"]);
    assert!(text.contains("resolved at 2024-03-05T09:00:00Z"), "{text}");
    assert!(
        !text.contains("Recent logs"),
        "a resolve carries no failure context"
    );
}

#[tokio::test]
async fn message_template_renders_the_go_operators_fields() {
    let receiver = Receiver::always(200).await;
    let template = "{{ if eq .Status \"resolved\" }}:white_check_mark:{{ else }}:red_circle:{{ end }} \
                    *{{ .Title }}* `{{ .CronJob.Namespace }}/{{ .CronJob.Name }}` exit {{ .Context.ExitCode }}\n{{ .Message }}";
    let channel = slack(&receiver, Some(template));
    channel.send(&trigger()).await.expect("delivered");
    channel.send(&resolve()).await.expect("delivered");
    let requests = receiver.received();
    assert_eq!(
        requests[0].json()["text"],
        ":red_circle: *CronJob ops/backup failed* `ops/backup` exit 137\n\
         Job \"backup-123\" failed:\n\tpg_dump: error: <connection> refused & gave up"
    );
    assert!(
        requests[1].json()["text"]
            .as_str()
            .is_some_and(|text| text.starts_with(":white_check_mark:"))
    );
}

#[tokio::test]
async fn a_template_with_an_unknown_field_is_refused_when_the_channel_is_built() {
    let target = SlackTarget {
        webhook_url: SecretString::new("https://hooks.example/services/T/B/X"),
        default_channel: None,
        message_template: Some("{{ .CronJob.Nmae }}".to_owned()),
    };
    let error = Channel::build("slack", ChannelTarget::Slack(target), &options())
        .expect_err("typo in the template");
    assert_eq!(
        error.to_string(),
        "spec.slack.messageTemplate: unknown field .CronJob.Nmae"
    );
}
