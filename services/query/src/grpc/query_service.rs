//! `guardian.v1.QueryService`, implemented once over [`Reads`]; the REST bridge
//! calls this same service in-process. Each method is thin: the request goes
//! to its read, a [`QueryError`](crate::error::QueryError) becomes the status.

use guardian_api::v1::query_service_server::QueryService;
use guardian_api::v1::*;
use tonic::{Request, Response, Status};

use crate::reads::Reads;

/// The gRPC face of [`Reads`].
pub struct QueryRpc {
    reads: Reads,
}

impl QueryRpc {
    pub fn new(reads: Reads) -> QueryRpc {
        QueryRpc { reads }
    }
}

/// One method per RPC: `rpc(Request) -> Response => read`.
macro_rules! query_rpcs {
    ($($method:ident($request:ty) -> $response:ty => $read:ident;)+) => {
        #[tonic::async_trait]
        impl QueryService for QueryRpc {
            $(
                async fn $method(
                    &self,
                    request: Request<$request>,
                ) -> Result<Response<$response>, Status> {
                    let reply = self.reads.$read(request.get_ref()).await?;
                    Ok(Response::new(reply))
                }
            )+
        }
    };
}

query_rpcs! {
    get_health(GetHealthRequest) -> GetHealthResponse => health;
    get_stats(GetStatsRequest) -> GetStatsResponse => stats;
    list_monitors(ListMonitorsRequest) -> ListMonitorsResponse => list_monitors;
    get_monitor(GetMonitorRequest) -> GetMonitorResponse => get_monitor;
    list_cron_jobs(ListCronJobsRequest) -> ListCronJobsResponse => list_cronjobs;
    get_cron_job(GetCronJobRequest) -> GetCronJobResponse => get_cronjob;
    list_executions(ListExecutionsRequest) -> ListExecutionsResponse => list_executions;
    get_daily_stats(GetDailyStatsRequest) -> GetDailyStatsResponse => daily_stats;
    get_execution(GetExecutionRequest) -> GetExecutionResponse => get_execution;
    get_execution_logs(GetExecutionLogsRequest) -> GetExecutionLogsResponse => get_execution_logs;
    list_alerts(ListAlertsRequest) -> ListAlertsResponse => list_alerts;
    list_alert_history(ListAlertHistoryRequest) -> ListAlertHistoryResponse => list_alert_history;
    list_channels(ListChannelsRequest) -> ListChannelsResponse => list_channels;
    get_channel(GetChannelRequest) -> GetChannelResponse => get_channel;
    get_config(GetConfigRequest) -> GetConfigResponse => config;
    get_storage_stats(GetStorageStatsRequest) -> GetStorageStatsResponse => storage_stats;
    test_pattern(TestPatternRequest) -> TestPatternResponse => test_pattern;
}
