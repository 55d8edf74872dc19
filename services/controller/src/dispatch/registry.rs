//! The leader's AlertChannels, watched as `DynamicObject`s and decoded one at a time (a
//! malformed channel becomes `Ready=False`, it does not stall the watch), each with its
//! built sender (or why it cannot send), its rate limiter and its status as last written.
//!
//! A channel is rebuilt (spec validated, secrets read) when its generation changes, and
//! retried on every refresh while it is not ready, so a Secret created after its channel
//! is picked up.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use guardian_core::CronJobRef;
use guardian_core::alerting::rate_limit::RateLimiter;
use guardian_kube::crd::{AlertChannel, AlertChannelSpec, AlertChannelStatus};
use guardian_notify::Channel;
use jiff::Timestamp;
use kube::api::{ApiResource, DynamicObject};
use kube::runtime::watcher;

use super::DispatchSettings;
use super::channels::{ChannelError, build_channel};
use super::status::{READY, set_condition};

/// One AlertChannel as the dispatcher keeps it.
pub(crate) struct ChannelEntry {
    pub generation: i64,
    pub spec: Result<AlertChannelSpec, String>,
    pub sender: Result<Arc<Channel>, ChannelError>,
    pub limiter: Arc<Mutex<RateLimiter>>,
    pub status: AlertChannelStatus,
    pub test_on_save: bool,
}

/// Every known channel by namespace/name.
#[derive(Default)]
pub(crate) struct Registry {
    pub entries: BTreeMap<CronJobRef, ChannelEntry>,
    relisting: Option<Vec<DynamicObject>>,
    pub synced: bool,
}

/// The kind as the API serves it, for dynamic calls.
pub(crate) fn channel_resource() -> ApiResource {
    ApiResource::erase::<AlertChannel>(&())
}

fn key_of(object: &DynamicObject) -> Option<CronJobRef> {
    Some(CronJobRef::new(
        object.metadata.namespace.as_deref()?,
        object.metadata.name.as_deref()?,
    ))
}

impl Registry {
    /// Applies one watch event; returns the channels whose status must be written.
    pub(crate) async fn apply(
        &mut self,
        event: watcher::Event<DynamicObject>,
        client: &kube::Client,
        settings: &DispatchSettings,
        now: Timestamp,
    ) -> Vec<CronJobRef> {
        match event {
            watcher::Event::Init => {
                self.relisting = Some(Vec::new());
                Vec::new()
            }
            watcher::Event::InitApply(object) => {
                self.relisting.get_or_insert_with(Vec::new).push(object);
                Vec::new()
            }
            watcher::Event::InitDone => {
                let objects = self.relisting.take().unwrap_or_default();
                let listed: Vec<CronJobRef> = objects.iter().filter_map(key_of).collect();
                self.entries.retain(|key, _| listed.contains(key));
                let mut changed = Vec::new();
                for object in objects {
                    changed.extend(self.upsert(object, client, settings, now).await);
                }
                self.synced = true;
                changed
            }
            watcher::Event::Apply(object) => self
                .upsert(object, client, settings, now)
                .await
                .into_iter()
                .collect(),
            watcher::Event::Delete(object) => {
                if let Some(key) = key_of(&object) {
                    self.entries.remove(&key);
                }
                Vec::new()
            }
        }
    }

    /// Rebuilds the channel when it is new or its spec changed.
    async fn upsert(
        &mut self,
        object: DynamicObject,
        client: &kube::Client,
        settings: &DispatchSettings,
        now: Timestamp,
    ) -> Option<CronJobRef> {
        let key = key_of(&object)?;
        let generation = object.metadata.generation.unwrap_or(0);
        if let Some(entry) = self.entries.get(&key)
            && entry.generation == generation
        {
            return None;
        }
        let spec = match object.data.get("spec") {
            Some(value) => serde_json::from_value::<AlertChannelSpec>(value.clone())
                .map_err(|error| format!("spec does not decode: {error}")),
            None => Err("spec is missing".to_owned()),
        };
        // Counters continue from what the last leader wrote.
        let status = match self.entries.remove(&key) {
            Some(entry) => entry.status,
            None => object
                .data
                .get("status")
                .and_then(|status| serde_json::from_value(status.clone()).ok())
                .unwrap_or_default(),
        };
        let limiter = Arc::new(Mutex::new(RateLimiter::new(
            guardian_core::alerting::rate_limit::RateLimit::per_hour(100, 10),
        )));
        let mut entry = ChannelEntry {
            generation,
            test_on_save: spec.as_ref().is_ok_and(|spec| spec.test_on_save),
            spec,
            sender: Err(ChannelError::InvalidSpec("not built yet".to_owned())),
            limiter,
            status,
        };
        entry.build(client, &key, settings, now).await;
        self.entries.insert(key.clone(), entry);
        Some(key)
    }

    /// Retries every channel that is not ready; returns those whose status changed.
    pub(crate) async fn refresh(
        &mut self,
        client: &kube::Client,
        settings: &DispatchSettings,
        now: Timestamp,
    ) -> Vec<CronJobRef> {
        let mut changed = Vec::new();
        for (key, entry) in &mut self.entries {
            if entry.sender.is_err() && entry.spec.is_ok() {
                let before = entry.status.clone();
                entry.build(client, key, settings, now).await;
                if entry.status != before {
                    changed.push(key.clone());
                }
            }
        }
        changed
    }
}

impl ChannelEntry {
    /// Builds the sender and sets the Ready condition.
    async fn build(
        &mut self,
        client: &kube::Client,
        key: &CronJobRef,
        settings: &DispatchSettings,
        now: Timestamp,
    ) {
        let built = match &self.spec {
            Ok(spec) => build_channel(client, key, spec, settings).await,
            Err(error) => Err(ChannelError::InvalidSpec(error.clone())),
        };
        self.sender = match built {
            Ok((channel, policy)) => {
                *self
                    .limiter
                    .lock()
                    .unwrap_or_else(|poison| poison.into_inner()) =
                    RateLimiter::new(policy.rate_limit);
                Ok(Arc::new(channel))
            }
            Err(error) => Err(error),
        };
        let (ok, reason, message) = match &self.sender {
            Ok(_) => (true, "Configured", "channel is ready to send".to_owned()),
            Err(error) => {
                tracing::warn!(channel = %key, reason = error.reason(), %error, "alert channel cannot send");
                (false, error.reason(), error.to_string())
            }
        };
        self.status.ready = ok;
        set_condition(
            &mut self.status,
            READY,
            ok,
            reason,
            message,
            self.generation,
            now,
        );
    }
}
