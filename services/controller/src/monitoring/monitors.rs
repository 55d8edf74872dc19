//! The watched CronJobMonitors and Namespaces, decoded one object at a time.
//!
//! Monitors are watched as `DynamicObject`s and decoded here, per object: a typed watcher
//! would fail the whole list on one object that does not decode, stalling every monitor.
//! A spec that does not decode is `Malformed`; one that decodes but cannot work (bad cron,
//! unknown zone, `matchNames` with `allNamespaces`) is `Invalid`. Both get a status
//! condition and nothing else.
//!
//! AlertChannels are watched by name only: a valid monitor whose `alerting.channelRefs`
//! names a channel that does not exist, or a name found in several other namespaces,
//! keeps monitoring and carries a `ChannelsResolved=False` condition saying which,
//! removed once every reference names exactly one channel.

use futures::StreamExt;
use futures::stream::BoxStream;
use guardian_core::CronJobRef;
use guardian_core::selector::Labels;
use guardian_kube::crd::convert::{InvalidSpec, MonitorPolicy, monitor_policy};
use guardian_kube::crd::{AlertChannel, CronJobMonitor, CronJobMonitorSpec, CronJobMonitorStatus};
use jiff::Timestamp;
use k8s_openapi::api::core::v1::Namespace;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::Condition;
use kube::api::{ApiResource, DynamicObject};
use kube::runtime::{WatchStreamExt, watcher};
use kube::{Api, Client};
use serde_json::Value;

use super::status::time;

/// The condition a monitor carries while a referenced AlertChannel is missing.
pub(crate) const CHANNELS_RESOLVED: &str = "ChannelsResolved";

/// A watch of every object of one kind, with kube-runtime's default backoff.
pub(crate) type Watch<T> = BoxStream<'static, Result<watcher::Event<T>, watcher::Error>>;

/// What a monitor's spec amounts to.
#[derive(Debug)]
pub(crate) enum MonitorState {
    Valid(Box<MonitorPolicy>),
    Invalid(InvalidSpec),
    Malformed(String),
}

/// One CronJobMonitor as the leader keeps it.
#[derive(Debug)]
pub(crate) struct MonitorEntry {
    pub generation: i64,
    /// The spec as written, for the monitors table.
    pub spec: Value,
    pub state: MonitorState,
    /// The status on the object, so a new leader does not rewrite an identical one.
    pub seen_status: Option<CronJobMonitorStatus>,
}

impl MonitorEntry {
    pub(crate) fn policy(&self) -> Option<&MonitorPolicy> {
        match &self.state {
            MonitorState::Valid(policy) => Some(policy),
            MonitorState::Invalid(_) | MonitorState::Malformed(_) => None,
        }
    }
}

/// The kind as the API serves it, for dynamic calls.
pub(crate) fn monitor_resource() -> ApiResource {
    ApiResource::erase::<CronJobMonitor>(&())
}

/// CronJobMonitors in every namespace.
pub(crate) fn watch_monitors(client: Client) -> Watch<DynamicObject> {
    let api: Api<DynamicObject> = Api::all_with(client, &monitor_resource());
    watcher(api, watcher::Config::default())
        .default_backoff()
        .boxed()
}

/// Namespaces, for `namespaceSelector`.
pub(crate) fn watch_namespaces(client: Client) -> Watch<Namespace> {
    let api: Api<Namespace> = Api::all(client);
    watcher(api, watcher::Config::default())
        .default_backoff()
        .boxed()
}

/// A Namespace's name and labels.
pub(crate) fn decode_namespace(namespace: &Namespace) -> Option<(String, Labels)> {
    let name = namespace.metadata.name.clone()?;
    Some((name, namespace.metadata.labels.clone().unwrap_or_default()))
}

pub(crate) fn namespace_key(namespace: &Namespace) -> Option<String> {
    namespace.metadata.name.clone()
}

pub(crate) fn monitor_key(object: &DynamicObject) -> Option<CronJobRef> {
    let namespace = object.metadata.namespace.as_deref()?;
    Some(CronJobRef::new(namespace, object.metadata.name.as_deref()?))
}

/// AlertChannels in every namespace, watched for their names.
pub(crate) fn watch_channels(client: Client) -> Watch<DynamicObject> {
    let api: Api<DynamicObject> = Api::all_with(client, &ApiResource::erase::<AlertChannel>(&()));
    watcher(api, watcher::Config::default())
        .default_backoff()
        .boxed()
}

pub(crate) fn decode_channel(object: &DynamicObject) -> Option<(CronJobRef, ())> {
    Some((monitor_key(object)?, ()))
}

/// The `channelRefs` entries of `policy` that name no single AlertChannel among `known`,
/// resolved as delivery resolves them (CRDS.md): the given namespace; else the monitor's
/// namespace, the release namespace, then a cluster-wide unique name. Each is described
/// for the `ChannelsResolved` condition.
pub(crate) fn unresolved_channels(
    policy: &MonitorPolicy,
    known: &[&CronJobRef],
    monitor_namespace: &str,
    release_namespace: &str,
) -> Vec<String> {
    let mut unresolved = Vec::new();
    for reference in &policy.alerting.channels {
        let named = known.iter().filter(|key| key.name == reference.name);
        if let Some(namespace) = &reference.namespace {
            if !named.clone().any(|key| key.namespace == *namespace) {
                unresolved.push(format!("{namespace}/{} (not found)", reference.name));
            }
            continue;
        }
        let namespaces: Vec<&str> = named.map(|key| key.namespace.as_str()).collect();
        let preferred = [monitor_namespace, release_namespace]
            .iter()
            .any(|namespace| namespaces.contains(namespace));
        match namespaces.len() {
            _ if preferred => {}
            0 => unresolved.push(format!("{} (not found)", reference.name)),
            1 => {}
            _ => unresolved.push(format!(
                "{} (ambiguous: in namespaces {}; give channelRefs[].namespace; \
                 no alert is delivered to it until then)",
                reference.name,
                namespaces.join(", ")
            )),
        }
    }
    unresolved
}

/// Sets the `ChannelsResolved=False` condition when channels are `unresolved`, and
/// removes it once none is; an unchanged condition keeps its transition time.
pub(crate) fn set_channel_condition(
    conditions: &mut Vec<Condition>,
    unresolved: &[String],
    generation: i64,
    now: Timestamp,
) {
    let previous = conditions
        .iter()
        .position(|condition| condition.type_ == CHANNELS_RESOLVED)
        .map(|index| conditions.remove(index));
    if unresolved.is_empty() {
        return;
    }
    let ambiguous = unresolved.iter().any(|entry| entry.contains("(ambiguous"));
    let message = format!(
        "alerting.channelRefs names no single AlertChannel for: {}; monitoring continues, \
         and alerts to a missing channel are delivered once it exists",
        unresolved.join(", ")
    );
    let last_transition_time = previous
        .filter(|condition| condition.status == "False")
        .map_or_else(|| time(now), |condition| condition.last_transition_time);
    conditions.push(Condition {
        type_: CHANNELS_RESOLVED.to_owned(),
        status: "False".to_owned(),
        reason: if ambiguous {
            "AmbiguousChannel"
        } else {
            "ChannelNotFound"
        }
        .to_owned(),
        message,
        observed_generation: Some(generation),
        last_transition_time,
    });
}

/// Decodes one monitor; only an object without namespace or name is skipped.
pub(crate) fn decode_monitor(object: &DynamicObject) -> Option<(CronJobRef, MonitorEntry)> {
    let key = monitor_key(object)?;
    let spec = object
        .data
        .get("spec")
        .cloned()
        .unwrap_or_else(|| Value::Object(Default::default()));
    let state = match serde_json::from_value::<CronJobMonitorSpec>(spec.clone()) {
        Ok(typed) => match monitor_policy(&typed, &key.namespace) {
            Ok(policy) => MonitorState::Valid(Box::new(policy)),
            Err(invalid) => MonitorState::Invalid(invalid),
        },
        Err(error) => MonitorState::Malformed(malformed(&spec, &error)),
    };
    if let MonitorState::Invalid(invalid) = &state {
        tracing::warn!(monitor = %key, reason = invalid.reason(), error = %invalid, "monitor cannot work");
    }
    if let MonitorState::Malformed(error) = &state {
        tracing::warn!(monitor = %key, %error, "monitor spec does not decode");
    }
    let seen_status = object
        .data
        .get("status")
        .and_then(|status| serde_json::from_value::<CronJobMonitorStatus>(status.clone()).ok());
    let entry = MonitorEntry {
        generation: object.metadata.generation.unwrap_or(0),
        spec,
        state,
        seen_status,
    };
    Some((key, entry))
}

/// Names the top-level field that does not decode (serde reports no path), e.g.
/// `spec.selector: invalid type: string "everything", expected struct CronJobSelector`.
fn malformed(spec: &Value, error: &serde_json::Error) -> String {
    let culprit = spec.as_object().and_then(|fields| {
        fields.iter().find_map(|(name, value)| {
            let alone = Value::Object([(name.clone(), value.clone())].into_iter().collect());
            let failed = serde_json::from_value::<CronJobMonitorSpec>(alone).err()?;
            Some(format!("spec.{name}: {failed}"))
        })
    });
    culprit.unwrap_or_else(|| format!("spec: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(spec: Value) -> DynamicObject {
        let mut object = DynamicObject::new("nightly", &monitor_resource()).within("ops");
        object.metadata.generation = Some(3);
        object.data = serde_json::json!({ "spec": spec });
        object
    }

    #[test]
    fn a_spec_of_the_wrong_shape_is_malformed_not_skipped() {
        let decoded = decode_monitor(&object(serde_json::json!({"selector": "everything"})));
        let (key, entry) = decoded.expect("an object with a name decodes");
        assert_eq!(key, CronJobRef::new("ops", "nightly"));
        let MonitorState::Malformed(message) = entry.state else {
            panic!("expected a malformed spec, got {:?}", entry.state);
        };
        assert!(
            message.starts_with("spec.selector: invalid type"),
            "{message}"
        );
        assert_eq!(entry.generation, 3);
    }

    #[test]
    fn the_channel_condition_keeps_its_transition_time_and_goes_when_resolved() {
        let start = Timestamp::from_second(1_000).expect("valid");
        let later = Timestamp::from_second(2_000).expect("valid");
        let mut conditions = Vec::new();
        set_channel_condition(&mut conditions, &["ops/pager".to_owned()], 1, start);
        set_channel_condition(&mut conditions, &["ops/pager".to_owned()], 2, later);
        assert_eq!(conditions.len(), 1);
        assert_eq!(conditions[0].last_transition_time, time(start));
        assert_eq!(conditions[0].observed_generation, Some(2));
        assert!(conditions[0].message.contains("ops/pager"));
        set_channel_condition(&mut conditions, &[], 2, later);
        assert!(conditions.is_empty());
    }

    #[test]
    fn a_name_in_several_other_namespaces_is_ambiguous_and_said_so() {
        let spec = serde_json::json!({"alerting": {"channelRefs": [
            {"name": "pager"}, {"name": "slack"}, {"name": "hook", "namespace": "team-a"}]}});
        let (_, entry) = decode_monitor(&object(spec)).expect("decodes");
        let policy = entry.policy().expect("a valid policy");
        let known = [
            CronJobRef::new("team-a", "pager"),
            CronJobRef::new("team-b", "pager"),
            CronJobRef::new("team-b", "slack"),
        ];
        let unresolved =
            unresolved_channels(policy, &known.iter().collect::<Vec<_>>(), "ops", "guardian");
        assert_eq!(unresolved.len(), 2, "{unresolved:?}");
        assert!(unresolved[0].starts_with("pager (ambiguous: in namespaces team-a, team-b"));
        assert_eq!(unresolved[1], "team-a/hook (not found)");
        let mut conditions = Vec::new();
        let now = Timestamp::from_second(1_000).expect("valid");
        set_channel_condition(&mut conditions, &unresolved, 1, now);
        assert_eq!(conditions[0].reason, "AmbiguousChannel");
        assert!(
            conditions[0]
                .message
                .contains("no alert is delivered to it")
        );

        // The release namespace (or the monitor's) settles the name.
        let settled = [known.as_slice(), &[CronJobRef::new("guardian", "pager")]].concat();
        let unresolved = unresolved_channels(
            policy,
            &settled.iter().collect::<Vec<_>>(),
            "ops",
            "guardian",
        );
        assert_eq!(unresolved, ["team-a/hook (not found)"]);
    }

    #[test]
    fn an_unworkable_spec_is_invalid_with_its_reason() {
        let spec = serde_json::json!({"maintenanceWindows": [
            {"name": "w", "schedule": "not a cron", "duration": "1h"}]});
        let (_, entry) = decode_monitor(&object(spec)).expect("decodes");
        let MonitorState::Invalid(invalid) = entry.state else {
            panic!("expected an invalid spec, got {:?}", entry.state);
        };
        assert_eq!(invalid.reason(), "InvalidMaintenanceWindow");
    }
}
