//! Fan-out: 1k and then 10k concurrent `EventService/Subscribe` streams on one
//! query replica (100 streams per HTTP/2 connection), Jobs finishing at a
//! steady pace, and for every (subscriber, event) the latency from the Job's
//! completion to its arrival; plus the replica's resident memory
//! (`/proc/<pid>/status` VmRSS) idle, with the subscribers, and at its peak.

use std::time::{Duration, Instant};

use futures::{StreamExt as _, TryStreamExt as _};
use guardian_integration::Process;
use guardian_integration::cluster::{Timings, leader_of};
use tonic::transport::Channel;

use super::arrivals::Arrivals;
use super::jobs::{Completed, Cronjobs, paced};
use super::streams::{Readers, grpc_reader};
use crate::machine::{self, CpuWindow};
use crate::report::{Row, Section, Value};
use crate::stack::{SMALL_HISTORY, Stack, product_binary, wait_for_head};
use crate::stats::Latencies;

const DEADLINE: Duration = Duration::from_secs(180);
/// Streams per HTTP/2 connection (below hyper's default stream limit).
const STREAMS_PER_CONNECTION: usize = 100;
/// Subscriptions opened at once.
const OPENING: usize = 256;
const CRONJOBS: usize = 10;

struct Sizes {
    rounds: [usize; 2],
    jobs: usize,
    per_second: f64,
}

fn sizes(quick: bool) -> Sizes {
    if quick {
        Sizes {
            rounds: [20, 100],
            jobs: 5,
            per_second: 20.0,
        }
    } else {
        Sizes {
            rounds: [1_000, 10_000],
            jobs: 50,
            per_second: 10.0,
        }
    }
}

pub async fn fanout(section: &mut Section, quick: bool) -> anyhow::Result<()> {
    product_binary()?;
    let sizes = sizes(quick);
    let stack = Stack::new("bench_fanout", SMALL_HISTORY).await?;
    let cronjobs = Cronjobs::create(&stack.kube, CRONJOBS)?;
    let controller = stack.controller("controller-a", Timings::default()).await?;
    leader_of(&[&controller], DEADLINE).await?;
    wait_for_head(&stack.store, CRONJOBS, DEADLINE).await?;
    let replica = stack.query("query-a").await?;
    let idle = machine::memory(replica.pid())?;
    section.figure(
        "replica RSS, no subscribers",
        Value::Mebibytes(idle.rss_mib),
    );
    let mut next_job = 0;
    for subscribers in sizes.rounds {
        let round = Round {
            stack: &stack,
            cronjobs: &cronjobs,
            replica: &replica,
            first_job: next_job,
        };
        let measured = round.run(subscribers, &sizes).await?;
        next_job += measured.jobs_used;
        measured.report(section, subscribers, idle.rss_mib);
    }
    let largest = sizes.rounds[1];
    section.target(
        format!("{largest} subscribers on one replica, every event delivered to each"),
        true,
        "every subscriber received every event (the run fails otherwise)",
    );
    section.note(format!(
        "{} Jobs per round at {:.0}/s; {STREAMS_PER_CONNECTION} streams per HTTP/2 connection; \
         the subscribers run in the bench process on the same cores",
        sizes.jobs, sizes.per_second
    ));
    Ok(())
}

struct Round<'a> {
    stack: &'a Stack,
    cronjobs: &'a Cronjobs,
    replica: &'a Process,
    first_job: usize,
}

struct Measured {
    opening: Duration,
    delivery: Latencies,
    rss_mib: f64,
    peak_mib: f64,
    jobs_used: usize,
    /// Where the cores went while the measured events were delivered.
    cpu: String,
}

impl Measured {
    fn report(&self, section: &mut Section, subscribers: usize, idle_mib: f64) {
        let label = format!("{subscribers} subscribers:");
        section.figure(
            format!("{label} time to open every stream"),
            Value::Latency(self.opening),
        );
        section.percentiles(
            &format!("{label} delivery (Job completion → event)"),
            &self.delivery,
            true,
        );
        let rss = Row::new(
            format!("{label} replica RSS while subscribed"),
            Value::Mebibytes(self.rss_mib),
        );
        section.row(rss.against(Value::Mebibytes(idle_mib), "no subscribers"));
        section.figure(
            format!("{label} replica peak RSS (VmHWM)"),
            Value::Mebibytes(self.peak_mib),
        );
        section.note(format!("{label} CPU while delivering: {}", self.cpu));
    }
}

impl Round<'_> {
    async fn run(&self, subscribers: usize, sizes: &Sizes) -> anyhow::Result<Measured> {
        let head = self.stack.store.last_sequence().await?;
        let mut channels = Vec::new();
        for _ in 0..subscribers.div_ceil(STREAMS_PER_CONNECTION) {
            channels.push(
                Channel::from_shared(self.replica.addresses.grpc_url())?
                    .tcp_nodelay(true)
                    .connect()
                    .await?,
            );
        }
        let arrivals: Vec<Arrivals> = (0..subscribers).map(|_| Arrivals::new()).collect();
        let started = Instant::now();
        let handles: Vec<_> = futures::stream::iter(arrivals.iter().enumerate())
            .map(|(index, arrivals)| {
                grpc_reader(
                    channels[index / STREAMS_PER_CONNECTION].clone(),
                    head.0,
                    arrivals.clone(),
                )
            })
            .buffer_unordered(OPENING)
            .try_collect()
            .await?;
        let opening = started.elapsed();
        let mut readers = Readers::new();
        handles.into_iter().for_each(|handle| readers.add(handle));

        // Warm-up: one Job reaches everyone before the measured ones.
        let warm = paced(
            &self.stack.kube,
            self.cronjobs,
            self.first_job..self.first_job + 1,
            sizes.per_second,
        )
        .await?;
        wait_all(&arrivals, &warm).await?;
        let range = self.first_job + 1..self.first_job + 1 + sizes.jobs;
        let window = CpuWindow::start(&[
            ("query replica", self.replica.pid()),
            ("bench (subscribers, stand-in)", std::process::id()),
        ])?;
        let jobs = paced(&self.stack.kube, self.cronjobs, range, sizes.per_second).await?;
        wait_all(&arrivals, &jobs).await?;
        let cpu = window.describe();
        let memory = machine::memory(self.replica.pid())?;
        // `wait_all` returned, so nothing is missing.
        let mut delivery = Latencies::new();
        for subscriber in &arrivals {
            delivery.extend(subscriber.latencies(&jobs).0);
        }
        drop(readers);
        Ok(Measured {
            opening,
            delivery,
            rss_mib: memory.rss_mib,
            peak_mib: memory.peak_mib,
            jobs_used: sizes.jobs + 1,
            cpu,
        })
    }
}

/// Waits until every subscriber has every one of `jobs` (a failure guard).
async fn wait_all(arrivals: &[Arrivals], jobs: &[Completed]) -> anyhow::Result<()> {
    guardian_integration::wait_until(
        "every subscriber to receive every event",
        DEADLINE,
        || async {
            arrivals
                .iter()
                .all(|subscriber| subscriber.latencies(jobs).1 == 0)
                .then_some(())
        },
    )
    .await
}
