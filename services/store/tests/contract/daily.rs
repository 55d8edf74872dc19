//! Daily figures (`reads_daily`): counts per UTC day and outcome, and the two
//! ranks around each percentile, from which the core's `percentile_cont` gives
//! the same P50/P95 as it does over the whole day's durations.

use anyhow::Result;
use guardian_core::sla::percentile_cont;
use guardian_core::{CronJobRef, Execution, Outcome};
use guardian_store::reads_daily::{DAILY_PERCENTILES, neighbour_ranks};
use jiff::SignedDuration;

use crate::data::{at, running};
use crate::fixture::Fixture;

const DAY: i64 = 86_400;

fn finished(
    cronjob: &CronJobRef,
    uid: &str,
    started: i64,
    took: i64,
    outcome: Outcome,
) -> Execution {
    let run = running(cronjob, uid, started);
    Execution {
        completed_at: Some(run.started_at + SignedDuration::from_secs(took)),
        outcome,
        ..run
    }
}

pub async fn daily_counts_and_percentile_ranks_match_the_runs(fixture: &Fixture) -> Result<()> {
    let store = &fixture.store;
    let backup = CronJobRef::new("ops", "backup");
    let other = CronJobRef::new("ops", "other");
    // Day 10: seven successes of 1..=7 s (shuffled) and two failures; day 11: one success;
    // day 12: only a running Job; day 3: before the window. Another CronJob on day 10.
    let mut runs = Vec::new();
    for (i, took) in [5, 1, 7, 3, 2, 6, 4].into_iter().enumerate() {
        runs.push(finished(
            &backup,
            &format!("d10-{i}"),
            10 * DAY + 60 * i as i64,
            took,
            Outcome::Succeeded,
        ));
    }
    runs.push(finished(
        &backup,
        "d10-f1",
        10 * DAY + 3000,
        9,
        Outcome::Failed,
    ));
    runs.push(finished(
        &backup,
        "d10-f2",
        10 * DAY + 4000,
        9,
        Outcome::Failed,
    ));
    runs.push(finished(
        &backup,
        "d11",
        11 * DAY + 10,
        42,
        Outcome::Succeeded,
    ));
    runs.push(running(&backup, "d12", 12 * DAY));
    runs.push(finished(&backup, "d3", 3 * DAY, 1, Outcome::Succeeded));
    runs.push(finished(&other, "o10", 10 * DAY, 100, Outcome::Failed));
    let epoch = store.acquire_epoch().await?;
    let mut tx = store.begin_fenced(epoch).await?;
    tx.record_executions(&runs).await?;
    tx.commit().await?;

    let days = store.daily_runs(&backup, at(5 * DAY), at(5 * DAY)).await?;
    let summary: Vec<(i64, u64, u64)> = days
        .iter()
        .map(|d| (d.day, d.succeeded, d.failed))
        .collect();
    assert_eq!(summary, vec![(10, 7, 2), (11, 1, 0)]);

    let all_day_10: Vec<SignedDuration> = (1..=7).map(SignedDuration::from_secs).collect();
    for percent in DAILY_PERCENTILES {
        let (low, high) = neighbour_ranks(7, percent);
        let ranked = &days[0].ranked_durations;
        let pair = [ranked[&low], ranked[&high]];
        let position = (7 - 1) as f64 * percent as f64 / 100.0;
        assert_eq!(
            percentile_cont(&pair, position - position.floor()),
            percentile_cont(&all_day_10, percent as f64 / 100.0),
            "P{percent}"
        );
    }
    assert_eq!(
        days[1].ranked_durations.values().collect::<Vec<_>>(),
        vec![&SignedDuration::from_secs(42)]
    );

    // Durations only from their own (shorter) window; counts still from theirs.
    let days = store.daily_runs(&backup, at(5 * DAY), at(11 * DAY)).await?;
    assert_eq!((days[0].succeeded, days[0].ranked_durations.len()), (7, 0));
    Ok(())
}
