use super::*;

const START: i64 = 1_700_000_000_000;

fn execution() -> SourceExecution {
    SourceExecution {
        id: 7,
        cronjob_ns: Some("prod".into()),
        cronjob_name: Some("backup".into()),
        cronjob_uid: Some("c-uid".into()),
        job_name: Some("backup-28000000".into()),
        start_ms: Some(START),
        completion_ms: Some(START + 42_000),
        duration_secs: Some(42.0),
        succeeded: 1,
        exit_code: Some(0),
        reason: Some(String::new()),
        logs: None,
        events: Some("Created: pod made\n\nCompleted: done\n".into()),
        created_ms: Some(START + 43_000),
    }
}

fn alert() -> SourceAlert {
    SourceAlert {
        id: 3,
        alert_type: Some("JobFailed".into()),
        severity: Some("critical".into()),
        title: Some("backup failed".into()),
        message: Some("exit 1".into()),
        cronjob_ns: Some("prod".into()),
        cronjob_name: Some("backup".into()),
        monitor_ns: Some("prod".into()),
        monitor_name: Some("all".into()),
        channels_notified: Some("slack,pager".into()),
        occurred_ms: Some(START),
        resolved_ms: None,
        exit_code: Some(1),
        reason: Some("Error".into()),
        suggested_fix: None,
    }
}

fn skipped(result: Result<impl std::fmt::Debug, Skip>) -> String {
    match result {
        Err(skip) => skip.reason,
        Ok(value) => panic!("expected a skip, got {value:?}"),
    }
}

#[test]
fn a_successful_run_keeps_its_times_and_gets_a_stable_key() -> Result<(), Skip> {
    let converted = execution().convert()?;
    assert_eq!(
        converted.job_uid,
        "go-import/prod/backup/backup-28000000/1700000000000"
    );
    assert_eq!(converted.job_uid, execution().convert()?.job_uid);
    assert_eq!(converted.outcome, Outcome::Succeeded);
    assert_eq!(converted.exit_code, None);
    assert_eq!(converted.reason, None);
    assert_eq!(
        converted.duration().map(|took| took.as_millis()),
        Some(42_000)
    );
    assert_eq!(
        converted.events,
        vec!["Created: pod made", "Completed: done"]
    );
    Ok(())
}

#[test]
fn a_failed_run_without_duration_or_completion_finishes_when_recorded() -> Result<(), Skip> {
    let failed = SourceExecution {
        succeeded: 0,
        completion_ms: Some(-62_135_596_800_000), // Go's zero time
        duration_secs: None,
        exit_code: Some(2),
        ..execution()
    }
    .convert()?;
    assert_eq!(failed.outcome, Outcome::Failed);
    assert_eq!(failed.exit_code, Some(2));
    assert_eq!(
        failed.completed_at.map(|at| at.as_millisecond()),
        Some(START + 43_000)
    );
    let with_duration = SourceExecution {
        completion_ms: None,
        duration_secs: Some(1.5),
        ..execution()
    }
    .convert()?;
    assert_eq!(
        with_duration.completed_at.map(|at| at.as_millisecond()),
        Some(START + 1_500)
    );
    Ok(())
}

#[test]
fn impossible_executions_are_skipped_with_the_reason() {
    let negative = SourceExecution {
        duration_secs: Some(-3.0),
        ..execution()
    };
    assert!(skipped(negative.convert()).contains("impossible duration_secs -3"));
    let backwards = SourceExecution {
        completion_ms: Some(START - 5_000),
        ..execution()
    };
    assert!(skipped(backwards.convert()).contains("5000 ms before start_time"));
    let no_start = SourceExecution {
        start_ms: None,
        ..execution()
    };
    assert!(skipped(no_start.convert()).contains("start_time"));
    let nameless = SourceExecution {
        job_name: Some("  ".into()),
        ..execution()
    };
    assert!(skipped(nameless.convert()).contains("job_name is empty"));
}

#[test]
fn alerts_map_their_type_and_stay_history() -> Result<(), Skip> {
    let converted = alert().convert()?;
    assert_eq!(converted.kind, "jobFailed");
    assert_eq!(converted.state, AlertState::Resolved);
    assert_eq!(converted.resolved_at, None);
    assert_eq!(converted.severity, Severity::Critical);
    assert_eq!(
        converted.key,
        "go-import/prod/all/prod/backup/jobFailed/1700000000000"
    );
    assert!(converted.last_notified.is_some());
    for (source, ours) in [
        ("SLABreached", "slaBreached"),
        ("DeadManTriggered", "deadManTriggered"),
        ("missedSchedule", "missedSchedule"),
        ("DurationRegression", "durationRegression"),
    ] {
        assert_eq!(alert_kind(source), Some(ours));
    }
    Ok(())
}

#[test]
fn unknown_or_impossible_alerts_are_skipped() {
    let unknown = SourceAlert {
        alert_type: Some("CosmicRay".into()),
        ..alert()
    };
    assert!(skipped(unknown.convert()).contains("unknown alert type \"CosmicRay\""));
    let severity = SourceAlert {
        severity: Some("apocalyptic".into()),
        ..alert()
    };
    assert!(skipped(severity.convert()).contains("unknown severity"));
    let backwards = SourceAlert {
        resolved_ms: Some(START - 1),
        ..alert()
    };
    assert!(skipped(backwards.convert()).contains("before occurred_at"));
}
