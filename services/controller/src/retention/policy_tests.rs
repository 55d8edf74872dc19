use super::*;

fn settings() -> RetentionSettings {
    RetentionSettings {
        default_days: 30,
        max_days: 90,
        ..RetentionSettings::default()
    }
}

fn now() -> Timestamp {
    Timestamp::from_second(1_800_000_000).expect("a valid test time")
}

fn record(deleted_days_ago: Option<i64>) -> CronJobRecord {
    CronJobRecord {
        cronjob: CronJobRef::new("ops", "backup"),
        uid: "uid-2".to_owned(),
        schedule: "@daily".to_owned(),
        time_zone: None,
        suspended: false,
        first_seen_at: Timestamp::UNIX_EPOCH,
        last_seen_at: now(),
        deleted_at: deleted_days_ago.map(|days| now() - SignedDuration::from_hours(days * 24)),
    }
}

fn started_before(plan: &Plan) -> Option<Timestamp> {
    plan.executions.iter().find_map(|scope| match scope {
        ExecutionScope::StartedBefore { before, .. } => Some(*before),
        _ => None,
    })
}

#[test]
fn a_cronjob_without_monitors_keeps_the_global_default_days() {
    let retention = CronJobRetention::merged([], &settings());
    assert_eq!(retention.history_days, 30);
    assert_eq!(retention.on_deletion, OnDeletion::Retain);
    let plan = retention.plan(&record(None), now());
    assert_eq!(started_before(&plan), Some(cutoff(now(), 30)));
}

#[test]
fn a_monitor_cannot_keep_history_beyond_max_days() {
    let config = DataRetentionConfig {
        retention_days: Some(365),
        ..DataRetentionConfig::default()
    };
    assert_eq!(CronJobRetention::of(&config, &settings()).history_days, 90);
}

#[test]
fn several_monitors_keep_what_the_most_generous_asks_for() {
    let short_purge = DataRetentionConfig {
        retention_days: Some(7),
        on_cron_job_deletion: Some(DeletionPolicy::Purge),
        on_recreation: Some(RecreationPolicy::Reset),
        store_logs: Some(false),
        ..DataRetentionConfig::default()
    };
    let long_retain = DataRetentionConfig {
        retention_days: Some(60),
        log_retention_days: Some(3),
        on_recreation: Some(RecreationPolicy::Retain),
        ..DataRetentionConfig::default()
    };
    let merged = CronJobRetention::merged([&short_purge, &long_retain], &settings());
    assert_eq!(merged.history_days, 60);
    assert_eq!(
        merged.log_days, 7,
        "the first monitor keeps logs for its 7 days"
    );
    assert_eq!(merged.on_deletion, OnDeletion::Retain);
    assert!(!merged.reset_on_recreation);
    assert!(merged.store_logs);
}

#[test]
fn a_deleted_cronjob_is_purged_only_once_its_wait_is_over() {
    let config = DataRetentionConfig {
        on_cron_job_deletion: Some(DeletionPolicy::PurgeAfterDays),
        purge_after_days: Some(7),
        ..DataRetentionConfig::default()
    };
    let retention = CronJobRetention::of(&config, &settings());
    let all = vec![ExecutionScope::All(CronJobRef::new("ops", "backup"))];
    assert_ne!(retention.plan(&record(Some(6)), now()).executions, all);
    assert_eq!(retention.plan(&record(Some(7)), now()).executions, all);
    assert_ne!(
        retention.plan(&record(None), now()).executions,
        all,
        "a live CronJob is never purged"
    );
}

#[test]
fn purge_on_deletion_removes_everything_at_once() {
    let config = DataRetentionConfig {
        on_cron_job_deletion: Some(DeletionPolicy::Purge),
        ..DataRetentionConfig::default()
    };
    let plan = CronJobRetention::of(&config, &settings()).plan(&record(Some(0)), now());
    assert_eq!(
        plan.executions,
        vec![ExecutionScope::All(CronJobRef::new("ops", "backup"))]
    );
    assert_eq!(plan.logs, None);
}

#[test]
fn reset_on_recreation_drops_runs_of_other_uids() {
    let config = DataRetentionConfig {
        on_recreation: Some(RecreationPolicy::Reset),
        ..DataRetentionConfig::default()
    };
    let plan = CronJobRetention::of(&config, &settings()).plan(&record(None), now());
    assert!(
        plan.executions
            .contains(&ExecutionScope::OtherIncarnations {
                cronjob: CronJobRef::new("ops", "backup"),
                uid: "uid-2".to_owned(),
            })
    );
}

#[test]
fn logs_age_out_sooner_and_go_at_once_when_not_stored() {
    let config = DataRetentionConfig {
        retention_days: Some(30),
        log_retention_days: Some(3),
        max_log_size_kb: Some(64),
        ..DataRetentionConfig::default()
    };
    let retention = CronJobRetention::of(&config, &settings());
    assert_eq!(retention.max_log_bytes, Some(64 * 1024));
    let log_cutoff = |plan: Plan| match plan.logs {
        Some(ExecutionScope::StartedBefore { before, .. }) => Some(before),
        _ => None,
    };
    assert_eq!(
        log_cutoff(retention.plan(&record(None), now())),
        Some(cutoff(now(), 3))
    );
    let unstored = CronJobRetention {
        store_logs: false,
        ..retention
    };
    assert_eq!(log_cutoff(unstored.plan(&record(None), now())), Some(now()));
}

#[test]
fn the_cronjobs_a_monitor_watches_are_read_from_its_status() {
    let status = serde_json::json!({"cronJobs": [
        {"namespace": "ops", "name": "backup", "status": "healthy"},
        {"name": "no-namespace"}
    ]});
    assert_eq!(status_refs(&status), vec![CronJobRef::new("ops", "backup")]);
}
