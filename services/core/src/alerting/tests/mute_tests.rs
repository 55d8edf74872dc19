//! Acknowledged and silenced alerts: what they hold back, what still goes out, and that
//! every step carries both fields (the monitoring loop rewrites records each pass).

use proptest::prelude::*;

use super::{at, mins, notify_reasons, present, problem};
use crate::alerting::*;
use crate::model::{Acknowledgement, Silence};

fn firing_at(minute: i64) -> AlertRecord {
    step(None, present(), at(minute), &Policy::default())
        .record
        .expect("fires at once without a delay")
}

fn acknowledged(record: &AlertRecord, minute: i64) -> AlertRecord {
    AlertRecord {
        acknowledged: Some(Box::new(Acknowledgement {
            at: at(minute),
            by: Some("alice".into()),
            note: Some("looking".into()),
        })),
        ..record.clone()
    }
}

fn silenced(record: &AlertRecord, until_minute: i64) -> AlertRecord {
    AlertRecord {
        silenced: Some(Box::new(Silence {
            until: at(until_minute),
            at: at(0),
            by: Some("bob".into()),
            reason: Some("deploying".into()),
        })),
        ..record.clone()
    }
}

fn resolves(result: &Step) -> usize {
    result
        .effects
        .iter()
        .filter(|effect| matches!(effect, Effect::Resolve { .. }))
        .count()
}

#[test]
fn an_acknowledged_alert_gets_no_reminder_or_change_notice_but_still_resolves() {
    let policy = Policy::default();
    let firing = firing_at(0);
    assert_eq!(
        notify_reasons(&step(Some(&firing), present(), at(120), &policy)),
        [NotifyReason::Reminder],
        "control: without the acknowledgement a reminder is due"
    );
    let acked = acknowledged(&firing, 5);
    let later = step(Some(&acked), present(), at(120), &policy);
    assert!(later.effects.is_empty(), "{:?}", later.effects);
    assert_eq!(later.record.as_ref(), Some(&acked), "nothing to rewrite");
    let changed = Observation::present(problem("OOMKilled", 137, Severity::Critical));
    assert!(
        step(Some(&acked), changed, at(121), &policy)
            .effects
            .is_empty()
    );
    let resolved = step(Some(&acked), Observation::Absent, at(130), &policy);
    assert_eq!(resolves(&resolved), 1);
    assert_eq!(
        resolved.record.and_then(|record| record.acknowledged),
        acked.acknowledged
    );
}

#[test]
fn an_acknowledgement_lapses_when_the_alert_resolves_and_comes_back() {
    let policy = Policy::default();
    let acked = acknowledged(&firing_at(0), 5);
    let resolved = step(Some(&acked), Observation::Absent, at(10), &policy)
        .record
        .expect("resolved record kept");
    let again = step(Some(&resolved), present(), at(20), &policy);
    assert_eq!(notify_reasons(&again), [NotifyReason::New]);
    let record = again.record.expect("new occurrence");
    assert!(record.acknowledged.is_some(), "the field is carried");
    assert!(record.acknowledgement().is_none(), "but no longer holds");
}

#[test]
fn a_silenced_pending_alert_waits_for_the_silence_to_end_then_fires() {
    let policy = Policy::default();
    let pending = AlertRecord {
        state: AlertState::Pending,
        last_notified: None,
        ..silenced(&firing_at(0), 30)
    };
    let held = step(Some(&pending), present(), at(1), &policy);
    assert_eq!(
        held.effects,
        [Effect::ScheduleCheck {
            key: pending.key.clone(),
            at: at(30)
        }]
    );
    let held_record = held.record.expect("still pending");
    assert_eq!(held_record.state, AlertState::Pending);
    let fired = step(Some(&held_record), present(), at(30), &policy);
    assert_eq!(notify_reasons(&fired), [NotifyReason::New]);
    assert_eq!(
        fired.record.and_then(|record| record.silenced),
        pending.silenced
    );
}

#[test]
fn a_silenced_firing_alert_holds_reminders_and_changes_but_sends_its_resolve() {
    let policy = Policy::default();
    let quiet = silenced(&firing_at(0), 200);
    assert!(
        step(Some(&quiet), present(), at(120), &policy)
            .effects
            .is_empty()
    );
    let changed = Observation::present(problem("OOMKilled", 137, Severity::Critical));
    assert_eq!(
        step(Some(&quiet), changed.clone(), at(121), &policy).effects,
        [Effect::ScheduleCheck {
            key: quiet.key.clone(),
            at: at(200)
        }],
        "a change is looked at again when the silence ends"
    );
    assert_eq!(
        notify_reasons(&step(Some(&quiet), changed, at(200), &policy)),
        [NotifyReason::Changed]
    );
    assert_eq!(
        notify_reasons(&step(Some(&quiet), present(), at(200), &policy)),
        [NotifyReason::Reminder]
    );
    assert_eq!(
        resolves(&step(Some(&quiet), Observation::Absent, at(150), &policy)),
        1
    );
}

#[test]
fn a_silence_outlives_a_resolve_and_holds_the_next_occurrence() {
    let policy = Policy::default();
    let quiet = silenced(&firing_at(0), 300);
    let resolved = step(Some(&quiet), Observation::Absent, at(10), &policy)
        .record
        .expect("resolved record kept");
    let again = step(Some(&resolved), present(), at(20), &policy);
    assert!(notify_reasons(&again).is_empty());
    assert_eq!(
        again.record.map(|record| (record.state, record.silenced)),
        Some((AlertState::Pending, quiet.silenced))
    );
}

#[test]
fn only_a_firing_alert_can_be_acknowledged_and_the_acknowledgement_holds_at_once() {
    let firing = firing_at(10);
    let actor = mute::Actor {
        by: Some("alice".into()),
        note: None,
    };
    let acked = mute::acknowledge(&firing, actor.clone(), at(12)).expect("firing");
    assert_eq!(
        acked.acknowledgement().map(|ack| (ack.at, ack.by.clone())),
        Some((at(12), Some("alice".into())))
    );
    let skewed = mute::acknowledge(&firing, actor.clone(), at(9)).expect("firing");
    assert!(
        skewed.acknowledgement().is_some(),
        "a clock behind `since` still covers this occurrence"
    );
    for state in [AlertState::Pending, AlertState::Resolved] {
        let other = AlertRecord {
            state,
            ..firing.clone()
        };
        assert_eq!(
            mute::acknowledge(&other, actor.clone(), at(12)),
            Err(mute::MuteRefusal::NotFiring {
                key: firing.key.clone(),
                state
            })
        );
    }
}

#[test]
fn a_silence_runs_for_its_duration_from_now_and_replaces_the_last() {
    let resolved = AlertRecord {
        state: AlertState::Resolved,
        ..silenced(&firing_at(0), 5)
    };
    let actor = mute::Actor {
        by: None,
        note: Some("deploying".into()),
    };
    let record = mute::silence(&resolved, mins(30), actor, at(10));
    let silence = record.silence_at(at(39)).expect("in force");
    assert_eq!(
        (silence.until, silence.at, silence.reason.as_deref()),
        (at(40), at(10), Some("deploying"))
    );
    assert!(record.silence_at(at(40)).is_none(), "over at its end");
}

proptest! {
    #[test]
    fn nothing_is_sent_while_silenced_and_both_fields_survive_every_step(
        observations in prop::collection::vec((1i64..40, any::<bool>(), any::<bool>()), 1..50),
        delay in 0i64..20, silence_end in 0i64..800,
    ) {
        let seed = AlertRecord {
            state: AlertState::Resolved,
            resolved_at: Some(at(0)),
            ..acknowledged(&silenced(&firing_at(0), silence_end), 0)
        };
        let policy = Policy { alert_delay: mins(delay), ..Policy::default() };
        let mut record = Some(seed.clone());
        let mut minute = 0;
        for (gap, is_present, severe) in observations {
            minute += gap;
            let severity = if severe { Severity::Critical } else { Severity::Warning };
            let observation = if is_present {
                Observation::present(problem("Error", 1, severity))
            } else {
                Observation::Absent
            };
            let result = step(record.as_ref(), observation, at(minute), &policy);
            if minute < silence_end {
                prop_assert!(notify_reasons(&result).is_empty(), "sent while silenced");
            }
            if let Some(next) = &result.record {
                prop_assert_eq!(&next.silenced, &seed.silenced);
                prop_assert_eq!(&next.acknowledged, &seed.acknowledged);
            }
            // A pending alert forgotten before it was sent loses its row, and with it both.
            record = result.record.or_else(|| Some(seed.clone()));
        }
    }
}
