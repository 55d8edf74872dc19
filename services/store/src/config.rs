//! How to reach the database and how big the pool may grow: the seed's
//! `storage.postgres.*`, `storage.mysql.*` and `storage.sqlite.path` settings as typed values.

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

/// Default cap on a stored log excerpt (`storage.max-log-size-kb` unset): 64 KiB.
pub const DEFAULT_MAX_LOG_BYTES: usize = 64 * 1024;

/// Where the data lives and how the pool behaves.
#[derive(Debug, Clone, PartialEq)]
pub struct StoreConfig {
    pub backend: Backend,
    pub pool: PoolSettings,
    /// Logs longer than this are cut to their last `max_log_bytes` bytes (see [`crate::limits`]).
    pub max_log_bytes: usize,
}

impl StoreConfig {
    /// A config for `backend` with the seed's pool defaults and the default log cap.
    pub fn new(backend: Backend) -> Self {
        Self {
            backend,
            pool: PoolSettings::default(),
            max_log_bytes: DEFAULT_MAX_LOG_BYTES,
        }
    }
}

/// The database back-end (`storage.type`).
#[derive(Clone, PartialEq)]
pub enum Backend {
    /// PostgreSQL from its parts (`storage.postgres.{host,port,database,username,password,ssl-mode}`).
    Postgres(PgTarget),
    /// PostgreSQL from a `postgres://` URL.
    PostgresUrl(String),
    /// The embedded default: one SQLite file (`storage.sqlite.path`); single replica only.
    Sqlite { path: PathBuf },
    /// MySQL 8.0+ or MariaDB 10.6+ from its parts (`storage.mysql.*`).
    Mysql(ServerTarget),
    /// MySQL or MariaDB from a `mysql://` (or `mariadb://`) URL.
    MysqlUrl(String),
}

impl fmt::Debug for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Backend::Postgres(target) => f.debug_tuple("Postgres").field(target).finish(),
            // A URL may embed a password; show only that one was given.
            Backend::PostgresUrl(_) => f.write_str("PostgresUrl(<redacted>)"),
            Backend::Sqlite { path } => f.debug_struct("Sqlite").field("path", path).finish(),
            Backend::Mysql(target) => f.debug_tuple("Mysql").field(target).finish(),
            Backend::MysqlUrl(_) => f.write_str("MysqlUrl(<redacted>)"),
        }
    }
}

/// The parts of a database server connection (PostgreSQL or MySQL).
#[derive(Clone, PartialEq)]
pub struct ServerTarget {
    pub host: String,
    pub port: u16,
    pub database: String,
    pub username: String,
    pub password: Option<String>,
    pub ssl_mode: SslMode,
}

/// The PostgreSQL name of [`ServerTarget`], as the rest of the workspace knows it.
pub type PgTarget = ServerTarget;

impl fmt::Debug for ServerTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServerTarget")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("database", &self.database)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "<redacted>"))
            .field("ssl_mode", &self.ssl_mode)
            .finish()
    }
}

/// libpq's `sslmode` values; MySQL's `ssl-mode` names (DISABLED, PREFERRED, REQUIRED,
/// VERIFY_CA, VERIFY_IDENTITY) parse too and mean the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SslMode {
    Disable,
    Allow,
    #[default]
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

/// An `sslmode` that libpq would not accept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown ssl mode {0:?} (expected disable, allow, prefer, require, verify-ca or verify-full; \
     or MySQL's disabled, preferred, required, verify_ca, verify_identity)"
)]
pub struct UnknownSslMode(pub String);

impl FromStr for SslMode {
    type Err = UnknownSslMode;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.to_ascii_lowercase().as_str() {
            "disable" | "disabled" => Ok(SslMode::Disable),
            "allow" => Ok(SslMode::Allow),
            "prefer" | "preferred" => Ok(SslMode::Prefer),
            "require" | "required" => Ok(SslMode::Require),
            "verify-ca" | "verify_ca" => Ok(SslMode::VerifyCa),
            "verify-full" | "verify_full" | "verify_identity" | "verify-identity" => {
                Ok(SslMode::VerifyFull)
            }
            _ => Err(UnknownSslMode(text.to_owned())),
        }
    }
}

/// The seed's pool settings (Helm `maxOpenConns`, `maxIdleConns`, `connMaxLifetime`,
/// `healthCheckInterval`) and how each maps onto the sqlx pool:
///
/// | seed | sqlx |
/// |---|---|
/// | `max_open_conns` | `max_connections` |
/// | `max_idle_conns` | `min_connections`: that many stay open; more are closed after `conn_max_idle_time` |
/// | `conn_max_lifetime` | `max_lifetime` |
/// | `conn_max_idle_time` | `idle_timeout` |
/// | `health_check_interval` | a connection idle at least this long is pinged before it is handed out |
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolSettings {
    pub max_open_conns: u32,
    pub max_idle_conns: u32,
    pub conn_max_lifetime: Option<Duration>,
    pub conn_max_idle_time: Option<Duration>,
    pub health_check_interval: Duration,
    /// How long a caller waits for a free connection before `Unavailable`.
    pub acquire_timeout: Duration,
}

impl Default for PoolSettings {
    /// The seed's production example: 25 open, 10 idle, 5 min lifetime, 30 s health check.
    fn default() -> Self {
        Self {
            max_open_conns: 25,
            max_idle_conns: 10,
            conn_max_lifetime: Some(Duration::from_secs(5 * 60)),
            conn_max_idle_time: Some(Duration::from_secs(10 * 60)),
            health_check_interval: Duration::from_secs(30),
            acquire_timeout: Duration::from_secs(30),
        }
    }
}

impl PoolSettings {
    /// Idle connections kept warm: never more than may be open at all.
    pub(crate) fn min_connections(&self) -> u32 {
        self.max_idle_conns.min(self.max_open_conns)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ssl_modes_parse_like_libpq_and_reject_others() {
        assert_eq!("verify-full".parse::<SslMode>(), Ok(SslMode::VerifyFull));
        assert_eq!("REQUIRE".parse::<SslMode>(), Ok(SslMode::Require));
        assert_eq!(
            "VERIFY_IDENTITY".parse::<SslMode>(),
            Ok(SslMode::VerifyFull)
        );
        assert_eq!("preferred".parse::<SslMode>(), Ok(SslMode::Prefer));
        assert!("sometimes".parse::<SslMode>().is_err());
    }

    #[test]
    fn debug_output_never_shows_a_password() {
        let target = PgTarget {
            host: "db".into(),
            port: 5432,
            database: "guardian".into(),
            username: "guardian".into(),
            password: Some("hunter2".into()),
            ssl_mode: SslMode::Require,
        };
        let url = Backend::PostgresUrl("postgres://u:hunter2@db/guardian".into());
        let mysql_url = Backend::MysqlUrl("mysql://u:hunter2@db/guardian".into());
        assert!(!format!("{:?}", Backend::Postgres(target.clone())).contains("hunter2"));
        assert!(!format!("{:?}", Backend::Mysql(target)).contains("hunter2"));
        assert!(!format!("{url:?}").contains("hunter2"));
        assert!(!format!("{mysql_url:?}").contains("hunter2"));
    }

    #[test]
    fn idle_connections_never_exceed_open_connections() {
        let settings = PoolSettings {
            max_open_conns: 4,
            max_idle_conns: 10,
            ..Default::default()
        };
        assert_eq!(settings.min_connections(), 4);
    }
}
