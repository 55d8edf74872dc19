//! The data templates see, named as in the Go operator's `Alert` struct so its templates
//! keep working (`.Key`, `.Type`, `.Severity`, `.Title`, `.Message`, `.CronJob.Namespace`,
//! `.MonitorRef.Name`, `.Timestamp`, `.Context.Logs`, `.Context.ExitCode`, …), plus
//! `.Status` (firing, resolved, test), `.Kind`, `.DeliveryID`, `.Since`, `.ResolvedAt`,
//! `.Context.Events`, `.Context.PodStatus` and `.Links`.
//!
//! Absent text is `""` and absent numbers are `nil`, so `{{ if .Context.Logs }}` reads as
//! in Go and a payload template writes `null` for an unknown exit code.

use serde_json::{Value, json};

use crate::notification::Notification;

/// The template data of one notification.
pub fn notification_data(notification: &Notification) -> Value {
    let alert = &notification.alert;
    let monitor = alert.monitor.as_ref();
    let context = &notification.context;
    let links: Vec<Value> = notification
        .links
        .iter()
        .map(|link| json!({ "Text": link.text, "Href": link.href }))
        .collect();
    json!({
        "Key": notification.key,
        "DeliveryID": notification.delivery_id,
        "Type": alert.kind,
        "Kind": notification.kind.as_str(),
        "Status": notification.kind.status(),
        "Severity": alert.severity.as_str(),
        "Title": alert.title,
        "Message": alert.message,
        "CronJob": {
            "Namespace": alert.cronjob.namespace,
            "Name": alert.cronjob.name,
        },
        "MonitorRef": {
            "Namespace": monitor.map_or("", |monitor| monitor.namespace.as_str()),
            "Name": monitor.map_or("", |monitor| monitor.name.as_str()),
        },
        "Timestamp": notification.at.to_string(),
        "Since": alert.since.to_string(),
        "ResolvedAt": alert.resolved_at.map_or(String::new(), |at| at.to_string()),
        "Context": {
            "Logs": context.logs.as_deref().unwrap_or(""),
            "Events": context.events,
            "PodStatus": context.pod_status.as_deref().unwrap_or(""),
            "SuggestedFix": notification.suggested_fix().unwrap_or(""),
            "SuccessRate": context.success_rate,
            "ExitCode": alert.exit_code,
            "Reason": alert.reason.as_deref().unwrap_or(""),
        },
        "Links": links,
    })
}
