//! The main read RPCs as load callers, over gRPC (tonic client) and over REST
//! (HTTP/1.1 keep-alive), asking for keys spread over the loaded data; and the
//! ceiling caller, `grpc.health.v1.Health/Check` on the bare tonic server.
//! Every reply is checked, so a fast error never counts as a fast read.

use guardian_api::v1::query_service_client::QueryServiceClient;
use guardian_api::v1::{GetCronJobRequest, ListCronJobsRequest, ListExecutionsRequest};
use tonic::transport::Channel;
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;

use crate::data::{PER_NAMESPACE, Shape, Spread, namespace};
use crate::grpc_load::Caller;
use crate::http_client::Connection;

/// One of the main read RPCs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Read {
    GetCronJob,
    ListExecutions,
    /// The CronJobs of one namespace (100 of them).
    ListCronJobsInNamespace,
    /// Every CronJob (the dashboard's first page load).
    ListCronJobsAll,
}

impl Read {
    pub const ALL: [Read; 4] = [
        Read::GetCronJob,
        Read::ListExecutions,
        Read::ListCronJobsInNamespace,
        Read::ListCronJobsAll,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Read::GetCronJob => "GetCronJob",
            Read::ListExecutions => "ListExecutions (first page, 20)",
            Read::ListCronJobsInNamespace => "ListCronJobs (one namespace, 100)",
            Read::ListCronJobsAll => "ListCronJobs (all)",
        }
    }

    /// Every distinct pick of this read: one per CronJob, per namespace, or just one.
    pub fn keys(self, shape: Shape) -> Vec<usize> {
        match self {
            Read::GetCronJob | Read::ListExecutions => (0..shape.cronjobs).collect(),
            Read::ListCronJobsInNamespace => (0..shape.cronjobs).step_by(PER_NAMESPACE).collect(),
            Read::ListCronJobsAll => vec![0],
        }
    }

    /// The REST path for pick `pick` (a CronJob index, or a namespace index).
    fn path(self, shape: Shape, pick: usize) -> String {
        let cronjob = shape.cronjob(pick);
        match self {
            Read::GetCronJob => format!("/api/v1/cronjobs/{}/{}", cronjob.namespace, cronjob.name),
            Read::ListExecutions => format!(
                "/api/v1/cronjobs/{}/{}/executions",
                cronjob.namespace, cronjob.name
            ),
            Read::ListCronJobsInNamespace => format!(
                "/api/v1/cronjobs?namespace={}",
                namespace(pick / PER_NAMESPACE)
            ),
            Read::ListCronJobsAll => "/api/v1/cronjobs".to_owned(),
        }
    }

    pub async fn grpc(
        self,
        client: &mut QueryServiceClient<Channel>,
        shape: Shape,
        pick: usize,
    ) -> anyhow::Result<()> {
        let cronjob = shape.cronjob(pick);
        match self {
            Read::GetCronJob => {
                let reply = client
                    .get_cron_job(GetCronJobRequest {
                        namespace: cronjob.namespace.clone(),
                        name: cronjob.name.clone(),
                    })
                    .await?
                    .into_inner();
                anyhow::ensure!(
                    reply.name == cronjob.name,
                    "GetCronJob answered {} for {}",
                    reply.name,
                    cronjob.name
                );
            }
            Read::ListExecutions => {
                let request = ListExecutionsRequest {
                    namespace: cronjob.namespace,
                    name: cronjob.name,
                    ..Default::default()
                };
                let reply = client.list_executions(request).await?.into_inner();
                anyhow::ensure!(!reply.items.is_empty(), "ListExecutions answered no items");
            }
            Read::ListCronJobsInNamespace | Read::ListCronJobsAll => {
                let namespace = if self == Read::ListCronJobsAll {
                    String::new()
                } else {
                    namespace(pick / PER_NAMESPACE)
                };
                let request = ListCronJobsRequest {
                    namespace,
                    ..Default::default()
                };
                let reply = client.list_cron_jobs(request).await?.into_inner();
                anyhow::ensure!(!reply.items.is_empty(), "ListCronJobs answered no items");
            }
        }
        Ok(())
    }
}

/// A read over gRPC.
pub struct GrpcRead {
    pub client: QueryServiceClient<Channel>,
    pub read: Read,
    pub shape: Shape,
    pub spread: Spread,
}

impl Caller for GrpcRead {
    async fn call(&mut self, _index: u64) -> anyhow::Result<()> {
        let pick = self.spread.below(self.shape.cronjobs);
        self.read.grpc(&mut self.client, self.shape, pick).await
    }
}

/// The same read over REST.
pub struct RestRead {
    pub connection: Connection,
    pub read: Read,
    pub shape: Shape,
    pub spread: Spread,
}

impl Caller for RestRead {
    async fn call(&mut self, _index: u64) -> anyhow::Result<()> {
        let pick = self.spread.below(self.shape.cronjobs);
        let body = self
            .connection
            .get_ok(&self.read.path(self.shape, pick))
            .await?;
        anyhow::ensure!(body.len() > 2, "empty JSON answer");
        Ok(())
    }
}

/// The ceiling: the bare tonic server's health check.
pub struct HealthCheck(pub HealthClient<Channel>);

impl Caller for HealthCheck {
    async fn call(&mut self, _index: u64) -> anyhow::Result<()> {
        let reply = self
            .0
            .check(HealthCheckRequest {
                service: String::new(),
            })
            .await?
            .into_inner();
        anyhow::ensure!(
            reply.status == ServingStatus::Serving as i32,
            "health answered {}",
            reply.status
        );
        Ok(())
    }
}
