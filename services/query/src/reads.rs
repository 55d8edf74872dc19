//! The read side of the query API: validated requests in, store reads, replies out.
//!
//! ```text
//!  v1 request ─► guardian_api::input (validate) ─► Store reads ─► guardian_core (health, SLA, schedule)
//!            ◄─ guardian_api::convert ◄───────────────────────────────┘
//! ```
//!
//! Every read is bounded: lists page in SQL, counts are `COUNT(*)` with the
//! window in the `WHERE` clause, and duration percentiles read at most
//! [`sla::MAX_DURATION_SAMPLES`] runs of one CronJob's window.

mod alerts;
mod cronjobs;
mod executions;
mod monitors;
mod pattern;
mod sla;
mod system;

use std::collections::HashMap;
use std::sync::Arc;

use guardian_core::{AlertRecord, AlertState, Clock, CronJobRecord, CronJobRef};
use guardian_store::{AlertFilter, CronJobFilter, Store};
use jiff::Timestamp;
use tokio::sync::watch;

use crate::config::ServiceSettings;
use crate::error::Result;
use crate::upstream::StreamStatus;

/// Rows per store page when a read has to walk a whole (bounded) set.
const PAGE: u32 = guardian_store::filter::MAX_PAGE;
/// Store reads run at once when one reply needs a read per CronJob.
const PARALLEL_READS: usize = 8;

/// What the replica says about itself in `GetHealth`, `GetStorageStats` and `GetConfig`.
#[derive(Clone)]
pub struct ReplicaInfo {
    pub version: String,
    pub started_at: Timestamp,
    pub settings: ServiceSettings,
    /// True while a control plane in this process leads (the `dev` command); `None` for a
    /// plain query replica, which never leads.
    pub leadership: Option<watch::Receiver<bool>>,
    pub stream: StreamStatus,
}

/// The store reads behind `QueryService`; cheap to clone.
#[derive(Clone)]
pub struct Reads {
    store: Store,
    clock: Arc<dyn Clock>,
    info: Arc<ReplicaInfo>,
}

impl Reads {
    pub fn new(store: Store, clock: Arc<dyn Clock>, info: ReplicaInfo) -> Reads {
        Reads {
            store,
            clock,
            info: Arc::new(info),
        }
    }

    fn now(&self) -> Timestamp {
        self.clock.now()
    }

    /// Every CronJob matching `filter`, page by page.
    async fn all_cronjobs(&self, mut filter: CronJobFilter) -> Result<Vec<CronJobRecord>> {
        filter.limit = PAGE;
        filter.offset = 0;
        let mut records = Vec::new();
        loop {
            let page = self.store.list_cronjobs(&filter).await?;
            let fetched = page.items.len() as u64;
            records.extend(page.items);
            filter.offset += fetched;
            if fetched == 0 || filter.offset >= page.total {
                return Ok(records);
            }
        }
    }

    /// Alerts that are firing, matching `filter`, page by page.
    async fn firing_alerts(&self, mut filter: AlertFilter) -> Result<Vec<AlertRecord>> {
        filter.state = Some(AlertState::Firing);
        filter.limit = PAGE;
        filter.offset = 0;
        let mut alerts = Vec::new();
        loop {
            let page = self.store.list_alerts(&filter).await?;
            let fetched = page.items.len() as u64;
            alerts.extend(page.items);
            filter.offset += fetched;
            if fetched == 0 || filter.offset >= page.total {
                return Ok(alerts);
            }
        }
    }

    /// Firing alerts grouped by their CronJob.
    async fn firing_alerts_by_cronjob(&self) -> Result<HashMap<CronJobRef, Vec<AlertRecord>>> {
        let mut grouped: HashMap<CronJobRef, Vec<AlertRecord>> = HashMap::new();
        for alert in self.firing_alerts(AlertFilter::default()).await? {
            grouped
                .entry(alert.cronjob.clone())
                .or_default()
                .push(alert);
        }
        Ok(grouped)
    }
}
