//! E-mail over SMTP against a real SMTP server process (aiosmtpd) on 127.0.0.1 that
//! requires STARTTLS and AUTH.

mod common;

use common::smtp::SmtpServer;
use common::{closed_port, options, resolve, trigger};
use guardian_notify::email::{EmailTarget, SmtpSecurity, SmtpSettings};
use guardian_notify::{Channel, ChannelTarget, FailureKind, Notifier, SecretString};

const USER: &str = "guardian";
const PASSWORD: &str = "pa55-w0rd-secret";

fn email(
    server: &SmtpServer,
    password: &str,
    subject: Option<&str>,
    body: Option<&str>,
) -> Channel {
    let smtp = SmtpSettings {
        host: "127.0.0.1".to_owned(),
        port: server.port,
        username: Some(USER.to_owned()),
        password: Some(SecretString::new(password)),
        security: SmtpSecurity::StartTls,
        extra_root_pem: Some(server.ca_pem.clone()),
    };
    let target = EmailTarget {
        smtp,
        from: "CronJob Guardian <guardian@example.com>".to_owned(),
        to: vec![
            "oncall@example.com".to_owned(),
            "ops@example.com".to_owned(),
        ],
        subject_template: subject.map(str::to_owned),
        body_template: body.map(str::to_owned),
    };
    Channel::build("mail", ChannelTarget::Email(target), &options()).expect("valid channel")
}

#[tokio::test]
async fn trigger_and_resolve_arrive_over_starttls_with_auth() {
    let Some(server) = SmtpServer::start(USER, PASSWORD).await else {
        return;
    };
    let channel = email(&server, PASSWORD, None, None);
    let delivery = channel.send(&trigger()).await.expect("accepted");
    assert_eq!(delivery.code, 250);
    channel.send(&resolve()).await.expect("accepted");

    let messages = server.messages();
    assert_eq!(messages.len(), 2);
    let firing = &messages[0];
    assert_eq!(firing["tls"], true, "STARTTLS was used");
    assert_eq!(firing["authenticated"], true);
    assert_eq!(firing["mail_from"], "guardian@example.com");
    assert_eq!(
        firing["rcpt_tos"],
        serde_json::json!(["oncall@example.com", "ops@example.com"])
    );
    assert_eq!(firing["subject"], "[CRITICAL] CronJob ops/backup failed");
    assert_eq!(firing["from"], "CronJob Guardian <guardian@example.com>");
    assert_eq!(firing["alert_key"], "ops/nightly/ops/backup/jobFailed");
    assert_eq!(firing["content_type"], "multipart/alternative");
    let text = &firing["text"]
        .as_str()
        .expect("plain part")
        .replace("\r\n", "\n");
    for expected in [
        "CronJob: ops/backup",
        "Exit code: 137",
        "Reason: OOMKilled",
        &common::failed_alert().message,
        "Suggested fix:\nRaise the memory limit of container \"dump\"",
        "\"FATAL\": out of memory",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
    let html = firing["html"].as_str().expect("html part");
    assert!(
        html.contains("pg_dump: error: &lt;connection&gt; refused &amp; gave up"),
        "{html}"
    );

    let resolved = &messages[1];
    assert_eq!(resolved["subject"], "[RESOLVED] CronJob ops/backup failed");
    assert!(
        resolved["text"]
            .as_str()
            .is_some_and(|text| text.contains("Resolved at: 2024-03-05T09:00:00Z"))
    );
    assert_ne!(resolved["message_id"], firing["message_id"]);
}

#[tokio::test]
async fn a_retried_message_keeps_its_message_id() {
    let Some(server) = SmtpServer::start(USER, PASSWORD).await else {
        return;
    };
    let channel = email(&server, PASSWORD, None, None);
    channel.send(&trigger()).await.expect("accepted");
    channel.send(&trigger()).await.expect("accepted");
    let messages = server.messages();
    assert_eq!(messages.len(), 2);
    assert_eq!(messages[0]["message_id"], messages[1]["message_id"]);
}

#[tokio::test]
async fn subject_and_body_templates_are_rendered() {
    let Some(server) = SmtpServer::start(USER, PASSWORD).await else {
        return;
    };
    let channel = email(
        &server,
        PASSWORD,
        Some("{{ .Severity | upper }}: {{ .CronJob.Name }} ({{ .Status }})"),
        Some("{{ .Message }}\nfix: {{ .Context.SuggestedFix }}\n<b>not html</b>"),
    );
    channel.send(&trigger()).await.expect("accepted");
    let message = &server.messages()[0];
    assert_eq!(message["subject"], "CRITICAL: backup (firing)");
    let text = message["text"]
        .as_str()
        .expect("plain part")
        .replace("\r\n", "\n");
    assert_eq!(
        text.trim_end(),
        format!(
            "{}\nfix: Raise the memory limit of container \"dump\"\n<b>not html</b>",
            common::failed_alert().message
        )
    );
    let html = message["html"].as_str().expect("html part");
    assert!(html.contains("&lt;b&gt;not html&lt;/b&gt;"), "{html}");
}

#[tokio::test]
async fn a_wrong_password_is_permanent_and_not_shown() {
    let Some(server) = SmtpServer::start(USER, PASSWORD).await else {
        return;
    };
    let wrong = "wr0ng-password-value";
    let error = email(&server, wrong, None, None)
        .send(&trigger())
        .await
        .expect_err("authentication fails");
    assert_eq!(error.kind(), FailureKind::Permanent, "{error}");
    assert!(!error.to_string().contains(wrong), "{error}");
    assert!(server.messages().is_empty());
}

#[tokio::test]
async fn a_refused_connection_is_certainly_not_delivered() {
    let smtp = SmtpSettings {
        host: "127.0.0.1".to_owned(),
        port: closed_port().await,
        username: None,
        password: None,
        security: SmtpSecurity::StartTls,
        extra_root_pem: None,
    };
    let target = EmailTarget {
        smtp,
        from: "guardian@example.com".to_owned(),
        to: vec!["oncall@example.com".to_owned()],
        subject_template: None,
        body_template: None,
    };
    let channel =
        Channel::build("mail", ChannelTarget::Email(target), &options()).expect("valid channel");
    let error = channel.send(&trigger()).await.expect_err("nothing listens");
    assert_eq!(error.kind(), FailureKind::NotDelivered, "{error}");
}

#[tokio::test]
async fn invalid_addresses_are_configuration_errors() {
    let target = EmailTarget {
        smtp: SmtpSettings {
            host: "127.0.0.1".to_owned(),
            port: 25,
            username: None,
            password: None,
            security: SmtpSecurity::None,
            extra_root_pem: None,
        },
        from: "guardian@example.com".to_owned(),
        to: vec!["not an address".to_owned()],
        subject_template: None,
        body_template: None,
    };
    let error =
        Channel::build("mail", ChannelTarget::Email(target), &options()).expect_err("bad to");
    assert_eq!(
        error.to_string(),
        "spec.email.to: invalid e-mail address \"not an address\""
    );
}
