//! The read side of the query API: validated requests in, store reads, replies out.
//!
//! ```text
//!  v1 request ─► guardian_api::input (validate) ─► Store reads ─► guardian_core (health, SLA, schedule)
//!            ◄─ guardian_api::convert ◄───────────────────────────────┘
//! ```
//!
//! The main reads (CronJob lists and detail, execution pages) go through the
//! replica's [`ReadModel`]: answered from memory while no event said their data
//! changed, read from the store otherwise.
//!
//! Every read is bounded: lists page in SQL, counts are `COUNT(*)` with the
//! window in the `WHERE` clause, and duration percentiles read at most
//! [`sla::MAX_DURATION_SAMPLES`] runs of one CronJob's window.

mod alerts;
mod channels;
mod cronjob_facts;
mod cronjobs;
mod daily;
mod executions;
mod model;
mod monitors;
mod pattern;
mod sla;
mod system;

use std::sync::Arc;

use guardian_core::{AlertRecord, AlertState, Clock, CronJobRecord};
use guardian_store::{AlertFilter, CronJobFilter, Store};
use jiff::Timestamp;
use tokio::sync::watch;

use crate::config::ServiceSettings;
use crate::error::Result;
use crate::upstream::StreamStatus;
pub use model::{ModelLimits, ReadModel};

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
    model: ReadModel,
    clock: Arc<dyn Clock>,
    info: Arc<ReplicaInfo>,
}

impl Reads {
    pub fn new(store: Store, model: ReadModel, clock: Arc<dyn Clock>, info: ReplicaInfo) -> Reads {
        Reads {
            store,
            model,
            clock,
            info: Arc::new(info),
        }
    }

    fn now(&self) -> Timestamp {
        self.clock.now()
    }

    /// Every CronJob matching `filter` (whatever its page), from the model or page by page.
    async fn all_cronjobs(&self, filter: CronJobFilter) -> Result<Arc<Vec<CronJobRecord>>> {
        let key = (
            filter.namespace.clone(),
            filter.search.clone(),
            filter.include_deleted,
        );
        if let Some(records) = self.model.listing(&key) {
            return Ok(records);
        }
        let ticket = self.model.ticket();
        let records = Arc::new(self.read_cronjobs(filter).await?);
        self.model.put_listing(ticket, key, Arc::clone(&records));
        Ok(records)
    }

    async fn read_cronjobs(&self, mut filter: CronJobFilter) -> Result<Vec<CronJobRecord>> {
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
}
