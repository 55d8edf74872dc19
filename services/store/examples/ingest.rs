//! Ingest throughput on a throwaway PostgreSQL (and SQLite): records `TOTAL` new
//! executions in fenced batches, then replays them all (idempotent: nothing written),
//! and prints executions per second for each phase. Not a test: figures depend on
//! the machine.
//!
//! Run: `cargo run --release -p guardian-store --example ingest [total] [batch]`

use std::time::Instant;

use guardian_core::{CronJobRef, Execution, Outcome};
use guardian_store::{Backend, Store, StoreConfig};
use guardian_testkit::postgres::PgHarness;
use jiff::{SignedDuration, Timestamp};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let total: usize = args
        .next()
        .map(|text| text.parse())
        .transpose()?
        .unwrap_or(100_000);
    let batch: usize = args
        .next()
        .map(|text| text.parse())
        .transpose()?
        .unwrap_or(1_000);
    let runs: Vec<Execution> = (0..total).map(execution).collect();

    let harness = PgHarness::start().await?;
    let url = harness.fresh_database("ingest").await?;
    let postgres = Store::connect(&StoreConfig::new(Backend::PostgresUrl(url))).await?;
    measure("postgres", &postgres, &runs, batch).await?;

    let dir = tempfile::tempdir()?;
    let sqlite = Store::connect(&StoreConfig::new(Backend::Sqlite {
        path: dir.path().join("ingest.db"),
    }))
    .await?;
    measure("sqlite", &sqlite, &runs, batch).await?;
    Ok(())
}

async fn measure(
    name: &str,
    store: &Store,
    runs: &[Execution],
    batch: usize,
) -> anyhow::Result<()> {
    let epoch = store.acquire_epoch().await?;
    for phase in ["insert", "replay"] {
        let started = Instant::now();
        let mut events = 0;
        let (mut begin, mut record, mut commit) = (0.0, 0.0, 0.0);
        for chunk in runs.chunks(batch) {
            let clock = Instant::now();
            let mut tx = store.begin_fenced(epoch).await?;
            begin += clock.elapsed().as_secs_f64();
            let clock = Instant::now();
            tx.record_executions(chunk).await?;
            record += clock.elapsed().as_secs_f64();
            let clock = Instant::now();
            events += tx.commit().await?.len();
            commit += clock.elapsed().as_secs_f64();
        }
        println!(
            "{name:8} {phase:6} begin {begin:.2} s, record {record:.2} s, commit {commit:.2} s"
        );
        let seconds = started.elapsed().as_secs_f64();
        let rate = runs.len() as f64 / seconds;
        println!(
            "{name:8} {phase:6} {} executions in {seconds:.2} s: {rate:.0}/s ({events} events)",
            runs.len()
        );
    }
    Ok(())
}

fn execution(n: usize) -> Execution {
    let failed = n.is_multiple_of(10);
    let started_at = Timestamp::UNIX_EPOCH + SignedDuration::from_secs(1_700_000_000 + n as i64);
    Execution {
        job_uid: format!("00000000-0000-0000-0000-{n:012}"),
        job_name: format!("backup-{n}"),
        cronjob: CronJobRef::new(format!("ns-{}", n % 20), format!("job-{}", n % 200)),
        cronjob_uid: Some(format!("cronjob-uid-{}", n % 200)),
        started_at,
        completed_at: Some(started_at + SignedDuration::from_secs(30)),
        outcome: if failed {
            Outcome::Failed
        } else {
            Outcome::Succeeded
        },
        exit_code: Some(if failed { 1 } else { 0 }),
        reason: failed.then(|| "Error".to_owned()),
        logs: failed.then(|| "connection refused\n".repeat(20)),
        events: vec![
            "Created: created pod".to_owned(),
            "Completed: job completed".to_owned(),
        ],
        retries: 0,
        manual: false,
    }
}
