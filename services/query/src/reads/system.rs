//! Process and fleet views: health, totals, storage figures.
//!
//! Executions are counted per known CronJob (deleted ones included) with
//! `COUNT(*)` reads, a few at a time; the store has no fleet-wide count.

use std::sync::Arc;

use futures::{StreamExt, TryStreamExt};
use guardian_api::convert::go_duration;
use guardian_api::v1::{
    GetHealthRequest, GetHealthResponse, GetStatsRequest, GetStatsResponse, GetStorageStatsRequest,
    GetStorageStatsResponse,
};
use guardian_core::{AlertState, CronJobRecord, CronJobRef};
use guardian_store::{AlertFilter, CronJobFilter};
use jiff::{SignedDuration, Timestamp};

use super::cronjobs::summarize;
use super::sla::{clamp, window_start};
use super::{PARALLEL_READS, Reads};
use crate::error::Result;

impl Reads {
    pub async fn health(&self, _request: &GetHealthRequest) -> Result<GetHealthResponse> {
        let (status, storage) = match self.store.ping().await {
            Ok(()) => ("ok", "connected".to_owned()),
            Err(error) => ("degraded", format!("error: {}", error.metric_label())),
        };
        // Zero when the database is unreachable: a subscriber then replays what is retained.
        let last_event_sequence = match self.store.last_sequence().await {
            Ok(sequence) => sequence.0,
            Err(_) => 0,
        };
        let leader = self
            .info
            .leadership
            .as_ref()
            .is_some_and(|leadership| *leadership.borrow());
        let up_for = self
            .now()
            .duration_since(self.info.started_at)
            .max(SignedDuration::ZERO);
        Ok(GetHealthResponse {
            status: status.to_owned(),
            storage,
            leader,
            version: self.info.version.clone(),
            uptime: go_duration(SignedDuration::from_secs(up_for.as_secs())),
            analyzer_enabled: false,
            schedulers_running: Vec::new(),
            last_event_sequence,
        })
    }

    pub async fn stats(&self, _request: &GetStatsRequest) -> Result<GetStatsResponse> {
        let known = self.known_cronjobs().await?;
        let since = window_start(self.now(), 1);
        let executions_recorded_24h = self.count_all_runs(&known, Some(since)).await?;
        let live: Vec<CronJobRecord> = known
            .iter()
            .filter(|record| record.deleted_at.is_none())
            .cloned()
            .collect();
        let total_cron_jobs = clamp(live.len() as u64);
        let facts = self.facts_of(&live).await?;
        let firing = AlertFilter {
            state: Some(AlertState::Firing),
            limit: 0,
            ..AlertFilter::default()
        };
        Ok(GetStatsResponse {
            total_monitors: clamp(self.monitor_count().await? as u64),
            total_cron_jobs,
            summary: Some(summarize(facts.iter().map(Arc::as_ref))),
            active_alerts: clamp(self.store.list_alerts(&firing).await?.total),
            executions_recorded_24h: i64::try_from(executions_recorded_24h).unwrap_or(i64::MAX),
        })
    }

    pub async fn storage_stats(
        &self,
        _request: &GetStorageStatsRequest,
    ) -> Result<GetStorageStatsResponse> {
        let healthy = self.store.ping().await.is_ok();
        let known = self.known_cronjobs().await?;
        let execution_count = self.count_all_runs(&known, None).await?;
        Ok(GetStorageStatsResponse {
            execution_count: i64::try_from(execution_count).unwrap_or(i64::MAX),
            storage_type: self.store.backend_kind().to_owned(),
            healthy,
            retention_days: self.info.settings.retention_days,
            log_storage_enabled: self.info.settings.log_storage_enabled,
        })
    }

    /// Every CronJob the store knows, deleted ones included.
    async fn known_cronjobs(&self) -> Result<Arc<Vec<CronJobRecord>>> {
        self.all_cronjobs(CronJobFilter {
            include_deleted: true,
            ..CronJobFilter::default()
        })
        .await
    }

    /// Runs of all `records` started at or after `since` (all when `None`).
    async fn count_all_runs(
        &self,
        records: &[CronJobRecord],
        since: Option<Timestamp>,
    ) -> Result<u64> {
        let cronjobs: Vec<CronJobRef> = records
            .iter()
            .map(|record| record.cronjob.clone())
            .collect();
        let counts: Vec<u64> = futures::stream::iter(cronjobs)
            .map(|cronjob| async move { self.count_runs(&cronjob, since, None).await })
            .buffer_unordered(PARALLEL_READS)
            .try_collect()
            .await?;
        Ok(counts.into_iter().sum())
    }
}
