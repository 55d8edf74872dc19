//! From arguments to a validated configuration. Invalid configuration stops
//! start-up with one clear line naming the key (the old operator silently ignored
//! its lease timings; ours are applied, checked and logged).

use std::ffi::OsString;
use std::time::Duration;

use clap::{CommandFactory, FromArgMatches};
use guardian_election::timings::{LeaseTimings, TimingsError};

use guardian_store::{Backend, PgTarget, PoolSettings, ServerTarget, SslMode, StoreConfig};

use crate::args::{Cli, Command, ElectionArgs, StorageArgs, StorageType};
use crate::config_file::{self, ConfigFileError};

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error(transparent)]
    Args(#[from] clap::Error),
    #[error(transparent)]
    File(#[from] ConfigFileError),
    #[error("{key}: {value:?} is not a duration ({message})")]
    Duration {
        key: &'static str,
        value: String,
        message: String,
    },
    #[error(transparent)]
    Timings(#[from] TimingsError),
    #[error("{key}: must be at least 1 day")]
    ZeroDays { key: &'static str },
    #[error(
        "storage.type sqlite does not support high availability: leader election with \
         {replicas} replicas needs storage.type postgres or mysql"
    )]
    SqliteHa { replicas: u32 },
    #[error("storage.{kind}.ssl-mode: {source}")]
    SslMode {
        kind: &'static str,
        source: guardian_store::config::UnknownSslMode,
    },
}

/// Parses `argv`, layering the config file (if any) under flags and environment.
pub fn load(argv: Vec<OsString>) -> Result<Cli, ConfigError> {
    let matches = Cli::command().try_get_matches_from(&argv)?;
    let Some(path) = matches.get_one::<std::path::PathBuf>("config") else {
        return with_running_config(&matches);
    };
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| ConfigFileError::Read {
        path: shown.clone(),
        source,
    })?;
    let file = config_file::flatten(&text, &shown)?;
    let layered = config_file::layer(argv, &matches, &file);
    for key in &layered.unknown_keys {
        // Logging is not up yet; the key is reported on stderr once.
        eprintln!("cronjob-guardian: {}", config_file::unused_key_notice(key));
    }
    let matches = Cli::command().try_get_matches_from(layered.argv)?;
    with_running_config(&matches)
}

/// The parsed command, its running configuration filled in.
fn with_running_config(matches: &clap::ArgMatches) -> Result<Cli, ConfigError> {
    let mut cli = Cli::from_arg_matches(matches)?;
    if let (
        Some((name, sub)),
        Command::Controller(args) | Command::Query(args) | Command::Dev(args),
    ) = (matches.subcommand(), &mut cli.command)
    {
        args.running_config = crate::running_config::running_config(name, sub);
    }
    Ok(cli)
}

/// Parses a Kubernetes/Go duration (`30s`, `1h30m`) for the named key.
pub fn duration(key: &'static str, value: &str) -> Result<Duration, ConfigError> {
    guardian_core::duration::parse_std(value).map_err(|error| ConfigError::Duration {
        key,
        value: value.to_owned(),
        message: error.to_string(),
    })
}

/// How often the leader analyses (`scheduler.*`). The stuck-job check runs in the
/// same pass as the dead-man's switch, so the pass comes at the shorter of the two
/// intervals; a run crossing its limit between passes is also woken up for.
pub fn monitoring_settings(
    args: &crate::args::WatchArgs,
) -> Result<guardian_controller::monitoring::MonitoringSettings, ConfigError> {
    let dead_man = duration(
        "scheduler.dead-man-switch-interval",
        &args.scheduler_dead_man_switch_interval,
    )?;
    let stuck = duration(
        "scheduler.stuck-job-check-interval",
        &args.scheduler_stuck_job_check_interval,
    )?;
    Ok(guardian_controller::monitoring::MonitoringSettings {
        dead_man_interval: dead_man.min(stuck),
        sla_interval: duration(
            "scheduler.sla-recalculation-interval",
            &args.scheduler_sla_recalculation_interval,
        )?,
        startup_grace: duration(
            "scheduler.startup-grace-period",
            &args.scheduler_startup_grace_period,
        )?,
        ..Default::default()
    })
}

/// The lease timings, validated with client-go's rules.
pub fn lease_timings(args: &ElectionArgs) -> Result<LeaseTimings, ConfigError> {
    let timings = LeaseTimings {
        lease_duration: duration(
            "leader-election.lease-duration",
            &args.leader_election_lease_duration,
        )?,
        renew_deadline: duration(
            "leader-election.renew-deadline",
            &args.leader_election_renew_deadline,
        )?,
        retry_period: duration(
            "leader-election.retry-period",
            &args.leader_election_retry_period,
        )?,
    };
    Ok(timings.validate()?)
}

/// The store settings for `storage.type`.
pub fn store_config(args: &StorageArgs) -> Result<StoreConfig, ConfigError> {
    let backend = match args.storage_type {
        StorageType::Sqlite => Backend::Sqlite {
            path: args.storage_sqlite_path.clone(),
        },
        StorageType::Postgres => Backend::Postgres(PgTarget {
            host: args.storage_postgres_host.clone(),
            port: args.storage_postgres_port,
            database: args.storage_postgres_database.clone(),
            username: args.storage_postgres_username.clone(),
            password: args.storage_postgres_password.clone(),
            ssl_mode: ssl_mode("postgres", &args.storage_postgres_ssl_mode)?,
        }),
        StorageType::Mysql => Backend::Mysql(ServerTarget {
            host: args.storage_mysql_host.clone(),
            port: args.storage_mysql_port,
            database: args.storage_mysql_database.clone(),
            username: args.storage_mysql_username.clone(),
            password: args.storage_mysql_password.clone(),
            ssl_mode: ssl_mode("mysql", &args.storage_mysql_ssl_mode)?,
        }),
    };
    let pool = match args.storage_type {
        StorageType::Mysql => pool_settings(
            "mysql",
            [
                &args.storage_mysql_conn_max_lifetime,
                &args.storage_mysql_conn_max_idle_time,
                &args.storage_mysql_health_check_interval,
            ],
            (
                args.storage_mysql_max_open_conns,
                args.storage_mysql_max_idle_conns,
            ),
        )?,
        StorageType::Postgres | StorageType::Sqlite => pool_settings(
            "postgres",
            [
                &args.storage_postgres_conn_max_lifetime,
                &args.storage_postgres_conn_max_idle_time,
                &args.storage_postgres_health_check_interval,
            ],
            (
                args.storage_postgres_max_open_conns,
                args.storage_postgres_max_idle_conns,
            ),
        )?,
    };
    Ok(StoreConfig {
        pool,
        ..StoreConfig::new(backend)
    })
}

fn ssl_mode(kind: &'static str, text: &str) -> Result<SslMode, ConfigError> {
    text.parse()
        .map_err(|source| ConfigError::SslMode { kind, source })
}

/// The pool keys of `storage.<kind>`: durations (lifetime, idle time, health check)
/// and connection counts (open, idle).
fn pool_settings(
    kind: &'static str,
    [lifetime, idle_time, health_check]: [&String; 3],
    (max_open_conns, max_idle_conns): (u32, u32),
) -> Result<PoolSettings, ConfigError> {
    let key = |name: &str| -> &'static str {
        match (kind, name) {
            ("mysql", "lifetime") => "storage.mysql.conn-max-lifetime",
            ("mysql", "idle") => "storage.mysql.conn-max-idle-time",
            ("mysql", _) => "storage.mysql.health-check-interval",
            (_, "lifetime") => "storage.postgres.conn-max-lifetime",
            (_, "idle") => "storage.postgres.conn-max-idle-time",
            _ => "storage.postgres.health-check-interval",
        }
    };
    Ok(PoolSettings {
        max_open_conns,
        max_idle_conns,
        conn_max_lifetime: Some(duration(key("lifetime"), lifetime)?),
        conn_max_idle_time: Some(duration(key("idle"), idle_time)?),
        health_check_interval: duration(key("health"), health_check)?,
        ..PoolSettings::default()
    })
}

/// Refuses combinations that cannot work before anything starts.
pub fn check_storage_for_ha(
    storage: StorageType,
    election: &ElectionArgs,
) -> Result<(), ConfigError> {
    match storage {
        StorageType::Sqlite if election.leader_election_enabled && election.replicas > 1 => {
            Err(ConfigError::SqliteHa {
                replicas: election.replicas,
            })
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests;
