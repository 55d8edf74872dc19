//! `guardian.v1.ControlService`: mutations, carried out only by the leader.
//! Query replicas forward here; a standby answers `UNAVAILABLE` so the caller
//! re-resolves the leader and retries.

use guardian_api::ErrorCode;
use guardian_api::v1::control_service_server::ControlService;
use guardian_api::v1::*;
use guardian_core::{Clock, CronJobRef, SystemClock};
use guardian_store::{Store, StoreError};
use k8s_openapi::api::batch::v1::{CronJob, Job};
use kube::api::{Api, Patch, PatchParams, PostParams};
use tonic::{Request, Response, Status};

use crate::control::manual_job::manual_job;
use crate::dispatch::DispatchSettings;
use crate::leadership::Leadership;

const FIELD_MANAGER: &str = "cronjob-guardian";

pub struct ControlRpc {
    client: kube::Client,
    store: Store,
    leadership: Leadership,
    /// The controller's own dispatch settings, so a test alert goes where real ones go.
    dispatch: DispatchSettings,
}

impl ControlRpc {
    pub fn new(
        client: kube::Client,
        store: Store,
        leadership: Leadership,
        dispatch: DispatchSettings,
    ) -> Self {
        Self {
            client,
            store,
            leadership,
            dispatch,
        }
    }

    fn require_leader(&self) -> Result<guardian_core::Epoch, Status> {
        self.leadership.epoch().ok_or_else(|| {
            Status::unavailable("this controller is not the leader; retry against the leader")
        })
    }

    async fn cronjob(&self, target: &CronJobRef) -> Result<CronJob, Status> {
        let api: Api<CronJob> = Api::namespaced(self.client.clone(), &target.namespace);
        match api.get_opt(&target.name).await {
            Ok(Some(cronjob)) => Ok(cronjob),
            Ok(None) => Err(Status::not_found(format!("cronjob {target} not found"))),
            Err(error) => Err(kube_status(&error, target)),
        }
    }

    async fn set_suspended(&self, target: &CronJobRef, suspend: bool) -> Result<(), Status> {
        self.require_leader()?;
        self.cronjob(target).await?;
        let api: Api<CronJob> = Api::namespaced(self.client.clone(), &target.namespace);
        let patch = serde_json::json!({ "spec": { "suspend": suspend } });
        api.patch(
            &target.name,
            &PatchParams::apply(FIELD_MANAGER),
            &Patch::Merge(&patch),
        )
        .await
        .map_err(|error| kube_status(&error, target))?;
        Ok(())
    }
}

/// Validates a namespace/name pair from a request.
fn target(namespace: &str, name: &str) -> Result<CronJobRef, Status> {
    Ok(guardian_api::input::cronjob_ref(namespace, name)?)
}

fn kube_status(error: &kube::Error, target: &CronJobRef) -> Status {
    match error {
        kube::Error::Api(status) if status.code == 404 => {
            Status::not_found(format!("cronjob {target} not found"))
        }
        kube::Error::Api(status) if status.code == 403 => Status::permission_denied(format!(
            "kubernetes refused the change to {target}: {}",
            status.message
        )),
        kube::Error::Api(status) if status.code == 409 => Status::aborted(format!(
            "conflicting change to {target}: {}",
            status.message
        )),
        other => Status::unavailable(format!("kubernetes api unavailable: {other}")),
    }
}

pub(crate) fn store_status(error: &StoreError) -> Status {
    if error.ends_leadership() {
        return ErrorCode::NotLeader.to_status("leadership moved on; retry against the new leader");
    }
    Status::unavailable(format!("database unavailable: {error}"))
}

#[tonic::async_trait]
impl ControlService for ControlRpc {
    async fn trigger_cron_job(
        &self,
        request: Request<TriggerCronJobRequest>,
    ) -> Result<Response<TriggerCronJobResponse>, Status> {
        let request = request.into_inner();
        let target = target(&request.namespace, &request.name)?;
        self.require_leader()?;
        let cronjob = self.cronjob(&target).await?;
        let suffix = SystemClock.now().as_millisecond().to_string();
        let job = manual_job(&cronjob, &suffix)
            .map_err(|error| Status::failed_precondition(error.to_string()))?;
        let api: Api<Job> = Api::namespaced(self.client.clone(), &target.namespace);
        let created = api
            .create(&PostParams::default(), &job)
            .await
            .map_err(|error| kube_status(&error, &target))?;
        let job_name = created.metadata.name.unwrap_or_default();
        tracing::info!(cronjob = %target, job = %job_name, "triggered a manual run");
        Ok(Response::new(TriggerCronJobResponse {
            success: true,
            message: format!("created job {job_name} from cronjob {target}"),
            job_name: Some(job_name),
        }))
    }

    async fn suspend_cron_job(
        &self,
        request: Request<SuspendCronJobRequest>,
    ) -> Result<Response<SuspendCronJobResponse>, Status> {
        let request = request.into_inner();
        let target = target(&request.namespace, &request.name)?;
        self.set_suspended(&target, true).await?;
        Ok(Response::new(SuspendCronJobResponse {
            success: true,
            message: Some(format!("cronjob {target} suspended")),
            error: None,
        }))
    }

    async fn resume_cron_job(
        &self,
        request: Request<ResumeCronJobRequest>,
    ) -> Result<Response<ResumeCronJobResponse>, Status> {
        let request = request.into_inner();
        let target = target(&request.namespace, &request.name)?;
        self.set_suspended(&target, false).await?;
        Ok(Response::new(ResumeCronJobResponse {
            success: true,
            message: Some(format!("cronjob {target} resumed")),
            error: None,
        }))
    }

    async fn delete_history(
        &self,
        request: Request<DeleteHistoryRequest>,
    ) -> Result<Response<DeleteHistoryResponse>, Status> {
        let request = request.into_inner();
        let target = target(&request.namespace, &request.name)?;
        let epoch = self.require_leader()?;
        let known = self
            .store
            .get_cronjob(&target)
            .await
            .map_err(|error| store_status(&error))?;
        if known.is_none() {
            return Err(Status::not_found(format!(
                "cronjob {target} has no recorded history"
            )));
        }
        let mut tx = self
            .store
            .begin_fenced(epoch)
            .await
            .map_err(|error| store_status(&error))?;
        let deleted = tx
            .delete_history(&target)
            .await
            .map_err(|error| store_status(&error))?;
        let events = tx.commit().await.map_err(|error| store_status(&error))?;
        self.leadership.announce(&events);
        Ok(Response::new(DeleteHistoryResponse {
            success: true,
            records_deleted: deleted,
            message: format!("deleted {deleted} executions of {target}"),
        }))
    }

    async fn test_channel(
        &self,
        request: Request<TestChannelRequest>,
    ) -> Result<Response<TestChannelResponse>, Status> {
        let request = request.into_inner();
        guardian_api::input::ValidControl::validate(&request)?;
        self.require_leader()?;
        let outcome = crate::dispatch::test_channel::test_channel(
            &self.client,
            &request.namespace,
            &request.name,
            &self.dispatch,
            SystemClock.now(),
        )
        .await?;
        Ok(Response::new(match outcome {
            Ok(()) => TestChannelResponse {
                success: true,
                message: Some(format!("test alert sent to channel {}", request.name)),
                error: None,
            },
            Err(error) => TestChannelResponse {
                success: false,
                message: None,
                error: Some(error),
            },
        }))
    }

    async fn prune(
        &self,
        request: Request<PruneRequest>,
    ) -> Result<Response<PruneResponse>, Status> {
        let input = guardian_api::input::PruneInput::try_from(request.get_ref())?;
        let epoch = self.require_leader()?;
        let now = SystemClock.now();
        let response =
            crate::retention::prune_now(&self.store, &self.leadership, epoch, input, now)
                .await
                .map_err(|error| store_status(&error))?;
        tracing::info!(
            days = input.older_than_days,
            dry_run = input.dry_run,
            pruned = response.records_pruned,
            "prune requested"
        );
        Ok(Response::new(response))
    }

    async fn acknowledge_alert(
        &self,
        request: Request<AcknowledgeAlertRequest>,
    ) -> Result<Response<AcknowledgeAlertResponse>, Status> {
        let control = crate::control::alerts::AlertControl {
            store: &self.store,
            leadership: &self.leadership,
            epoch: self.require_leader()?,
        };
        let response = control
            .acknowledge(request.get_ref(), SystemClock.now())
            .await?;
        Ok(Response::new(response))
    }

    async fn silence_alert(
        &self,
        request: Request<SilenceAlertRequest>,
    ) -> Result<Response<SilenceAlertResponse>, Status> {
        let control = crate::control::alerts::AlertControl {
            store: &self.store,
            leadership: &self.leadership,
            epoch: self.require_leader()?,
        };
        let response = control
            .silence(request.get_ref(), SystemClock.now())
            .await?;
        Ok(Response::new(response))
    }
}
