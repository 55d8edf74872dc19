mod mute_tests;
mod rate_limit_tests;

use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;

use super::*;

fn at(minute: i64) -> Timestamp {
    Timestamp::from_second(1_714_550_400 + minute * 60).expect("in range")
}

fn mins(value: i64) -> SignedDuration {
    SignedDuration::from_mins(value)
}

fn problem(reason: &str, exit_code: i32, severity: Severity) -> Problem {
    let cronjob = CronJobRef::new("prod", "backup");
    let monitor = CronJobRef::new("ops", "critical");
    Problem {
        key: alert_key(Some(&monitor), &cronjob, kinds::JOB_FAILED),
        kind: kinds::JOB_FAILED.into(),
        severity,
        cronjob,
        monitor: Some(monitor),
        title: "Job failed".into(),
        message: format!("{reason} ({exit_code})"),
        exit_code: Some(exit_code),
        reason: Some(reason.into()),
        suggested_fix: None,
    }
}

fn present() -> Observation {
    Observation::present(problem("Error", 1, Severity::Warning))
}

fn delayed(minutes: i64) -> Policy {
    Policy {
        alert_delay: mins(minutes),
        ..Policy::default()
    }
}

fn notify_reasons(step: &Step) -> Vec<NotifyReason> {
    step.effects
        .iter()
        .filter_map(|effect| {
            if let Effect::Notify { reason, .. } = effect {
                Some(*reason)
            } else {
                None
            }
        })
        .collect()
}

#[test]
fn keys_are_stable_and_per_monitor() {
    let cronjob = CronJobRef::new("prod", "backup");
    assert_eq!(
        alert_key(
            Some(&CronJobRef::new("ops", "m1")),
            &cronjob,
            kinds::DEAD_MAN_TRIGGERED
        ),
        "ops/m1/prod/backup/deadManTriggered"
    );
    assert_ne!(
        alert_key(
            Some(&CronJobRef::new("ops", "m2")),
            &cronjob,
            kinds::JOB_FAILED
        ),
        alert_key(
            Some(&CronJobRef::new("ops", "m1")),
            &cronjob,
            kinds::JOB_FAILED
        )
    );
    assert_eq!(
        alert_key(None, &cronjob, kinds::JOB_FAILED),
        "prod/backup/jobFailed"
    );
}

#[test]
fn a_problem_that_clears_inside_the_delay_is_never_sent() {
    let first = step(None, present(), at(0), &delayed(5));
    let record = first.record.expect("pending record");
    assert_eq!(record.state, AlertState::Pending);
    assert_eq!(
        first.effects,
        [Effect::ScheduleCheck {
            key: record.key.clone(),
            at: at(5)
        }]
    );
    let cleared = step(Some(&record), Observation::Absent, at(3), &delayed(5));
    assert_eq!(
        cleared,
        Step {
            record: None,
            effects: Vec::new()
        }
    );
}

#[test]
fn a_problem_that_outlives_the_delay_fires_once() {
    let pending = step(None, present(), at(0), &delayed(5))
        .record
        .expect("pending");
    let still = step(Some(&pending), present(), at(4), &delayed(5));
    assert_eq!(
        still
            .record
            .as_ref()
            .map(|record| (record.state, record.since)),
        Some((AlertState::Pending, at(0)))
    );
    let fired = step(still.record.as_ref(), present(), at(5), &delayed(5));
    let record = fired.record.clone().expect("firing");
    assert_eq!(
        (record.state, record.since, record.last_notified),
        (AlertState::Firing, at(0), Some(at(5)))
    );
    assert_eq!(notify_reasons(&fired), [NotifyReason::New]);
    assert!(notify_reasons(&step(Some(&record), present(), at(6), &delayed(5))).is_empty());
}

#[test]
fn without_a_delay_the_first_observation_notifies() {
    let fired = step(None, present(), at(0), &Policy::default());
    assert_eq!(
        fired.record.as_ref().map(|record| record.state),
        Some(AlertState::Firing)
    );
    assert_eq!(notify_reasons(&fired), [NotifyReason::New]);
}

#[test]
fn duplicates_are_suppressed_within_the_window_then_reminded() {
    let policy = Policy::default();
    let firing = step(None, present(), at(0), &policy)
        .record
        .expect("firing");
    let duplicate = step(Some(&firing), present(), at(59), &policy);
    assert!(duplicate.effects.is_empty());
    assert_eq!(duplicate.record.as_ref(), Some(&firing));
    let reminder = step(Some(&firing), present(), at(60), &policy);
    assert_eq!(notify_reasons(&reminder), [NotifyReason::Reminder]);
    assert_eq!(
        reminder
            .record
            .map(|record| (record.since, record.last_notified)),
        Some((at(0), Some(at(60))))
    );
}

#[test]
fn a_changed_signature_is_sent_at_once() {
    let policy = Policy::default();
    let firing = step(None, present(), at(0), &policy)
        .record
        .expect("firing");
    for changed in [
        problem("OOMKilled", 1, Severity::Warning),
        problem("Error", 137, Severity::Warning),
        problem("Error", 1, Severity::Critical),
    ] {
        let result = step(
            Some(&firing),
            Observation::present(changed.clone()),
            at(1),
            &policy,
        );
        assert_eq!(
            notify_reasons(&result),
            [NotifyReason::Changed],
            "{changed:?}"
        );
    }
    let same_category = step(
        Some(&firing),
        Observation::present(problem("Error", 2, Severity::Warning)),
        at(1),
        &policy,
    );
    assert!(
        same_category.effects.is_empty(),
        "exit 1 and 2 are both application errors"
    );
}

#[test]
fn a_resolved_cause_sends_a_resolve_notice_and_a_recurrence_starts_over() {
    let policy = delayed(5);
    let firing = step(
        step(None, present(), at(0), &policy).record.as_ref(),
        present(),
        at(5),
        &policy,
    )
    .record
    .expect("firing");
    let resolved = step(Some(&firing), Observation::Absent, at(30), &policy);
    let record = resolved
        .record
        .clone()
        .expect("resolved record kept for history");
    assert_eq!(
        (record.state, record.resolved_at),
        (AlertState::Resolved, Some(at(30)))
    );
    assert_eq!(
        resolved.effects,
        [Effect::Resolve {
            alert: record.clone()
        }]
    );
    assert_eq!(
        step(Some(&record), Observation::Absent, at(31), &policy).effects,
        []
    );
    let again = step(Some(&record), present(), at(40), &policy)
        .record
        .expect("new occurrence");
    assert_eq!(
        (
            again.state,
            again.since,
            again.resolved_at,
            again.last_notified
        ),
        (AlertState::Pending, at(40), None, None)
    );
}

#[test]
fn maintenance_holds_alerts_and_gives_the_delay_again_afterwards() {
    let quiet = Policy {
        alert_delay: mins(5),
        quiet_until: Some(at(120)),
        ..Policy::default()
    };
    let held = step(None, present(), at(0), &quiet);
    let record = held.record.clone().expect("pending");
    assert_eq!(
        held.effects,
        [Effect::ScheduleCheck {
            key: record.key.clone(),
            at: at(125)
        }]
    );
    let still_quiet = step(Some(&record), present(), at(119), &quiet);
    assert!(notify_reasons(&still_quiet).is_empty());
    let after = Policy {
        alert_delay: mins(5),
        quiet_ended_at: Some(at(120)),
        ..Policy::default()
    };
    assert!(
        notify_reasons(&step(Some(&record), present(), at(122), &after)).is_empty(),
        "waits the delay after the window"
    );
    assert_eq!(
        notify_reasons(&step(Some(&record), present(), at(125), &after)),
        [NotifyReason::New]
    );
    // A problem that began after an old window is not delayed by it.
    let fresh = step(None, present(), at(200), &after);
    assert!(matches!(fresh.effects[..], [Effect::ScheduleCheck { at: due, .. }] if due == at(205)));
}

#[test]
fn while_quiet_changes_wait_and_resolutions_still_go_out() {
    let policy = Policy::default();
    let firing = step(None, present(), at(0), &policy)
        .record
        .expect("firing");
    let quiet = Policy {
        quiet_until: Some(at(30)),
        ..Policy::default()
    };
    let changed = Observation::present(problem("OOMKilled", 137, Severity::Critical));
    let during = step(Some(&firing), changed.clone(), at(10), &quiet);
    assert_eq!(
        during.record.as_ref(),
        Some(&firing),
        "the record keeps what was sent"
    );
    assert_eq!(
        during.effects,
        [Effect::ScheduleCheck {
            key: firing.key.clone(),
            at: at(30)
        }]
    );
    assert_eq!(
        notify_reasons(&step(Some(&firing), changed, at(30), &policy)),
        [NotifyReason::Changed]
    );
    assert!(matches!(
        step(Some(&firing), Observation::Absent, at(10), &quiet).effects[..],
        [Effect::Resolve { .. }]
    ));
}

fn observation_strategy() -> impl Strategy<Value = Option<(&'static str, i32, Severity)>> {
    prop::option::of((
        prop::sample::select(vec!["Error", "OOMKilled"]),
        prop::sample::select(vec![1, 2, 137]),
        prop::sample::select(vec![Severity::Warning, Severity::Critical]),
    ))
}

proptest! {
    #[test]
    fn notices_respect_delay_quiet_and_are_resolved_only_after_being_sent(
        observations in prop::collection::vec((1i64..40, observation_strategy()), 1..60),
        delay in 0i64..30, quiet_from in 0i64..600, quiet_length in 0i64..120,
    ) {
        let mut record: Option<AlertRecord> = None;
        let mut minute = 0;
        let mut sent_this_occurrence = false;
        for (gap, observed) in observations {
            minute += gap;
            let in_quiet = (quiet_from..quiet_from + quiet_length).contains(&minute);
            let ended = (minute >= quiet_from + quiet_length && quiet_length > 0).then(|| at(quiet_from + quiet_length));
            let policy = Policy { alert_delay: mins(delay), quiet_until: in_quiet.then(|| at(quiet_from + quiet_length)), quiet_ended_at: ended, ..Policy::default() };
            let observation = observed.map_or(Observation::Absent, |(reason, code, severity)| Observation::present(problem(reason, code, severity)));
            let result = step(record.as_ref(), observation, at(minute), &policy);
            for effect in &result.effects {
                match effect {
                    Effect::Notify { alert, .. } => {
                        prop_assert!(!in_quiet, "nothing is sent while quiet");
                        prop_assert!(at(minute).duration_since(alert.since) >= mins(delay));
                        prop_assert_eq!((alert.state, alert.last_notified), (AlertState::Firing, Some(at(minute))));
                        sent_this_occurrence = true;
                    }
                    Effect::Resolve { .. } => {
                        prop_assert!(sent_this_occurrence, "no resolve notice for an alert never sent");
                        sent_this_occurrence = false;
                    }
                    Effect::ScheduleCheck { at: check, .. } => prop_assert!(*check > at(minute)),
                }
            }
            record = result.record;
        }
    }
}
