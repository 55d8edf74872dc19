//! AlertChannels and the running configuration, as the leader published them to the
//! store (`guardian_store::documents`): readable on every replica, also while no
//! controller leads. A channel's document is the API's `ChannelListItem` itself.

use guardian_api::InputError;
use guardian_api::input::ChannelRef;
use guardian_api::v1::{
    ChannelListItem, ChannelSummary, GetChannelRequest, GetChannelResponse, GetConfigRequest,
    GetConfigResponse, ListChannelsRequest, ListChannelsResponse,
};
use guardian_store::StoreError;
use guardian_store::documents::{CHANNEL_SCOPE, CONFIG_SCOPE, RUNNING_CONFIG_KEY};

use super::Reads;
use super::sla::clamp;
use crate::error::{QueryError, Result};

impl Reads {
    pub async fn list_channels(
        &self,
        _request: &ListChannelsRequest,
    ) -> Result<ListChannelsResponse> {
        let items = self.published_channels().await?;
        let ready = items.iter().filter(|channel| channel.ready).count() as u64;
        let total = items.len() as u64;
        Ok(ListChannelsResponse {
            summary: Some(ChannelSummary {
                total: clamp(total),
                ready: clamp(ready),
                not_ready: clamp(total - ready),
            }),
            items,
        })
    }

    /// One channel by name; the namespace is needed only when the name is in several.
    pub async fn get_channel(&self, request: &GetChannelRequest) -> Result<GetChannelResponse> {
        let wanted = ChannelRef::try_from(request)?;
        let mut matching: Vec<ChannelListItem> = self
            .published_channels()
            .await?
            .into_iter()
            .filter(|channel| channel.name == wanted.name)
            .filter(|channel| {
                wanted
                    .namespace
                    .as_ref()
                    .is_none_or(|namespace| *namespace == channel.namespace)
            })
            .collect();
        match matching.len() {
            0 => Err(QueryError::not_found("alert channel", shown(&wanted))),
            1 => Ok(GetChannelResponse {
                channel: matching.pop(),
            }),
            count => Err(InputError::new(
                "namespace",
                format!(
                    "{count} alert channels are named {}; give the namespace",
                    wanted.name
                ),
            )
            .into()),
        }
    }

    /// The leader's running configuration (secrets redacted when it was published);
    /// this replica's own until a leader has published one.
    pub async fn config(&self, _request: &GetConfigRequest) -> Result<GetConfigResponse> {
        let published = self
            .store
            .document(CONFIG_SCOPE, RUNNING_CONFIG_KEY)
            .await?
            .map(|document| serde_json::from_str::<serde_json::Value>(&document.json))
            .transpose()
            .map_err(|error| corrupt("running configuration", &error))?;
        let running = published
            .or_else(|| self.info.settings.running_config.clone())
            .ok_or_else(|| QueryError::not_found("running configuration", "of any controller"))?;
        let config = serde_json::from_value(running)
            .map_err(|error| corrupt("running configuration", &error))?;
        Ok(GetConfigResponse {
            config: Some(config),
        })
    }

    /// Every channel the leader published, by namespace and name.
    async fn published_channels(&self) -> Result<Vec<ChannelListItem>> {
        self.store
            .documents(CHANNEL_SCOPE)
            .await?
            .into_iter()
            .map(|document| {
                serde_json::from_str(&document.json)
                    .map_err(|error| corrupt("alert channel document", &error))
            })
            .collect()
    }
}

fn shown(channel: &ChannelRef) -> String {
    match &channel.namespace {
        Some(namespace) => format!("{namespace}/{}", channel.name),
        None => channel.name.clone(),
    }
}

/// A published document that does not decode: a bug, not the caller's fault.
fn corrupt(what: &str, error: &serde_json::Error) -> QueryError {
    tracing::error!(%error, what, "published document does not decode");
    QueryError::Store(StoreError::Corrupt {
        message: format!("{what}: {error}"),
    })
}
