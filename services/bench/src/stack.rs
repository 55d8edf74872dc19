//! A deployment to measure: one fresh database on the shared throwaway
//! PostgreSQL, one Kubernetes API stand-in in this process, and real
//! `cronjob-guardian` processes started against them through
//! guardian-integration's [`Process`].
//!
//! Why not guardian-integration's `LocalCluster`: its stand-in keeps the
//! default watch history (1000 changes), and the bench floods the stand-in
//! with far more changes than that, so it needs a stand-in of its own.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context as _;
use guardian_core::Sequence;
use guardian_integration::cluster::Timings;
use guardian_integration::{Process, ProcessSpec, wait_until};
use guardian_store::{Backend, Store, StoreConfig};
use guardian_testkit::kube_api::{KubeApi, KubeApiConfig};
use guardian_testkit::postgres::PgHarness;
use tempfile::NamedTempFile;

/// Watch history (and broadcast capacity) of the stand-in for floods: deep
/// enough that a watcher behind a flood of changes is not sent `410 Gone`.
/// Each kept change holds the object before and after, so this costs the
/// bench (not the product) memory.
pub const FLOOD_HISTORY: usize = 300_000;
/// Watch history when changes come one at a time.
pub const SMALL_HISTORY: usize = 10_000;

/// The `cronjob-guardian` binary: `GUARDIAN_BIN`, set by `main` to the one
/// built beside this bench (`target/release/cronjob-guardian`).
pub fn product_binary() -> anyhow::Result<PathBuf> {
    let path = std::env::var_os("GUARDIAN_BIN")
        .map(PathBuf::from)
        .context("GUARDIAN_BIN is not set")?;
    anyhow::ensure!(
        path.exists(),
        "{} is missing: build it first with `cargo build --release -p cronjob-guardian`",
        path.display()
    );
    Ok(path)
}

/// Where `main` looks for the product binary: next to the bench's own executable.
pub fn sibling_binary() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    exe.parent().map(|dir| dir.join("cronjob-guardian"))
}

pub struct Stack {
    pub kube: KubeApi,
    pub store: Store,
    kubeconfig: NamedTempFile,
    port: u16,
    database: String,
}

impl Stack {
    /// A fresh database `name` and a new stand-in keeping `history` changes.
    pub async fn new(name: &str, history: usize) -> anyhow::Result<Stack> {
        let harness = PgHarness::shared().await?;
        let url = harness.fresh_database(name).await?;
        // On a shared server the harness suffixes the name (`_p<pid>`): use its URL's.
        let database = url
            .rsplit_once('/')
            .map_or(name, |(_, database)| database)
            .to_owned();
        let store = Store::connect(&StoreConfig::new(Backend::PostgresUrl(url))).await?;
        let kube = KubeApi::start_with(KubeApiConfig {
            history_limit: history,
            ..KubeApiConfig::default()
        })
        .await?;
        let kubeconfig = NamedTempFile::new()?;
        std::fs::write(kubeconfig.path(), kube.kubeconfig())?;
        Ok(Stack {
            kube,
            store,
            kubeconfig,
            port: harness.port(),
            database,
        })
    }

    /// The database URL, for direct connections (the PostgreSQL ceiling).
    pub fn database_url(&self) -> String {
        format!(
            "postgres://postgres@127.0.0.1:{}/{}",
            self.port, self.database
        )
    }

    fn storage_args(&self) -> Vec<String> {
        vec![
            "--storage-type=postgres".into(),
            "--storage-postgres-host=127.0.0.1".into(),
            format!("--storage-postgres-port={}", self.port),
            format!("--storage-postgres-database={}", self.database),
            "--storage-postgres-username=postgres".into(),
            "--storage-postgres-ssl-mode=disable".into(),
        ]
    }

    /// A controller electing through the database lease row with `timings`.
    pub async fn controller(&self, name: &str, timings: Timings) -> anyhow::Result<Process> {
        Process::start(self.controller_spec(name, timings)).await
    }

    pub fn controller_spec(&self, name: &str, timings: Timings) -> ProcessSpec {
        let mut args = vec!["controller".to_owned()];
        args.extend(self.storage_args());
        args.extend([
            "--leader-election-enabled=true".into(),
            "--leader-election-backend=postgres".into(),
            "--replicas=2".into(),
            format!("--leader-election-identity={name}"),
            format!(
                "--leader-election-lease-duration={}ms",
                timings.lease.as_millis()
            ),
            format!(
                "--leader-election-renew-deadline={}ms",
                timings.renew.as_millis()
            ),
            format!(
                "--leader-election-retry-period={}ms",
                timings.retry.as_millis()
            ),
            format!("--kubeconfig={}", path_text(self.kubeconfig.path())),
        ]);
        ProcessSpec {
            name: name.to_owned(),
            args,
            env: controller_env(name),
        }
    }

    /// A stateless query replica.
    pub async fn query(&self, name: &str) -> anyhow::Result<Process> {
        let mut args = vec!["query".to_owned()];
        args.extend(self.storage_args());
        Process::start(ProcessSpec {
            name: name.to_owned(),
            args,
            env: Vec::new(),
        })
        .await
    }
}

/// Drops the databases this process created on a shared PostgreSQL
/// (`bench_…_p<pid>`): they hold up to a million rows each, and their
/// per-process names are never reused, so nothing else would ever drop them.
/// A PostgreSQL the harness started itself goes away with its data anyway.
pub async fn drop_own_databases() -> anyhow::Result<usize> {
    use sqlx::Connection as _;
    let harness = PgHarness::shared().await?;
    let mut admin = sqlx::PgConnection::connect(&harness.database_url("postgres")).await?;
    let pattern = format!("bench\\_%\\_p{}", std::process::id());
    let names: Vec<String> =
        sqlx::query_scalar("SELECT datname FROM pg_database WHERE datname LIKE $1")
            .bind(pattern)
            .fetch_all(&mut admin)
            .await?;
    for name in &names {
        // Names come from pg_database and match `bench_<a-z0-9_>_p<pid>`.
        let statement = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        sqlx::raw_sql(sqlx::AssertSqlSafe(statement))
            .execute(&mut admin)
            .await?;
    }
    Ok(names.len())
}

/// Waits until the outbox holds at least `events` events (e.g. the CronJobs a
/// new controller records) and returns its head.
pub async fn wait_for_head(
    store: &Store,
    events: usize,
    deadline: Duration,
) -> anyhow::Result<Sequence> {
    wait_until(
        "the controller to record the CronJobs",
        deadline,
        || async {
            let head = store.last_sequence().await.ok()?;
            (head.0 >= events as i64).then_some(head)
        },
    )
    .await
}

/// Waits until the outbox head has not moved for `quiet` (the controller has
/// written everything it saw) and returns it.
pub async fn wait_settled(
    store: &Store,
    quiet: Duration,
    deadline: Duration,
) -> anyhow::Result<Sequence> {
    let started = std::time::Instant::now();
    let mut head = store.last_sequence().await?;
    let mut since = std::time::Instant::now();
    loop {
        anyhow::ensure!(
            started.elapsed() < deadline,
            "the outbox kept moving for {deadline:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
        let now = store.last_sequence().await?;
        if now != head {
            (head, since) = (now, std::time::Instant::now());
        } else if since.elapsed() >= quiet {
            return Ok(head);
        }
    }
}

/// Extra environment for every controller the bench starts, so a run can be
/// profiled without changing the scenario: [`CONTROLLER_ENV`] holds
/// whitespace-separated `KEY=VALUE` pairs, and `{name}` in a value becomes the
/// process name (one output file per controller). For heaptrack:
/// `LD_PRELOAD=/usr/lib/heaptrack/libheaptrack_preload.so
/// DUMP_HEAPTRACK_OUTPUT=/tmp/heaptrack.{name}.raw`, then
/// `heaptrack_interpret < raw | zstd > heaptrack.zst`.
pub const CONTROLLER_ENV: &str = "GUARDIAN_BENCH_CONTROLLER_ENV";

fn controller_env(name: &str) -> Vec<(String, String)> {
    parse_env(&std::env::var(CONTROLLER_ENV).unwrap_or_default(), name)
}

fn parse_env(text: &str, name: &str) -> Vec<(String, String)> {
    text.split_whitespace()
        .filter_map(|pair| pair.split_once('='))
        .map(|(key, value)| (key.to_owned(), value.replace("{name}", name)))
        .collect()
}

fn path_text(path: &Path) -> String {
    path.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::parse_env;

    #[test]
    fn controller_env_pairs_are_split_and_named() {
        let env = parse_env(" A=1  OUT=/tmp/{name}.raw junk ", "controller-a");
        assert_eq!(
            env,
            vec![
                ("A".to_owned(), "1".to_owned()),
                ("OUT".to_owned(), "/tmp/controller-a.raw".to_owned()),
            ]
        );
    }
}
