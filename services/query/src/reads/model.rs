//! The replica's read model: what the main reads loaded from the database, kept in
//! memory until an event of the stream says it changed.
//!
//! ```text
//!  upstream ── apply(event) ──► forget the views of the event's CronJob
//!                               (and every CronJob list, on a CronJob change)
//!  read: view held and fresh? ── yes ─► answer from memory
//!                             └─ no ──► ticket ─► database ─► put(ticket, view) ─► answer
//! ```
//!
//! A view is kept only if no event touched its CronJob after its ticket was taken: the
//! replica receives an event after it commits, so a load that started after the event
//! sees the change, and a load that raced it is dropped. Views also expire after
//! [`ModelLimits::max_age`]: the 7- and 30-day figures move with the clock. Monitors emit
//! no event, so their index is re-read after [`ModelLimits::monitors_max_age`]. A gap in
//! the stream (events pruned before the replica read them) forgets everything.
//!
//! A model starts detached (it keeps nothing) until the follower feeding it calls
//! [`ReadModel::attach`]: without a feed, nothing would ever say a view went stale.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use guardian_api::v1::{self, ListExecutionsResponse, event::Change};
use guardian_core::{CronJobRecord, CronJobRef, Outcome};
use jiff::Timestamp;

use super::cronjob_facts::CronJobDetail;
use super::cronjobs::CronJobFacts;

/// How much the model keeps, and for how long.
#[derive(Debug, Clone, Copy)]
pub struct ModelLimits {
    /// Age after which any view is loaded again.
    pub max_age: Duration,
    /// Age after which the monitor index is loaded again (monitors emit no event).
    pub monitors_max_age: Duration,
    /// Execution pages kept at most (the oldest loaded goes first).
    pub max_pages: usize,
}

impl Default for ModelLimits {
    fn default() -> Self {
        ModelLimits {
            max_age: Duration::from_secs(60),
            monitors_max_age: Duration::from_secs(5),
            max_pages: 10_000,
        }
    }
}

/// Which CronJobs a list asks for: namespace, name search, and whether deleted ones too.
pub type ListingKey = (Option<String>, Option<String>, bool);

/// One page of a CronJob's runs: limit, offset, since, outcome.
pub type PageKey = (u32, u64, Option<Timestamp>, Option<Outcome>);

/// Monitor of each CronJob a monitor covers.
pub type MonitorIndex = HashMap<CronJobRef, CronJobRef>;

/// The stream position a load started at; see the module docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ticket(i64);

/// The read model; cheap to clone.
#[derive(Clone)]
pub struct ReadModel {
    state: Arc<Mutex<State>>,
    limits: ModelLimits,
}

struct State {
    attached: bool,
    /// Sequence of the newest event applied.
    applied: i64,
    /// Sequence at which everything was last forgotten.
    reset_at: i64,
    cronjobs: HashMap<CronJobRef, Slot>,
    listings: HashMap<ListingKey, Held<Vec<CronJobRecord>>>,
    listings_changed_at: i64,
    monitors: Option<Held<MonitorIndex>>,
    pages: usize,
}

/// One CronJob's views, and when an event last touched it.
#[derive(Default)]
struct Slot {
    changed_at: i64,
    facts: Option<Held<CronJobFacts>>,
    detail: Option<Held<CronJobDetail>>,
    pages: HashMap<PageKey, Held<ListExecutionsResponse>>,
}

struct Held<T> {
    value: Arc<T>,
    loaded: Instant,
}

impl<T> Held<T> {
    fn new(value: Arc<T>) -> Held<T> {
        Held {
            value,
            loaded: Instant::now(),
        }
    }

    fn fresh(&self, max_age: Duration) -> Option<Arc<T>> {
        (self.loaded.elapsed() < max_age).then(|| Arc::clone(&self.value))
    }
}

impl ReadModel {
    /// A detached model whose stream starts after `head`.
    pub fn new(head: i64, limits: ModelLimits) -> ReadModel {
        let state = State {
            attached: false,
            applied: head,
            reset_at: head,
            cronjobs: HashMap::new(),
            listings: HashMap::new(),
            listings_changed_at: head,
            monitors: None,
            pages: 0,
        };
        ReadModel {
            state: Arc::new(Mutex::new(state)),
            limits,
        }
    }

    /// Starts keeping views: from now on every committed event reaches [`ReadModel::apply`].
    pub fn attach(&self) {
        self.state().attached = true;
    }

    /// Forgets what `event` changes. Call it before the event is fanned out, so a client
    /// that saw the event and then reads gets the change.
    pub fn apply(&self, event: &v1::Event) {
        let mut state = self.state();
        if event.sequence <= state.applied {
            return;
        }
        let sequence = event.sequence;
        if sequence > state.applied + 1 {
            state.forget_all(sequence);
        } else if let Some(cronjob) = cronjob_of(event) {
            if matches!(event.change, Some(Change::Cronjob(_))) {
                state.listings.clear();
                state.listings_changed_at = sequence;
            }
            let slot = state.cronjobs.entry(cronjob).or_default();
            let dropped = slot.pages.len();
            *slot = Slot {
                changed_at: sequence,
                ..Slot::default()
            };
            state.pages -= dropped;
        }
        state.applied = sequence;
    }

    /// The position a load starts at; hand it back with the loaded view.
    pub fn ticket(&self) -> Ticket {
        Ticket(self.state().applied)
    }

    pub fn facts(&self, cronjob: &CronJobRef) -> Option<Arc<CronJobFacts>> {
        let state = self.state();
        let held = state.cronjobs.get(cronjob)?.facts.as_ref()?;
        held.fresh(self.limits.max_age)
    }

    pub fn put_facts(&self, ticket: Ticket, facts: Arc<CronJobFacts>) {
        let cronjob = facts.record.cronjob.clone();
        if let Some(slot) = self.state().slot_for(ticket, cronjob) {
            slot.facts = Some(Held::new(facts));
        }
    }

    pub fn detail(&self, cronjob: &CronJobRef) -> Option<Arc<CronJobDetail>> {
        let state = self.state();
        let held = state.cronjobs.get(cronjob)?.detail.as_ref()?;
        held.fresh(self.limits.max_age)
    }

    pub fn put_detail(&self, ticket: Ticket, detail: Arc<CronJobDetail>) {
        let cronjob = detail.facts.record.cronjob.clone();
        if let Some(slot) = self.state().slot_for(ticket, cronjob) {
            slot.detail = Some(Held::new(detail));
        }
    }

    pub fn page(&self, cronjob: &CronJobRef, key: &PageKey) -> Option<Arc<ListExecutionsResponse>> {
        let state = self.state();
        let held = state.cronjobs.get(cronjob)?.pages.get(key)?;
        held.fresh(self.limits.max_age)
    }

    pub fn put_page(
        &self,
        ticket: Ticket,
        cronjob: CronJobRef,
        key: PageKey,
        page: Arc<ListExecutionsResponse>,
    ) {
        let mut state = self.state();
        if state.pages >= self.limits.max_pages {
            state.evict_oldest_page();
        }
        let Some(slot) = state.slot_for(ticket, cronjob) else {
            return;
        };
        let added = slot.pages.insert(key, Held::new(page)).is_none();
        state.pages += usize::from(added);
    }

    pub fn listing(&self, key: &ListingKey) -> Option<Arc<Vec<CronJobRecord>>> {
        let state = self.state();
        state.listings.get(key)?.fresh(self.limits.max_age)
    }

    pub fn put_listing(&self, ticket: Ticket, key: ListingKey, records: Arc<Vec<CronJobRecord>>) {
        let mut state = self.state();
        if state.keeps(ticket) && state.listings_changed_at <= ticket.0 {
            state.listings.insert(key, Held::new(records));
        }
    }

    pub fn monitors(&self) -> Option<Arc<MonitorIndex>> {
        let state = self.state();
        state.monitors.as_ref()?.fresh(self.limits.monitors_max_age)
    }

    /// Monitors emit no event, so their index is kept for its short age whatever the ticket.
    pub fn put_monitors(&self, index: Arc<MonitorIndex>) {
        let mut state = self.state();
        if state.attached {
            state.monitors = Some(Held::new(index));
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // Every update leaves the state consistent before anything can panic, so a
        // poisoned lock still guards a usable model.
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl State {
    /// Whether a view loaded at `ticket` may be kept at all.
    fn keeps(&self, ticket: Ticket) -> bool {
        self.attached && self.reset_at <= ticket.0
    }

    /// The slot a view loaded at `ticket` goes to, if no event touched the CronJob since.
    fn slot_for(&mut self, ticket: Ticket, cronjob: CronJobRef) -> Option<&mut Slot> {
        if !self.keeps(ticket) {
            return None;
        }
        let slot = self.cronjobs.entry(cronjob).or_default();
        (slot.changed_at <= ticket.0).then_some(slot)
    }

    fn forget_all(&mut self, sequence: i64) {
        self.cronjobs.clear();
        self.listings.clear();
        self.monitors = None;
        self.pages = 0;
        self.reset_at = sequence;
        self.listings_changed_at = sequence;
    }

    fn evict_oldest_page(&mut self) {
        let oldest = self
            .cronjobs
            .iter()
            .flat_map(|(cronjob, slot)| {
                slot.pages
                    .iter()
                    .map(move |(key, held)| (held.loaded, cronjob, key))
            })
            .min_by_key(|(loaded, _, _)| *loaded)
            .map(|(_, cronjob, key)| (cronjob.clone(), *key));
        if let Some((cronjob, key)) = oldest
            && let Some(slot) = self.cronjobs.get_mut(&cronjob)
            && slot.pages.remove(&key).is_some()
        {
            self.pages -= 1;
        }
    }
}

/// The CronJob an event is about.
fn cronjob_of(event: &v1::Event) -> Option<CronJobRef> {
    let named = match event.change.as_ref()? {
        Change::Execution(change) => change.cronjob.as_ref(),
        Change::Cronjob(change) => change.cronjob.as_ref(),
        Change::Alert(change) => change.cronjob.as_ref(),
        Change::HistoryDeleted(change) => change.cronjob.as_ref(),
    }?;
    Some(CronJobRef::new(&named.namespace, &named.name))
}

#[cfg(test)]
mod tests;
