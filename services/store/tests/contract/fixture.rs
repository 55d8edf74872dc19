//! One store per test: PostgreSQL or MariaDB (a fresh database on the process-wide
//! testkit server) or SQLite (a file in a temp dir). Tests see only [`Fixture`], so they run unchanged
//! against both.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::{Context, Result};
use guardian_store::{Backend, PoolSettings, Store, StoreConfig};
use guardian_testkit::mariadb::{self, MariaDbHarness};
use guardian_testkit::postgres::PgHarness;
use tempfile::TempDir;

static DATABASES: AtomicUsize = AtomicUsize::new(0);

/// A connected, migrated, empty store and the means to reach it behind its back.
pub struct Fixture {
    pub store: Store,
    pub config: StoreConfig,
    _dir: Option<TempDir>,
}

/// Small pool settings for tests; waits are bounded so an outage fails fast.
pub fn test_pool() -> PoolSettings {
    PoolSettings {
        max_open_conns: 8,
        max_idle_conns: 1,
        acquire_timeout: Duration::from_secs(10),
        ..PoolSettings::default()
    }
}

impl Fixture {
    pub async fn postgres() -> Result<Fixture> {
        let harness = PgHarness::shared()
            .await
            .context("starting the shared postgres")?;
        let name = format!("contract_{}", DATABASES.fetch_add(1, Ordering::SeqCst));
        let url = harness.fresh_database(&name).await?;
        let mut config = StoreConfig::new(Backend::PostgresUrl(url));
        config.pool = test_pool();
        Self::connect(config, None).await
    }

    /// `None` (after a loud message) only when this machine has no MariaDB at all.
    pub async fn mariadb() -> Result<Option<Fixture>> {
        if !mariadb::available() {
            eprintln!(
                "SKIPPED: no mariadbd on this machine and {} unset; install mariadb-server \
                 (scripts/test does) to run the MySQL contract",
                mariadb::EXTERNAL_URL_VAR
            );
            return Ok(None);
        }
        let harness = MariaDbHarness::shared()
            .await
            .context("starting the shared mariadb")?;
        let name = format!("contract_{}", DATABASES.fetch_add(1, Ordering::SeqCst));
        let url = harness.fresh_database(&name).await?;
        let mut config = StoreConfig::new(Backend::MysqlUrl(url));
        config.pool = test_pool();
        Self::connect(config, None).await.map(Some)
    }

    pub async fn sqlite() -> Result<Fixture> {
        let dir = tempfile::tempdir()?;
        let mut config = StoreConfig::new(Backend::Sqlite {
            path: dir.path().join("guardian.db"),
        });
        config.pool = test_pool();
        Self::connect(config, Some(dir)).await
    }

    async fn connect(config: StoreConfig, dir: Option<TempDir>) -> Result<Fixture> {
        let store = Store::connect(&config).await?;
        Ok(Fixture {
            store,
            config,
            _dir: dir,
        })
    }

    /// Another handle on the same database, as a second replica would have.
    pub async fn second_store(&self) -> Result<Store> {
        Ok(Store::connect(&self.config).await?)
    }

    /// Runs raw SQL past the store (to plant rows the store would never write).
    pub async fn raw_execute(&self, sql: &'static str) -> Result<()> {
        match &self.config.backend {
            Backend::PostgresUrl(url) => {
                let pool = sqlx::PgPool::connect(url).await?;
                sqlx::query(sql).execute(&pool).await?;
                pool.close().await;
            }
            Backend::Sqlite { path } => {
                let pool =
                    sqlx::SqlitePool::connect(&format!("sqlite://{}", path.display())).await?;
                sqlx::query(sql).execute(&pool).await?;
                pool.close().await;
            }
            Backend::MysqlUrl(url) => {
                let pool = sqlx::MySqlPool::connect(url).await?;
                sqlx::query(sql).execute(&pool).await?;
                pool.close().await;
            }
            Backend::Postgres(_) | Backend::Mysql(_) => anyhow::bail!("fixtures connect by url"),
        }
        Ok(())
    }

    /// Runs a raw `SELECT COUNT(*) …`.
    pub async fn raw_count(&self, sql: &'static str) -> Result<i64> {
        let count = match &self.config.backend {
            Backend::PostgresUrl(url) => {
                let pool = sqlx::PgPool::connect(url).await?;
                let (count,): (i64,) = sqlx::query_as(sql).fetch_one(&pool).await?;
                pool.close().await;
                count
            }
            Backend::Sqlite { path } => {
                let pool =
                    sqlx::SqlitePool::connect(&format!("sqlite://{}", path.display())).await?;
                let (count,): (i64,) = sqlx::query_as(sql).fetch_one(&pool).await?;
                pool.close().await;
                count
            }
            Backend::MysqlUrl(url) => {
                let pool = sqlx::MySqlPool::connect(url).await?;
                let (count,): (i64,) = sqlx::query_as(sql).fetch_one(&pool).await?;
                pool.close().await;
                count
            }
            Backend::Postgres(_) | Backend::Mysql(_) => anyhow::bail!("fixtures connect by url"),
        };
        Ok(count)
    }

    /// How many migration files this back-end's dialect folder holds.
    pub fn migration_files(&self) -> Result<i64> {
        let dialect = match self.config.backend {
            Backend::Sqlite { .. } => "sqlite",
            Backend::Mysql(_) | Backend::MysqlUrl(_) => "mysql",
            Backend::Postgres(_) | Backend::PostgresUrl(_) => "postgres",
        };
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("migrations")
            .join(dialect);
        let mut count = 0;
        for entry in std::fs::read_dir(dir)? {
            if entry?.path().extension().is_some_and(|ext| ext == "sql") {
                count += 1;
            }
        }
        Ok(count)
    }

    /// A config of the same back-end that points at nothing reachable.
    pub fn unreachable(&self) -> Result<StoreConfig> {
        let backend = match &self.config.backend {
            Backend::Sqlite { .. } => Backend::Sqlite {
                path: "/nonexistent-dir/guardian/guardian.db".into(),
            },
            backend => {
                // Bind and release a port: nothing listens there afterwards.
                let port = std::net::TcpListener::bind("127.0.0.1:0")?
                    .local_addr()?
                    .port();
                match backend {
                    Backend::Mysql(_) | Backend::MysqlUrl(_) => {
                        Backend::MysqlUrl(format!("mysql://root@127.0.0.1:{port}/guardian"))
                    }
                    _ => Backend::PostgresUrl(format!(
                        "postgres://postgres@127.0.0.1:{port}/postgres"
                    )),
                }
            }
        };
        let mut config = StoreConfig::new(backend);
        config.pool = PoolSettings {
            acquire_timeout: Duration::from_secs(3),
            ..test_pool()
        };
        Ok(config)
    }
}
