//! Small implementations of the real generated service traits. They validate
//! requests with guardian-api's `TryFrom` inputs and answer with its
//! conversions, so the tests cover the same path a real service takes.

use std::pin::Pin;
use std::sync::{Arc, Mutex};

use futures::Stream;
use guardian_api::convert::{execution_detail, execution_item, pagination, timestamp};
use guardian_api::input::{ExecutionQuery, ExecutionRef, LogsQuery, PruneInput};
use guardian_api::v1::control_service_server::ControlService;
use guardian_api::v1::event_service_server::EventService;
use guardian_api::v1::query_service_server::QueryService;
use guardian_api::{ErrorCode, v1};
use guardian_core::{Change, CronJobRef, Epoch, Event, Execution, Outcome, Sequence};
use jiff::Timestamp;
use tonic::{Request, Response, Status};

type Reply<T> = Result<Response<T>, Status>;

/// Sequence after which the fake event stream fails mid-way.
pub const FAILING_STREAM_AFTER: i64 = 100;

pub fn at(text: &str) -> Timestamp {
    text.parse().expect("valid timestamp")
}

/// One execution of `cronjob` named `job_name`, finished 90 s after it started.
pub fn execution(cronjob: &CronJobRef, job_name: &str, outcome: Outcome) -> Execution {
    let running = outcome == Outcome::Running;
    Execution {
        job_uid: format!("uid-{job_name}"),
        job_name: job_name.to_owned(),
        cronjob: cronjob.clone(),
        cronjob_uid: Some("cj-uid".to_owned()),
        started_at: at("2025-03-01T02:00:00Z"),
        completed_at: (!running).then(|| at("2025-03-01T02:01:30Z")),
        outcome,
        exit_code: (outcome == Outcome::Failed).then_some(1),
        reason: None,
        logs: Some("line 1\nline 2".to_owned()),
        events: Vec::new(),
        retries: 0,
        manual: false,
    }
}

/// Query fake; remembers the `traceparent` metadata it last saw.
#[derive(Clone, Default)]
pub struct FakeQuery {
    pub last_traceparent: Arc<Mutex<Option<String>>>,
}

#[tonic::async_trait]
impl QueryService for FakeQuery {
    async fn get_health(
        &self,
        request: Request<v1::GetHealthRequest>,
    ) -> Reply<v1::GetHealthResponse> {
        let traceparent = request
            .metadata()
            .get("traceparent")
            .and_then(|v| v.to_str().ok());
        *self.last_traceparent.lock().expect("lock") = traceparent.map(str::to_owned);
        Ok(Response::new(v1::GetHealthResponse {
            status: "ok".into(),
            storage: "connected".into(),
            version: "test".into(),
            uptime: "1m30s".into(),
            ..Default::default()
        }))
    }

    async fn get_stats(&self, _: Request<v1::GetStatsRequest>) -> Reply<v1::GetStatsResponse> {
        Err(Status::unimplemented("stats are not part of this fake"))
    }

    async fn list_monitors(
        &self,
        _: Request<v1::ListMonitorsRequest>,
    ) -> Reply<v1::ListMonitorsResponse> {
        Err(Status::unimplemented("not in fake"))
    }

    async fn get_monitor(
        &self,
        _: Request<v1::GetMonitorRequest>,
    ) -> Reply<v1::GetMonitorResponse> {
        Err(Status::unimplemented("not in fake"))
    }

    async fn list_cron_jobs(
        &self,
        _: Request<v1::ListCronJobsRequest>,
    ) -> Reply<v1::ListCronJobsResponse> {
        Err(Status::unimplemented("not in fake"))
    }

    async fn get_cron_job(
        &self,
        request: Request<v1::GetCronJobRequest>,
    ) -> Reply<v1::GetCronJobResponse> {
        let cronjob = CronJobRef::try_from(request.get_ref())?;
        if cronjob.name == "missing" {
            return Err(ErrorCode::NotFound.to_status(format!("cronjob {cronjob} not found")));
        }
        Ok(Response::new(v1::GetCronJobResponse {
            name: cronjob.name,
            namespace: cronjob.namespace,
            metrics: Some(v1::CronJobMetrics {
                success_rate_7d: 97.5,
                ..Default::default()
            }),
            ..Default::default()
        }))
    }

    async fn list_executions(
        &self,
        request: Request<v1::ListExecutionsRequest>,
    ) -> Reply<v1::ListExecutionsResponse> {
        let query = ExecutionQuery::try_from(request.get_ref())?;
        let outcome = query.outcome.unwrap_or(Outcome::Running);
        let item = execution(
            &query.cronjob,
            &format!("{}-1", query.cronjob.name),
            outcome,
        );
        let mut item = execution_item(7, &item);
        // Echo the decoded `since` so the test can see the query string reached the RPC.
        item.reason = query.since.map(|since| since.to_string());
        Ok(Response::new(v1::ListExecutionsResponse {
            items: vec![item],
            pagination: Some(pagination(45, query.page)),
            next_page_token: guardian_api::convert::next_page_token(45, query.page),
        }))
    }

    async fn get_execution(
        &self,
        request: Request<v1::GetExecutionRequest>,
    ) -> Reply<v1::GetExecutionResponse> {
        let target = ExecutionRef::try_from(request.get_ref())?;
        let found = execution(&target.cronjob, &target.job_name, Outcome::Succeeded);
        Ok(Response::new(v1::GetExecutionResponse {
            execution: Some(execution_detail(9, &found)),
        }))
    }

    async fn get_daily_stats(
        &self,
        _: Request<v1::GetDailyStatsRequest>,
    ) -> Reply<v1::GetDailyStatsResponse> {
        Err(Status::unimplemented(
            "daily stats are not part of this fake",
        ))
    }

    async fn get_execution_logs(
        &self,
        request: Request<v1::GetExecutionLogsRequest>,
    ) -> Reply<v1::GetExecutionLogsResponse> {
        let query = LogsQuery::try_from(request.get_ref())?;
        Ok(Response::new(v1::GetExecutionLogsResponse {
            job_name: query.execution.job_name,
            container: query.container.unwrap_or_else(|| "main".into()),
            logs: format!("tail {:?}", query.tail_lines),
            truncated: query.tail_lines.is_some(),
        }))
    }

    async fn list_alerts(
        &self,
        _: Request<v1::ListAlertsRequest>,
    ) -> Reply<v1::ListAlertsResponse> {
        Ok(Response::new(v1::ListAlertsResponse {
            items: Vec::new(),
            total: 0,
            by_severity: [("critical".to_owned(), 0)].into_iter().collect(),
        }))
    }

    async fn list_alert_history(
        &self,
        _: Request<v1::ListAlertHistoryRequest>,
    ) -> Reply<v1::ListAlertHistoryResponse> {
        Err(Status::unimplemented("not in fake"))
    }

    async fn list_channels(
        &self,
        _: Request<v1::ListChannelsRequest>,
    ) -> Reply<v1::ListChannelsResponse> {
        Err(Status::unimplemented("not in fake"))
    }

    async fn get_channel(
        &self,
        _: Request<v1::GetChannelRequest>,
    ) -> Reply<v1::GetChannelResponse> {
        Err(Status::unimplemented("not in fake"))
    }

    async fn get_config(&self, _: Request<v1::GetConfigRequest>) -> Reply<v1::GetConfigResponse> {
        let config: pbjson_types::Struct = serde_json::from_value(serde_json::json!({
            "storage": { "type": "sqlite", "postgres": { "password": "<redacted>" } },
            "leader-election": { "enabled": false }
        }))
        .map_err(|error| Status::internal(error.to_string()))?;
        Ok(Response::new(v1::GetConfigResponse {
            config: Some(config),
        }))
    }

    async fn get_storage_stats(
        &self,
        _: Request<v1::GetStorageStatsRequest>,
    ) -> Reply<v1::GetStorageStatsResponse> {
        Err(Status::internal("database password is hunter2"))
    }

    async fn test_pattern(
        &self,
        request: Request<v1::TestPatternRequest>,
    ) -> Reply<v1::TestPatternResponse> {
        let request = request.into_inner();
        let wanted = request
            .pattern
            .and_then(|p| p.r#match)
            .and_then(|m| m.exit_code);
        let actual = request.test_data.map(|data| data.exit_code);
        let matched = wanted.is_some() && wanted == actual;
        Ok(Response::new(v1::TestPatternResponse {
            matched,
            rendered_suggestion: matched.then(|| "raise the memory limit".to_owned()),
            error: None,
        }))
    }
}

/// Control fake: answers like a leader for some calls and like a standby or a deposed leader for others.
#[derive(Clone, Default)]
pub struct FakeControl;

#[tonic::async_trait]
impl ControlService for FakeControl {
    async fn trigger_cron_job(
        &self,
        request: Request<v1::TriggerCronJobRequest>,
    ) -> Reply<v1::TriggerCronJobResponse> {
        let cronjob = CronJobRef::try_from(request.get_ref())?;
        Ok(Response::new(v1::TriggerCronJobResponse {
            success: true,
            job_name: Some(format!("{}-manual-1", cronjob.name)),
            message: format!("triggered {cronjob}"),
        }))
    }

    async fn suspend_cron_job(
        &self,
        _: Request<v1::SuspendCronJobRequest>,
    ) -> Reply<v1::SuspendCronJobResponse> {
        Err(ErrorCode::NotLeader.to_status("this controller is a standby"))
    }

    async fn resume_cron_job(
        &self,
        _: Request<v1::ResumeCronJobRequest>,
    ) -> Reply<v1::ResumeCronJobResponse> {
        Ok(Response::new(v1::ResumeCronJobResponse {
            success: false,
            message: None,
            error: None,
        }))
    }

    async fn delete_history(
        &self,
        _: Request<v1::DeleteHistoryRequest>,
    ) -> Reply<v1::DeleteHistoryResponse> {
        Err(ErrorCode::Fenced.to_status("epoch 3 was superseded by epoch 4"))
    }

    async fn test_channel(
        &self,
        _: Request<v1::TestChannelRequest>,
    ) -> Reply<v1::TestChannelResponse> {
        Err(Status::unimplemented("not in fake"))
    }

    async fn prune(&self, request: Request<v1::PruneRequest>) -> Reply<v1::PruneResponse> {
        let input = PruneInput::try_from(request.get_ref())?;
        Ok(Response::new(v1::PruneResponse {
            success: true,
            records_pruned: 0,
            dry_run: input.dry_run,
            cutoff: Some(timestamp(at("2025-02-01T00:00:00Z"))),
            older_than_days: i32::try_from(input.older_than_days).unwrap_or(i32::MAX),
            message: String::new(),
        }))
    }

    async fn acknowledge_alert(
        &self,
        _: Request<v1::AcknowledgeAlertRequest>,
    ) -> Reply<v1::AcknowledgeAlertResponse> {
        Err(Status::unimplemented("not in fake"))
    }

    async fn silence_alert(
        &self,
        _: Request<v1::SilenceAlertRequest>,
    ) -> Reply<v1::SilenceAlertResponse> {
        Err(Status::unimplemented("not in fake"))
    }
}

/// Event fake: three events after the requested sequence; after
/// [`FAILING_STREAM_AFTER`] the stream fails after the first one.
#[derive(Clone, Default)]
pub struct FakeEvents;

type EventStream = Pin<Box<dyn Stream<Item = Result<v1::SubscribeResponse, Status>> + Send>>;

#[tonic::async_trait]
impl EventService for FakeEvents {
    type SubscribeStream = EventStream;

    async fn subscribe(
        &self,
        request: Request<v1::SubscribeRequest>,
    ) -> Reply<Self::SubscribeStream> {
        let after = request.get_ref().after_sequence;
        if after < 0 {
            return Err(ErrorCode::InvalidArgument.to_status("afterSequence must not be negative"));
        }
        let cronjob = CronJobRef::new("ops", "backup");
        let mut items: Vec<Result<v1::SubscribeResponse, Status>> = (after + 1..=after + 3)
            .map(|sequence| {
                let event = Event {
                    sequence: Sequence(sequence),
                    epoch: Epoch(2),
                    at: at("2025-03-01T02:01:30Z"),
                    change: Change::HistoryDeleted {
                        cronjob: cronjob.clone(),
                        executions_deleted: sequence,
                    },
                };
                Ok(v1::SubscribeResponse::from(&event))
            })
            .collect();
        if after == FAILING_STREAM_AFTER {
            items.truncate(1);
            items.push(Err(ErrorCode::Unavailable.to_status("leader changed")));
        }
        Ok(Response::new(Box::pin(futures::stream::iter(items))))
    }
}
