//! [`ContextFetcher`] over the Kubernetes API: Pods by the Job controller's label, the
//! `log` subresource with `tailLines`, and core/v1 Events by `involvedObject`.

use async_trait::async_trait;
use k8s_openapi::api::core::v1::{Event, Pod};
use kube::Client;
use kube::api::{Api, ListParams, LogParams};

use crate::context::{ContextFetcher, EventLine, FetchError, LogRequest};
use crate::pod::{JOB_NAME_LABEL, PodSummary};
use crate::view::JobView;

/// Fetches failed-run context with the operator's own client.
#[derive(Clone)]
pub struct KubeContextFetcher {
    client: Client,
}

impl KubeContextFetcher {
    pub fn new(client: Client) -> Self {
        Self { client }
    }
}

#[async_trait]
impl ContextFetcher for KubeContextFetcher {
    async fn job_pods(&self, job: &JobView) -> Result<Vec<PodSummary>, FetchError> {
        let pods: Api<Pod> = Api::namespaced(self.client.clone(), &job.namespace);
        let params = ListParams::default().labels(&format!("{JOB_NAME_LABEL}={}", job.name));
        let listed = pods.list(&params).await?;
        Ok(listed
            .items
            .iter()
            .filter_map(PodSummary::from_pod)
            .collect())
    }

    async fn log_tail(&self, request: &LogRequest) -> Result<String, FetchError> {
        let pods: Api<Pod> = Api::namespaced(self.client.clone(), &request.namespace);
        let params = LogParams {
            container: request.container.clone(),
            previous: request.previous,
            tail_lines: Some(request.tail_lines),
            ..LogParams::default()
        };
        Ok(pods.logs(&request.pod, &params).await?)
    }

    async fn events(
        &self,
        namespace: &str,
        kind: &str,
        name: &str,
    ) -> Result<Vec<EventLine>, FetchError> {
        let events: Api<Event> = Api::namespaced(self.client.clone(), namespace);
        let params = ListParams::default().fields(&format!(
            "involvedObject.kind={kind},involvedObject.name={name}"
        ));
        let listed = events.list(&params).await?;
        Ok(listed.items.into_iter().map(event_line).collect())
    }
}

fn event_line(event: Event) -> EventLine {
    let at = event
        .last_timestamp
        .map(|t| t.0)
        .or_else(|| event.event_time.map(|t| t.0))
        .or_else(|| event.first_timestamp.map(|t| t.0));
    EventLine {
        at,
        reason: event.reason,
        message: event.message,
    }
}
