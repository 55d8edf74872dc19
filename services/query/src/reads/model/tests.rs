//! The read model keeps views between events and never keeps one an event overtook.

use guardian_api::v1::{
    AlertChange, CronJobChange, ExecutionChange, HistoryDeletedChange, NamespacedRef,
};
use guardian_core::{CronJobRecord, CronJobRef};
use guardian_store::reads_pages::RecentRuns;
use jiff::Timestamp;

use super::*;
use crate::reads::sla::RunCounts;

fn named(name: &str) -> Option<NamespacedRef> {
    Some(NamespacedRef {
        namespace: "ops".into(),
        name: name.into(),
    })
}

fn event(sequence: i64, change: Change) -> v1::Event {
    v1::Event {
        sequence,
        change: Some(change),
        ..v1::Event::default()
    }
}

fn execution_of(name: &str) -> Change {
    Change::Execution(ExecutionChange {
        cronjob: named(name),
        ..ExecutionChange::default()
    })
}

fn facts(name: &str) -> Arc<CronJobFacts> {
    let record = CronJobRecord {
        cronjob: CronJobRef::new("ops", name),
        uid: format!("uid-{name}"),
        schedule: "* * * * *".into(),
        time_zone: None,
        suspended: false,
        first_seen_at: Timestamp::UNIX_EPOCH,
        last_seen_at: Timestamp::UNIX_EPOCH,
        deleted_at: None,
    };
    Arc::new(CronJobFacts::new(
        record,
        RecentRuns::default(),
        RunCounts::default(),
        Vec::new(),
    ))
}

fn attached(limits: ModelLimits) -> ReadModel {
    let model = ReadModel::new(10, limits);
    model.attach();
    model
}

fn key(name: &str) -> CronJobRef {
    CronJobRef::new("ops", name)
}

#[test]
fn a_view_is_kept_until_an_event_about_its_cronjob_arrives() {
    let model = attached(ModelLimits::default());
    model.put_facts(model.ticket(), facts("a"));
    model.put_facts(model.ticket(), facts("b"));
    assert!(model.facts(&key("a")).is_some());
    model.apply(&event(11, execution_of("a")));
    assert!(model.facts(&key("a")).is_none(), "a's run changed");
    assert!(model.facts(&key("b")).is_some(), "b was not touched");
    for (sequence, change) in [
        (
            12,
            Change::Alert(AlertChange {
                cronjob: named("b"),
                ..AlertChange::default()
            }),
        ),
        (
            13,
            Change::HistoryDeleted(HistoryDeletedChange {
                cronjob: named("b"),
                executions_deleted: 1,
            }),
        ),
    ] {
        model.put_facts(model.ticket(), facts("b"));
        model.apply(&event(sequence, change));
        assert!(
            model.facts(&key("b")).is_none(),
            "event {sequence} touched b"
        );
    }
}

#[test]
fn a_load_that_an_event_overtook_is_not_kept() {
    let model = attached(ModelLimits::default());
    let ticket = model.ticket();
    model.apply(&event(11, execution_of("a")));
    model.put_facts(ticket, facts("a"));
    assert!(
        model.facts(&key("a")).is_none(),
        "loaded before the change was applied"
    );
    model.put_facts(model.ticket(), facts("a"));
    assert!(model.facts(&key("a")).is_some(), "loaded after it");
}

#[test]
fn a_cronjob_change_drops_every_listing_and_a_gap_drops_everything() {
    let model = attached(ModelLimits::default());
    let listing: ListingKey = (Some("ops".into()), None, false);
    model.put_listing(model.ticket(), listing.clone(), Arc::new(Vec::new()));
    model.put_facts(model.ticket(), facts("b"));
    model.apply(&event(11, execution_of("a")));
    assert!(
        model.listing(&listing).is_some(),
        "a run does not change the list"
    );
    let change = CronJobChange {
        cronjob: named("a"),
        ..CronJobChange::default()
    };
    model.apply(&event(12, Change::Cronjob(change)));
    assert!(model.listing(&listing).is_none());
    assert!(model.facts(&key("b")).is_some());
    model.apply(&event(20, execution_of("c")));
    assert!(
        model.facts(&key("b")).is_none(),
        "events 13..19 were never seen"
    );
}

#[test]
fn a_detached_model_keeps_nothing_and_old_views_expire() {
    let detached = ReadModel::new(10, ModelLimits::default());
    detached.put_facts(detached.ticket(), facts("a"));
    assert!(detached.facts(&key("a")).is_none());
    let expiring = attached(ModelLimits {
        max_age: Duration::ZERO,
        ..ModelLimits::default()
    });
    expiring.put_facts(expiring.ticket(), facts("a"));
    assert!(expiring.facts(&key("a")).is_none());
}

#[test]
fn execution_pages_are_bounded_and_the_oldest_goes_first() {
    let model = attached(ModelLimits {
        max_pages: 2,
        ..ModelLimits::default()
    });
    let page = |offset: u64| -> PageKey { (20, offset, None, None) };
    for offset in 0..3 {
        let reply = Arc::new(ListExecutionsResponse::default());
        model.put_page(model.ticket(), key("a"), page(offset), reply);
    }
    assert!(model.page(&key("a"), &page(0)).is_none(), "evicted");
    assert!(model.page(&key("a"), &page(1)).is_some());
    assert!(model.page(&key("a"), &page(2)).is_some());
    model.apply(&event(11, execution_of("a")));
    assert!(model.page(&key("a"), &page(2)).is_none());
    model.put_page(
        model.ticket(),
        key("a"),
        page(5),
        Arc::new(ListExecutionsResponse::default()),
    );
    model.put_page(
        model.ticket(),
        key("a"),
        page(6),
        Arc::new(ListExecutionsResponse::default()),
    );
    assert!(
        model.page(&key("a"), &page(5)).is_some(),
        "the count went down with the event"
    );
}
