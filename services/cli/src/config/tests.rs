use std::ffi::OsString;
use std::io::Write;

use super::*;
use crate::args::{Command, RunArgs};

fn argv(items: &[&str]) -> Vec<OsString> {
    items.iter().map(OsString::from).collect()
}

fn run_args(cli: Cli) -> RunArgs {
    match cli.command {
        Command::Controller(args) | Command::Query(args) | Command::Dev(args) => args,
        other => panic!("expected a run command, got {other:?}"),
    }
}

#[test]
fn file_values_apply_under_flags_and_camel_case_keys_are_accepted() {
    let mut file = tempfile::NamedTempFile::new().expect("temp file");
    write!(
        file,
        "storage:\n  type: postgres\n  postgres:\n    host: db.example\n    maxOpenConns: 7\n\
         leader-election:\n  enabled: true\n  lease-duration: 20s\nignored-namespaces: [a, b]\n"
    )
    .expect("write config");
    let path = file.path().to_str().expect("utf-8 path");
    let cli = load(argv(&[
        "cronjob-guardian",
        "--config",
        path,
        "controller",
        "--storage-postgres-host",
        "flag.example",
    ]))
    .expect("loads");
    let args = run_args(cli);
    assert_eq!(args.storage.storage_type, StorageType::Postgres);
    assert_eq!(
        args.storage.storage_postgres_host, "flag.example",
        "flag beats file"
    );
    assert_eq!(
        args.storage.storage_postgres_max_open_conns, 7,
        "camelCase key from Helm values"
    );
    assert!(args.election.leader_election_enabled);
    assert_eq!(args.election.leader_election_lease_duration, "20s");
    assert_eq!(args.watch.ignored_namespaces, vec!["a", "b"]);
    assert_eq!(
        args.election.leader_election_retry_period, "2s",
        "default kept"
    );
}

#[test]
fn bad_lease_timings_are_refused_with_the_key_named() {
    let cli = load(argv(&[
        "cronjob-guardian",
        "controller",
        "--leader-election-lease-duration=10s",
        "--leader-election-renew-deadline=10s",
    ]))
    .expect("parses");
    let error = lease_timings(&run_args(cli).election)
        .expect_err("renew-deadline = lease-duration is invalid");
    assert!(
        error.to_string().contains("leader-election.renew-deadline"),
        "{error}"
    );
    let cli = load(argv(&[
        "cronjob-guardian",
        "controller",
        "--leader-election-retry-period=soon",
    ]))
    .expect("parses");
    let error = lease_timings(&run_args(cli).election).expect_err("not a duration");
    assert!(
        error.to_string().contains("leader-election.retry-period"),
        "{error}"
    );
}

#[test]
fn sqlite_with_several_electing_replicas_is_refused() {
    let cli = load(argv(&[
        "cronjob-guardian",
        "controller",
        "--leader-election-enabled=true",
        "--replicas=2",
    ]))
    .expect("parses");
    let args = run_args(cli);
    let error = check_storage_for_ha(args.storage.storage_type, &args.election)
        .expect_err("sqlite HA refused");
    assert!(
        error
            .to_string()
            .contains("sqlite does not support high availability"),
        "{error}"
    );
    assert!(check_storage_for_ha(StorageType::Postgres, &args.election).is_ok());
}

#[test]
fn unknown_storage_type_is_a_clear_argument_error() {
    let error = load(argv(&[
        "cronjob-guardian",
        "controller",
        "--storage-type=oracle",
    ]))
    .expect_err("invalid");
    assert!(error.to_string().contains("oracle"), "{error}");
}

#[test]
fn scheduler_intervals_from_the_file_reach_the_leaders_monitoring() {
    let mut file = tempfile::NamedTempFile::new().expect("temp file");
    write!(
        file,
        "{}",
        concat!(
            "scheduler:\n",
            "  deadManSwitchInterval: 2m\n",
            "  slaRecalculationInterval: 10m\n",
            "  stuckJobCheckInterval: 30s\n",
            "  startupGracePeriod: 45s\n",
        )
    )
    .expect("write config");
    let path = file.path().to_str().expect("utf-8 path");
    let cli = load(argv(&["cronjob-guardian", "--config", path, "controller"])).expect("loads");
    let settings = monitoring_settings(&run_args(cli).watch).expect("valid");
    // The stuck-job check shares the pass, so the pass comes at the shorter interval.
    assert_eq!(settings.dead_man_interval, Duration::from_secs(30));
    assert_eq!(settings.sla_interval, Duration::from_secs(600));
    assert_eq!(settings.startup_grace, Duration::from_secs(45));

    let cli = load(argv(&["cronjob-guardian", "controller"])).expect("loads");
    let defaults = monitoring_settings(&run_args(cli).watch).expect("valid");
    assert_eq!(defaults.dead_man_interval, Duration::from_secs(60));
    assert_eq!(defaults.sla_interval, Duration::from_secs(300));

    let cli = load(argv(&[
        "cronjob-guardian",
        "controller",
        "--scheduler-sla-recalculation-interval=soon",
    ]))
    .expect("parses");
    let error = monitoring_settings(&run_args(cli).watch).expect_err("not a duration");
    assert!(
        error
            .to_string()
            .contains("scheduler.sla-recalculation-interval"),
        "{error}"
    );
}

#[test]
fn mysql_storage_comes_from_its_own_keys_with_tls_and_pool_settings() {
    let mut file = tempfile::NamedTempFile::new().expect("temp file");
    write!(
        file,
        "{}",
        [
            "storage:",
            "  type: mysql",
            "  mysql:",
            "    host: maria.example",
            "    port: 3307",
            "    database: gdn",
            "    username: gu",
            "    sslMode: VERIFY_IDENTITY",
            "    maxOpenConns: 9",
            "    healthCheckInterval: 5s",
        ]
        .join("\n")
    )
    .expect("write config");
    let path = file.path().to_str().expect("utf-8 path");
    let cli = load(argv(&["cronjob-guardian", "--config", path, "controller"])).expect("loads");
    let args = run_args(cli);
    assert_eq!(args.storage.storage_type, StorageType::Mysql);
    let config = store_config(&args.storage).expect("a mysql store config");
    let Backend::Mysql(target) = &config.backend else {
        panic!("expected mysql, got {:?}", config.backend);
    };
    assert_eq!(
        (target.host.as_str(), target.port, target.database.as_str()),
        ("maria.example", 3307, "gdn")
    );
    assert_eq!(target.username, "gu");
    assert_eq!(target.ssl_mode, SslMode::VerifyFull);
    assert_eq!(config.pool.max_open_conns, 9);
    assert_eq!(config.pool.health_check_interval, Duration::from_secs(5));
    assert!(check_storage_for_ha(StorageType::Mysql, &args.election).is_ok());

    let mut bad = args.storage.clone();
    bad.storage_mysql_ssl_mode = "sometimes".into();
    let error = store_config(&bad).expect_err("bad tls mode refused");
    assert!(
        error.to_string().starts_with("storage.mysql.ssl-mode"),
        "{error}"
    );
}

/// Every key of the existing operator's configuration (CONFIG.md), in file form.
const CONFIG_MD_KEYS: [&str; 37] = [
    "log-level",
    "scheduler.dead-man-switch-interval",
    "scheduler.sla-recalculation-interval",
    "scheduler.stuck-job-check-interval",
    "scheduler.prune-interval",
    "scheduler.startup-grace-period",
    "storage.type",
    "storage.sqlite.path",
    "storage.postgres.host",
    "storage.postgres.port",
    "storage.postgres.database",
    "storage.postgres.username",
    "storage.postgres.password",
    "storage.postgres.ssl-mode",
    "storage.postgres.max-open-conns",
    "storage.postgres.max-idle-conns",
    "storage.postgres.conn-max-lifetime",
    "storage.postgres.conn-max-idle-time",
    "storage.postgres.health-check-interval",
    "storage.mysql.host",
    "storage.mysql.port",
    "storage.mysql.database",
    "storage.mysql.username",
    "storage.mysql.password",
    "storage.log-storage-enabled",
    "storage.event-storage-enabled",
    "storage.max-log-size-kb",
    "storage.log-retention-days",
    "history-retention.default-days",
    "history-retention.max-days",
    "rate-limits.max-alerts-per-minute",
    "rate-limits.burst-limit",
    "rate-limits.default-suppress-duplicates-for",
    "ignored-namespaces",
    "api.enabled",
    "api.port",
    "metrics.bind-address",
];

#[test]
fn every_config_md_key_is_applied_or_reported_as_not_supported() {
    let command = Cli::command();
    let controller = command.find_subcommand("controller").expect("controller");
    let flags: Vec<&str> = controller
        .get_arguments()
        .filter_map(|arg| arg.get_long())
        .collect();
    // probes.bind-address and leader-election.* are flags of their own names.
    for key in CONFIG_MD_KEYS
        .iter()
        .chain(&["probes.bind-address", "leader-election.enabled"])
    {
        let flag = key.replace('.', "-");
        let unsupported = config_file::UNSUPPORTED_KEYS
            .iter()
            .any(|(name, _)| name == key);
        assert!(
            flags.contains(&flag.as_str()) != unsupported,
            "{key}: a flag ({}) or a 'not supported' notice ({unsupported}), exactly one",
            flags.contains(&flag.as_str())
        );
        if unsupported {
            let notice = config_file::unused_key_notice(&flag);
            assert!(
                notice.starts_with(&format!("config key {key} is not supported: ")),
                "{notice}"
            );
            assert!(!notice.contains('\n'));
        }
    }
}
