//! One transaction's worth of updates, coalesced per key: several updates for
//! the same Job UID (or the same CronJob) become one write.
//!
//! A burst reports most Jobs twice (running, then finished); writing only the
//! merged state halves the rows and outbox events per Job. The merge is the
//! store's own ([`guardian_store::merge`]), so a coalesced batch stores what the
//! updates written one by one would have stored: the latest state wins, and a
//! finished run is never replaced by an older running one.

use std::collections::HashMap;

use guardian_core::{CronJobRecord, CronJobRef, Execution};
use guardian_kube::update::Update;
use guardian_store::merge;
use jiff::Timestamp;

/// Raw updates taken per batch, as a multiple of its distinct keys: bounds a
/// batch even when one key is repeated without end.
const RECEIVED_PER_KEY: usize = 4;

/// What a batch will write for one CronJob.
#[derive(Debug)]
enum CronJobEntry {
    Seen(CronJobRecord),
    /// Deleted; `seen` is the record seen earlier in this batch, if any.
    Deleted {
        cronjob: CronJobRef,
        seen: Option<CronJobRecord>,
    },
}

/// Updates gathered for one transaction, at most one entry per key, in
/// first-seen order.
#[derive(Debug)]
pub(crate) struct Coalesced {
    limit: usize,
    received: usize,
    executions: Vec<Execution>,
    by_uid: HashMap<String, usize>,
    cronjobs: Vec<CronJobEntry>,
    by_cronjob: HashMap<CronJobRef, usize>,
}

impl Coalesced {
    /// An empty batch that is full at `limit` distinct keys.
    pub(crate) fn new(limit: usize) -> Coalesced {
        Coalesced {
            limit,
            received: 0,
            executions: Vec::new(),
            by_uid: HashMap::new(),
            cronjobs: Vec::new(),
            by_cronjob: HashMap::new(),
        }
    }

    /// Distinct writes so far.
    pub(crate) fn len(&self) -> usize {
        self.executions.len() + self.cronjobs.len()
    }

    /// Updates taken so far (before coalescing).
    pub(crate) fn received(&self) -> usize {
        self.received
    }

    /// True when no more updates should be taken into this batch.
    pub(crate) fn is_full(&self) -> bool {
        self.len() >= self.limit || self.received >= self.limit.saturating_mul(RECEIVED_PER_KEY)
    }

    /// Adds `update`, merged into the entry for the same key if there is one.
    pub(crate) fn push(&mut self, update: Update) {
        self.received += 1;
        match update {
            Update::Execution(execution) => self.push_execution(execution),
            Update::CronJob(record) => self.push_cronjob(record),
            Update::CronJobDeleted(cronjob) => self.push_deleted(cronjob),
        }
    }

    fn push_execution(&mut self, execution: Execution) {
        match self.by_uid.get(&execution.job_uid) {
            Some(&position) => {
                let current = &mut self.executions[position];
                *current = merge::execution(current, &execution);
            }
            None => {
                self.by_uid
                    .insert(execution.job_uid.clone(), self.executions.len());
                self.executions.push(execution);
            }
        }
    }

    fn push_cronjob(&mut self, record: CronJobRecord) {
        let Some(&position) = self.by_cronjob.get(&record.cronjob) else {
            self.by_cronjob
                .insert(record.cronjob.clone(), self.cronjobs.len());
            self.cronjobs.push(CronJobEntry::Seen(record));
            return;
        };
        // Seen again (even after a deletion): present, keeping the earliest first sighting.
        let merged = match &self.cronjobs[position] {
            CronJobEntry::Seen(current)
            | CronJobEntry::Deleted {
                seen: Some(current),
                ..
            } => merge::cronjob(current, &record),
            CronJobEntry::Deleted { seen: None, .. } => record,
        };
        self.cronjobs[position] = CronJobEntry::Seen(merged);
    }

    fn push_deleted(&mut self, cronjob: CronJobRef) {
        let Some(&position) = self.by_cronjob.get(&cronjob) else {
            self.by_cronjob.insert(cronjob.clone(), self.cronjobs.len());
            self.cronjobs.push(CronJobEntry::Deleted {
                cronjob,
                seen: None,
            });
            return;
        };
        let entry = &mut self.cronjobs[position];
        if let CronJobEntry::Seen(record) = entry {
            let seen = Some(record.clone());
            *entry = CronJobEntry::Deleted { cronjob, seen };
        }
    }

    /// The writes, CronJobs first; a CronJob seen and deleted within the batch is
    /// written as its record deleted at `now` (the store does not know it yet).
    pub(crate) fn into_updates(self, now: Timestamp) -> Vec<Update> {
        let cronjobs = self.cronjobs.into_iter().map(|entry| match entry {
            CronJobEntry::Seen(record) => Update::CronJob(record),
            CronJobEntry::Deleted {
                seen: Some(mut record),
                ..
            } => {
                record.deleted_at.get_or_insert(now);
                Update::CronJob(record)
            }
            CronJobEntry::Deleted {
                cronjob,
                seen: None,
            } => Update::CronJobDeleted(cronjob),
        });
        let executions = self.executions.into_iter().map(Update::Execution);
        cronjobs.chain(executions).collect()
    }
}

#[cfg(test)]
#[path = "batch_tests.rs"]
mod tests;
