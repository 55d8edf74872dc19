//! `--from`: which database the Go operator used, in any of the forms its own
//! configuration produces. Pure parsing; connecting is [`super::SourceDb::open`].

use std::path::PathBuf;
use std::str::FromStr;

use sqlx::postgres::{PgConnectOptions, PgSslMode};

use crate::error::{ImportError, Result};

/// A source database.
#[derive(Debug, Clone)]
pub enum SourceSpec {
    /// The SQLite file (`storage.sqlite.path`, default `/data/guardian.db`).
    Sqlite(PathBuf),
    Postgres(Box<PgConnectOptions>),
}

impl FromStr for SourceSpec {
    type Err = ImportError;

    /// Accepts `sqlite:///data/guardian.db`, `sqlite:guardian.db`, a plain file path,
    /// `postgres://user:pass@host:port/db`, and the operator's own key/value form
    /// `host=… port=… user=… password=… dbname=… sslmode=…`.
    fn from_str(text: &str) -> Result<Self> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ImportError::Source("--from is empty".into()));
        }
        if text.starts_with("mysql:") || text.contains("@tcp(") {
            return Err(ImportError::Source(
                "MySQL sources are not supported by this build yet; dump the operator's tables \
                 into SQLite or PostgreSQL, or import from a build with the MySQL store"
                    .into(),
            ));
        }
        if text.starts_with("postgres://") || text.starts_with("postgresql://") {
            let options = PgConnectOptions::from_str(text)
                .map_err(|error| ImportError::Source(format!("bad PostgreSQL URL: {error}")))?;
            return Ok(SourceSpec::Postgres(Box::new(options)));
        }
        if text.contains('=') && !text.contains('/') || text.contains("dbname=") {
            return key_values(text).map(|options| SourceSpec::Postgres(Box::new(options)));
        }
        let path = text
            .strip_prefix("sqlite://")
            .or_else(|| text.strip_prefix("sqlite:"))
            .unwrap_or(text);
        Ok(SourceSpec::Sqlite(PathBuf::from(path)))
    }
}

/// `host=db port=5432 user=guardian password=… dbname=guardian sslmode=disable`.
fn key_values(text: &str) -> Result<PgConnectOptions> {
    let mut options = PgConnectOptions::new_without_pgpass();
    for pair in text.split_whitespace() {
        let Some((key, value)) = pair.split_once('=') else {
            return Err(ImportError::Source(format!(
                "expected key=value in the PostgreSQL settings, found {pair:?}"
            )));
        };
        options = match key {
            "host" => options.host(value),
            "port" => options.port(
                value
                    .parse()
                    .map_err(|_| ImportError::Source(format!("port {value:?} is not a number")))?,
            ),
            "user" => options.username(value),
            "password" => options.password(value),
            "dbname" => options.database(value),
            "sslmode" => options.ssl_mode(
                PgSslMode::from_str(value)
                    .map_err(|_| ImportError::Source(format!("unknown sslmode {value:?}")))?,
            ),
            // Settings the operator may add that do not change what is read.
            "TimeZone" | "connect_timeout" | "application_name" => options,
            other => {
                return Err(ImportError::Source(format!(
                    "unknown PostgreSQL setting {other:?}"
                )));
            }
        };
    }
    Ok(options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_paths_and_sqlite_urls_name_a_file() -> Result<()> {
        for (text, path) in [
            ("/data/guardian.db", "/data/guardian.db"),
            ("sqlite:///data/guardian.db", "/data/guardian.db"),
            ("sqlite:old.db", "old.db"),
        ] {
            match text.parse::<SourceSpec>()? {
                SourceSpec::Sqlite(found) => assert_eq!(found, PathBuf::from(path)),
                other => panic!("{text} read as {other:?}"),
            }
        }
        Ok(())
    }

    #[test]
    fn the_operators_key_value_form_reads_as_postgres() -> Result<()> {
        let spec: SourceSpec =
            "host=db.example port=6543 user=go password=secret dbname=guardian sslmode=disable"
                .parse()?;
        let SourceSpec::Postgres(options) = spec else {
            panic!("not postgres");
        };
        assert_eq!(options.get_host(), "db.example");
        assert_eq!(options.get_port(), 6543);
        assert_eq!(options.get_username(), "go");
        assert_eq!(options.get_database(), Some("guardian"));
        assert!(matches!(
            "postgres://u@h:5432/d".parse::<SourceSpec>()?,
            SourceSpec::Postgres(_)
        ));
        Ok(())
    }

    #[test]
    fn unsupported_and_malformed_sources_say_why() {
        let mysql = "guardian:pw@tcp(db:3306)/guardian?parseTime=true".parse::<SourceSpec>();
        assert!(matches!(&mysql, Err(ImportError::Source(text)) if text.contains("MySQL")));
        let bad = "host=db port=abc".parse::<SourceSpec>();
        assert!(matches!(&bad, Err(ImportError::Source(text)) if text.contains("port")));
        assert!(matches!(
            "".parse::<SourceSpec>(),
            Err(ImportError::Source(_))
        ));
    }
}
