//! The YAML config file layer. Keys follow the existing operator's file
//! (`storage.postgres.host`, `leader-election.lease-duration`); camelCase keys as
//! rendered from Helm values (`maxOpenConns`) are accepted too. A key maps to the
//! flag of the same path joined with `-`, and is applied only where neither a flag
//! nor an environment variable set the value: flags > env > file > defaults.

use std::ffi::OsString;

use clap::parser::ValueSource;
use clap::{ArgMatches, CommandFactory};
use serde_yaml::Value;

use crate::args::Cli;

#[derive(Debug, thiserror::Error)]
pub enum ConfigFileError {
    #[error("cannot read config file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("config file {path} is not valid YAML: {source}")]
    Yaml {
        path: String,
        source: serde_yaml::Error,
    },
    #[error("config file key {key}: {message}")]
    Value { key: String, message: String },
}

/// The file's settings as `(flag-name, value)` pairs, e.g. `("storage-postgres-host", "db")`.
pub fn flatten(yaml: &str, path: &str) -> Result<Vec<(String, String)>, ConfigFileError> {
    let root: Value = serde_yaml::from_str(yaml).map_err(|source| ConfigFileError::Yaml {
        path: path.to_owned(),
        source,
    })?;
    let mut pairs = Vec::new();
    if !root.is_null() {
        flatten_into(&root, "", &mut pairs)?;
    }
    Ok(pairs)
}

fn flatten_into(
    value: &Value,
    prefix: &str,
    out: &mut Vec<(String, String)>,
) -> Result<(), ConfigFileError> {
    match value {
        Value::Mapping(map) => {
            for (key, child) in map {
                let Some(key) = key.as_str() else {
                    return Err(ConfigFileError::Value {
                        key: prefix.to_owned(),
                        message: "keys must be strings".into(),
                    });
                };
                let key = kebab(key);
                let joined = if prefix.is_empty() {
                    key
                } else {
                    format!("{prefix}-{key}")
                };
                flatten_into(child, &joined, out)?;
            }
        }
        Value::Sequence(items) => {
            let texts = items
                .iter()
                .map(|item| scalar(item, prefix))
                .collect::<Result<Vec<_>, _>>()?;
            out.push((prefix.to_owned(), texts.join(",")));
        }
        Value::Null => {}
        other => out.push((prefix.to_owned(), scalar(other, prefix)?)),
    }
    Ok(())
}

fn scalar(value: &Value, key: &str) -> Result<String, ConfigFileError> {
    match value {
        Value::String(text) => Ok(text.clone()),
        Value::Bool(flag) => Ok(flag.to_string()),
        Value::Number(number) => Ok(number.to_string()),
        _ => Err(ConfigFileError::Value {
            key: key.to_owned(),
            message: "expected a scalar".into(),
        }),
    }
}

/// `maxOpenConns` → `max-open-conns`; kebab-case keys are left alone.
fn kebab(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for character in key.chars() {
        if character.is_ascii_uppercase() {
            out.push('-');
            out.push(character.to_ascii_lowercase());
        } else {
            out.push(character);
        }
    }
    out
}

/// Keys of the existing operator's configuration (`../shared/spec/CONFIG.md`) that this
/// build accepts but does not apply, each with why. Start-up says so in
/// one line per key found in the file, instead of ignoring it silently.
pub const UNSUPPORTED_KEYS: [(&str, &str); 6] = [
    ("rate-limits.max-alerts-per-minute", GLOBAL_RATE_LIMITS),
    ("rate-limits.burst-limit", GLOBAL_RATE_LIMITS),
    (
        "rate-limits.default-suppress-duplicates-for",
        GLOBAL_RATE_LIMITS,
    ),
    (
        "api.enabled",
        "the REST API is always served by the query plane",
    ),
    ("api.port", "use api-bind-address (default :8080)"),
    (
        "metrics.bind-address",
        "metrics are served at /metrics on api-bind-address",
    ),
];

const GLOBAL_RATE_LIMITS: &str = "global alert rate limits are not applied yet; \
    each AlertChannel's spec.rateLimiting limits its channel";

/// The start-up line for a file key no flag of the command knows.
pub fn unused_key_notice(flag: &str) -> String {
    match UNSUPPORTED_KEYS
        .iter()
        .find(|(key, _)| key.replace('.', "-") == flag)
    {
        Some((key, why)) => format!("config key {key} is not supported: {why}"),
        None => format!(
            "config file key {} is not used by this command",
            crate::running_config::config_key(flag)
        ),
    }
}

/// The result of layering a file under the command line.
#[derive(Debug, Default)]
pub struct Layered {
    pub argv: Vec<OsString>,
    /// File keys that no flag of the chosen command knows (reported, not fatal:
    /// the existing operator's files carry keys for features configured elsewhere).
    pub unknown_keys: Vec<String>,
}

/// Appends `--flag=value` for each file setting that the command line and the
/// environment left at its default. `file` is `(flag, value)` from [`flatten`].
pub fn layer(argv: Vec<OsString>, matches: &ArgMatches, file: &[(String, String)]) -> Layered {
    let Some((subcommand, sub_matches)) = matches.subcommand() else {
        return Layered {
            argv,
            unknown_keys: Vec::new(),
        };
    };
    let command = Cli::command();
    let known: Vec<String> = command
        .find_subcommand(subcommand)
        .map(|sub| {
            sub.get_arguments()
                .filter_map(|arg| arg.get_long().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let mut layered = Layered {
        argv,
        unknown_keys: Vec::new(),
    };
    for (flag, value) in file {
        if !known.contains(flag) {
            layered.unknown_keys.push(flag.clone());
            continue;
        }
        let id = flag.replace('-', "_");
        let explicit = matches!(
            sub_matches.value_source(&id),
            Some(ValueSource::CommandLine | ValueSource::EnvVariable)
        );
        if !explicit {
            layered
                .argv
                .push(OsString::from(format!("--{flag}={value}")));
        }
    }
    layered
}
