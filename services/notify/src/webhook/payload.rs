//! The default webhook body, built with serde so it is valid JSON whatever the alert's
//! text holds. Field names extend the Go operator's default template (`key`, `type`,
//! `severity`, `title`, `message`, `cronjob`, `timestamp`, `context.suggested_fix`,
//! `context.exit_code`, …), so receivers written for it keep working.

use serde::Serialize;

use crate::notification::Notification;

/// The default webhook document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WebhookPayload<'a> {
    pub key: &'a str,
    pub delivery_id: &'a str,
    /// firing, resolved or test.
    pub status: &'static str,
    /// trigger, resolve or test.
    pub event: &'static str,
    #[serde(rename = "type")]
    pub alert_type: &'a str,
    pub severity: &'static str,
    pub title: &'a str,
    pub message: &'a str,
    pub cronjob: NamespacedName<'a>,
    pub monitor: Option<NamespacedName<'a>>,
    pub timestamp: String,
    pub since: String,
    pub resolved_at: Option<String>,
    pub context: PayloadContext<'a>,
    pub links: Vec<PayloadLink<'a>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NamespacedName<'a> {
    pub namespace: &'a str,
    pub name: &'a str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PayloadContext<'a> {
    pub exit_code: Option<i32>,
    pub reason: Option<&'a str>,
    pub suggested_fix: Option<&'a str>,
    pub success_rate: Option<f64>,
    pub logs: Option<&'a str>,
    pub events: &'a [String],
    pub pod_status: Option<&'a str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PayloadLink<'a> {
    pub text: &'a str,
    pub href: &'a str,
}

/// The default document for `notification`.
pub fn default_payload(notification: &Notification) -> WebhookPayload<'_> {
    let alert = &notification.alert;
    let context = &notification.context;
    WebhookPayload {
        key: &notification.key,
        delivery_id: &notification.delivery_id,
        status: notification.kind.status(),
        event: notification.kind.as_str(),
        alert_type: &alert.kind,
        severity: alert.severity.as_str(),
        title: &alert.title,
        message: &alert.message,
        cronjob: NamespacedName {
            namespace: &alert.cronjob.namespace,
            name: &alert.cronjob.name,
        },
        monitor: alert.monitor.as_ref().map(|monitor| NamespacedName {
            namespace: &monitor.namespace,
            name: &monitor.name,
        }),
        timestamp: notification.at.to_string(),
        since: alert.since.to_string(),
        resolved_at: alert.resolved_at.map(|at| at.to_string()),
        context: PayloadContext {
            exit_code: alert.exit_code,
            reason: alert.reason.as_deref(),
            suggested_fix: notification.suggested_fix(),
            success_rate: context.success_rate,
            logs: context.logs.as_deref(),
            events: &context.events,
            pod_status: context.pod_status.as_deref(),
        },
        links: notification
            .links
            .iter()
            .map(|link| PayloadLink {
                text: &link.text,
                href: &link.href,
            })
            .collect(),
    }
}
