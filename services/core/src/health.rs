//! One health rule for a CronJob, used by the monitor's CRD status, `GET /api/v1/monitors`
//! (which reads that status) and `GET /api/v1/cronjobs`, so the three always agree.

use crate::Severity;

/// A CronJob's health, worst first after `Suspended`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Health {
    Healthy,
    Warning,
    Critical,
    Suspended,
}

/// Suspended first; then a firing critical alert; then a firing warning alert or a
/// failed latest finished run; else healthy. A failed run counts even when its alert is
/// held back (a maintenance window, a silence): the run did fail, only the notice waits.
pub fn health(
    suspended: bool,
    firing: impl IntoIterator<Item = Severity>,
    last_run_failed: bool,
) -> Health {
    if suspended {
        return Health::Suspended;
    }
    let worst = firing.into_iter().max_by_key(|severity| match severity {
        Severity::Info => 0,
        Severity::Warning => 1,
        Severity::Critical => 2,
    });
    match worst {
        Some(Severity::Critical) => Health::Critical,
        Some(Severity::Warning) => Health::Warning,
        _ if last_run_failed => Health::Warning,
        _ => Health::Healthy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suspended_then_critical_then_warning_or_a_failed_run_then_healthy() {
        assert_eq!(health(true, [Severity::Critical], true), Health::Suspended);
        assert_eq!(
            health(false, [Severity::Warning, Severity::Critical], false),
            Health::Critical
        );
        assert_eq!(health(false, [Severity::Warning], false), Health::Warning);
        assert_eq!(health(false, [], true), Health::Warning, "alert held back");
        assert_eq!(health(false, [Severity::Info], false), Health::Healthy);
        assert_eq!(health(false, [], false), Health::Healthy);
    }
}
