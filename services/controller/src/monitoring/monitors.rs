//! The watched CronJobMonitors and Namespaces, decoded one object at a time.
//!
//! Monitors are watched as `DynamicObject`s and decoded here, per object: a typed watcher
//! would fail the whole list on one object that does not decode, stalling every monitor.
//! A spec that does not decode is `Malformed`; one that decodes but cannot work (bad cron,
//! unknown zone, `matchNames` with `allNamespaces`) is `Invalid`. Both get a status
//! condition and nothing else.
//!
//! AlertChannels are watched by name only: a valid monitor whose `alerting.channelRefs`
//! names a channel that does not exist keeps monitoring and carries a
//! `ChannelsResolved=False` condition saying which, removed once every channel exists.

use futures::StreamExt;
use futures::stream::BoxStream;
use guardian_core::CronJobRef;
use guardian_core::selector::Labels;
use guardian_kube::crd::alerting::ChannelRef;
use guardian_kube::crd::convert::{InvalidSpec, MonitorPolicy, monitor_policy};
use guardian_kube::crd::{AlertChannel, CronJobMonitor, CronJobMonitorSpec, CronJobMonitorStatus};
use jiff::Timestamp;
use k8s_openapi::api::core::v1::Namespace;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::Condition;
use kube::api::{ApiResource, DynamicObject};
use kube::runtime::{WatchStreamExt, watcher};
use kube::{Api, Client};
use serde_json::Value;

use super::mirror::Mirror;
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

/// The channel references of `policy` that name no existing AlertChannel, as
/// `namespace/name` (or `name` when the reference gives no namespace). Without a
/// namespace, a channel of that name anywhere counts: which one is used is the
/// dispatcher's lookup, and an ambiguous name is not a missing one.
pub(crate) fn missing_channels(
    policy: &MonitorPolicy,
    channels: &Mirror<CronJobRef, ()>,
) -> Vec<String> {
    let exists = |reference: &ChannelRef| match &reference.namespace {
        Some(namespace) => channels
            .get(&CronJobRef::new(
                namespace.as_str(),
                reference.name.as_str(),
            ))
            .is_some(),
        None => channels.iter().any(|(key, ())| key.name == reference.name),
    };
    policy
        .alerting
        .channels
        .iter()
        .filter(|reference| !exists(reference))
        .map(|reference| match &reference.namespace {
            Some(namespace) => format!("{namespace}/{}", reference.name),
            None => reference.name.clone(),
        })
        .collect()
}

/// Sets the `ChannelsResolved=False` condition when channels are `missing`, and removes it
/// once none is; an unchanged condition keeps its transition time.
pub(crate) fn set_channel_condition(
    conditions: &mut Vec<Condition>,
    missing: &[String],
    generation: i64,
    now: Timestamp,
) {
    let previous = conditions
        .iter()
        .position(|condition| condition.type_ == CHANNELS_RESOLVED)
        .map(|index| conditions.remove(index));
    if missing.is_empty() {
        return;
    }
    let message = format!(
        "alerting.channelRefs names AlertChannel(s) that do not exist: {}; monitoring \
         continues and their alerts are delivered once they exist",
        missing.join(", ")
    );
    let last_transition_time = previous
        .filter(|condition| condition.status == "False")
        .map_or_else(|| time(now), |condition| condition.last_transition_time);
    conditions.push(Condition {
        type_: CHANNELS_RESOLVED.to_owned(),
        status: "False".to_owned(),
        reason: "ChannelNotFound".to_owned(),
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
