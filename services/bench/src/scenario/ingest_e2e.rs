//! Ingest end to end: Jobs finish in the stand-in, the controller's watch
//! sees them, its writer commits executions and outbox events. The bench
//! polls the outbox (`events_after`, back to back, 2 ms pause when empty) and
//! takes the poll that first returns a Job's finished execution as its commit.
//!
//! Two phases: a flood for the sustained rate — every Job started beforehand
//! (not timed), then all of them finished as fast as the stand-in takes it —
//! and a paced run at half that rate for the latency an unsaturated
//! controller gives. CPU time of the controller and of this process is read
//! from /proc over the flood, to show where the cores went.

use std::time::{Duration, Instant};

use guardian_core::{Change, Outcome, Sequence};
use guardian_integration::cluster::{Timings, leader_of};
use guardian_store::Store;
use tokio::task::JoinHandle;

use super::arrivals::Arrivals;
use super::ingest::StoreFigures;
use super::jobs::{Cronjobs, finish, flood, paced};
use super::probe::WriterStats;
use crate::machine::CpuWindow;
use crate::report::{Row, Section, Value};
use crate::stack::{FLOOD_HISTORY, Stack, product_binary, wait_for_head, wait_settled};
use crate::stats::{Latencies, rate};

/// Generous failure guard for the controller to catch up.
const DEADLINE: Duration = Duration::from_secs(600);

struct Sizes {
    cronjobs: usize,
    flood: usize,
    paced_seconds: f64,
}

fn sizes(quick: bool) -> Sizes {
    if quick {
        Sizes {
            cronjobs: 20,
            flood: 200,
            paced_seconds: 0.5,
        }
    } else {
        Sizes {
            // Ten running Jobs per CronJob at most: each one sits in its
            // CronJob's `status.active`, which every Job update rewrites.
            cronjobs: 5_000,
            flood: 50_000,
            paced_seconds: 10.0,
        }
    }
}

pub async fn end_to_end(
    section: &mut Section,
    quick: bool,
    store: Option<&StoreFigures>,
) -> anyhow::Result<()> {
    product_binary()?;
    let measured = measure(&sizes(quick)).await?;
    report(section, &measured, store);
    Ok(())
}

/// What the two phases measured.
struct Measured {
    produced: f64,
    flooded: usize,
    sustained: f64,
    flood: Latencies,
    /// Controller CPU time per execution committed during the flood.
    controller_cpu: Duration,
    cpu_note: String,
    writer_note: String,
    pace: f64,
    paced: Latencies,
}

async fn measure(sizes: &Sizes) -> anyhow::Result<Measured> {
    let stack = Stack::new("bench_ingest_e2e", FLOOD_HISTORY).await?;
    let cronjobs = Cronjobs::create(&stack.kube, sizes.cronjobs)?;
    let controller = stack.controller("controller-a", Timings::default()).await?;
    leader_of(&[&controller], DEADLINE).await?;
    let head = wait_for_head(&stack.store, sizes.cronjobs, DEADLINE).await?;
    let commits = Arrivals::new();
    let _poller = OutboxPoller::start(stack.store.clone(), head, commits.clone());

    // Not timed: every Job of the flood starts, and the controller records it running.
    let numbers: Vec<usize> = (0..sizes.flood).collect();
    let running = flood(&numbers, |&n| cronjobs.start(&stack.kube, n)).await?;
    wait_settled(&stack.store, Duration::from_secs(1), DEADLINE).await?;

    let bench = "bench (stand-in, producer, poller)";
    let cpu = CpuWindow::start(&[
        ("controller", controller.pid()),
        (bench, std::process::id()),
    ])?;
    let writer_before = WriterStats::read(&controller).await.unwrap_or_default();
    let started = Instant::now();
    let flooded = flood(&running, |job| finish(&stack.kube, job)).await?;
    let produced = rate(flooded.len(), started.elapsed());
    let what = "every flooded Job to be committed";
    commits.wait_for(&flooded, what, DEADLINE).await?;
    let last = commits.last_of(&flooded).unwrap_or(started);
    let sustained = rate(flooded.len(), last.duration_since(started));
    let (flood_latency, _) = commits.latencies(&flooded);
    let controller_cpu = cpu.used("controller").unwrap_or_default() / flooded.len().max(1) as u32;
    let cpu_note = cpu.describe();
    let writer = WriterStats::read(&controller).await.unwrap_or_default();
    let writer_note = writer.describe_since(&writer_before, started.elapsed());

    let pace = (sustained / 2.0).clamp(10.0, 2_000.0);
    let count = ((pace * sizes.paced_seconds) as usize).max(10);
    let range = sizes.flood..sizes.flood + count;
    let paced_jobs = paced(&stack.kube, &cronjobs, range, pace).await?;
    let what = "every paced Job to be committed";
    commits.wait_for(&paced_jobs, what, DEADLINE).await?;
    let (paced_latency, _) = commits.latencies(&paced_jobs);
    Ok(Measured {
        produced,
        flooded: flooded.len(),
        sustained,
        flood: flood_latency,
        controller_cpu,
        cpu_note,
        writer_note,
        pace,
        paced: paced_latency,
    })
}

fn report(section: &mut Section, measured: &Measured, store: Option<&StoreFigures>) {
    let producer = "e2e: Jobs completed/s in the stand-in (the producer)";
    section.figure(producer, Value::Rate(measured.produced));
    let figure = format!(
        "e2e: executions committed/s, flood of {} Jobs",
        measured.flooded
    );
    let mut sustained = Row::new(figure, Value::Rate(measured.sustained));
    if let Some(store) = store {
        let what = format!("{}, batch 500", store.ceiling_method.name());
        sustained = sustained.against(Value::Rate(store.ceiling.rate), what);
    }
    section.row(sustained);
    let per_execution = "e2e: controller CPU time per execution committed, flood";
    section.figure(per_execution, Value::Latency(measured.controller_cpu));
    section.note(format!("CPU during the flood: {}", measured.cpu_note));
    section.note(format!(
        "controller writer during the flood: {}",
        measured.writer_note
    ));
    section.percentiles(
        "e2e: Job completion → commit, flood,",
        &measured.flood,
        false,
    );
    let prefix = format!(
        "e2e: Job completion → commit, paced {:.0}/s,",
        measured.pace
    );
    section.percentiles(&prefix, &measured.paced, false);
    let evidence = format!("{:.0}/s", measured.sustained);
    section.target(
        "end to end ≥ 20k executions/s",
        measured.sustained >= 20_000.0,
        evidence,
    );
    if let Some(store) = store {
        let ratio = measured.sustained / store.ceiling.rate.max(1.0);
        let text = "end to end ≥ 50 % of the same-run PostgreSQL ceiling";
        section.target(text, ratio >= 0.5, format!("{:.0} %", ratio * 100.0));
    }
    section.note(
        "commit time = the outbox poll that first returned the Job's finished execution \
         (poll resolution ≈ 2 ms plus one query)",
    );
    section.note(
        "the producer, the stand-in, the controller and PostgreSQL share the machine's cores",
    );
}

/// Reads the outbox back to back and records each finished execution's first sighting.
struct OutboxPoller(JoinHandle<()>);

impl OutboxPoller {
    fn start(store: Store, after: Sequence, commits: Arrivals) -> OutboxPoller {
        OutboxPoller(tokio::spawn(async move {
            let mut after = after;
            loop {
                let Ok(events) = store.events_after(after, 1000).await else {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                };
                let at = Instant::now();
                if events.is_empty() {
                    tokio::time::sleep(Duration::from_millis(2)).await;
                }
                for event in events {
                    after = event.sequence;
                    if let Change::Execution(execution) = &event.change
                        && execution.outcome != Outcome::Running
                    {
                        commits.record(&execution.job_uid, at);
                    }
                }
            }
        }))
    }
}

impl Drop for OutboxPoller {
    fn drop(&mut self) {
        self.0.abort();
    }
}
