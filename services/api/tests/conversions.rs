//! Domain ↔ proto conversions and request validation.

use guardian_api::convert::{execution_detail, execution_item, execution_summary, timestamp};
use guardian_api::input::{
    AlertHistoryQuery, CronJobFilter, ExecutionQuery, HealthStatus, LogsQuery, Page, PruneInput,
    SilenceInput,
};
use guardian_api::{ErrorCode, v1};
use guardian_core::{
    Acknowledgement, AlertRecord, AlertState, Change, CronJobRecord, CronJobRef, Epoch, Event,
    Execution, Outcome, Sequence, Severity, Silence,
};
use jiff::Timestamp;
use prost::Message;

fn at(text: &str) -> Timestamp {
    text.parse().expect("valid timestamp")
}

fn failed_execution() -> Execution {
    Execution {
        job_uid: "uid-1".into(),
        job_name: "backup-29000000".into(),
        cronjob: CronJobRef::new("ops", "backup"),
        cronjob_uid: Some("cj-uid".into()),
        started_at: at("2025-03-01T02:00:00Z"),
        completed_at: Some(at("2025-03-01T02:01:30Z")),
        outcome: Outcome::Failed,
        exit_code: Some(137),
        reason: Some("OOMKilled".into()),
        logs: Some("killed".into()),
        events: vec![
            "BackoffLimitExceeded: Job has reached the specified backoff limit".into(),
            "Killing: x".into(),
        ],
        retries: 2,
        manual: false,
    }
}

fn firing_alert() -> AlertRecord {
    AlertRecord {
        key: "ops/backup/jobFailed".into(),
        kind: "jobFailed".into(),
        severity: Severity::Critical,
        state: AlertState::Firing,
        cronjob: CronJobRef::new("ops", "backup"),
        monitor: Some(CronJobRef::new("ops", "critical-jobs")),
        title: "Job failed".into(),
        message: "backup failed with exit code 137".into(),
        since: at("2025-03-01T02:01:30Z"),
        last_notified: None,
        resolved_at: None,
        exit_code: Some(137),
        reason: Some("OOMKilled".into()),
        suggested_fix: Some("Raise the memory limit".into()),
        acknowledged: None,
        silenced: None,
    }
}

#[test]
fn execution_views_show_status_words_and_go_durations() {
    let execution = failed_execution();
    let item = execution_item(42, &execution);
    assert_eq!(
        (item.id, item.status.as_str(), item.duration.as_str()),
        (42, "failed", "1m30s")
    );
    assert_eq!(
        (item.exit_code, item.is_retry, item.retries),
        (137, true, 2)
    );
    assert_eq!(item.start_time, Some(timestamp(execution.started_at)));

    let detail = execution_detail(42, &execution);
    assert_eq!(detail.cron_job_namespace, "ops");
    assert_eq!(detail.cron_job_uid.as_deref(), Some("cj-uid"));
    assert_eq!(detail.stored_logs.as_deref(), Some("killed"));
    assert_eq!(
        detail.stored_events.as_deref().map(|e| e.lines().count()),
        Some(2)
    );

    let running = Execution {
        completed_at: None,
        outcome: Outcome::Running,
        ..execution
    };
    let summary = execution_summary(&running);
    assert_eq!(
        (summary.status.as_str(), summary.duration.as_str()),
        ("running", "")
    );
    assert!(summary.completion_time.is_none());
    assert_eq!(
        execution_item(
            1,
            &Execution {
                outcome: Outcome::Succeeded,
                ..running
            }
        )
        .status,
        "success"
    );
}

#[test]
fn alert_views_carry_context_only_when_there_is_some() {
    let alert = firing_alert();
    let item = v1::AlertItem::from(&alert);
    assert_eq!(
        (
            item.id.as_str(),
            item.r#type.as_str(),
            item.severity.as_str()
        ),
        (alert.key.as_str(), "jobFailed", "critical")
    );
    assert_eq!(
        item.monitor.as_ref().map(|m| m.name.as_str()),
        Some("critical-jobs")
    );
    assert_eq!(
        item.context.and_then(|c| c.suggested_fix).as_deref(),
        Some("Raise the memory limit")
    );

    let bare = AlertRecord {
        exit_code: None,
        reason: None,
        suggested_fix: None,
        ..alert.clone()
    };
    assert!(v1::AlertItem::from(&bare).context.is_none());

    let history = v1::AlertHistoryItem::from(&AlertRecord {
        resolved_at: Some(at("2025-03-01T03:00:00Z")),
        ..alert
    });
    assert_eq!(
        history.occurred_at,
        Some(timestamp(at("2025-03-01T02:01:30Z")))
    );
    assert!(history.resolved_at.is_some());
}

/// Acknowledged before its current occurrence began (so lapsed), and silenced.
fn muted_alert() -> AlertRecord {
    AlertRecord {
        acknowledged: Some(Box::new(Acknowledgement {
            at: at("2025-03-01T02:00:00Z"),
            by: Some("alice".into()),
            note: None,
        })),
        silenced: Some(Box::new(Silence {
            until: at("2025-03-01T05:00:00Z"),
            at: at("2025-03-01T02:05:00Z"),
            by: None,
            reason: Some("deploying".into()),
        })),
        ..firing_alert()
    }
}

#[test]
fn active_alerts_show_a_current_acknowledgement_and_the_silence() {
    let lapsed = v1::AlertItem::from(&muted_alert());
    assert!(lapsed.acknowledgement.is_none(), "given before since");
    let silence = lapsed.silence.expect("silence shown");
    assert_eq!(
        (silence.until, silence.reason.as_deref()),
        (
            Some(timestamp(at("2025-03-01T05:00:00Z"))),
            Some("deploying")
        )
    );
    let mut current = muted_alert();
    if let Some(ack) = current.acknowledged.as_deref_mut() {
        ack.at = at("2025-03-01T02:10:00Z");
    }
    let item = v1::AlertItem::from(&current);
    let ack = item.acknowledgement.clone().expect("acknowledged");
    assert_eq!(ack.by.as_deref(), Some("alice"));
    let json = serde_json::to_value(&item).expect("serialises");
    assert_eq!(json["acknowledgement"]["at"], "2025-03-01T02:10:00+00:00");
    assert_eq!(json["silence"]["until"], "2025-03-01T05:00:00+00:00");
}

#[test]
fn every_event_kind_survives_proto_bytes_and_back() {
    let cronjob = CronJobRecord {
        cronjob: CronJobRef::new("ops", "backup"),
        uid: "cj-uid".into(),
        schedule: "0 2 * * *".into(),
        time_zone: Some("Europe/Berlin".into()),
        suspended: false,
        first_seen_at: at("2025-01-01T00:00:00Z"),
        last_seen_at: at("2025-03-01T00:00:00Z"),
        deleted_at: None,
    };
    let changes = [
        Change::Execution(failed_execution()),
        Change::CronJob(cronjob),
        Change::Alert(firing_alert()),
        Change::Alert(muted_alert()),
        Change::HistoryDeleted {
            cronjob: CronJobRef::new("ops", "backup"),
            executions_deleted: 12,
        },
    ];
    for (index, change) in changes.into_iter().enumerate() {
        let event = Event {
            sequence: Sequence(100 + index as i64),
            epoch: Epoch(3),
            at: at("2025-03-01T02:01:31.5Z"),
            change,
        };
        let wire = v1::SubscribeResponse::from(&event).encode_to_vec();
        let decoded = v1::SubscribeResponse::decode(wire.as_slice()).expect("decodes");
        let proto = decoded.event.expect("event present");
        assert_eq!(proto.sequence, event.sequence.0);
        assert_eq!(Event::try_from(&proto), Ok(event));
    }
}

#[test]
fn incomplete_events_are_rejected_with_the_missing_field() {
    let no_change = v1::Event {
        sequence: 1,
        epoch: 1,
        time: Some(timestamp(at("2025-03-01T00:00:00Z"))),
        change: None,
    };
    assert_eq!(
        Event::try_from(&no_change).expect_err("no change").field,
        "change"
    );

    let mut change = v1::ExecutionChange::from(&failed_execution());
    change.outcome = v1::ExecutionOutcome::Unspecified.into();
    let event = v1::Event {
        change: Some(v1::event::Change::Execution(change)),
        ..no_change
    };
    assert_eq!(
        Event::try_from(&event)
            .expect_err("unspecified outcome")
            .field,
        "outcome"
    );
}

#[test]
fn list_requests_become_validated_queries() {
    let request = v1::ListExecutionsRequest {
        namespace: "ops".into(),
        name: "backup".into(),
        status: "failed".into(),
        since: Some(timestamp(at("2025-03-01T00:00:00Z"))),
        ..Default::default()
    };
    let query = ExecutionQuery::try_from(&request).expect("valid");
    assert_eq!(
        query.page,
        Page {
            limit: 20,
            offset: 0
        }
    );
    assert_eq!(query.outcome, Some(Outcome::Failed));
    assert_eq!(query.since, Some(at("2025-03-01T00:00:00Z")));

    let paged = v1::ListExecutionsRequest {
        page_token: "o40".into(),
        offset: 3,
        limit: Some(10),
        ..request.clone()
    };
    assert_eq!(
        ExecutionQuery::try_from(&paged).expect("valid").page,
        Page {
            limit: 10,
            offset: 40
        }
    );

    let history =
        AlertHistoryQuery::try_from(&v1::ListAlertHistoryRequest::default()).expect("valid");
    assert_eq!(history.page.limit, 50);

    let filter = CronJobFilter::try_from(&v1::ListCronJobsRequest {
        status: "suspended".into(),
        ..Default::default()
    });
    assert_eq!(filter.expect("valid").status, Some(HealthStatus::Suspended));

    let logs = v1::GetExecutionLogsRequest {
        namespace: "ops".into(),
        name: "backup".into(),
        job_name: "backup-1".into(),
        tail_lines: Some(100),
        ..Default::default()
    };
    assert_eq!(
        LogsQuery::try_from(&logs).expect("valid").tail_lines,
        Some(100)
    );
}

#[test]
fn bad_requests_become_invalid_argument_naming_the_field() {
    let base = v1::ListExecutionsRequest {
        namespace: "ops".into(),
        name: "backup".into(),
        ..Default::default()
    };
    let cases = [
        (
            v1::ListExecutionsRequest {
                limit: Some(0),
                ..base.clone()
            },
            "limit",
        ),
        (
            v1::ListExecutionsRequest {
                limit: Some(5000),
                ..base.clone()
            },
            "limit",
        ),
        (
            v1::ListExecutionsRequest {
                offset: -1,
                ..base.clone()
            },
            "offset",
        ),
        (
            v1::ListExecutionsRequest {
                status: "exploded".into(),
                ..base.clone()
            },
            "status",
        ),
        (
            v1::ListExecutionsRequest {
                page_token: "garbage".into(),
                ..base.clone()
            },
            "pageToken",
        ),
        (
            v1::ListExecutionsRequest {
                namespace: String::new(),
                ..base.clone()
            },
            "namespace",
        ),
        (
            v1::ListExecutionsRequest {
                name: "Not A Name".into(),
                ..base
            },
            "name",
        ),
    ];
    for (request, field) in cases {
        let error = ExecutionQuery::try_from(&request).expect_err(field);
        assert_eq!(error.field, field);
        let status = tonic::Status::from(error);
        assert_eq!(status.code(), tonic::Code::InvalidArgument);
        assert_eq!(ErrorCode::of_status(&status), ErrorCode::InvalidArgument);
        assert!(status.message().contains(field), "{}", status.message());
    }
}

#[test]
fn bad_filters_and_control_inputs_are_rejected() {
    let severity = v1::ListAlertsRequest {
        severity: "loud".into(),
        ..Default::default()
    };
    assert!(guardian_api::input::AlertFilter::try_from(&severity).is_err());
    assert!(
        PruneInput::try_from(&v1::PruneRequest {
            older_than_days: 0,
            dry_run: true
        })
        .is_err()
    );
    let prune = PruneInput::try_from(&v1::PruneRequest {
        older_than_days: 30,
        dry_run: true,
    });
    assert_eq!(
        prune,
        Ok(PruneInput {
            older_than_days: 30,
            dry_run: true
        })
    );

    let silence = |seconds| v1::SilenceAlertRequest {
        id: "a".into(),
        duration: Some(pbjson_types::Duration { seconds, nanos: 0 }),
        reason: String::new(),
        silenced_by: "bob".into(),
    };
    assert_eq!(
        SilenceInput::try_from(&silence(3600)).map(|input| input.actor),
        Ok(Some("bob".to_owned()))
    );
    assert!(SilenceInput::try_from(&silence(-5)).is_err());
    assert!(SilenceInput::try_from(&silence(i64::MAX)).is_err());
}
