//! The delivery rows of a pass (issue 5): each Notify/Resolve effect becomes one row per
//! target channel of its monitor, planned here from what the engine holds (the monitor's
//! alerting settings, the failed run's context) and written in the pass's fenced
//! transaction, together with the alert transition (see `crate::dispatch::outbox`).

use guardian_core::AlertRecord;
use guardian_core::alerting::{Effect, kinds};
use guardian_store::NewDelivery;
use jiff::Timestamp;

use super::engine::Engine;
use crate::dispatch::outbox::{self, AlertSource};

impl Engine {
    /// The delivery rows for this pass's effects.
    pub(super) fn plan_deliveries(&self, effects: &[Effect], now: Timestamp) -> Vec<NewDelivery> {
        let source = |alert: &AlertRecord| {
            let monitor = self.monitors.get(alert.monitor.as_ref()?)?;
            let alerting = &monitor.policy()?.alerting;
            // Only a failed run has logs, events and pod states to show.
            let failure = (alert.kind == kinds::JOB_FAILED)
                .then(|| {
                    let history = self.history.get(&alert.cronjob)?;
                    history.failure(&history.latest_failed()?.job_uid)
                })
                .flatten();
            Some(AlertSource { alerting, failure })
        };
        outbox::plan(effects, source, &self.context.channels, now)
    }
}
