//! Small pieces of the monitoring harness: the fake clock, a dispatcher stand-in that
//! records effects, and readers of a monitor's status JSON.

use std::sync::Mutex;

use guardian_controller::monitoring::EffectSink;
use guardian_core::Clock;
use guardian_core::alerting::Effect;
use jiff::Timestamp;
use serde_json::Value;

/// A clock the test sets.
#[derive(Debug)]
pub struct FakeClock(pub Mutex<Timestamp>);

impl FakeClock {
    pub fn set(&self, at: Timestamp) {
        *self.0.lock().unwrap() = at;
    }
}

impl Clock for FakeClock {
    fn now(&self) -> Timestamp {
        *self.0.lock().unwrap()
    }
}

/// Keeps every effect handed to the dispatcher.
#[derive(Debug, Default)]
pub struct RecordingSink(Mutex<Vec<Effect>>);

impl RecordingSink {
    pub fn notified(&self, key: &str) -> usize {
        let effects = self.0.lock().unwrap();
        effects
            .iter()
            .filter(|effect| matches!(effect, Effect::Notify { alert, .. } if alert.key == key))
            .count()
    }
}

impl EffectSink for RecordingSink {
    fn deliver(&self, effects: Vec<Effect>) {
        self.0.lock().unwrap().extend(effects);
    }
}

/// The Ready condition of a status, if any.
pub fn ready(status: &Value) -> Option<&Value> {
    status["conditions"]
        .as_array()?
        .iter()
        .find(|condition| condition["type"] == "Ready")
}

/// Names of the CronJobs a status lists.
pub fn listed(status: &Value) -> Vec<String> {
    status["cronJobs"]
        .as_array()
        .map(|all| {
            all.iter()
                .filter_map(|cj| cj["name"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Alert types active on the first CronJob of a status.
pub fn active_types(status: &Value) -> Vec<String> {
    status["cronJobs"][0]["activeAlerts"]
        .as_array()
        .map(|all| {
            all.iter()
                .filter_map(|a| a["type"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}
