//! Set-based page reads (`reads_pages`) answer exactly what the per-CronJob listing
//! answers, CronJob by CronJob, on both back-ends.

use anyhow::Result;
use guardian_core::{CronJobRef, Execution, Outcome};
use guardian_store::reads_pages::{OutcomeCounts, RecentRuns};
use guardian_store::{ExecutionFilter, Store};
use jiff::{SignedDuration, Timestamp};

use crate::data::{at, running};
use crate::fixture::Fixture;

/// Running Jobs asked for per CronJob: fewer than one CronJob below has.
const MAX_RUNNING: u32 = 2;

/// Runs of three CronJobs: a busy one, one with only running Jobs, one with none.
fn history() -> (Vec<CronJobRef>, Vec<Execution>) {
    let busy = CronJobRef::new("ops", "backup");
    let stuck = CronJobRef::new("ops", "report");
    let idle = CronJobRef::new("web", "idle");
    let mut runs = Vec::new();
    for index in 0..12_i64 {
        let run = running(&busy, &format!("busy-{index}"), 100 * index);
        runs.push(match index % 4 {
            0 => finish(&run, Outcome::Failed, 10 + index),
            3 if index > 8 => run,
            _ => finish(&run, Outcome::Succeeded, 20 + index),
        });
    }
    // Two runs at the same start: the id breaks the tie, as in the listing.
    runs.push(running(&stuck, "stuck-a", 500));
    runs.push(running(&stuck, "stuck-b", 500));
    runs.push(running(&stuck, "stuck-c", 300));
    (vec![busy, stuck, idle], runs)
}

fn finish(run: &Execution, outcome: Outcome, took: i64) -> Execution {
    Execution {
        completed_at: Some(run.started_at + SignedDuration::from_secs(took)),
        outcome,
        ..run.clone()
    }
}

/// The newest `limit` runs of `cronjob` with `outcome` (and their total since `since`)
/// through the per-CronJob listing.
async fn listed(
    store: &Store,
    cronjob: &CronJobRef,
    outcome: Outcome,
    limit: u32,
    since: Option<Timestamp>,
) -> Result<(Vec<Execution>, u64)> {
    let filter = ExecutionFilter {
        limit,
        offset: 0,
        since,
        status: Some(outcome),
    };
    let page = store.list_executions(cronjob, &filter).await?;
    let runs = page.items.into_iter().map(|stored| stored.execution);
    Ok((runs.collect(), page.total))
}

pub async fn page_reads_equal_the_per_cronjob_listing(fixture: &Fixture) -> Result<()> {
    let store = &fixture.store;
    let (cronjobs, runs) = history();
    let epoch = store.acquire_epoch().await?;
    let mut tx = store.begin_fenced(epoch).await?;
    tx.record_executions(&runs).await?;
    tx.commit().await?;

    let windows = [at(450), at(0)];
    let recent = store.recent_runs(&cronjobs, MAX_RUNNING).await?;
    let counts = store.outcome_counts(&cronjobs, &windows).await?;
    for cronjob in &cronjobs {
        let (running, _) = listed(store, cronjob, Outcome::Running, MAX_RUNNING, None).await?;
        let (mut success, _) = listed(store, cronjob, Outcome::Succeeded, 1, None).await?;
        let (mut failure, _) = listed(store, cronjob, Outcome::Failed, 1, None).await?;
        let expected = RecentRuns {
            running,
            last_success: success.pop(),
            last_failure: failure.pop(),
        };
        let got = recent.get(cronjob).cloned().unwrap_or_default();
        assert_eq!(got, expected, "recent runs of {cronjob:?}");

        let mut expected_counts = Vec::new();
        for since in windows {
            let succeeded = listed(store, cronjob, Outcome::Succeeded, 0, Some(since)).await?;
            let failed = listed(store, cronjob, Outcome::Failed, 0, Some(since)).await?;
            expected_counts.push(OutcomeCounts {
                succeeded: succeeded.1,
                failed: failed.1,
            });
        }
        let got = counts
            .get(cronjob)
            .cloned()
            .unwrap_or_else(|| vec![OutcomeCounts::default(); windows.len()]);
        assert_eq!(got, expected_counts, "counts of {cronjob:?}");

        let (successes, _) = listed(store, cronjob, Outcome::Succeeded, 3, Some(at(150))).await?;
        let expected: Vec<SignedDuration> =
            successes.iter().filter_map(Execution::duration).collect();
        let got = store.success_durations(cronjob, at(150), 3).await?;
        assert_eq!(got, expected, "durations of {cronjob:?}");
    }
    let stuck = &recent[&cronjobs[1]];
    assert_eq!(
        stuck.running.len(),
        MAX_RUNNING as usize,
        "capped per CronJob"
    );
    assert!(!recent.contains_key(&cronjobs[2]), "no runs, no entry");
    assert_eq!(
        counts[&cronjobs[0]][0],
        OutcomeCounts {
            succeeded: 5,
            failed: 1
        },
        "finished runs started at or after the first window (runs 5 to 10)"
    );
    Ok(())
}
