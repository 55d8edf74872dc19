//! `guardian.v1.ControlService` on a query replica: every call is forwarded to
//! the leader's `ControlService`, found through the database.
//!
//! - No leader known, or the leader unreachable → `UNAVAILABLE` with a retry
//!   hint (503 with `Retry-After` over REST).
//! - The called controller says it is a standby (`NOT_LEADER`): it did nothing,
//!   so the call is re-resolved and sent once more. Other failures are not
//!   retried, because a mutation such as "trigger" must not run twice.
//! - Trace context and credentials ride along as metadata.
//! - A request the leader would reject (an invalid name, an out-of-range value)
//!   is rejected here with `INVALID_ARGUMENT`, before any leader is looked up.

use std::future::Future;
use std::time::Duration;

use guardian_api::ErrorCode;
use guardian_api::input::ValidControl;
use guardian_api::v1::control_service_client::ControlServiceClient;
use guardian_api::v1::control_service_server::ControlService;
use guardian_api::v1::*;
use tonic::metadata::MetadataMap;
use tonic::transport::Channel;
use tonic::{Request, Response, Status};

use crate::leader::LeaderDirectory;
use crate::metrics;

/// Request metadata passed on to the leader.
const FORWARDED_METADATA: [&str; 5] = [
    "traceparent",
    "tracestate",
    "baggage",
    "authorization",
    "x-request-id",
];

type Client = ControlServiceClient<Channel>;

/// Forwards control calls to the leader.
pub struct ControlForwarder {
    directory: LeaderDirectory,
    timeout: Duration,
    retry_after_seconds: u32,
}

impl ControlForwarder {
    pub fn new(
        directory: LeaderDirectory,
        timeout: Duration,
        retry_after_seconds: u32,
    ) -> ControlForwarder {
        ControlForwarder {
            directory,
            timeout,
            retry_after_seconds,
        }
    }

    async fn forward<Req, Resp, Call, Fut>(
        &self,
        method: &'static str,
        request: Request<Req>,
        call: Call,
    ) -> Result<Response<Resp>, Status>
    where
        Req: Clone,
        Call: Fn(Client, Request<Req>) -> Fut,
        Fut: Future<Output = Result<Response<Resp>, Status>>,
    {
        let metadata = forwarded_metadata(request.metadata());
        let message = request.into_inner();
        let mut retried = false;
        let outcome = loop {
            let leader = match self.directory.connect().await {
                Ok(leader) => leader,
                Err(error) => break Err(self.unavailable(&error.to_string())),
            };
            let mut outgoing = Request::new(message.clone());
            *outgoing.metadata_mut() = metadata.clone();
            outgoing.set_timeout(self.timeout);
            match call(Client::new(leader.channel), outgoing).await {
                Ok(response) => break Ok(Response::new(response.into_inner())),
                Err(status)
                    if ErrorCode::of_status(&status) == ErrorCode::NotLeader && !retried =>
                {
                    // A standby refused without acting: the database may name the new leader now.
                    self.directory.forget(&leader.endpoint.address);
                    retried = true;
                }
                Err(status) if status.code() == tonic::Code::Unavailable => {
                    self.directory.forget(&leader.endpoint.address);
                    break Err(self.unavailable(status.message()));
                }
                Err(status) => break Err(status),
            }
        };
        let code = outcome
            .as_ref()
            .map_or_else(Status::code, |_| tonic::Code::Ok);
        metrics::control_forwarded(method, code);
        outcome
    }

    fn unavailable(&self, cause: &str) -> Status {
        ErrorCode::Unavailable.to_status(format!(
            "the control plane cannot take this call now ({cause}); retry in {} s",
            self.retry_after_seconds
        ))
    }
}

/// The subset of `metadata` the leader should see. When traces are exported,
/// this replica's request span replaces the caller's as the leader's parent.
fn forwarded_metadata(metadata: &MetadataMap) -> MetadataMap {
    let mut forwarded = MetadataMap::new();
    for key in FORWARDED_METADATA {
        if let Some(value) = metadata.get(key) {
            forwarded.insert(key, value.clone());
        }
    }
    let mut headers = forwarded.into_headers();
    guardian_telemetry::trace_context::inject_current(&mut headers);
    MetadataMap::from_headers(headers)
}

/// One forwarding method per RPC.
macro_rules! forward_rpcs {
    ($($method:ident($request:ty) -> $response:ty;)+) => {
        #[tonic::async_trait]
        impl ControlService for ControlForwarder {
            $(
                async fn $method(
                    &self,
                    request: Request<$request>,
                ) -> Result<Response<$response>, Status> {
                    request.get_ref().validate()?;
                    self.forward(stringify!($method), request, |mut client, outgoing| async move {
                        client.$method(outgoing).await
                    })
                    .await
                }
            )+
        }
    };
}

forward_rpcs! {
    trigger_cron_job(TriggerCronJobRequest) -> TriggerCronJobResponse;
    suspend_cron_job(SuspendCronJobRequest) -> SuspendCronJobResponse;
    resume_cron_job(ResumeCronJobRequest) -> ResumeCronJobResponse;
    delete_history(DeleteHistoryRequest) -> DeleteHistoryResponse;
    test_channel(TestChannelRequest) -> TestChannelResponse;
    prune(PruneRequest) -> PruneResponse;
    acknowledge_alert(AcknowledgeAlertRequest) -> AcknowledgeAlertResponse;
    silence_alert(SilenceAlertRequest) -> SilenceAlertResponse;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_trace_context_and_credentials_are_forwarded() {
        let mut incoming = MetadataMap::new();
        let trace = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        incoming.insert("traceparent", trace.parse().expect("ascii"));
        incoming.insert("authorization", "Bearer t".parse().expect("ascii"));
        incoming.insert("content-type", "application/grpc".parse().expect("ascii"));
        incoming.insert("grpc-timeout", "5S".parse().expect("ascii"));
        let forwarded = forwarded_metadata(&incoming);
        assert_eq!(
            forwarded.get("traceparent").and_then(|v| v.to_str().ok()),
            Some(trace)
        );
        assert!(forwarded.get("authorization").is_some());
        assert!(forwarded.get("content-type").is_none());
        assert!(forwarded.get("grpc-timeout").is_none());
    }
}
