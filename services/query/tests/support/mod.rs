//! Test harness: a store (SQLite in a temp dir, or a fresh PostgreSQL database),
//! a query replica on 127.0.0.1:0 over it, fenced writes that create outbox
//! events, and small gRPC/HTTP clients.

#![allow(dead_code)] // each test binary uses a different part of the support module

pub mod http_client;
pub mod leader;

use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use guardian_core::{
    AlertRecord, AlertState, CronJobRecord, CronJobRef, Epoch, Execution, Outcome, Severity,
};
use guardian_query::{QueryConfig, QueryPlane};
use guardian_runtime::BoundAddresses;
use guardian_store::{Backend, PoolSettings, Store, StoreConfig};
use guardian_testkit::postgres::PgHarness;
use jiff::{SignedDuration, Timestamp};
use tempfile::TempDir;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;
use tonic::transport::Channel;

/// Failure guard only: no test relies on timing.
pub const GUARD: Duration = Duration::from_secs(30);

static DATABASES: AtomicUsize = AtomicUsize::new(0);

/// Awaits `future` within the failure guard.
pub async fn guarded<T>(what: &str, future: impl Future<Output = T>) -> T {
    tokio::time::timeout(GUARD, future)
        .await
        .unwrap_or_else(|_| panic!("{what} did not finish within {GUARD:?}"))
}

/// Polls `check` until it returns `Some`, within the failure guard.
pub async fn eventually<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    guarded(what, async {
        loop {
            if let Some(value) = check().await {
                return value;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
}

/// A connected store and what keeps its database alive.
pub struct TestStore {
    pub store: Store,
    pub config: StoreConfig,
    _dir: Option<TempDir>,
}

fn test_pool() -> PoolSettings {
    PoolSettings {
        max_open_conns: 10,
        max_idle_conns: 1,
        acquire_timeout: Duration::from_secs(10),
        ..PoolSettings::default()
    }
}

impl TestStore {
    pub async fn sqlite() -> TestStore {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut config = StoreConfig::new(Backend::Sqlite {
            path: dir.path().join("guardian.db"),
        });
        config.pool = test_pool();
        let store = Store::connect(&config).await.expect("sqlite store opens");
        TestStore {
            store,
            config,
            _dir: Some(dir),
        }
    }

    /// A fresh database on `GUARDIAN_TEST_DATABASE_URL`'s server, or on the shared
    /// throwaway server of the test kit.
    pub async fn postgres() -> TestStore {
        let name = format!(
            "query_{}_{}",
            std::process::id(),
            DATABASES.fetch_add(1, Ordering::SeqCst)
        );
        let url = match std::env::var("GUARDIAN_TEST_DATABASE_URL") {
            Ok(server) => create_database(&server, &name).await,
            Err(_) => {
                let harness = PgHarness::shared().await.expect("postgres harness starts");
                harness.fresh_database(&name).await.expect("fresh database")
            }
        };
        let mut config = StoreConfig::new(Backend::PostgresUrl(url));
        config.pool = test_pool();
        let store = Store::connect(&config).await.expect("postgres store opens");
        TestStore {
            store,
            config,
            _dir: None,
        }
    }
}

/// Creates `name` on the server of `url` and returns the URL of the new database.
async fn create_database(url: &str, name: &str) -> String {
    let pool = sqlx::PgPool::connect(url)
        .await
        .expect("test database server answers");
    let create = format!("CREATE DATABASE \"{name}\"");
    sqlx::raw_sql(sqlx::AssertSqlSafe(create))
        .execute(&pool)
        .await
        .expect("create test database");
    pool.close().await;
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(base, query)| (base, Some(query)));
    let server = base.rsplit_once('/').map_or(base, |(server, _)| server);
    match query {
        Some(query) => format!("{server}/{name}?{query}"),
        None => format!("{server}/{name}"),
    }
}

/// A running replica and the means to stop it.
pub struct TestPlane {
    pub addresses: BoundAddresses,
    pub shutdown: CancellationToken,
    pub hub: guardian_query::fanout::EventHub,
    pub stream: guardian_query::upstream::StreamStatus,
    task: JoinHandle<Result<(), guardian_query::ServeError>>,
}

/// Settings that make the replica react within milliseconds.
pub fn fast_config(store: &StoreConfig) -> QueryConfig {
    let mut config = QueryConfig::new(store.clone(), "test-1.2.3");
    config.grpc_bind_address = "127.0.0.1:0".into();
    config.api_bind_address = "127.0.0.1:0".into();
    config.probes_bind_address = "127.0.0.1:0".into();
    let tuning = &mut config.tuning;
    tuning.readiness_interval = Duration::from_millis(50);
    tuning.reconnect_backoff_min = Duration::from_millis(20);
    tuning.reconnect_backoff_max = Duration::from_millis(200);
    tuning.leader_check_interval = Duration::from_millis(200);
    tuning.database_poll_interval = Duration::from_millis(50);
    tuning.connect_timeout = Duration::from_secs(2);
    tuning.forward_timeout = Duration::from_secs(5);
    config
}

impl TestPlane {
    pub async fn start(store: &Store, config: &QueryConfig) -> TestPlane {
        guardian_telemetry::install_recorder().expect("recorder installs");
        let shutdown = CancellationToken::new();
        let plane = QueryPlane::start(store.clone(), config, shutdown.clone())
            .await
            .expect("query plane starts");
        let addresses = plane.addresses();
        let hub = plane.hub().clone();
        let stream = plane.stream_status();
        let task = tokio::spawn(plane.wait());
        TestPlane {
            addresses,
            shutdown,
            hub,
            stream,
            task,
        }
    }

    pub async fn grpc(&self) -> Channel {
        let url = format!("http://{}", self.addresses.grpc);
        guarded(
            "grpc connect",
            Channel::from_shared(url).expect("valid uri").connect(),
        )
        .await
        .expect("grpc connects")
    }

    pub fn http(&self) -> http_client::HttpClient {
        http_client::HttpClient::new(self.addresses.http)
    }

    pub async fn stop(self) {
        self.shutdown.cancel();
        guarded("plane shutdown", self.task)
            .await
            .expect("plane task ends")
            .expect("plane stops cleanly");
    }
}

// === fixtures ===

/// A replica over a SQLite store that knows ops/backup (without runs); no leader.
pub async fn plane_knowing_backup() -> (TestStore, TestPlane) {
    let test_store = TestStore::sqlite().await;
    let epoch = test_store.store.acquire_epoch().await.expect("epoch");
    let mut tx = test_store.store.begin_fenced(epoch).await.expect("tx");
    tx.upsert_cronjob(&cronjob("ops", "backup", Timestamp::now()))
        .await
        .expect("stored");
    tx.commit().await.expect("commit");
    let plane = TestPlane::start(&test_store.store, &fast_config(&test_store.config)).await;
    (test_store, plane)
}

pub fn ago(now: Timestamp, seconds: i64) -> Timestamp {
    now - SignedDuration::from_secs(seconds)
}

pub fn cronjob(namespace: &str, name: &str, now: Timestamp) -> CronJobRecord {
    CronJobRecord {
        cronjob: CronJobRef::new(namespace, name),
        uid: format!("uid-{namespace}-{name}"),
        schedule: "0 * * * *".into(),
        time_zone: None,
        suspended: false,
        first_seen_at: ago(now, 40 * 86_400),
        last_seen_at: now,
        deleted_at: None,
    }
}

/// A run of `cronjob` that started `started_ago` seconds before `now` and took `took` seconds.
pub fn run(
    cronjob: &CronJobRef,
    job: &str,
    now: Timestamp,
    started_ago: i64,
    took: Option<i64>,
    outcome: Outcome,
) -> Execution {
    let started_at = ago(now, started_ago);
    Execution {
        job_uid: format!("uid-{job}"),
        job_name: job.into(),
        cronjob: cronjob.clone(),
        cronjob_uid: Some(format!("uid-{}-{}", cronjob.namespace, cronjob.name)),
        started_at,
        completed_at: took.map(|seconds| started_at + SignedDuration::from_secs(seconds)),
        outcome,
        exit_code: match outcome {
            Outcome::Failed => Some(2),
            Outcome::Succeeded => Some(0),
            Outcome::Running => None,
        },
        reason: (outcome == Outcome::Failed).then(|| "Error".to_owned()),
        logs: None,
        events: Vec::new(),
        retries: 0,
        manual: false,
    }
}

pub fn alert(cronjob: &CronJobRef, key: &str, severity: Severity, now: Timestamp) -> AlertRecord {
    AlertRecord {
        key: key.into(),
        kind: "jobFailed".into(),
        severity,
        state: AlertState::Firing,
        cronjob: cronjob.clone(),
        monitor: Some(CronJobRef::new(&cronjob.namespace, "nightly")),
        title: format!("{cronjob} failed"),
        message: "exit code 2".into(),
        since: ago(now, 600),
        last_notified: Some(ago(now, 300)),
        resolved_at: None,
        exit_code: Some(2),
        reason: Some("Error".into()),
        suggested_fix: Some("Check the logs".into()),
        acknowledged: None,
        silenced: None,
    }
}

/// Commits `executions` in one fenced transaction; returns how many events it wrote.
pub async fn record(store: &Store, epoch: Epoch, executions: &[Execution]) -> usize {
    let mut tx = store.begin_fenced(epoch).await.expect("fenced tx begins");
    tx.record_executions(executions)
        .await
        .expect("executions recorded");
    tx.commit().await.expect("commit").len()
}
