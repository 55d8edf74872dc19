//! Ingest end to end: Jobs finish in the stand-in, the controller's watch
//! sees them, its writer commits executions and outbox events (commit time:
//! see [`super::outbox`]). Three phases:
//!
//! 1. live flood — every Job started beforehand (not timed), then all of them
//!    finished as fast as the stand-in takes it: the sustained rate, and the
//!    latency under that load;
//! 2. paced — Jobs finishing at half the flood's rate: the latency an
//!    unsaturated controller gives;
//! 3. burst — the controller frozen (SIGSTOP) while Jobs finish, then resumed
//!    (SIGCONT): its watch stream hands it the whole burst at once, so the
//!    catch-up rate has no producer in the loop. The lease (600 s) outlasts
//!    the frozen stretch, so the leader keeps it.
//!
//! CPU time (controller, this process, PostgreSQL) is read from /proc and the
//! writer's batches from the controller's own metrics, to show where the time went.

use std::time::{Duration, Instant};

use guardian_integration::Process;
use guardian_integration::cluster::{Timings, leader_of};

use super::arrivals::Arrivals;
use super::ingest::StoreFigures;
use super::jobs::{Cronjobs, finish, flood, paced};
use super::outbox::OutboxPoller;
use super::probe::WriterStats;
use crate::machine::CpuWindow;
use crate::report::{Row, Section, Value};
use crate::stack::{FLOOD_HISTORY, Stack, product_binary, wait_for_head, wait_settled};
use crate::stats::{Latencies, rate};

/// A lease that outlasts the burst's frozen stretch (which passed 60 s on a
/// busy machine: the leader lost its lease and resynced everything mid-burst).
const LONG_LEASE: Timings = Timings {
    lease: Duration::from_secs(600),
    renew: Duration::from_secs(500),
    retry: Duration::from_secs(2),
};

/// Generous failure guard for the controller to catch up.
const DEADLINE: Duration = Duration::from_secs(900);

struct Sizes {
    cronjobs: usize,
    flood: usize,
    paced_seconds: f64,
    burst: usize,
}

fn sizes(quick: bool) -> Sizes {
    if quick {
        Sizes {
            cronjobs: 20,
            flood: 200,
            paced_seconds: 0.5,
            burst: 200,
        }
    } else {
        // Ten running Jobs per CronJob at most: each one sits in its
        // CronJob's `status.active`, which every Job update rewrites.
        Sizes {
            cronjobs: 5_000,
            flood: 50_000,
            paced_seconds: 10.0,
            burst: 50_000,
        }
    }
}

pub async fn end_to_end(
    section: &mut Section,
    quick: bool,
    store: Option<&StoreFigures>,
) -> anyhow::Result<()> {
    product_binary()?;
    let sizes = sizes(quick);
    let stack = Stack::new("bench_ingest_e2e", FLOOD_HISTORY).await?;
    let cronjobs = Cronjobs::create(&stack.kube, sizes.cronjobs)?;
    let controller = stack.controller("controller-a", LONG_LEASE).await?;
    leader_of(&[&controller], DEADLINE).await?;
    let head = wait_for_head(&stack.store, sizes.cronjobs, DEADLINE).await?;
    let commits = Arrivals::new();
    let _poller = OutboxPoller::start(stack.store.clone(), head, commits.clone());
    let run = Run {
        stack: &stack,
        cronjobs: &cronjobs,
        commits: &commits,
    };

    let live = run.live(&controller, sizes.flood).await?;
    report_live(section, &live, store);
    let pace = (live.sustained / 2.0).clamp(10.0, 2_000.0);
    let count = ((pace * sizes.paced_seconds) as usize).max(10);
    let paced_jobs = paced(
        &stack.kube,
        &cronjobs,
        sizes.flood..sizes.flood + count,
        pace,
    )
    .await?;
    commits
        .wait_for(&paced_jobs, "every paced Job to be committed", DEADLINE)
        .await?;
    let prefix = format!("e2e: Job completion → commit, paced {pace:.0}/s,");
    section.percentiles(&prefix, &commits.latencies(&paced_jobs).0, false);

    let first = sizes.flood + count;
    let burst = run.burst(&controller, first..first + sizes.burst).await?;
    report_burst(section, &burst, live.sustained, store);
    section.note(
        "the producer, the stand-in, the controller and PostgreSQL share the machine's cores",
    );
    Ok(())
}

struct Run<'a> {
    stack: &'a Stack,
    cronjobs: &'a Cronjobs,
    commits: &'a Arrivals,
}

/// The live flood.
struct Live {
    produced: f64,
    flooded: usize,
    sustained: f64,
    latencies: Latencies,
    controller_cpu: Duration,
    notes: [String; 2],
}

/// The catch-up after a frozen stretch.
struct Burst {
    jobs: usize,
    rate: f64,
    controller_cpu: Duration,
    notes: [String; 2],
}

impl Run<'_> {
    async fn live(&self, controller: &Process, jobs: usize) -> anyhow::Result<Live> {
        // Not timed: every Job of the flood starts, and the controller records it running.
        let numbers: Vec<usize> = (0..jobs).collect();
        let running = flood(&numbers, |&n| self.cronjobs.start(&self.stack.kube, n)).await?;
        wait_settled(&self.stack.store, Duration::from_secs(1), DEADLINE).await?;
        let window = Window::open(controller).await?;
        let started = Instant::now();
        let flooded = flood(&running, |job| finish(&self.stack.kube, job)).await?;
        let produced = rate(flooded.len(), started.elapsed());
        self.commits
            .wait_for(&flooded, "every flooded Job to be committed", DEADLINE)
            .await?;
        let last = self.commits.last_of(&flooded).unwrap_or(started);
        let (controller_cpu, notes) = window.close(controller, flooded.len()).await;
        Ok(Live {
            produced,
            flooded: flooded.len(),
            sustained: rate(flooded.len(), last.duration_since(started)),
            latencies: self.commits.latencies(&flooded).0,
            controller_cpu,
            notes,
        })
    }

    /// Freezes the controller (SIGSTOP) while `range` Jobs finish, then
    /// resumes it (SIGCONT): its watch stream delivers the whole burst at once.
    async fn burst(
        &self,
        controller: &Process,
        range: std::ops::Range<usize>,
    ) -> anyhow::Result<Burst> {
        let writer = WriterStats::read(controller).await.unwrap_or_default();
        controller.freeze()?;
        let numbers: Vec<usize> = range.collect();
        let done = flood(&numbers, |&n| self.cronjobs.complete(&self.stack.kube, n)).await;
        let bench = "bench (stand-in, producer, poller)";
        let cpu = CpuWindow::start(&[
            ("controller", controller.pid()),
            (bench, std::process::id()),
        ]);
        let resumed = Instant::now();
        controller.thaw()?;
        let (done, cpu) = (done?, cpu?);
        let window = Window {
            cpu,
            writer,
            started: resumed,
        };
        self.commits
            .wait_for(&done, "the burst to be committed", DEADLINE)
            .await?;
        let last = self.commits.last_of(&done).unwrap_or(resumed);
        let (controller_cpu, notes) = window.close(controller, done.len()).await;
        Ok(Burst {
            jobs: done.len(),
            rate: rate(done.len(), last.duration_since(resumed)),
            controller_cpu,
            notes,
        })
    }
}

/// CPU and writer figures over a phase.
struct Window {
    cpu: CpuWindow,
    writer: WriterStats,
    started: Instant,
}

impl Window {
    async fn open(controller: &Process) -> anyhow::Result<Window> {
        let bench = "bench (stand-in, producer, poller)";
        let cpu = CpuWindow::start(&[
            ("controller", controller.pid()),
            (bench, std::process::id()),
        ])?;
        let writer = WriterStats::read(controller).await.unwrap_or_default();
        Ok(Window {
            cpu,
            writer,
            started: Instant::now(),
        })
    }

    /// Controller CPU per execution, and the CPU and writer notes.
    async fn close(self, controller: &Process, executions: usize) -> (Duration, [String; 2]) {
        let used = self.cpu.used("controller").unwrap_or_default();
        let per_execution = used / u32::try_from(executions.max(1)).unwrap_or(u32::MAX);
        let writer = WriterStats::read(controller).await.unwrap_or_default();
        let notes = [
            format!("CPU: {}", self.cpu.describe()),
            format!(
                "controller writer: {}",
                writer.describe_since(&self.writer, self.started.elapsed())
            ),
        ];
        (per_execution, notes)
    }
}

fn ceiling_row(row: Row, store: Option<&StoreFigures>) -> Row {
    match store {
        Some(store) => {
            let what = format!("{}, batch 500", store.ceiling_method.name());
            row.against(Value::Rate(store.ceiling.rate), what)
        }
        None => row,
    }
}

fn report_live(section: &mut Section, live: &Live, store: Option<&StoreFigures>) {
    section.figure(
        "e2e flood: Jobs completed/s in the stand-in (the producer)",
        Value::Rate(live.produced),
    );
    let figure = format!("e2e flood: executions committed/s ({} Jobs)", live.flooded);
    section.row(ceiling_row(
        Row::new(figure, Value::Rate(live.sustained)),
        store,
    ));
    section.figure(
        "e2e flood: controller CPU per execution",
        Value::Latency(live.controller_cpu),
    );
    section.percentiles("e2e flood: Job completion → commit", &live.latencies, false);
    for note in &live.notes {
        section.note(format!("flood: {note}"));
    }
    section.note(
        "commit time = the outbox poll that first returned the Job's finished execution \
         (poll resolution ≈ 2 ms plus one query)",
    );
}

fn report_burst(
    section: &mut Section,
    burst: &Burst,
    flood_rate: f64,
    store: Option<&StoreFigures>,
) {
    let figure = format!(
        "e2e burst: executions committed/s after SIGCONT ({} Jobs)",
        burst.jobs
    );
    section.row(ceiling_row(
        Row::new(figure, Value::Rate(burst.rate)),
        store,
    ));
    section.figure(
        "e2e burst: controller CPU per execution",
        Value::Latency(burst.controller_cpu),
    );
    for note in &burst.notes {
        section.note(format!("burst: {note}"));
    }
    let best = burst.rate.max(flood_rate);
    let text = "end to end ≥ 20k executions/s (best of flood and burst)";
    section.target(text, best >= 20_000.0, format!("{best:.0}/s"));
    if let Some(store) = store {
        let ratio = best / store.ceiling.rate.max(1.0);
        let text = "end to end ≥ 50 % of the same-run PostgreSQL ceiling";
        section.target(text, ratio >= 0.5, format!("{:.0} %", ratio * 100.0));
    }
}
