//! What a finished import must have put in the store, from the truth of [`History`].

use anyhow::{Result, ensure};
use guardian_core::regression::{self, RegressionPolicy, RegressionVerdict};
use guardian_core::sla::{Sample, SlaStats, SuccessRate, Window, duration_stats};
use guardian_core::{AlertState, Outcome};
use guardian_import::Summary;
use guardian_store::filter::MAX_PAGE;
use guardian_store::{AlertFilter, ExecutionFilter, Store};
use jiff::{SignedDuration, Timestamp};

use crate::history::{BASE_MS, History, TrueRun};

/// The summary counts every row read, folded and skipped; `imported` new runs.
pub fn summary_matches(summary: &Summary, history: &History, imported: u64) -> Result<()> {
    let executions = summary.executions;
    ensure!(
        executions.read == history.executions.len() as u64,
        "{summary}"
    );
    ensure!(
        executions.duplicates == history.duplicate_executions,
        "{summary}"
    );
    ensure!(
        executions.skipped == history.impossible_executions,
        "{summary}"
    );
    ensure!(executions.imported == imported, "{summary}");
    ensure!(
        executions.imported + executions.already_present == history.distinct_runs(),
        "{summary}"
    );
    let alerts = summary.alerts;
    ensure!(alerts.read == history.alerts.len() as u64, "{summary}");
    ensure!(alerts.duplicates == history.duplicate_alerts, "{summary}");
    ensure!(alerts.skipped == history.impossible_alerts, "{summary}");
    ensure!(
        alerts.imported + alerts.already_present == history.distinct_alerts,
        "{summary}"
    );
    ensure!(summary.channel_stats_not_imported == 2, "{summary}");
    let listed = summary.to_string();
    for reason in [
        "impossible duration_secs -12.5",
        "completion_time is 60000 ms before start_time",
        "job_name is empty",
        "unknown alert type \"CosmicRay\"",
        "resolved_at is 1 ms before occurred_at",
    ] {
        ensure!(
            listed.contains(reason),
            "{reason:?} not listed in\n{listed}"
        );
    }
    Ok(())
}

/// Executions stored for the history's CronJobs.
pub async fn stored_executions(store: &Store, history: &History) -> Result<u64> {
    let mut total = 0;
    for cronjob in history.runs.keys() {
        let filter = ExecutionFilter {
            limit: 1,
            ..ExecutionFilter::default()
        };
        total += store.list_executions(cronjob, &filter).await?.total;
    }
    Ok(total)
}

/// The samples the truth says, as the SLA maths takes them.
fn true_samples(runs: &[TrueRun]) -> Vec<Sample> {
    runs.iter()
        .filter_map(|run| {
            let duration = run.duration?;
            Some(Sample {
                finished_at: Timestamp::from_millisecond(run.start_ms).ok()? + duration,
                succeeded: true,
                duration,
            })
        })
        .collect()
}

/// Every run once with its values; success rate, P95 and the regression baseline
/// computed from the store equal what the source rows say; alerts all history.
pub async fn store_matches(store: &Store, history: &History) -> Result<()> {
    let everything = Window {
        from: Timestamp::from_millisecond(BASE_MS - 86_400_000)?,
        until: Timestamp::from_millisecond(BASE_MS + 10 * 365 * 86_400_000)?,
    };
    for (cronjob, runs) in &history.runs {
        let filter = ExecutionFilter {
            limit: MAX_PAGE,
            ..ExecutionFilter::default()
        };
        let page = store.list_executions(cronjob, &filter).await?;
        ensure!(
            page.total == runs.len() as u64,
            "{cronjob}: {} stored",
            page.total
        );
        for run in runs {
            let stored = page
                .items
                .iter()
                .find(|stored| stored.execution.job_name == run.job_name)
                .map(|stored| &stored.execution);
            let Some(stored) = stored else {
                anyhow::bail!("{cronjob} {} missing", run.job_name);
            };
            ensure!(stored.started_at.as_millisecond() == run.start_ms);
            let outcome = if run.succeeded {
                Outcome::Succeeded
            } else {
                Outcome::Failed
            };
            ensure!(stored.outcome == outcome, "{}", run.job_name);
            if let Some(duration) = run.duration {
                ensure!(stored.duration() == Some(duration), "{}", run.job_name);
            }
            ensure!(!stored.events.is_empty() && stored.completed_at.is_some());
        }
        let samples = store.sla_samples(cronjob, everything.from).await?;
        let stats = SlaStats::from_samples(&samples, everything);
        let succeeded = runs.iter().filter(|run| run.succeeded).count() as u64;
        ensure!(
            stats.total_runs == runs.len() as u64,
            "{cronjob}: {stats:?}"
        );
        ensure!(stats.succeeded == succeeded, "{cronjob}: {stats:?}");
        ensure!(
            stats.success_rate
                == SuccessRate::from_counts(succeeded, runs.len() as u64 - succeeded)
        );
        let mut durations: Vec<SignedDuration> =
            runs.iter().filter_map(|run| run.duration).collect();
        durations.sort_unstable();
        let expected = duration_stats(&durations).map(|figures| figures.p95);
        ensure!(
            stats.durations.map(|figures| figures.p95) == expected,
            "{cronjob}: P95 {:?} != {expected:?}",
            stats.durations
        );
        let last = runs.iter().map(|run| run.start_ms).max().unwrap_or(BASE_MS);
        let now = Timestamp::from_millisecond(last + 3_600_000)?;
        let policy = RegressionPolicy::default();
        let verdict = regression::detect(&samples, &policy, now);
        ensure!(
            matches!(
                verdict,
                RegressionVerdict::Stable { .. } | RegressionVerdict::Regressed { .. }
            ),
            "{cronjob}: too little data to judge: {verdict:?}"
        );
        ensure!(
            verdict == regression::detect(&true_samples(runs), &policy, now),
            "{cronjob}: regression verdict {verdict:?} differs from the source's"
        );
    }
    let filter = AlertFilter {
        limit: MAX_PAGE,
        ..AlertFilter::default()
    };
    let alerts = store.list_alerts(&filter).await?;
    ensure!(
        alerts.total == history.distinct_alerts,
        "{} alerts",
        alerts.total
    );
    ensure!(
        alerts
            .items
            .iter()
            .all(|alert| alert.state == AlertState::Resolved)
    );
    let unresolved = alerts
        .items
        .iter()
        .filter(|alert| alert.resolved_at.is_none())
        .count();
    ensure!(
        unresolved as u64 == history.unresolved_alerts,
        "{unresolved} unresolved"
    );
    ensure!(
        alerts
            .items
            .iter()
            .all(|alert| alert.kind == "jobFailed" || alert.kind == "slaBreached")
    );
    Ok(())
}
