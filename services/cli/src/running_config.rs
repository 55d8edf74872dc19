//! The running configuration as `GET /api/v1/config` shows it: every setting of the
//! command, keyed as in the config file (`storage.postgres.host`), with every secret
//! redacted. Passwords, tokens and secrets are replaced whole; credentials inside a
//! URL (`https://user:pass@host`) lose their user part.

use clap::{ArgMatches, CommandFactory};
use serde_json::{Map, Value};

use crate::args::Cli;

/// What replaces a secret.
pub const REDACTED: &str = "[REDACTED]";

/// Config-file sections whose keys are joined into one flag (`storage.postgres.host` =
/// `--storage-postgres-host`), longest first, so a flag maps back to its key.
const SECTIONS: [&str; 10] = [
    "storage.postgres",
    "storage.sqlite",
    "storage.mysql",
    "history-retention",
    "leader-election",
    "rate-limits",
    "scheduler",
    "storage",
    "alerts",
    "auth",
];

/// Words that mark a setting as a secret.
const SECRET_WORDS: [&str; 4] = ["password", "secret", "token", "credential"];

/// The settings of `subcommand` as parsed into `matches`, nested by key path.
pub fn running_config(subcommand: &str, matches: &ArgMatches) -> Value {
    let command = Cli::command();
    let Some(sub) = command.find_subcommand(subcommand) else {
        return Value::Null;
    };
    let mut root = Map::new();
    for arg in sub.get_arguments() {
        let (Some(flag), id) = (arg.get_long(), arg.get_id().as_str()) else {
            continue;
        };
        if flag == "config" {
            continue;
        }
        let Some(raw) = matches.try_get_raw(id).ok().flatten() else {
            continue;
        };
        let text: Vec<String> = raw.map(|v| v.to_string_lossy().into_owned()).collect();
        let value = redact(flag, &text.join(","));
        insert(&mut root, &config_key(flag), Value::String(value));
    }
    Value::Object(root)
}

/// `storage-postgres-max-open-conns` → `storage.postgres.max-open-conns`.
pub fn config_key(flag: &str) -> String {
    for section in SECTIONS {
        let prefix = format!("{}-", section.replace('.', "-"));
        if let Some(rest) = flag.strip_prefix(&prefix) {
            return format!("{section}.{rest}");
        }
    }
    flag.to_owned()
}

/// The value to show for the setting `flag`.
fn redact(flag: &str, value: &str) -> String {
    if SECRET_WORDS.iter().any(|word| flag.contains(word)) {
        return REDACTED.to_owned();
    }
    // scheme://user:pass@host/… → scheme://[REDACTED]@host/…
    if let Some((scheme, rest)) = value.split_once("://") {
        let authority_end = rest.find('/').unwrap_or(rest.len());
        if let Some(at) = rest[..authority_end].rfind('@') {
            return format!("{scheme}://{REDACTED}@{}", &rest[at + 1..]);
        }
    }
    value.to_owned()
}

/// Puts `value` at the dotted `key` path.
fn insert(root: &mut Map<String, Value>, key: &str, value: Value) {
    match key.split_once('.') {
        None => {
            root.insert(key.to_owned(), value);
        }
        Some((head, rest)) => {
            let child = root
                .entry(head.to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(child) = child {
                insert(child, rest, value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_map_back_to_config_file_keys() {
        assert_eq!(
            config_key("storage-postgres-max-open-conns"),
            "storage.postgres.max-open-conns"
        );
        assert_eq!(config_key("storage-type"), "storage.type");
        assert_eq!(
            config_key("leader-election-lease-duration"),
            "leader-election.lease-duration"
        );
        assert_eq!(config_key("log-level"), "log-level");
    }

    #[test]
    fn no_secret_value_appears_in_the_running_config() {
        let secret = "hunter2-do-not-show";
        let argv = [
            "cronjob-guardian",
            "controller",
            "--storage-type=postgres",
            &format!("--storage-postgres-password={secret}"),
            &format!("--storage-mysql-password={secret}"),
            &format!("--otlp-endpoint=http://collector:{secret}@otel:4317/v1"),
            &format!("--alerts-pagerduty-url=https://ops:{secret}@pd.example/enqueue"),
        ];
        let matches = Cli::command().get_matches_from(argv);
        let (name, sub) = matches.subcommand().expect("a subcommand");
        let config = running_config(name, sub);
        let text = config.to_string();
        assert!(!text.contains(secret), "{text}");
        assert_eq!(config["storage"]["postgres"]["password"], REDACTED);
        assert_eq!(config["storage"]["mysql"]["password"], REDACTED);
        assert_eq!(config["storage"]["type"], "postgres");
        assert_eq!(config["otlp-endpoint"], "http://[REDACTED]@otel:4317/v1");
        assert_eq!(
            config["storage"]["postgres"]["port"], "5432",
            "defaults shown"
        );
    }
}
