//! What a channel is asked to deliver: an alert (as persisted by the core), whether it
//! fires, resolves or is a test, the context gathered for it, and the keys that make a
//! retry harmless.

use guardian_core::{AlertRecord, AlertState, CronJobRef, Severity};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// Why a notification goes out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NotificationKind {
    /// The alert fires (first notice, a changed signature or a reminder).
    Trigger,
    /// The alert's cause went away.
    Resolve,
    /// A test alert asked for by a user or by `testOnSave`.
    Test,
}

impl NotificationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NotificationKind::Trigger => "trigger",
            NotificationKind::Resolve => "resolve",
            NotificationKind::Test => "test",
        }
    }

    /// The alert status shown to people and templates: firing, resolved or test.
    pub fn status(self) -> &'static str {
        match self {
            NotificationKind::Trigger => "firing",
            NotificationKind::Resolve => "resolved",
            NotificationKind::Test => "test",
        }
    }
}

/// Context attached to a firing alert, per the monitor's `includeContext` (the dispatcher
/// fills in only what is enabled; the documented defaults are all on).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AlertContext {
    /// Tail of the failed container's log.
    pub logs: Option<String>,
    /// The Job's and pod's events, one line each.
    pub events: Vec<String>,
    /// A short description of the pod's state (phase, container states).
    pub pod_status: Option<String>,
    /// Overrides the alert's own suggested fix when set.
    pub suggested_fix: Option<String>,
    /// Success rate over the SLA window, 0-100, when known.
    pub success_rate: Option<f64>,
}

/// A link shown with the alert (dashboard, runbook).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub text: String,
    pub href: String,
}

/// One delivery to make.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notification {
    /// The alert key: PagerDuty's `dedup_key`, the same for trigger and resolve.
    pub key: String,
    /// Identifies this one delivery (alert key, kind and the instant it was decided); the
    /// same for every retry, different for a reminder or the resolve. Sent as the
    /// webhook `Idempotency-Key`.
    pub delivery_id: String,
    pub kind: NotificationKind,
    pub alert: AlertRecord,
    pub context: AlertContext,
    pub links: Vec<Link>,
    /// When the event happened: the notice's decision time, the resolve time, or now.
    pub at: Timestamp,
}

impl Notification {
    /// A firing notice for a persisted alert. Its ids derive from the persisted record
    /// alone, so a new leader resending it computes the same ones.
    pub fn trigger(alert: AlertRecord, context: AlertContext) -> Self {
        let at = alert.last_notified.unwrap_or(alert.since);
        Self::new(NotificationKind::Trigger, alert, context, at)
    }

    /// A resolve notice for a persisted, resolved alert.
    pub fn resolve(alert: AlertRecord) -> Self {
        let at = alert.resolved_at.unwrap_or(alert.since);
        Self::new(
            NotificationKind::Resolve,
            alert,
            AlertContext::default(),
            at,
        )
    }

    /// A test alert for the channel `channel` (its namespace/name), sent at `now`.
    pub fn test(channel: &str, now: Timestamp) -> Self {
        let alert = AlertRecord {
            key: format!("test/{channel}"),
            kind: "test".to_owned(),
            severity: Severity::Info,
            state: AlertState::Firing,
            cronjob: CronJobRef::new("test", "test"),
            monitor: None,
            title: "CronJob Guardian Test Alert".to_owned(),
            message: "This is a test alert from CronJob Guardian.".to_owned(),
            since: now,
            last_notified: Some(now),
            resolved_at: None,
            exit_code: None,
            reason: None,
            suggested_fix: None,
            acknowledged: None,
            silenced: None,
        };
        Self::new(NotificationKind::Test, alert, AlertContext::default(), now)
    }

    fn new(
        kind: NotificationKind,
        alert: AlertRecord,
        context: AlertContext,
        at: Timestamp,
    ) -> Self {
        Self {
            key: alert.key.clone(),
            delivery_id: format!("{}#{}@{}", alert.key, kind.as_str(), at),
            kind,
            alert,
            context,
            links: Vec::new(),
            at,
        }
    }

    /// Adds links (dashboard, runbook) to show with the alert.
    pub fn with_links(mut self, links: Vec<Link>) -> Self {
        self.links = links;
        self
    }

    /// The suggested fix: the context's when set, else the alert's.
    pub fn suggested_fix(&self) -> Option<&str> {
        self.context
            .suggested_fix
            .as_deref()
            .or(self.alert.suggested_fix.as_deref())
            .filter(|fix| !fix.trim().is_empty())
    }

    /// `namespace/name` of the CronJob.
    pub fn source(&self) -> String {
        self.alert.cronjob.to_string()
    }
}
