//! Global retention keys (CONFIG.md): `history-retention.*`, the `storage.*` defaults
//! behind a monitor's `dataRetention`, and `scheduler.prune-interval`.

use clap::Args;
use guardian_controller::retention::RetentionSettings;

use crate::config::{ConfigError, duration};

#[derive(Debug, Clone, Args)]
pub struct RetentionArgs {
    /// Days of execution history kept when no monitor says otherwise.
    #[arg(
        long,
        env = "GUARDIAN_HISTORY_RETENTION_DEFAULT_DAYS",
        default_value_t = 30
    )]
    pub history_retention_default_days: u32,
    /// No history is kept longer than this, whatever a monitor asks for.
    #[arg(
        long,
        env = "GUARDIAN_HISTORY_RETENTION_MAX_DAYS",
        default_value_t = 90
    )]
    pub history_retention_max_days: u32,
    /// How often the leader prunes.
    #[arg(long, env = "GUARDIAN_SCHEDULER_PRUNE_INTERVAL", default_value = "1h")]
    pub scheduler_prune_interval: String,
    /// Days stored logs are kept (default: as long as the history).
    #[arg(long, env = "GUARDIAN_STORAGE_LOG_RETENTION_DAYS")]
    pub storage_log_retention_days: Option<u32>,
    /// Store failed runs' logs unless a monitor's `storeLogs` says otherwise.
    #[arg(long, env = "GUARDIAN_STORAGE_LOG_STORAGE_ENABLED", default_value_t = true, action = clap::ArgAction::Set)]
    pub storage_log_storage_enabled: bool,
    /// Store Jobs' events unless a monitor's `storeEvents` says otherwise.
    #[arg(long, env = "GUARDIAN_STORAGE_EVENT_STORAGE_ENABLED", default_value_t = true, action = clap::ArgAction::Set)]
    pub storage_event_storage_enabled: bool,
    /// Largest log stored per run, in KiB, unless a monitor's `maxLogSizeKB` says otherwise.
    #[arg(long, env = "GUARDIAN_STORAGE_MAX_LOG_SIZE_KB")]
    pub storage_max_log_size_kb: Option<u32>,
}

impl RetentionArgs {
    /// The pruner's settings; zero days or an unparsable interval are refused.
    pub fn settings(&self) -> Result<RetentionSettings, ConfigError> {
        for (key, days) in [
            (
                "history-retention.default-days",
                self.history_retention_default_days,
            ),
            (
                "history-retention.max-days",
                self.history_retention_max_days,
            ),
        ] {
            if days == 0 {
                return Err(ConfigError::ZeroDays { key });
            }
        }
        Ok(RetentionSettings {
            default_days: self.history_retention_default_days,
            max_days: self.history_retention_max_days,
            log_retention_days: self.storage_log_retention_days,
            log_storage_enabled: self.storage_log_storage_enabled,
            event_storage_enabled: self.storage_event_storage_enabled,
            max_log_size_kb: self.storage_max_log_size_kb,
            interval: duration("scheduler.prune-interval", &self.scheduler_prune_interval)?,
            ..RetentionSettings::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use std::ffi::OsString;
    use std::io::Write;

    use crate::args::Command;
    use crate::config::load;

    fn retention(argv: &[&str]) -> super::RetentionArgs {
        let argv: Vec<OsString> = argv.iter().map(OsString::from).collect();
        match load(argv).expect("loads").command {
            Command::Controller(args) => args.retention,
            other => panic!("expected the controller command, got {other:?}"),
        }
    }

    #[test]
    fn the_config_files_retention_keys_reach_the_pruner() {
        let mut file = tempfile::NamedTempFile::new().expect("temp file");
        write!(
            file,
            "history-retention:\n  default-days: 14\n  max-days: 60\n\
             scheduler:\n  prune-interval: 15m\n\
             storage:\n  log-storage-enabled: false\n  max-log-size-kb: 64\n"
        )
        .expect("write config");
        let path = file.path().to_str().expect("utf-8 path");
        let settings = retention(&["cronjob-guardian", "--config", path, "controller"])
            .settings()
            .expect("valid");
        assert_eq!((settings.default_days, settings.max_days), (14, 60));
        assert_eq!(settings.interval, std::time::Duration::from_secs(15 * 60));
        assert!(!settings.log_storage_enabled);
        assert!(settings.event_storage_enabled, "default kept");
        assert_eq!(settings.max_log_size_kb, Some(64));
    }

    #[test]
    fn zero_days_are_refused_with_the_key_named() {
        let args = retention(&[
            "cronjob-guardian",
            "controller",
            "--history-retention-max-days=0",
        ]);
        let error = args.settings().expect_err("zero days");
        assert!(
            error.to_string().contains("history-retention.max-days"),
            "{error}"
        );
    }
}
