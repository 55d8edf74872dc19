//! The e-mail's subject and its plain-text and HTML bodies: built here by default, or from
//! the channel's `subjectTemplate` / `bodyTemplate` (the HTML part then shows the rendered
//! text as is, escaped).

use guardian_core::Severity;

use crate::notification::{Notification, NotificationKind};
use crate::text::{html_escape, tail};

/// Log excerpt kept in an e-mail.
const LOG_CHARS: usize = 8000;

/// The default subject: `[CRITICAL] title`, `[RESOLVED] title` or `[TEST] title`.
pub(super) fn default_subject(notification: &Notification) -> String {
    format!("[{}] {}", label(notification), notification.alert.title)
}

fn label(notification: &Notification) -> String {
    match notification.kind {
        NotificationKind::Resolve => "RESOLVED".to_owned(),
        NotificationKind::Test => "TEST".to_owned(),
        NotificationKind::Trigger => notification.alert.severity.as_str().to_uppercase(),
    }
}

/// Label/value lines shared by both bodies.
fn facts(notification: &Notification) -> Vec<(&'static str, String)> {
    let alert = &notification.alert;
    let mut facts = vec![
        ("Status", notification.kind.status().to_owned()),
        ("Type", alert.kind.clone()),
        ("Severity", alert.severity.as_str().to_owned()),
        ("CronJob", alert.cronjob.to_string()),
    ];
    if let Some(monitor) = &alert.monitor {
        facts.push(("Monitor", monitor.to_string()));
    }
    if let Some(code) = alert.exit_code {
        facts.push(("Exit code", code.to_string()));
    }
    if let Some(reason) = alert.reason.as_deref().filter(|reason| !reason.is_empty()) {
        facts.push(("Reason", reason.to_owned()));
    }
    facts.push(("Since", alert.since.to_string()));
    if notification.kind == NotificationKind::Resolve {
        facts.push(("Resolved at", notification.at.to_string()));
    }
    facts
}

/// The default plain-text body.
pub(super) fn default_text(notification: &Notification) -> String {
    let mut text = format!("CronJob Guardian alert: {}\n\n", notification.alert.title);
    for (label, value) in facts(notification) {
        text.push_str(&format!("{label}: {value}\n"));
    }
    text.push('\n');
    text.push_str(&notification.alert.message);
    text.push('\n');
    if notification.kind != NotificationKind::Resolve {
        push_context_text(notification, &mut text);
    }
    for link in &notification.links {
        text.push_str(&format!("\n{}: {}", link.text, link.href));
    }
    text.push_str(&format!(
        "\n--\nCronJob Guardian · alert key {}\n",
        notification.key
    ));
    text
}

fn push_context_text(notification: &Notification, text: &mut String) {
    let context = &notification.context;
    if let Some(fix) = notification.suggested_fix() {
        text.push_str(&format!("\nSuggested fix:\n{fix}\n"));
    }
    if let Some(status) = context
        .pod_status
        .as_deref()
        .filter(|status| !status.is_empty())
    {
        text.push_str(&format!("\nPod status:\n{status}\n"));
    }
    if !context.events.is_empty() {
        text.push_str("\nEvents:\n");
        for event in &context.events {
            text.push_str(&format!("- {event}\n"));
        }
    }
    if let Some(logs) = context
        .logs
        .as_deref()
        .filter(|logs| !logs.trim().is_empty())
    {
        text.push_str(&format!(
            "\nRecent logs:\n{}\n",
            tail(logs.trim_end(), LOG_CHARS)
        ));
    }
}

/// The default HTML body: the same content, escaped, with the severity as a colour bar.
pub(super) fn default_html(notification: &Notification) -> String {
    let alert = &notification.alert;
    let colour = match (notification.kind, alert.severity) {
        (NotificationKind::Resolve, _) => "#2eb67d",
        (NotificationKind::Test, _) | (_, Severity::Info) => "#439fe0",
        (_, Severity::Critical) => "#e01e5a",
        (_, Severity::Warning) => "#ecb22e",
    };
    let mut html = format!(
        "<!DOCTYPE html><html><body style=\"font-family:sans-serif\">\
         <div style=\"border-left:6px solid {colour};padding:8px 16px\">\
         <h2 style=\"margin:0 0 8px 0\">[{}] {}</h2><table>",
        label(notification),
        html_escape(&alert.title)
    );
    for (label, value) in facts(notification) {
        html.push_str(&format!(
            "<tr><td><strong>{label}</strong></td><td>{}</td></tr>",
            html_escape(&value)
        ));
    }
    html.push_str(&format!(
        "</table><p style=\"white-space:pre-wrap\">{}</p>",
        html_escape(&alert.message)
    ));
    if notification.kind != NotificationKind::Resolve {
        push_context_html(notification, &mut html);
    }
    for link in &notification.links {
        html.push_str(&format!(
            "<p><a href=\"{}\">{}</a></p>",
            html_escape(&link.href),
            html_escape(&link.text)
        ));
    }
    html.push_str(&format!(
        "</div><p style=\"color:#888;font-size:12px\">CronJob Guardian · alert key {}</p></body></html>",
        html_escape(&notification.key)
    ));
    html
}

fn push_context_html(notification: &Notification, html: &mut String) {
    let context = &notification.context;
    if let Some(fix) = notification.suggested_fix() {
        html.push_str(&format!(
            "<h3>Suggested fix</h3><p>{}</p>",
            html_escape(fix)
        ));
    }
    if let Some(status) = context
        .pod_status
        .as_deref()
        .filter(|status| !status.is_empty())
    {
        html.push_str(&format!(
            "<h3>Pod status</h3><p>{}</p>",
            html_escape(status)
        ));
    }
    if !context.events.is_empty() {
        html.push_str("<h3>Events</h3><ul>");
        for event in &context.events {
            html.push_str(&format!("<li>{}</li>", html_escape(event)));
        }
        html.push_str("</ul>");
    }
    if let Some(logs) = context
        .logs
        .as_deref()
        .filter(|logs| !logs.trim().is_empty())
    {
        html.push_str(&format!(
            "<h3>Recent logs</h3><pre style=\"background:#f4f4f4;padding:8px\">{}</pre>",
            html_escape(&tail(logs.trim_end(), LOG_CHARS))
        ));
    }
}

/// The HTML part for a custom text body: the text as is, escaped.
pub(super) fn preformatted_html(text: &str) -> String {
    format!(
        "<!DOCTYPE html><html><body><pre style=\"white-space:pre-wrap;font-family:sans-serif\">{}</pre></body></html>",
        html_escape(text)
    )
}

/// A Message-ID derived from the delivery id: a retried send carries the same id, so
/// mail clients show a duplicate once.
pub(super) fn message_id(notification: &Notification) -> String {
    let bytes = notification.delivery_id.as_bytes();
    format!(
        "<{:016x}{:016x}@cronjob-guardian>",
        fnv1a(bytes, 0xcbf2_9ce4_8422_2325),
        fnv1a(bytes, 0x6c62_272e_07bb_0142)
    )
}

fn fnv1a(bytes: &[u8], basis: u64) -> u64 {
    bytes.iter().fold(basis, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
