//! The MySQL/MariaDB pool: connection options from the config, and the session every
//! connection gets before the store uses it.
//!
//! Isolation is READ COMMITTED, as on PostgreSQL: every statement reads the newest
//! committed rows, and InnoDB takes record locks only (no gap locks) for our writes.
//! The guarantees do not rest on the level: fenced writers are serialised by the
//! control row's `SELECT … FOR UPDATE`, which also hands out the outbox sequences, so
//! commit order is sequence order and a rolled-back transaction leaves no gap. (READ
//! COMMITTED needs `binlog_format` ROW or MIXED, the defaults of MySQL 8 and MariaDB.)

use std::str::FromStr;

use sqlx::mysql::{MySqlConnectOptions, MySqlSslMode};
use sqlx::{Executor, MySql};

use crate::config::{PoolSettings, ServerTarget, SslMode};
use crate::error::{Result, StoreError};
use crate::pool::{DbPool, pool_options};

/// Session settings: STRICT so oversized or bad values fail instead of being cut
/// (the store maps them to `Constraint`), NO_BACKSLASH_ESCAPES so string literals
/// mean what they mean on PostgreSQL and SQLite (`ESCAPE '\'`).
const SESSION_SQL_MODE: &str = "SET SESSION sql_mode = \
    CONCAT(@@sql_mode, ',STRICT_TRANS_TABLES,NO_BACKSLASH_ESCAPES')";
const SESSION_ISOLATION: &str = "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED";
/// MariaDB ends a session left idle inside a transaction (a paused deposed leader
/// holding the control row) after this long, as PostgreSQL's
/// idle_in_transaction_session_timeout does; MySQL has no such setting, and there
/// the next leader waits `innodb_lock_wait_timeout` per attempt (`Unavailable`).
const MARIADB_IDLE_TRANSACTION_TIMEOUT: &str = "SET SESSION idle_transaction_timeout = 60";

/// A pool from the config's parts.
pub(crate) async fn connect(target: &ServerTarget, settings: &PoolSettings) -> Result<DbPool> {
    let options = MySqlConnectOptions::new()
        .host(&target.host)
        .port(target.port)
        .database(&target.database)
        .username(&target.username)
        .ssl_mode(ssl_mode(target.ssl_mode));
    let options = match &target.password {
        Some(password) => options.password(password),
        None => options,
    };
    connect_with(options, settings).await
}

/// A pool from a `mysql://` (or `mariadb://`) URL.
pub(crate) async fn connect_url(url: &str, settings: &PoolSettings) -> Result<DbPool> {
    let url = url
        .strip_prefix("mariadb://")
        .map_or_else(|| url.to_owned(), |rest| format!("mysql://{rest}"));
    let options = MySqlConnectOptions::from_str(&url)
        .map_err(|error| StoreError::invalid(format!("bad mysql url: {error}")))?;
    connect_with(options, settings).await
}

async fn connect_with(options: MySqlConnectOptions, settings: &PoolSettings) -> Result<DbPool> {
    // Bound text gets the columns' collation, so comparing it with a column (or a CTE
    // built from parameters with one) never mixes collations.
    let options = options
        .charset("utf8mb4")
        .collation("utf8mb4_bin")
        .timezone(Some("+00:00".to_owned()));
    let pool = pool_options::<MySql>(settings)
        .after_connect(|conn, _meta| {
            Box::pin(async move {
                conn.execute(SESSION_SQL_MODE).await?;
                conn.execute(SESSION_ISOLATION).await?;
                let (version,): (String,) = sqlx::query_as("SELECT VERSION()")
                    .fetch_one(&mut *conn)
                    .await?;
                if version.contains("MariaDB") {
                    conn.execute(MARIADB_IDLE_TRANSACTION_TIMEOUT).await?;
                }
                Ok(())
            })
        })
        .connect_with(options)
        .await?;
    Ok(DbPool::Mysql(pool))
}

/// libpq's mode names mapped onto MySQL's (`prefer` = PREFERRED, `verify-full` =
/// VERIFY_IDENTITY); MySQL has no `allow`, which behaves as PREFERRED.
fn ssl_mode(mode: SslMode) -> MySqlSslMode {
    match mode {
        SslMode::Disable => MySqlSslMode::Disabled,
        SslMode::Allow | SslMode::Prefer => MySqlSslMode::Preferred,
        SslMode::Require => MySqlSslMode::Required,
        SslMode::VerifyCa => MySqlSslMode::VerifyCa,
        SslMode::VerifyFull => MySqlSslMode::VerifyIdentity,
    }
}
