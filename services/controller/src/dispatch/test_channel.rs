//! Test alerts: `ControlService/TestChannel` (a user asks, now) and `testOnSave` (once per
//! change of a channel's spec). Both build the channel afresh from its AlertChannel and
//! Secrets, so a test shows what a real alert would meet; errors never carry a secret.

use guardian_core::CronJobRef;
use guardian_kube::crd::AlertChannel;
use guardian_notify::{Channel, Notification, Notifier};
use jiff::Timestamp;
use kube::Api;
use tonic::Status;

use super::DispatchSettings;
use super::channels::{ChannelError, build_channel, channel_key};

/// Sends one test notification through `channel`.
pub async fn send_test(channel: &Channel, key: &CronJobRef, now: Timestamp) -> Result<(), String> {
    let notification = Notification::test(&key.to_string(), now);
    match channel.send(&notification).await {
        Ok(_) => {
            tracing::info!(channel = %key, "test alert delivered");
            Ok(())
        }
        Err(error) => Err(error.to_string()),
    }
}

/// The `TestChannel` RPC: finds the channel (by namespace and name, or by a cluster-wide
/// unique name), builds it and sends a test alert. A failed send is a response with
/// `success: false`; a channel that cannot be built is a gRPC error with the reason.
pub async fn test_channel(
    client: &kube::Client,
    namespace: &str,
    name: &str,
    settings: &DispatchSettings,
    now: Timestamp,
) -> Result<Result<(), String>, Status> {
    if name.is_empty() {
        return Err(Status::invalid_argument("name is required"));
    }
    let object = find(client, namespace, name).await?;
    let key = channel_key(&object)
        .ok_or_else(|| Status::internal("the AlertChannel has no namespace or name"))?;
    let (channel, _) = build_channel(client, &key, &object.spec, settings)
        .await
        .map_err(|error| channel_status(&key, &error))?;
    Ok(send_test(&channel, &key, now).await)
}

async fn find(client: &kube::Client, namespace: &str, name: &str) -> Result<AlertChannel, Status> {
    if !namespace.is_empty() {
        let api: Api<AlertChannel> = Api::namespaced(client.clone(), namespace);
        return match api.get_opt(name).await {
            Ok(Some(channel)) => Ok(channel),
            Ok(None) => Err(Status::not_found(format!(
                "alert channel {namespace}/{name} not found"
            ))),
            Err(error) => Err(Status::unavailable(format!(
                "kubernetes api unavailable: {error}"
            ))),
        };
    }
    let api: Api<AlertChannel> = Api::all(client.clone());
    let listed = api
        .list(&Default::default())
        .await
        .map_err(|error| Status::unavailable(format!("kubernetes api unavailable: {error}")))?;
    let mut named: Vec<AlertChannel> = listed
        .items
        .into_iter()
        .filter(|channel| channel.metadata.name.as_deref() == Some(name))
        .collect();
    match named.len() {
        0 => Err(Status::not_found(format!("alert channel {name} not found"))),
        1 => Ok(named.remove(0)),
        count => Err(Status::invalid_argument(format!(
            "{count} alert channels are named {name}; give the namespace"
        ))),
    }
}

fn channel_status(key: &CronJobRef, error: &ChannelError) -> Status {
    let message = format!(
        "alert channel {key} cannot send ({}): {error}",
        error.reason()
    );
    if error.is_transient() {
        Status::unavailable(message)
    } else {
        Status::failed_precondition(message)
    }
}
