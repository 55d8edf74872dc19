//! From committed alert effects to delivery rows: one per target channel of the monitor
//! (`alerting.channelRefs`, filtered by `severities`), each carrying the whole notification
//! (alert snapshot and the context `includeContext` asks for), so the dispatcher, on this
//! leader or the next, needs nothing but the row to send it.
//!
//! The rows are written in the same fenced transaction as the alert transition, which is
//! what makes a delivery neither lost (the transition committed → its rows did) nor doubled
//! (a re-planned transition has the same ids; `insert_delivery` keeps the first).

use std::collections::BTreeSet;
use std::sync::{Arc, RwLock};

use guardian_core::alerting::Effect;
use guardian_core::fixes::FailureContext;
use guardian_core::{AlertRecord, CronJobRef};
use guardian_kube::crd::alerting::{AlertContext as ContextSettings, ChannelRef};
use guardian_kube::crd::convert::AlertingSettings;
use guardian_notify::{AlertContext, Notification};
use guardian_store::{DeliveryKind, NewDelivery};
use jiff::Timestamp;

/// The AlertChannels that exist, shared by the dispatcher's watch (writer) and the
/// monitoring (reader, to resolve `channelRefs`).
#[derive(Debug, Clone, Default)]
pub struct ChannelDirectory {
    known: Arc<RwLock<BTreeSet<CronJobRef>>>,
    /// Where channels without a namespace are looked for after the monitor's namespace.
    release_namespace: String,
}

impl ChannelDirectory {
    pub fn new(release_namespace: impl Into<String>) -> Self {
        Self {
            known: Arc::default(),
            release_namespace: release_namespace.into(),
        }
    }

    /// Replaces the set of known channels.
    pub fn replace(&self, channels: impl IntoIterator<Item = CronJobRef>) {
        let mut known = self
            .known
            .write()
            .unwrap_or_else(|poison| poison.into_inner());
        *known = channels.into_iter().collect();
    }

    /// Where channels without a namespace are looked for after the monitor's namespace.
    pub fn release_namespace(&self) -> &str {
        &self.release_namespace
    }

    fn contains(&self, key: &CronJobRef) -> bool {
        let known = self
            .known
            .read()
            .unwrap_or_else(|poison| poison.into_inner());
        known.contains(key)
    }

    /// The channel a reference names (CRDS.md): its namespace when given; else the
    /// monitor's namespace, the release namespace, or a cluster-wide unique name. A name
    /// found nowhere (yet) stays in the monitor's namespace: the delivery waits for it.
    pub fn resolve(&self, reference: &ChannelRef, monitor_namespace: &str) -> CronJobRef {
        if let Some(namespace) = &reference.namespace {
            return CronJobRef::new(namespace.as_str(), reference.name.as_str());
        }
        for namespace in [monitor_namespace, self.release_namespace.as_str()] {
            let candidate = CronJobRef::new(namespace, reference.name.as_str());
            if self.contains(&candidate) {
                return candidate;
            }
        }
        let known = self
            .known
            .read()
            .unwrap_or_else(|poison| poison.into_inner());
        let mut named = known.iter().filter(|key| key.name == reference.name);
        match (named.next(), named.next()) {
            (Some(only), None) => only.clone(),
            _ => CronJobRef::new(monitor_namespace, reference.name.as_str()),
        }
    }
}

/// What the monitoring knows about the alert an effect is about.
pub struct AlertSource<'a> {
    pub alerting: &'a AlertingSettings,
    /// The failed run the alert is about, when there is one.
    pub failure: Option<&'a FailureContext>,
}

/// The delivery rows for `effects`; `source` finds each alert's monitor settings.
pub fn plan<'a>(
    effects: &[Effect],
    source: impl Fn(&AlertRecord) -> Option<AlertSource<'a>>,
    directory: &ChannelDirectory,
    now: Timestamp,
) -> Vec<NewDelivery> {
    let mut rows = Vec::new();
    for effect in effects {
        let (alert, kind) = match effect {
            Effect::Notify { alert, .. } => (alert, DeliveryKind::Notify),
            Effect::Resolve { alert } => (alert, DeliveryKind::Resolve),
            Effect::ScheduleCheck { .. } => continue,
        };
        let (Some(monitor), Some(source)) = (alert.monitor.as_ref(), source(alert)) else {
            continue;
        };
        let notification = notification(alert, kind, &source);
        let Ok(json) = serde_json::to_string(&notification) else {
            tracing::error!(key = %alert.key, "notification does not serialize; not queued");
            continue;
        };
        let mut targets = BTreeSet::new();
        for reference in source.alerting.channels_for(alert.severity) {
            targets.insert(directory.resolve(reference, &monitor.namespace));
        }
        for channel in targets {
            rows.push(NewDelivery {
                id: format!("{}|{channel}", notification.delivery_id),
                alert_key: alert.key.clone(),
                kind,
                channel,
                notification: json.clone(),
                created_at: now,
            });
        }
    }
    rows
}

fn notification(alert: &AlertRecord, kind: DeliveryKind, source: &AlertSource<'_>) -> Notification {
    let settings = &source.alerting.context;
    let mut alert = alert.clone();
    if !settings.suggested_fixes {
        alert.suggested_fix = None;
    }
    match kind {
        DeliveryKind::Notify => {
            let context = source
                .failure
                .map(|failure| context(failure, settings))
                .unwrap_or_default();
            Notification::trigger(alert, context)
        }
        DeliveryKind::Resolve => Notification::resolve(alert),
    }
}

/// The context `includeContext` asks for, from the failed run (documented defaults: on).
pub fn context(failure: &FailureContext, settings: &ContextSettings) -> AlertContext {
    let logs = failure
        .log_tail
        .as_deref()
        .filter(|_| settings.logs)
        .map(|log| last_lines(log, usize::try_from(settings.log_lines).unwrap_or(0)))
        .filter(|log| !log.is_empty());
    let events = if settings.events {
        failure.events.clone()
    } else {
        Vec::new()
    };
    let pod_status = settings
        .pod_status
        .then(|| pod_status(failure, settings.include_init_container_logs))
        .flatten();
    AlertContext {
        logs,
        events,
        pod_status,
        suggested_fix: None,
        success_rate: None,
    }
}

fn last_lines(text: &str, count: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(count)..].join("\n")
}

/// One line per container state, e.g. `main: terminated (OOMKilled, exit 137)`.
fn pod_status(failure: &FailureContext, with_init: bool) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(reason) = &failure.pod_reason {
        parts.push(format!("pod: {reason}"));
    }
    for container in failure.containers.iter().filter(|c| with_init || !c.init) {
        let name = if container.name.is_empty() {
            "container"
        } else {
            &container.name
        };
        let state = match (&container.waiting_reason, &container.terminated_reason) {
            (Some(waiting), _) => format!("{name}: waiting ({waiting})"),
            (None, Some(reason)) => match container.exit_code {
                Some(code) => format!("{name}: terminated ({reason}, exit {code})"),
                None => format!("{name}: terminated ({reason})"),
            },
            (None, None) => match container.exit_code {
                Some(code) => format!("{name}: terminated (exit {code})"),
                None => continue,
            },
        };
        parts.push(state);
    }
    if let Some(reason) = &failure.job_reason {
        parts.push(format!("job: {reason}"));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(name: &str, namespace: Option<&str>) -> ChannelRef {
        ChannelRef {
            name: name.to_owned(),
            namespace: namespace.map(str::to_owned),
            severities: Vec::new(),
        }
    }

    #[test]
    fn channel_references_resolve_in_the_documented_order() {
        let directory = ChannelDirectory::new("guardian");
        directory.replace([
            CronJobRef::new("team-a", "slack"),
            CronJobRef::new("guardian", "slack"),
            CronJobRef::new("guardian", "pager"),
            CronJobRef::new("infra", "hook"),
            CronJobRef::new("x", "twice"),
            CronJobRef::new("y", "twice"),
        ]);
        let resolve = |name, namespace| directory.resolve(&reference(name, namespace), "team-a");
        assert_eq!(resolve("slack", None), CronJobRef::new("team-a", "slack"));
        assert_eq!(resolve("pager", None), CronJobRef::new("guardian", "pager"));
        assert_eq!(resolve("hook", None), CronJobRef::new("infra", "hook"));
        assert_eq!(resolve("twice", None), CronJobRef::new("team-a", "twice"));
        assert_eq!(
            resolve("slack", Some("other")),
            CronJobRef::new("other", "slack")
        );
    }

    #[test]
    fn context_honours_include_context_and_keeps_the_log_tail() {
        let failure = FailureContext {
            job_name: "backup-1".into(),
            job_reason: Some("BackoffLimitExceeded".into()),
            log_tail: Some("one\ntwo\nthree".into()),
            events: vec!["BackoffLimitExceeded: gave up".into()],
            containers: vec![guardian_core::fixes::ContainerState {
                name: "dump".into(),
                exit_code: Some(137),
                terminated_reason: Some("OOMKilled".into()),
                ..Default::default()
            }],
            ..FailureContext::default()
        };
        let mut settings = ContextSettings {
            log_lines: 2,
            ..ContextSettings::default()
        };
        let full = context(&failure, &settings);
        assert_eq!(full.logs.as_deref(), Some("two\nthree"));
        assert_eq!(full.events.len(), 1);
        assert_eq!(
            full.pod_status.as_deref(),
            Some("dump: terminated (OOMKilled, exit 137); job: BackoffLimitExceeded")
        );
        settings.logs = false;
        settings.events = false;
        settings.pod_status = false;
        let bare = context(&failure, &settings);
        assert_eq!(
            (bare.logs, bare.events.len(), bare.pod_status),
            (None, 0, None)
        );
    }
}
