//! CronJobMonitors as the control plane mirrors them into the store: the list
//! view (from each monitor's status summary), the whole object, and which
//! monitor covers which CronJob (from `status.cronJobs`).

use std::collections::HashMap;
use std::sync::Arc;

use guardian_api::convert::timestamp;
use guardian_api::input::cronjob_ref;
use guardian_api::v1::{
    GetMonitorRequest, GetMonitorResponse, ListMonitorsRequest, ListMonitorsResponse,
    MonitorListItem, SummaryStats,
};
use guardian_core::CronJobRef;
use guardian_store::MonitorRecord;
use serde_json::{Value, json};

use super::Reads;
use super::model::MonitorIndex;
use crate::error::{QueryError, Result};

/// The CRD group version and kind, as a `kubectl get -o json` would show them.
const API_VERSION: &str = "guardian.illenium.net/v1alpha1";
const KIND: &str = "CronJobMonitor";

impl Reads {
    pub async fn list_monitors(
        &self,
        request: &ListMonitorsRequest,
    ) -> Result<ListMonitorsResponse> {
        let namespace = (!request.namespace.is_empty()).then_some(request.namespace.as_str());
        let monitors = self.store.list_monitors(namespace).await?;
        Ok(ListMonitorsResponse {
            items: monitors.iter().map(list_item).collect(),
        })
    }

    pub async fn get_monitor(&self, request: &GetMonitorRequest) -> Result<GetMonitorResponse> {
        let wanted = cronjob_ref(&request.namespace, &request.name)?;
        let monitor = self
            .store
            .list_monitors(Some(&wanted.namespace))
            .await?
            .into_iter()
            .find(|record| record.monitor == wanted)
            .ok_or_else(|| QueryError::not_found("monitor", &wanted))?;
        let object = json!({
            "apiVersion": API_VERSION,
            "kind": KIND,
            "metadata": {
                "name": monitor.monitor.name,
                "namespace": monitor.monitor.namespace,
                "generation": monitor.generation,
            },
            "spec": monitor.spec,
            "status": monitor.status.unwrap_or_else(|| json!({})),
        });
        let structured = serde_json::from_value(object).map_err(|error| {
            QueryError::Store(guardian_store::StoreError::Corrupt {
                message: format!("monitor {wanted} is not a JSON object: {error}"),
            })
        })?;
        Ok(GetMonitorResponse {
            monitor: Some(structured),
        })
    }

    /// Which monitor lists each CronJob in its status (the first, by namespace and name).
    /// Kept by the model for a few seconds (monitors emit no event).
    pub(super) async fn monitor_index(&self) -> Result<Arc<MonitorIndex>> {
        if let Some(index) = self.model.monitors() {
            return Ok(index);
        }
        let mut index = HashMap::new();
        for record in self.store.list_monitors(None).await? {
            for cronjob in covered_cronjobs(&record) {
                index
                    .entry(cronjob)
                    .or_insert_with(|| record.monitor.clone());
            }
        }
        let index = Arc::new(index);
        self.model.put_monitors(Arc::clone(&index));
        Ok(index)
    }

    /// How many monitors exist.
    pub(super) async fn monitor_count(&self) -> Result<usize> {
        Ok(self.store.list_monitors(None).await?.len())
    }
}

fn list_item(record: &MonitorRecord) -> MonitorListItem {
    let status = record.status.as_ref().unwrap_or(&Value::Null);
    let summary = &status["summary"];
    let count = |field: &str| {
        summary[field]
            .as_i64()
            .and_then(|value| i32::try_from(value).ok())
            .unwrap_or(0)
    };
    let listed = status["cronJobs"].as_array().map_or(0, Vec::len);
    let cron_job_count = match count("totalCronJobs") {
        0 => i32::try_from(listed).unwrap_or(i32::MAX),
        total => total,
    };
    MonitorListItem {
        name: record.monitor.name.clone(),
        namespace: record.monitor.namespace.clone(),
        cron_job_count,
        summary: Some(SummaryStats {
            healthy: count("healthy"),
            warning: count("warning"),
            critical: count("critical"),
            suspended: count("suspended"),
            running: count("running"),
        }),
        active_alerts: count("activeAlerts"),
        last_reconcile: status["lastReconcileTime"]
            .as_str()
            .and_then(|text| text.parse::<jiff::Timestamp>().ok())
            .map(timestamp),
        phase: status["phase"].as_str().unwrap_or_default().to_owned(),
    }
}

/// The CronJobs a monitor's status lists (namespace defaults to the monitor's).
fn covered_cronjobs(record: &MonitorRecord) -> Vec<CronJobRef> {
    let Some(listed) = record
        .status
        .as_ref()
        .and_then(|status| status["cronJobs"].as_array())
    else {
        return Vec::new();
    };
    listed
        .iter()
        .filter_map(|entry| {
            let name = entry["name"].as_str()?;
            let namespace = entry["namespace"]
                .as_str()
                .unwrap_or(&record.monitor.namespace);
            Some(CronJobRef::new(namespace, name))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(status: Option<Value>) -> MonitorRecord {
        MonitorRecord {
            monitor: CronJobRef::new("ops", "nightly"),
            generation: 3,
            spec: json!({"selector": {}}),
            status,
        }
    }

    #[test]
    fn list_items_read_the_status_summary_and_tolerate_a_missing_status() {
        let status = json!({
            "phase": "Active",
            "lastReconcileTime": "2025-03-01T12:00:00Z",
            "summary": {"totalCronJobs": 4, "healthy": 2, "warning": 1, "critical": 1, "activeAlerts": 3},
            "cronJobs": [{"name": "backup"}, {"name": "report", "namespace": "finance"}],
        });
        let item = list_item(&record(Some(status)));
        assert_eq!((item.cron_job_count, item.active_alerts), (4, 3));
        assert_eq!(item.summary.map(|summary| summary.critical), Some(1));
        assert_eq!(item.phase, "Active");
        assert!(item.last_reconcile.is_some());
        let empty = list_item(&record(None));
        assert_eq!((empty.cron_job_count, empty.phase.as_str()), (0, ""));
        assert!(empty.last_reconcile.is_none());
    }

    #[test]
    fn covered_cronjobs_default_to_the_monitors_namespace() {
        let status = json!({"cronJobs": [{"name": "backup"}, {"name": "report", "namespace": "finance"}, {"bad": 1}]});
        assert_eq!(
            covered_cronjobs(&record(Some(status))),
            vec![
                CronJobRef::new("ops", "backup"),
                CronJobRef::new("finance", "report")
            ]
        );
    }
}
