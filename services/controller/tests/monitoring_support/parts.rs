//! Small pieces of the monitoring and dispatch harnesses: what both start on (the
//! stand-in on a fake clock, a store on a fresh database), a dispatcher stand-in that
//! records effects, and readers of a monitor's status JSON.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use guardian_controller::monitoring::EffectSink;
use guardian_core::alerting::Effect;
use guardian_core::{Clock, Epoch};
use guardian_store::{Backend, Store, StoreConfig};
use guardian_testkit::kube_api::{KubeApi, KubeApiConfig};
use guardian_testkit::postgres::PgHarness;
use jiff::Timestamp;
use serde_json::Value;

static DATABASES: AtomicUsize = AtomicUsize::new(0);

/// The Kubernetes stand-in on a fake clock, and a store (with an epoch) on a fresh database.
pub struct Backing {
    pub clock: Arc<FakeClock>,
    pub api: KubeApi,
    pub store: Store,
    pub epoch: Epoch,
}

impl Backing {
    /// Starts both, the clock at `now`; the database is named after `purpose`.
    pub async fn start(now: Timestamp, purpose: &str) -> Backing {
        let clock = Arc::new(FakeClock(Mutex::new(now)));
        let config = KubeApiConfig {
            clock: clock.clone(),
            ..KubeApiConfig::default()
        };
        let api = KubeApi::start_with(config)
            .await
            .expect("kube stand-in starts");
        let pg = PgHarness::shared().await.expect("postgres starts");
        let name = format!("{purpose}_{}", DATABASES.fetch_add(1, Ordering::SeqCst));
        let url = pg.fresh_database(&name).await.expect("fresh database");
        let store = Store::connect(&StoreConfig::new(Backend::PostgresUrl(url)))
            .await
            .expect("store opens");
        let epoch = store.acquire_epoch().await.expect("epoch");
        Backing {
            clock,
            api,
            store,
            epoch,
        }
    }
}

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
