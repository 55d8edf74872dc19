//! Scale: one controller watching a big cluster (10k CronJobs, 100k finished
//! Jobs, 100k Pods, loaded into the stand-in before it starts). Measured from
//! /proc: resident memory (VmRSS now, VmHWM peak) and CPU time (utime+stime);
//! from the process itself: `/readyz`, `cronjob_guardian_leader_status` and
//! the watch-index gauges; from the database: the outbox head.
//!
//! Phases: cold start (empty database) until every execution is committed; a
//! steady window with light churn; then SIGTERM and a restart on the now full
//! database, timed to ready, leader and full indexes.

use std::time::{Duration, Instant};

use guardian_integration::Process;
use guardian_integration::cluster::{Timings, is_leader};
use guardian_store::Store;

use super::jobs::{Cronjobs, paced};
use super::probe::{indexed, ready};
use crate::machine;
use crate::report::{Section, Value};
use crate::stack::{SMALL_HISTORY, Stack, product_binary};

const DEADLINE: Duration = Duration::from_secs(900);
const POLL: Duration = Duration::from_millis(100);
/// The outbox is caught up when its head has not moved for this long.
const SETTLED: Duration = Duration::from_secs(3);

struct Sizes {
    cronjobs: usize,
    jobs_per_cronjob: usize,
    steady: Duration,
    churn_per_second: f64,
}

fn sizes(quick: bool) -> Sizes {
    if quick {
        Sizes {
            cronjobs: 20,
            jobs_per_cronjob: 5,
            steady: Duration::from_secs(1),
            churn_per_second: 10.0,
        }
    } else {
        Sizes {
            cronjobs: 10_000,
            jobs_per_cronjob: 10,
            steady: Duration::from_secs(20),
            churn_per_second: 10.0,
        }
    }
}

pub async fn scale(section: &mut Section, quick: bool) -> anyhow::Result<()> {
    product_binary()?;
    let sizes = sizes(quick);
    let jobs = sizes.cronjobs * sizes.jobs_per_cronjob;
    let stack = Stack::new("bench_scale", SMALL_HISTORY).await?;
    let loading = Instant::now();
    let cronjobs = Cronjobs::create(&stack.kube, sizes.cronjobs)?;
    load_jobs(&stack, &cronjobs, jobs).await?;
    section.note(format!(
        "stand-in loaded with {} CronJobs, {jobs} finished Jobs and {jobs} Pods in {:.1} s",
        sizes.cronjobs,
        loading.elapsed().as_secs_f64()
    ));
    let expected = (sizes.cronjobs as u64, jobs as u64, jobs as u64);

    let started = Instant::now();
    let controller = stack.controller("controller-a", Timings::default()).await?;
    let events = Some((sizes.cronjobs + jobs) as i64);
    let cold = Startup::watch(&controller, &stack.store, expected, started, events).await?;
    cold.report(section, "cold start", expected);
    let cold_cpu = machine::cpu_time(controller.pid())?;
    section.figure(
        "cold start: controller CPU time until caught up",
        Value::Latency(cold_cpu),
    );

    let steady = steady_window(&stack, &cronjobs, &controller, jobs, &sizes).await?;
    let churn = sizes.churn_per_second;
    section.figure(
        format!("steady: controller RSS, {churn} Jobs/s churn"),
        Value::Mebibytes(steady.memory.rss_mib),
    );
    section.figure(
        "controller peak RSS (VmHWM) so far",
        Value::Mebibytes(steady.memory.peak_mib),
    );
    section.figure(
        "steady: controller CPU",
        Value::CpuPercent(steady.cpu_percent),
    );
    section.target(
        "controller RSS < 100 MiB watching the scale cluster (steady)",
        steady.memory.rss_mib < 100.0,
        format!(
            "{:.1} MiB steady, {:.1} MiB peak",
            steady.memory.rss_mib, steady.memory.peak_mib
        ),
    );
    restart(section, &stack, controller, expected).await
}

/// SIGTERM, then a new controller on the now full database.
async fn restart(
    section: &mut Section,
    stack: &Stack,
    mut controller: Process,
    expected: (u64, u64, u64),
) -> anyhow::Result<()> {
    let stopping = Instant::now();
    controller.terminate(Duration::from_secs(60)).await?;
    section.figure(
        "restart: SIGTERM → process exit",
        Value::Latency(stopping.elapsed()),
    );
    let restarted = Instant::now();
    let second = stack.controller("controller-b", Timings::default()).await?;
    let warm = Startup::watch(&second, &stack.store, expected, restarted, None).await?;
    warm.report(section, "restart", expected);
    Ok(())
}

/// Loads `jobs` finished Jobs with their Pods, spread over the CronJobs.
async fn load_jobs(stack: &Stack, cronjobs: &Cronjobs, jobs: usize) -> anyhow::Result<()> {
    const SLICE: usize = 500;
    for first in (0..jobs).step_by(SLICE) {
        tokio::task::block_in_place(|| {
            (first..(first + SLICE).min(jobs))
                .try_for_each(|n| cronjobs.complete_with_pod(&stack.kube, n))
        })?;
        tokio::task::yield_now().await;
    }
    Ok(())
}

struct Steady {
    memory: machine::Memory,
    cpu_percent: f64,
}

/// CPU share and memory over a window in which Jobs keep finishing.
async fn steady_window(
    stack: &Stack,
    cronjobs: &Cronjobs,
    controller: &Process,
    first_job: usize,
    sizes: &Sizes,
) -> anyhow::Result<Steady> {
    let cpu_before = machine::cpu_time(controller.pid())?;
    let started = Instant::now();
    let churn = (sizes.churn_per_second * sizes.steady.as_secs_f64()) as usize;
    paced(
        &stack.kube,
        cronjobs,
        first_job..first_job + churn,
        sizes.churn_per_second,
    )
    .await?;
    let remaining = sizes.steady.saturating_sub(started.elapsed());
    tokio::time::sleep(remaining).await;
    let cpu = machine::cpu_time(controller.pid())?.saturating_sub(cpu_before);
    let cpu_percent = 100.0 * cpu.as_secs_f64() / started.elapsed().as_secs_f64();
    Ok(Steady {
        memory: machine::memory(controller.pid())?,
        cpu_percent,
    })
}

/// When a starting controller reached each milestone, from `started`.
struct Startup {
    ready: Duration,
    leader: Duration,
    indexed: Duration,
    /// Resident memory when the indexes became full.
    indexed_memory: machine::Memory,
    /// Outbox at the expected head and still (only when `events` were expected).
    caught_up: Option<Duration>,
}

impl Startup {
    async fn watch(
        process: &Process,
        store: &Store,
        expected: (u64, u64, u64),
        started: Instant,
        events: Option<i64>,
    ) -> anyhow::Result<Startup> {
        let (mut ready_at, mut leader_at, mut indexed_at, mut caught_up) = (None, None, None, None);
        let mut indexed_memory = None;
        let (mut head, mut head_since) = (-1, Instant::now());
        while caught_up.is_none()
            || indexed_at.is_none()
            || leader_at.is_none()
            || ready_at.is_none()
        {
            anyhow::ensure!(
                started.elapsed() < DEADLINE,
                "controller did not settle within {DEADLINE:?}"
            );
            if ready_at.is_none() && ready(process).await {
                ready_at = Some(started.elapsed());
            }
            if leader_at.is_none() && is_leader(process).await {
                leader_at = Some(started.elapsed());
            }
            let full = indexed(process)
                .await
                .is_some_and(|(c, j, p)| c >= expected.0 && j >= expected.1 && p >= expected.2);
            if indexed_at.is_none() && full {
                indexed_at = Some(started.elapsed());
                indexed_memory = Some(machine::memory(process.pid())?);
            }
            let now = store.last_sequence().await?.0;
            if now != head {
                (head, head_since) = (now, Instant::now());
            }
            let settled = head_since.elapsed() >= SETTLED;
            caught_up = match events {
                None => Some(Duration::ZERO),
                Some(events) if caught_up.is_none() && head >= events && settled => {
                    Some(head_since.duration_since(started))
                }
                Some(_) => caught_up,
            };
            tokio::time::sleep(POLL).await;
        }
        let (Some(ready), Some(leader), Some(indexed), Some(indexed_memory)) =
            (ready_at, leader_at, indexed_at, indexed_memory)
        else {
            anyhow::bail!("a start-up milestone was never reached");
        };
        Ok(Startup {
            ready,
            leader,
            indexed,
            indexed_memory,
            caught_up: caught_up.filter(|_| events.is_some()),
        })
    }

    fn report(&self, section: &mut Section, phase: &str, expected: (u64, u64, u64)) {
        let (cronjobs, jobs, pods) = expected;
        let indexes = format!("watch indexes full ({cronjobs}/{jobs}/{pods})");
        let milestones = [
            ("/readyz 200", Some(self.ready)),
            ("leader", Some(self.leader)),
            (indexes.as_str(), Some(self.indexed)),
            ("every execution committed", self.caught_up),
        ];
        for (milestone, reached) in milestones {
            if let Some(after) = reached {
                section.figure(
                    format!("{phase}: spawn → {milestone}"),
                    Value::Latency(after),
                );
            }
        }
        let memory = [
            ("RSS", self.indexed_memory.rss_mib),
            ("peak RSS (VmHWM)", self.indexed_memory.peak_mib),
        ];
        for (what, mib) in memory {
            section.figure(
                format!("{phase}: controller {what} when the indexes became full"),
                Value::Mebibytes(mib),
            );
        }
    }
}
