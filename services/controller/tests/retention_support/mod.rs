//! A store (PostgreSQL or SQLite) with a leader's epoch, and builders for CronJob records,
//! runs, resolved alerts and monitor rows, for the pruner tests.

#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use guardian_controller::leadership::{self, Leadership, LeadershipTx};
use guardian_controller::retention::{Pruner, RetentionContext, RetentionSettings};
use guardian_core::{
    AlertRecord, AlertState, Clock, CronJobRecord, CronJobRef, Epoch, Execution, Outcome, Severity,
};
use guardian_store::{Backend, ExecutionFilter, MonitorRecord, Store, StoreConfig};
use guardian_testkit::postgres::PgHarness;
use jiff::{SignedDuration, Timestamp};
use serde_json::json;

static DATABASES: AtomicUsize = AtomicUsize::new(0);

pub struct Fixed(Timestamp);

impl Clock for Fixed {
    fn now(&self) -> Timestamp {
        self.0
    }
}

pub fn now() -> Timestamp {
    Timestamp::from_second(1_800_000_000).unwrap()
}

pub fn days_ago(days: i64) -> Timestamp {
    now() - SignedDuration::from_hours(days * 24)
}

pub fn ops(name: &str) -> CronJobRef {
    CronJobRef::new("ops", name)
}

pub struct Fixture {
    pub store: Store,
    pub epoch: Epoch,
    pub leadership: Leadership,
    _leadership_tx: LeadershipTx,
    sqlite: Option<std::path::PathBuf>,
}

impl Drop for Fixture {
    fn drop(&mut self) {
        if let Some(path) = &self.sqlite {
            let _ = std::fs::remove_file(path);
        }
    }
}

impl Fixture {
    pub async fn postgres() -> Fixture {
        let pg = PgHarness::shared().await.expect("postgres starts");
        let name = format!("retention_{}", DATABASES.fetch_add(1, Ordering::SeqCst));
        let url = pg.fresh_database(&name).await.expect("fresh database");
        Self::open(Backend::PostgresUrl(url), None).await
    }

    pub async fn sqlite() -> Fixture {
        let path = std::env::temp_dir().join(format!(
            "guardian-retention-{}-{}.db",
            std::process::id(),
            DATABASES.fetch_add(1, Ordering::SeqCst)
        ));
        Self::open(Backend::Sqlite { path: path.clone() }, Some(path)).await
    }

    async fn open(backend: Backend, sqlite: Option<std::path::PathBuf>) -> Fixture {
        let store = Store::connect(&StoreConfig::new(backend))
            .await
            .expect("store opens");
        let epoch = store.acquire_epoch().await.expect("epoch");
        let (leadership_tx, leadership) = leadership::channel();
        leadership_tx.lead(epoch);
        Fixture {
            store,
            epoch,
            leadership,
            _leadership_tx: leadership_tx,
            sqlite,
        }
    }

    pub fn pruner(&self, batch: u32) -> Pruner {
        let context = RetentionContext {
            store: self.store.clone(),
            leadership: self.leadership.clone(),
            clock: Arc::new(Fixed(now())),
            settings: RetentionSettings {
                default_days: 30,
                max_days: 90,
                batch,
                ..RetentionSettings::default()
            },
            storage: Default::default(),
        };
        Pruner::new(context, self.epoch)
    }

    pub async fn seed(
        &self,
        records: &[CronJobRecord],
        runs: &[Execution],
        alerts: &[AlertRecord],
    ) {
        let mut tx = self.store.begin_fenced(self.epoch).await.unwrap();
        for record in records {
            tx.upsert_cronjob(record).await.unwrap();
        }
        tx.record_executions(runs).await.unwrap();
        for alert in alerts {
            tx.upsert_alert(alert).await.unwrap();
        }
        tx.commit().await.unwrap();
    }

    /// A monitor row as the leader's monitoring writes it: spec and matched CronJobs.
    pub async fn monitor(&self, name: &str, retention: serde_json::Value, watched: &[&str]) {
        let cron_jobs: Vec<_> = watched
            .iter()
            .map(|name| json!({"namespace": "ops", "name": name, "status": "healthy"}))
            .collect();
        let record = MonitorRecord {
            monitor: ops(name),
            generation: 1,
            spec: json!({ "dataRetention": retention }),
            status: Some(json!({ "cronJobs": cron_jobs })),
        };
        let mut tx = self.store.begin_fenced(self.epoch).await.unwrap();
        tx.upsert_monitor(&record).await.unwrap();
        tx.commit().await.unwrap();
    }

    pub async fn started(&self, cronjob: &CronJobRef) -> Vec<Timestamp> {
        let page = self
            .store
            .list_executions(cronjob, &ExecutionFilter::default())
            .await
            .unwrap();
        let mut starts: Vec<Timestamp> = page
            .items
            .iter()
            .map(|stored| stored.execution.started_at)
            .collect();
        starts.sort();
        starts
    }
}

pub fn record(name: &str) -> CronJobRecord {
    CronJobRecord {
        cronjob: ops(name),
        uid: format!("{name}-uid"),
        schedule: "@daily".to_owned(),
        time_zone: None,
        suspended: false,
        first_seen_at: days_ago(100),
        last_seen_at: days_ago(0),
        deleted_at: None,
    }
}

pub fn run(name: &str, started: Timestamp) -> Execution {
    Execution {
        job_uid: format!("{name}-{}", started.as_second()),
        job_name: format!("{name}-{}", started.as_second()),
        cronjob: ops(name),
        cronjob_uid: Some(format!("{name}-uid")),
        started_at: started,
        completed_at: Some(started + SignedDuration::from_secs(30)),
        outcome: Outcome::Failed,
        exit_code: Some(1),
        reason: Some("Error".to_owned()),
        logs: Some("boom".to_owned()),
        events: Vec::new(),
        retries: 0,
        manual: false,
    }
}

pub fn resolved_alert(key: &str, resolved: Timestamp) -> AlertRecord {
    AlertRecord {
        key: key.to_owned(),
        kind: "jobFailed".to_owned(),
        severity: Severity::Warning,
        state: AlertState::Resolved,
        cronjob: ops("plain"),
        monitor: None,
        title: "Job failed".to_owned(),
        message: "failed".to_owned(),
        since: resolved - SignedDuration::from_hours(1),
        last_notified: None,
        resolved_at: Some(resolved),
        exit_code: None,
        reason: None,
        suggested_fix: None,
        acknowledged: None,
        silenced: None,
    }
}
