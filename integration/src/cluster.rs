//! A local deployment: one database (PostgreSQL, or MariaDB for the MySQL back-end),
//! one Kubernetes API stand-in, and controller / query processes started against them.

use std::time::Duration;

use guardian_testkit::kube_api::KubeApi;
use guardian_testkit::mariadb::{self, MariaDbHarness};
use guardian_testkit::postgres::PgHarness;
use tempfile::NamedTempFile;

use crate::http;
use crate::process::{Process, ProcessSpec};
use crate::wait::wait_until;

/// Lease timings for tests: short, and valid by client-go's rules.
#[derive(Debug, Clone, Copy)]
pub struct Timings {
    pub lease: Duration,
    pub renew: Duration,
    pub retry: Duration,
}

impl Default for Timings {
    fn default() -> Self {
        Self {
            lease: Duration::from_secs(4),
            renew: Duration::from_secs(3),
            retry: Duration::from_millis(500),
        }
    }
}

/// The database both planes share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Database {
    Postgres,
    /// `storage.type: mysql` on a throwaway MariaDB.
    Mariadb,
}

impl Database {
    /// False (after a loud message) when this machine cannot run this database.
    pub fn available(self) -> bool {
        let available = self == Database::Postgres || mariadb::available();
        if !available {
            eprintln!(
                "SKIPPED: no mariadbd here and GUARDIAN_TEST_MYSQL_URL unset; install mariadb-server"
            );
        }
        available
    }
}

pub struct LocalCluster {
    pub kube: KubeApi,
    kubeconfig: NamedTempFile,
    database_kind: Database,
    port: u16,
    database: String,
    pub timings: Timings,
    /// Extra environment for every process started (e.g. the OTLP endpoint).
    pub env: Vec<(String, String)>,
}

impl LocalCluster {
    /// A fresh database named `name` on the shared test server and a new stand-in.
    pub async fn new(name: &str, timings: Timings) -> anyhow::Result<LocalCluster> {
        Self::on(Database::Postgres, name, timings).await
    }

    /// Like [`LocalCluster::new`], on the given database.
    pub async fn on(
        database_kind: Database,
        name: &str,
        timings: Timings,
    ) -> anyhow::Result<LocalCluster> {
        let (url, port) = match database_kind {
            Database::Postgres => {
                let harness = PgHarness::shared().await?;
                (harness.fresh_database(name).await?, harness.port())
            }
            Database::Mariadb => {
                let harness = MariaDbHarness::shared().await?;
                (harness.fresh_database(name).await?, harness.port())
            }
        };
        let database = url.rsplit('/').next().unwrap_or(name).to_owned();
        let kube = KubeApi::start().await?;
        let kubeconfig = NamedTempFile::new()?;
        std::fs::write(kubeconfig.path(), kube.kubeconfig())?;
        Ok(LocalCluster {
            kube,
            kubeconfig,
            database_kind,
            port,
            database,
            timings,
            env: Vec::new(),
        })
    }

    /// The database server's port on 127.0.0.1.
    pub fn database_port(&self) -> u16 {
        self.port
    }

    fn storage_args(&self, port: u16) -> Vec<String> {
        if self.database_kind == Database::Mariadb {
            return vec![
                "--storage-type=mysql".into(),
                "--storage-mysql-host=127.0.0.1".into(),
                format!("--storage-mysql-port={port}"),
                format!("--storage-mysql-database={}", self.database),
                "--storage-mysql-username=root".into(),
                "--storage-mysql-ssl-mode=disabled".into(),
                "--storage-mysql-max-open-conns=8".into(),
                "--storage-mysql-max-idle-conns=1".into(),
            ];
        }
        vec![
            "--storage-type=postgres".into(),
            "--storage-postgres-host=127.0.0.1".into(),
            format!("--storage-postgres-port={port}"),
            format!("--storage-postgres-database={}", self.database),
            "--storage-postgres-username=postgres".into(),
            "--storage-postgres-ssl-mode=disable".into(),
            "--storage-postgres-max-open-conns=8".into(),
            "--storage-postgres-max-idle-conns=1".into(),
        ]
    }

    /// A controller electing through the database lease row.
    pub async fn controller(&self, name: &str) -> anyhow::Result<Process> {
        self.controller_via(name, self.port).await
    }

    /// A controller that reaches the database on `database_port` (e.g. through a
    /// [`crate::link::Link`] a test can cut).
    pub async fn controller_via(&self, name: &str, database_port: u16) -> anyhow::Result<Process> {
        let mut args = vec!["controller".to_owned()];
        args.extend(self.storage_args(database_port));
        args.extend([
            "--leader-election-enabled=true".into(),
            "--leader-election-backend=postgres".into(),
            "--replicas=2".into(),
            format!("--leader-election-identity={name}"),
            format!(
                "--leader-election-lease-duration={}ms",
                self.timings.lease.as_millis()
            ),
            format!(
                "--leader-election-renew-deadline={}ms",
                self.timings.renew.as_millis()
            ),
            format!(
                "--leader-election-retry-period={}ms",
                self.timings.retry.as_millis()
            ),
            format!("--kubeconfig={}", self.kubeconfig.path().display()),
            "--ignored-namespaces=kube-system".into(),
        ]);
        Process::start(ProcessSpec {
            name: name.to_owned(),
            args,
            env: self.env.clone(),
        })
        .await
    }

    /// A stateless query replica.
    pub async fn query(&self, name: &str) -> anyhow::Result<Process> {
        let mut args = vec!["query".to_owned()];
        args.extend(self.storage_args(self.port));
        Process::start(ProcessSpec {
            name: name.to_owned(),
            args,
            env: self.env.clone(),
        })
        .await
    }
}

/// Whether `process` reports itself leader on `/metrics`.
pub async fn is_leader(process: &Process) -> bool {
    let Ok(response) = http::get(process.addresses.http, "/metrics").await else {
        return false;
    };
    response
        .body
        .lines()
        .any(|line| line.starts_with("cronjob_guardian_leader_status") && line.ends_with(" 1"))
}

/// Waits until one of `processes` leads and returns its index.
pub async fn leader_of(processes: &[&Process], deadline: Duration) -> anyhow::Result<usize> {
    wait_until("a leader", deadline, || async {
        for (index, process) in processes.iter().enumerate() {
            if is_leader(process).await {
                return Some(index);
            }
        }
        None
    })
    .await
}
