//! Alerts: the firing ones (with per-severity counts) and the history of all,
//! newest first.
//!
//! The store filters by namespace, CronJob, state and severity and orders by
//! `since` descending. The alert type, and a CronJob name given without its
//! namespace, are filtered here over the (bounded) set of firing alerts. History
//! `since` is the prefix of that order, so it is read page by page until the
//! first older alert, at most [`MAX_HISTORY_SCAN`] alerts deep.

use std::collections::HashMap;

use guardian_api::convert::pagination;
use guardian_api::input::{AlertFilter as AlertQuery, AlertHistoryQuery, Page};
use guardian_api::v1::{
    AlertHistoryItem, AlertItem, ListAlertHistoryRequest, ListAlertHistoryResponse,
    ListAlertsRequest, ListAlertsResponse,
};
use guardian_core::{AlertRecord, CronJobRef};
use guardian_store::AlertFilter;

use super::{PAGE, Reads};
use crate::error::Result;

/// Deepest history read to answer a `since` filter.
pub const MAX_HISTORY_SCAN: u64 = 20_000;

impl Reads {
    pub async fn list_alerts(&self, request: &ListAlertsRequest) -> Result<ListAlertsResponse> {
        let query = AlertQuery::try_from(request)?;
        let cronjob = match (&query.namespace, &query.cronjob) {
            (Some(namespace), Some(name)) => Some(CronJobRef::new(namespace, name)),
            _ => None,
        };
        let filter = AlertFilter {
            namespace: query.namespace.clone(),
            cronjob,
            severity: query.severity,
            ..AlertFilter::default()
        };
        let alerts: Vec<AlertRecord> = self
            .firing_alerts(filter)
            .await?
            .into_iter()
            .filter(|alert| matches_query(alert, &query))
            .collect();
        let mut by_severity: HashMap<String, i32> = HashMap::new();
        for alert in &alerts {
            *by_severity
                .entry(alert.severity.as_str().to_owned())
                .or_default() += 1;
        }
        Ok(ListAlertsResponse {
            total: i32::try_from(alerts.len()).unwrap_or(i32::MAX),
            items: alerts.iter().map(AlertItem::from).collect(),
            by_severity,
        })
    }

    pub async fn list_alert_history(
        &self,
        request: &ListAlertHistoryRequest,
    ) -> Result<ListAlertHistoryResponse> {
        let query = AlertHistoryQuery::try_from(request)?;
        let filter = AlertFilter {
            severity: query.severity,
            ..AlertFilter::default()
        };
        let (items, total) = match query.since {
            None => self.history_page(filter, query.page).await?,
            Some(since) => self.history_since(filter, query.page, since).await?,
        };
        Ok(ListAlertHistoryResponse {
            items: items.iter().map(AlertHistoryItem::from).collect(),
            pagination: Some(pagination(total, query.page)),
        })
    }

    /// One page, paged and counted in SQL.
    async fn history_page(
        &self,
        mut filter: AlertFilter,
        page: Page,
    ) -> Result<(Vec<AlertRecord>, i64)> {
        filter.limit = page.limit;
        filter.offset = u64::from(page.offset);
        let found = self.store.list_alerts(&filter).await?;
        Ok((found.items, i64::try_from(found.total).unwrap_or(i64::MAX)))
    }

    /// The page of alerts that began at or after `since`, and how many there are.
    async fn history_since(
        &self,
        mut filter: AlertFilter,
        page: Page,
        since: jiff::Timestamp,
    ) -> Result<(Vec<AlertRecord>, i64)> {
        let first = u64::from(page.offset);
        let last = first + u64::from(page.limit);
        filter.limit = PAGE;
        filter.offset = 0;
        let mut matching: u64 = 0;
        let mut items = Vec::new();
        'pages: while filter.offset < MAX_HISTORY_SCAN {
            let found = self.store.list_alerts(&filter).await?;
            let fetched = found.items.len() as u64;
            for alert in found.items {
                if alert.since < since {
                    break 'pages;
                }
                if (first..last).contains(&matching) {
                    items.push(alert);
                }
                matching += 1;
            }
            filter.offset += fetched;
            if fetched == 0 || filter.offset >= found.total {
                break;
            }
        }
        Ok((items, i64::try_from(matching).unwrap_or(i64::MAX)))
    }
}

/// The filters the store cannot apply: alert type, and a CronJob name alone.
fn matches_query(alert: &AlertRecord, query: &AlertQuery) -> bool {
    let type_matches = query
        .alert_type
        .as_ref()
        .is_none_or(|wanted| *wanted == alert.kind);
    let cronjob_matches = query
        .cronjob
        .as_ref()
        .is_none_or(|wanted| *wanted == alert.cronjob.name);
    type_matches && cronjob_matches
}
