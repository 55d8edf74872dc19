//! CronJobMonitor spec → the core's selector, dead-man, SLA, maintenance and alert settings.

use guardian_core::Severity;
use guardian_core::alerting::{self, kinds};
use guardian_core::deadman::{self, AutoSchedule, DeadManConfig, SuspendedHandling};
use guardian_core::fixes::{FixMatcher, FixPattern};
use guardian_core::maintenance::{MaintenanceWindowSpec, MaintenanceWindows};
use guardian_core::regression::RegressionPolicy;
use guardian_core::selector::{self, CompiledSelector};
use guardian_core::sla::SlaPolicy;
use jiff::{SignedDuration, Timestamp};

use super::{ConvertError, Errors, InvalidSpec};
use crate::crd::alerting::{AlertContext, AlertingConfig, ChannelRef, SeverityOverrides};
use crate::crd::monitor::{
    CronJobMonitorSpec, CronJobSelector, DataRetentionConfig, MaintenanceWindow, SlaConfig,
};

/// A monitor's spec, validated, defaults applied, in the core's terms.
#[derive(Debug, Clone)]
pub struct MonitorPolicy {
    pub selector: CompiledSelector,
    pub dead_man: DeadManConfig,
    pub suspended: SuspendedHandling,
    pub sla: SlaSettings,
    pub maintenance: MaintenanceWindows,
    pub alerting: AlertingSettings,
    /// Kept as written: unset fields fall back to the global storage settings.
    pub retention: DataRetentionConfig,
}

impl MonitorPolicy {
    /// The dead-man's switch policy, with the controller's startup grace period.
    pub fn dead_man_policy(&self, grace_until: Option<Timestamp>) -> deadman::Policy {
        deadman::Policy {
            dead_man: self.dead_man,
            suspended: self.suspended,
            grace_until,
        }
    }
}

/// `spec.sla`, defaults applied.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SlaSettings {
    pub enabled: bool,
    pub window_days: i32,
    pub policy: SlaPolicy,
    pub regression: RegressionPolicy,
}

/// `spec.alerting`, defaults applied, fix patterns compiled with the built-ins.
#[derive(Debug, Clone)]
pub struct AlertingSettings {
    pub enabled: bool,
    pub channels: Vec<ChannelRef>,
    /// `includeContext`, or its documented defaults when the block is absent.
    pub context: AlertContext,
    /// `alertDelay` and `suppressDuplicatesFor`; the caller sets the quiet periods.
    pub timing: alerting::Policy,
    pub severity_overrides: SeverityOverrides,
    pub fixes: FixMatcher,
}

impl AlertingSettings {
    /// The severity of an alert of `kind` (see [`kinds`]): the override, else `builtin`.
    pub fn severity_for(&self, kind: &str, builtin: Severity) -> Severity {
        let overrides = &self.severity_overrides;
        let chosen = match kind {
            kinds::MISSED_SCHEDULE => overrides.missed_schedule,
            kinds::JOB_FAILED => overrides.job_failed,
            kinds::SLA_BREACHED => overrides.sla_breached,
            kinds::DEAD_MAN_TRIGGERED => overrides.dead_man_triggered,
            kinds::DURATION_REGRESSION => overrides.duration_regression,
            _ => None,
        };
        chosen.map_or(builtin, Severity::from)
    }

    /// The channel references that receive an alert of `severity`.
    pub fn channels_for(&self, severity: Severity) -> impl Iterator<Item = &ChannelRef> {
        self.channels
            .iter()
            .filter(move |channel| channel.accepts(severity.into()))
    }
}

/// Validates the spec of a monitor living in `namespace`, reporting every invalid value.
pub fn monitor_policy(
    spec: &CronJobMonitorSpec,
    namespace: &str,
) -> Result<MonitorPolicy, InvalidSpec> {
    let mut errors = Errors::default();
    let selector = compile_selector(spec.selector.as_ref(), namespace, &mut errors);
    let (dead_man, suspended) = dead_man(spec, &mut errors);
    let sla = sla(spec.sla.as_ref(), &mut errors);
    let maintenance = maintenance(&spec.maintenance_windows, &mut errors);
    let alerting = alerting(spec.alerting.as_ref(), &mut errors);
    let (Some(selector), Some(maintenance), Some(alerting)) = (selector, maintenance, alerting)
    else {
        return Err(errors.into_invalid());
    };
    errors.finish(MonitorPolicy {
        selector,
        dead_man,
        suspended,
        sla,
        maintenance,
        alerting,
        retention: spec.data_retention.clone().unwrap_or_default(),
    })
}

fn compile_selector(
    selector: Option<&CronJobSelector>,
    namespace: &str,
    errors: &mut Errors,
) -> Option<CompiledSelector> {
    let core = selector
        .map(selector::CronJobSelector::from)
        .unwrap_or_default();
    core.compile(namespace)
        .map_err(|error| errors.push(ConvertError::Selector(error)))
        .ok()
}

fn dead_man(spec: &CronJobMonitorSpec, errors: &mut Errors) -> (DeadManConfig, SuspendedHandling) {
    let config = spec.dead_man_switch.clone().unwrap_or_default();
    let auto_from_schedule = config.auto_from_schedule.map(|auto| {
        if auto.missed_schedule_threshold < 0 {
            errors.out_of_range(
                "spec.deadManSwitch.autoFromSchedule.missedScheduleThreshold",
                auto.missed_schedule_threshold,
                "a number of at least 0",
            );
        }
        let buffer = errors.duration(
            "spec.deadManSwitch.autoFromSchedule.buffer",
            Some(&auto.buffer),
        );
        AutoSchedule {
            enabled: auto.enabled,
            buffer: buffer.unwrap_or(AutoSchedule::default().buffer),
            missed_schedule_threshold: auto.missed_schedule_threshold,
        }
    });
    let dead_man = DeadManConfig {
        enabled: config.enabled,
        max_time_since_last_success: errors.duration(
            "spec.deadManSwitch.maxTimeSinceLastSuccess",
            config.max_time_since_last_success.as_ref(),
        ),
        auto_from_schedule,
    };
    let handling = spec.suspended_handling.clone().unwrap_or_default();
    let suspended = SuspendedHandling {
        pause_monitoring: handling.pause_monitoring,
        alert_if_suspended_for: errors.duration(
            "spec.suspendedHandling.alertIfSuspendedFor",
            handling.alert_if_suspended_for.as_ref(),
        ),
    };
    (dead_man, suspended)
}

fn sla(config: Option<&SlaConfig>, errors: &mut Errors) -> SlaSettings {
    let config = config.cloned().unwrap_or_default();
    if !(0.0..=100.0).contains(&config.min_success_rate) {
        let field = "spec.sla.minSuccessRate";
        errors.out_of_range(field, config.min_success_rate, "a percentage from 0 to 100");
    }
    errors.non_negative("spec.sla.windowDays", config.window_days);
    let threshold = config.duration_regression_threshold;
    errors.non_negative("spec.sla.durationRegressionThreshold", threshold);
    let baseline_days = config.duration_baseline_window_days;
    errors.non_negative("spec.sla.durationBaselineWindowDays", baseline_days);
    SlaSettings {
        enabled: config.enabled,
        window_days: config.window_days,
        policy: SlaPolicy {
            min_success_rate: config.min_success_rate,
            max_duration: errors.duration("spec.sla.maxDuration", config.max_duration.as_ref()),
        },
        regression: RegressionPolicy {
            threshold_percent: threshold,
            baseline_days,
            ..RegressionPolicy::default()
        },
    }
}

fn maintenance(windows: &[MaintenanceWindow], errors: &mut Errors) -> Option<MaintenanceWindows> {
    let specs: Vec<MaintenanceWindowSpec> =
        windows.iter().map(MaintenanceWindowSpec::from).collect();
    MaintenanceWindows::compile(&specs)
        .map_err(|list| {
            for error in list {
                errors.push(ConvertError::MaintenanceWindow(error));
            }
        })
        .ok()
}

fn alerting(config: Option<&AlertingConfig>, errors: &mut Errors) -> Option<AlertingSettings> {
    let config = config.cloned().unwrap_or_default();
    let suppress_field = "spec.alerting.suppressDuplicatesFor";
    let suppress = errors.duration(suppress_field, Some(&config.suppress_duplicates_for));
    let delay = errors.duration("spec.alerting.alertDelay", config.alert_delay.as_ref());
    let context = config.include_context.unwrap_or_default();
    errors.non_negative("spec.alerting.includeContext.logLines", context.log_lines);
    let patterns: Vec<FixPattern> = config
        .suggested_fix_patterns
        .iter()
        .map(FixPattern::from)
        .collect();
    let fixes = FixMatcher::compile(&patterns).map_err(|list| {
        for error in list {
            errors.push(ConvertError::FixPattern(error));
        }
    });
    Some(AlertingSettings {
        enabled: config.enabled,
        channels: config.channel_refs,
        context,
        timing: alerting::Policy {
            alert_delay: delay.unwrap_or(SignedDuration::ZERO),
            suppress_duplicates_for: suppress
                .unwrap_or(alerting::Policy::default().suppress_duplicates_for),
            ..alerting::Policy::default()
        },
        severity_overrides: config.severity_overrides.unwrap_or_default(),
        fixes: fixes.ok()?,
    })
}
