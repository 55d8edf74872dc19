//! AlertChannel spec → the settings block of its type and the core's rate limit.

use guardian_core::alerting::rate_limit::RateLimit;

use super::{ConvertError, Errors, InvalidSpec};
use crate::crd::channel::{
    AlertChannelSpec, EmailConfig, PagerDutyConfig, SlackConfig, WebhookConfig,
};
use crate::crd::enums::ChannelType;

/// Where a channel sends, with the settings of its type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChannelTarget {
    Slack(SlackConfig),
    PagerDuty(PagerDutyConfig),
    Webhook(WebhookConfig),
    Email(EmailConfig),
}

/// An AlertChannel's spec, validated, defaults applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelPolicy {
    pub target: ChannelTarget,
    /// `rateLimiting` (default 100 per hour, bursts of 10).
    pub rate_limit: RateLimit,
    pub test_on_save: bool,
}

/// Validates a channel's spec: the block named by `type` must be there, limits non-negative.
pub fn channel_policy(spec: &AlertChannelSpec) -> Result<ChannelPolicy, InvalidSpec> {
    let mut errors = Errors::default();
    let limits = spec.rate_limiting.unwrap_or_default();
    let per_hour = errors.non_negative(
        "spec.rateLimiting.maxAlertsPerHour",
        limits.max_alerts_per_hour,
    );
    let burst = errors.non_negative("spec.rateLimiting.burstLimit", limits.burst_limit);
    let Some(target) = target(spec, &mut errors) else {
        return Err(errors.into_invalid());
    };
    errors.finish(ChannelPolicy {
        target,
        rate_limit: RateLimit::per_hour(per_hour, burst),
        test_on_save: spec.test_on_save,
    })
}

fn target(spec: &AlertChannelSpec, errors: &mut Errors) -> Option<ChannelTarget> {
    let target = match spec.channel_type {
        ChannelType::Slack => spec.slack.clone().map(ChannelTarget::Slack),
        ChannelType::Pagerduty => spec.pagerduty.clone().map(ChannelTarget::PagerDuty),
        ChannelType::Webhook => spec.webhook.clone().map(ChannelTarget::Webhook),
        ChannelType::Email => spec.email.clone().map(ChannelTarget::Email),
    };
    let Some(target) = target else {
        errors.push(ConvertError::MissingChannelSettings {
            channel_type: spec.channel_type,
        });
        return None;
    };
    if let ChannelTarget::Email(email) = &target
        && email.to.is_empty()
    {
        errors.push(ConvertError::Empty {
            field: "spec.email.to",
        });
    }
    Some(target)
}
