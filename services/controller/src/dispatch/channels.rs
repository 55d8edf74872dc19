//! AlertChannel objects → ready-to-send [`Channel`]s: the spec is validated with the kube
//! adapter's `channel_policy`, secrets are read from their Kubernetes Secrets by reference
//! (values go straight into `SecretString`s, never into a log or a status), and the notify
//! crate builds the sender.

use std::collections::BTreeMap;

use guardian_core::CronJobRef;
use guardian_kube::crd::channel::{NamespacedSecretKeyRef, NamespacedSecretRef};
use guardian_kube::crd::convert::{self as kube_convert, ChannelPolicy, channel_policy};
use guardian_kube::crd::enums::{PagerDutySeverity, WebhookMethod};
use guardian_kube::crd::{AlertChannel, AlertChannelSpec};
use guardian_notify::email::{EmailTarget, SmtpSettings};
use guardian_notify::pagerduty::{self, PagerDutyTarget};
use guardian_notify::slack::SlackTarget;
use guardian_notify::webhook::{self, WebhookTarget};
use guardian_notify::{Channel, ChannelOptions, ChannelTarget, SecretString};
use k8s_openapi::api::core::v1::Secret;
use kube::Api;

use super::DispatchSettings;

/// Why a channel cannot send; its reason becomes the Ready condition's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChannelError {
    #[error("{0}")]
    InvalidSpec(String),
    #[error("secret {namespace}/{name} not found")]
    SecretNotFound { namespace: String, name: String },
    #[error("secret {namespace}/{name} has no key {key:?}")]
    SecretKeyMissing {
        namespace: String,
        name: String,
        key: String,
    },
    #[error("secret {namespace}/{name} key {key:?} is not UTF-8 text")]
    SecretNotText {
        namespace: String,
        name: String,
        key: String,
    },
    #[error("cannot read secret {namespace}/{name}: {message}")]
    SecretUnreadable {
        namespace: String,
        name: String,
        message: String,
    },
    #[error("{0}")]
    InvalidConfig(String),
}

impl ChannelError {
    /// A CamelCase condition reason.
    pub fn reason(&self) -> &'static str {
        match self {
            ChannelError::InvalidSpec(_) => "InvalidSpec",
            ChannelError::SecretNotFound { .. } => "SecretNotFound",
            ChannelError::SecretKeyMissing { .. } => "SecretKeyMissing",
            ChannelError::SecretNotText { .. } => "SecretNotText",
            ChannelError::SecretUnreadable { .. } => "SecretUnreadable",
            ChannelError::InvalidConfig(_) => "InvalidConfig",
        }
    }

    /// Whether a later try may succeed without a change of the channel (the API was away).
    pub fn is_transient(&self) -> bool {
        matches!(self, ChannelError::SecretUnreadable { .. })
    }
}

/// The namespace/name of an AlertChannel object.
pub fn channel_key(channel: &AlertChannel) -> Option<CronJobRef> {
    Some(CronJobRef::new(
        channel.metadata.namespace.as_deref()?,
        channel.metadata.name.as_deref()?,
    ))
}

/// Validates `spec`, reads its secrets and builds the sender named `key`.
pub async fn build_channel(
    client: &kube::Client,
    key: &CronJobRef,
    spec: &AlertChannelSpec,
    settings: &DispatchSettings,
) -> Result<(Channel, ChannelPolicy), ChannelError> {
    let policy =
        channel_policy(spec).map_err(|invalid| ChannelError::InvalidSpec(invalid.to_string()))?;
    let target = read_target(client, &policy.target, settings).await?;
    let options = ChannelOptions::new(settings.attempt_timeout)
        .map_err(|error| ChannelError::InvalidConfig(error.to_string()))?;
    // Metrics label channels by name, as the Go operator does.
    let channel = Channel::build(key.name.clone(), target, &options)
        .map_err(|error| ChannelError::InvalidConfig(error.to_string()))?;
    Ok((channel, policy))
}

/// The notify crate's target for a validated spec, secrets read.
async fn read_target(
    client: &kube::Client,
    target: &kube_convert::ChannelTarget,
    settings: &DispatchSettings,
) -> Result<ChannelTarget, ChannelError> {
    Ok(match target {
        kube_convert::ChannelTarget::Slack(slack) => ChannelTarget::Slack(SlackTarget {
            webhook_url: secret_key(client, &slack.webhook_secret_ref).await?,
            default_channel: slack.default_channel.clone(),
            message_template: slack.message_template.clone(),
        }),
        kube_convert::ChannelTarget::PagerDuty(config) => {
            let mut target =
                PagerDutyTarget::new(secret_key(client, &config.routing_key_secret_ref).await?);
            target.severity = config.severity.map(pagerduty_severity);
            target.endpoint = settings
                .pagerduty_url
                .clone()
                .unwrap_or_else(|| pagerduty::EVENTS_API_URL.to_owned());
            ChannelTarget::PagerDuty(target)
        }
        kube_convert::ChannelTarget::Webhook(config) => ChannelTarget::Webhook(WebhookTarget {
            url: secret_key(client, &config.url_secret_ref).await?,
            method: match config.method {
                WebhookMethod::Post => webhook::WebhookMethod::Post,
                WebhookMethod::Put => webhook::WebhookMethod::Put,
            },
            headers: config.headers.clone(),
            payload_template: config.payload_template.clone(),
        }),
        kube_convert::ChannelTarget::Email(email) => {
            let data = secret_data(client, &email.smtp_secret_ref).await?;
            let smtp = SmtpSettings::from_secret_data(&data)
                .map_err(|error| ChannelError::InvalidConfig(error.to_string()))?;
            ChannelTarget::Email(EmailTarget {
                smtp,
                from: email.from.clone(),
                to: email.to.clone(),
                subject_template: email.subject_template.clone(),
                body_template: email.body_template.clone(),
            })
        }
    })
}

fn pagerduty_severity(severity: PagerDutySeverity) -> pagerduty::PagerDutySeverity {
    match severity {
        PagerDutySeverity::Critical => pagerduty::PagerDutySeverity::Critical,
        PagerDutySeverity::Error => pagerduty::PagerDutySeverity::Error,
        PagerDutySeverity::Warning => pagerduty::PagerDutySeverity::Warning,
        PagerDutySeverity::Info => pagerduty::PagerDutySeverity::Info,
    }
}

/// One key of a Secret, as text.
async fn secret_key(
    client: &kube::Client,
    reference: &NamespacedSecretKeyRef,
) -> Result<SecretString, ChannelError> {
    let whole = NamespacedSecretRef {
        name: reference.name.clone(),
        namespace: reference.namespace.clone(),
    };
    let data = secret_data(client, &whole).await?;
    let bytes = data
        .get(&reference.key)
        .ok_or_else(|| ChannelError::SecretKeyMissing {
            namespace: reference.namespace.clone(),
            name: reference.name.clone(),
            key: reference.key.clone(),
        })?;
    let text = String::from_utf8(bytes.clone()).map_err(|_| ChannelError::SecretNotText {
        namespace: reference.namespace.clone(),
        name: reference.name.clone(),
        key: reference.key.clone(),
    })?;
    Ok(SecretString::new(text.trim()))
}

/// Every key of a Secret (`data`, then `stringData` as the API server would merge it).
async fn secret_data(
    client: &kube::Client,
    reference: &NamespacedSecretRef,
) -> Result<BTreeMap<String, Vec<u8>>, ChannelError> {
    let api: Api<Secret> = Api::namespaced(client.clone(), &reference.namespace);
    let secret = match api.get_opt(&reference.name).await {
        Ok(Some(secret)) => secret,
        Ok(None) => {
            return Err(ChannelError::SecretNotFound {
                namespace: reference.namespace.clone(),
                name: reference.name.clone(),
            });
        }
        Err(error) => {
            return Err(ChannelError::SecretUnreadable {
                namespace: reference.namespace.clone(),
                name: reference.name.clone(),
                message: error.to_string(),
            });
        }
    };
    let mut data: BTreeMap<String, Vec<u8>> = secret
        .data
        .unwrap_or_default()
        .into_iter()
        .map(|(key, value)| (key, value.0))
        .collect();
    for (key, value) in secret.string_data.unwrap_or_default() {
        data.insert(key, value.into_bytes());
    }
    Ok(data)
}
