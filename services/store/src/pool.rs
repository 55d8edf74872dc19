//! The connection pool for any back-end (MySQL's own options in `pool_mysql.rs`), its settings (the seed's pool options
//! mapped onto sqlx), and the embedded migrations (one folder per SQL dialect).

use std::str::FromStr;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::pool::PoolOptions;
use sqlx::postgres::{PgConnectOptions, PgSslMode};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::{Connection, MySqlPool, PgPool, SqlitePool};

use crate::config::{Backend, PgTarget, PoolSettings, SslMode};
use crate::error::{Result, StoreError};
use crate::pool_mysql;
use crate::sql::{DbTx, PooledConn};

static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");
static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static MYSQL_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/mysql");

/// How long a SQLite writer waits for the file lock before `Unavailable`.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// A PostgreSQL session stuck inside a transaction (a paused deposed leader) is ended
/// by the server after this long, so it cannot block the next leader's epoch forever.
const PG_IDLE_IN_TRANSACTION_TIMEOUT: &str = "60s";

/// A pool for one of the back-ends.
#[derive(Debug, Clone)]
pub(crate) enum DbPool {
    Postgres(PgPool),
    Sqlite(SqlitePool),
    Mysql(MySqlPool),
}

impl DbPool {
    /// Connects and applies the pool settings. The first connection is opened here,
    /// so an unreachable or misconfigured database fails at start-up.
    pub(crate) async fn connect(backend: &Backend, settings: &PoolSettings) -> Result<DbPool> {
        match backend {
            Backend::Postgres(target) => pg_pool(pg_options(target), settings).await,
            Backend::PostgresUrl(url) => {
                let options = PgConnectOptions::from_str(url)
                    .map_err(|error| StoreError::invalid(format!("bad postgres url: {error}")))?;
                pg_pool(options, settings).await
            }
            Backend::Sqlite { path } => {
                let options = SqliteConnectOptions::new()
                    .filename(path)
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .busy_timeout(SQLITE_BUSY_TIMEOUT)
                    .foreign_keys(true);
                let pool = pool_options::<sqlx::Sqlite>(settings)
                    .connect_with(options)
                    .await?;
                Ok(DbPool::Sqlite(pool))
            }
            Backend::Mysql(target) => pool_mysql::connect(target, settings).await,
            Backend::MysqlUrl(url) => pool_mysql::connect_url(url, settings).await,
        }
    }

    /// Applies the embedded migrations; already applied ones are skipped.
    pub(crate) async fn migrate(&self) -> Result<()> {
        let outcome = match self {
            DbPool::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await,
            DbPool::Sqlite(pool) => SQLITE_MIGRATIONS.run(pool).await,
            DbPool::Mysql(pool) => MYSQL_MIGRATIONS.run(pool).await,
        };
        outcome.map_err(|source| match source {
            sqlx::migrate::MigrateError::Execute(inner) => StoreError::from(inner),
            source => StoreError::Migration { source },
        })
    }

    /// `postgres`, `sqlite` or `mysql`, for logs and the lease `kind`.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            DbPool::Postgres(_) => "postgres",
            DbPool::Sqlite(_) => "sqlite",
            DbPool::Mysql(_) => "mysql",
        }
    }

    /// Open connections (busy and idle) and idle ones.
    pub(crate) fn sizes(&self) -> (u32, usize) {
        match self {
            DbPool::Postgres(pool) => (pool.size(), pool.num_idle()),
            DbPool::Sqlite(pool) => (pool.size(), pool.num_idle()),
            DbPool::Mysql(pool) => (pool.size(), pool.num_idle()),
        }
    }

    /// Closes every connection; later calls fail with `Unavailable`.
    pub(crate) async fn close(&self) {
        match self {
            DbPool::Postgres(pool) => pool.close().await,
            DbPool::Sqlite(pool) => pool.close().await,
            DbPool::Mysql(pool) => pool.close().await,
        }
    }

    /// A connection for reads and single statements.
    pub(crate) async fn acquire(&self) -> Result<PooledConn> {
        Ok(match self {
            DbPool::Postgres(pool) => PooledConn::Postgres(pool.acquire().await?),
            DbPool::Sqlite(pool) => PooledConn::Sqlite(pool.acquire().await?),
            DbPool::Mysql(pool) => PooledConn::Mysql(pool.acquire().await?),
        })
    }

    /// A write transaction. SQLite takes the database write lock at `BEGIN IMMEDIATE`,
    /// so writers queue there instead of failing on lock upgrade; PostgreSQL and MySQL
    /// writers queue on the control row (`FOR UPDATE`) instead.
    pub(crate) async fn begin_write(&self) -> Result<DbTx> {
        Ok(match self {
            DbPool::Postgres(pool) => DbTx::Postgres(pool.begin().await?),
            DbPool::Sqlite(pool) => DbTx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            DbPool::Mysql(pool) => DbTx::Mysql(pool.begin().await?),
        })
    }
}

async fn pg_pool(options: PgConnectOptions, settings: &PoolSettings) -> Result<DbPool> {
    let options = options.application_name("cronjob-guardian").options([(
        "idle_in_transaction_session_timeout",
        PG_IDLE_IN_TRANSACTION_TIMEOUT,
    )]);
    let pool = pool_options::<sqlx::Postgres>(settings)
        .connect_with(options)
        .await?;
    Ok(DbPool::Postgres(pool))
}

fn pg_options(target: &PgTarget) -> PgConnectOptions {
    let options = PgConnectOptions::new_without_pgpass()
        .host(&target.host)
        .port(target.port)
        .database(&target.database)
        .username(&target.username)
        .ssl_mode(match target.ssl_mode {
            SslMode::Disable => PgSslMode::Disable,
            SslMode::Allow => PgSslMode::Allow,
            SslMode::Prefer => PgSslMode::Prefer,
            SslMode::Require => PgSslMode::Require,
            SslMode::VerifyCa => PgSslMode::VerifyCa,
            SslMode::VerifyFull => PgSslMode::VerifyFull,
        });
    match &target.password {
        Some(password) => options.password(password),
        None => options,
    }
}

/// The seed's pool settings as sqlx options (mapping documented on [`PoolSettings`]).
pub(crate) fn pool_options<DB: sqlx::Database>(settings: &PoolSettings) -> PoolOptions<DB> {
    let interval = settings.health_check_interval;
    PoolOptions::<DB>::new()
        .max_connections(settings.max_open_conns.max(1))
        .min_connections(settings.min_connections())
        .max_lifetime(settings.conn_max_lifetime)
        .idle_timeout(settings.conn_max_idle_time)
        .acquire_timeout(settings.acquire_timeout)
        // Ping only connections that sat idle for a health-check interval, not every one.
        .test_before_acquire(false)
        .before_acquire(move |conn, meta| {
            Box::pin(async move {
                if meta.idle_for >= interval {
                    conn.ping().await?;
                }
                Ok(true)
            })
        })
}
