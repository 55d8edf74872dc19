//! The Slack message: Block Kit inside a coloured attachment, so the severity shows as
//! the bar colour and the text stays readable on mobile; `text` is the notification
//! fallback. User content is escaped for mrkdwn and bounded to Slack's block limits.

use serde_json::{Value, json};

use crate::notification::{Notification, NotificationKind};
use crate::template::{Template, TemplateError, notification_data};
use crate::text::{slack_escape, tail, truncate};
use guardian_core::Severity;

/// Slack's limit on a header's text is 150 characters, a section's 3000.
const HEADER_CHARS: usize = 150;
const SECTION_CHARS: usize = 2900;
const LOG_CHARS: usize = 2500;
const MAX_EVENTS: usize = 10;

pub(super) fn payload(
    notification: &Notification,
    channel: Option<&str>,
    template: Option<&Template>,
) -> Result<Value, TemplateError> {
    let mut payload = match template {
        Some(template) => {
            let text = template.render_text(&notification_data(notification))?;
            json!({ "text": text })
        }
        None => json!({
            "text": fallback(notification),
            "attachments": [{
                "color": colour(notification),
                "fallback": fallback(notification),
                "blocks": blocks(notification),
            }],
        }),
    };
    if let Some(channel) = channel {
        payload["channel"] = Value::String(channel.to_owned());
    }
    Ok(payload)
}

fn colour(notification: &Notification) -> &'static str {
    match (notification.kind, notification.alert.severity) {
        (NotificationKind::Resolve, _) => "#2eb67d",
        (NotificationKind::Test, _) | (_, Severity::Info) => "#439fe0",
        (_, Severity::Critical) => "#e01e5a",
        (_, Severity::Warning) => "#ecb22e",
    }
}

fn fallback(notification: &Notification) -> String {
    let alert = &notification.alert;
    let label = match notification.kind {
        NotificationKind::Resolve => "RESOLVED".to_owned(),
        NotificationKind::Test => "TEST".to_owned(),
        NotificationKind::Trigger => alert.severity.as_str().to_uppercase(),
    };
    format!("[{label}] {} ({})", alert.title, alert.cronjob)
}

fn blocks(notification: &Notification) -> Vec<Value> {
    let alert = &notification.alert;
    let heading = match notification.kind {
        NotificationKind::Resolve => format!("✅ Resolved: {}", alert.title),
        NotificationKind::Test => format!("🧪 {}", alert.title),
        NotificationKind::Trigger if alert.severity == Severity::Critical => {
            format!("🔴 {}", alert.title)
        }
        NotificationKind::Trigger if alert.severity == Severity::Warning => {
            format!("⚠️ {}", alert.title)
        }
        NotificationKind::Trigger => format!("🔵 {}", alert.title),
    };
    let mut blocks = vec![
        json!({ "type": "header", "text": { "type": "plain_text", "text": truncate(&heading, HEADER_CHARS), "emoji": true } }),
        json!({ "type": "section", "fields": fields(notification) }),
    ];
    if notification.kind == NotificationKind::Resolve {
        let since = format!(
            "Firing since {}, resolved at {}.",
            alert.since, notification.at
        );
        blocks.push(section(&since));
    } else {
        blocks.push(section(&slack_escape(&alert.message)));
        blocks.extend(context_blocks(notification));
    }
    if !notification.links.is_empty() {
        blocks.push(links(notification));
    }
    blocks.push(json!({
        "type": "context",
        "elements": [{ "type": "mrkdwn", "text": slack_escape(&format!("{} · key {}", notification.at, notification.key)) }],
    }));
    blocks
}

fn fields(notification: &Notification) -> Vec<Value> {
    let alert = &notification.alert;
    let mut fields = vec![
        field(
            "CronJob",
            &format!("`{}`", slack_escape(&alert.cronjob.to_string())),
        ),
        field("Severity", alert.severity.as_str()),
        field("Type", &slack_escape(&alert.kind)),
    ];
    if let Some(code) = alert.exit_code {
        fields.push(field("Exit code", &code.to_string()));
    }
    if let Some(reason) = alert.reason.as_deref().filter(|reason| !reason.is_empty()) {
        fields.push(field("Reason", &slack_escape(reason)));
    }
    if let Some(monitor) = &alert.monitor {
        fields.push(field("Monitor", &slack_escape(&monitor.to_string())));
    }
    fields
}

fn context_blocks(notification: &Notification) -> Vec<Value> {
    let context = &notification.context;
    let mut blocks = Vec::new();
    if let Some(fix) = notification.suggested_fix() {
        blocks.push(section(&format!(
            "💡 *Suggested fix*\n{}",
            slack_escape(fix)
        )));
    }
    if let Some(status) = context
        .pod_status
        .as_deref()
        .filter(|status| !status.is_empty())
    {
        blocks.push(section(&format!("*Pod status*\n{}", slack_escape(status))));
    }
    if !context.events.is_empty() {
        let lines: Vec<String> = context
            .events
            .iter()
            .take(MAX_EVENTS)
            .map(|event| format!("• {}", slack_escape(event)))
            .collect();
        blocks.push(section(&format!("*Events*\n{}", lines.join("\n"))));
    }
    if let Some(logs) = context
        .logs
        .as_deref()
        .filter(|logs| !logs.trim().is_empty())
    {
        // A ``` inside the log would end the code block early.
        let excerpt = slack_escape(&tail(logs.trim_end(), LOG_CHARS)).replace("```", "`\u{200b}``");
        blocks.push(section(&format!("*Recent logs*\n```{excerpt}```")));
    }
    blocks
}

fn links(notification: &Notification) -> Value {
    let shown: Vec<String> = notification
        .links
        .iter()
        .map(|link| {
            let href = link.href.replace(['<', '>', '|'], "");
            format!("<{href}|{}>", slack_escape(&link.text).replace('|', "¦"))
        })
        .collect();
    section(&shown.join(" · "))
}

fn field(name: &str, value: &str) -> Value {
    json!({ "type": "mrkdwn", "text": format!("*{name}*\n{value}") })
}

fn section(text: &str) -> Value {
    json!({ "type": "section", "text": { "type": "mrkdwn", "text": truncate(text, SECTION_CHARS) } })
}
