//! Plain value conversions from the wire types to the core's spec types: no parsing or
//! validation here (the core's `compile` functions do that).

use guardian_core::fixes::{self, FixPattern};
use guardian_core::maintenance::MaintenanceWindowSpec;
use guardian_core::selector;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, LabelSelectorRequirement};

use crate::crd::alerting::SuggestedFixPattern;
use crate::crd::monitor::{CronJobSelector, MaintenanceWindow};

impl From<&CronJobSelector> for selector::CronJobSelector {
    fn from(wire: &CronJobSelector) -> Self {
        Self {
            match_labels: wire.match_labels.clone(),
            match_expressions: wire.match_expressions.iter().map(requirement).collect(),
            match_names: wire.match_names.clone(),
            namespaces: wire.namespaces.clone(),
            namespace_selector: wire.namespace_selector.as_ref().map(label_selector),
            all_namespaces: wire.all_namespaces,
        }
    }
}

fn requirement(wire: &LabelSelectorRequirement) -> selector::Requirement {
    selector::Requirement {
        key: wire.key.clone(),
        operator: wire.operator.clone(),
        values: wire.values.clone().unwrap_or_default(),
    }
}

fn label_selector(wire: &LabelSelector) -> selector::LabelSelector {
    selector::LabelSelector {
        match_labels: wire.match_labels.clone().unwrap_or_default(),
        match_expressions: wire
            .match_expressions
            .iter()
            .flatten()
            .map(requirement)
            .collect(),
    }
}

impl From<&MaintenanceWindow> for MaintenanceWindowSpec {
    fn from(wire: &MaintenanceWindow) -> Self {
        Self {
            name: wire.name.clone(),
            schedule: wire.schedule.clone(),
            duration: wire.duration.as_str().to_owned(),
            timezone: Some(wire.timezone.clone()),
            suppress_alerts: wire.suppress_alerts,
        }
    }
}

impl From<&SuggestedFixPattern> for FixPattern {
    fn from(wire: &SuggestedFixPattern) -> Self {
        let criteria = &wire.matcher;
        Self {
            name: wire.name.clone(),
            matcher: fixes::PatternMatch {
                exit_code: criteria.exit_code,
                exit_code_range: criteria.exit_code_range.map(|range| fixes::ExitCodeRange {
                    min: range.min,
                    max: range.max,
                }),
                reason: criteria.reason.clone(),
                reason_pattern: criteria.reason_pattern.clone(),
                log_pattern: criteria.log_pattern.clone(),
                event_pattern: criteria.event_pattern.clone(),
            },
            suggestion: wire.suggestion.clone(),
            priority: wire.priority,
        }
    }
}
