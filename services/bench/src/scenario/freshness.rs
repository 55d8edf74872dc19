//! Freshness: from a Job finishing in the stand-in to its execution event on a
//! query replica's client streams — gRPC `EventService/Subscribe` and SSE on
//! REST `/api/v1/events` — through controller watch → fenced commit → leader
//! stream → replica fan-out. Jobs finish one at a time at a steady pace, so the
//! figure is the latency of an unsaturated system.

use std::time::Duration;

use guardian_integration::cluster::{Timings, leader_of};
use tonic::transport::Channel;

use super::arrivals::Arrivals;
use super::jobs::{Cronjobs, paced};
use super::streams::Readers;
use crate::report::{Section, millis};
use crate::stack::{SMALL_HISTORY, Stack, product_binary, wait_for_head};

const DEADLINE: Duration = Duration::from_secs(120);
/// Target of the issue: p99 below 50 ms on both streams.
const TARGET: Duration = Duration::from_millis(50);

struct Sizes {
    cronjobs: usize,
    warmup: usize,
    jobs: usize,
    per_second: f64,
}

fn sizes(quick: bool) -> Sizes {
    if quick {
        Sizes {
            cronjobs: 3,
            warmup: 2,
            jobs: 10,
            per_second: 40.0,
        }
    } else {
        Sizes {
            cronjobs: 50,
            warmup: 20,
            jobs: 600,
            per_second: 50.0,
        }
    }
}

pub async fn freshness(section: &mut Section, quick: bool) -> anyhow::Result<()> {
    product_binary()?;
    let sizes = sizes(quick);
    let stack = Stack::new("bench_freshness", SMALL_HISTORY).await?;
    let cronjobs = Cronjobs::create(&stack.kube, sizes.cronjobs)?;
    let controller = stack.controller("controller-a", Timings::default()).await?;
    leader_of(&[&controller], DEADLINE).await?;
    let head = wait_for_head(&stack.store, sizes.cronjobs, DEADLINE).await?;
    let replica = stack.query("query-a").await?;

    let streams = [
        ("gRPC Subscribe", Arrivals::new()),
        ("SSE /api/v1/events", Arrivals::new()),
    ];
    let mut readers = Readers::new();
    let channel = Channel::from_shared(replica.addresses.grpc_url())?
        .connect()
        .await?;
    readers.grpc(channel, head.0, streams[0].1.clone()).await?;
    readers
        .sse(replica.addresses.http, head.0, streams[1].1.clone())
        .await?;
    // Warm-up: the replica has found the leader and both streams deliver.
    let warm = paced(&stack.kube, &cronjobs, 0..sizes.warmup, sizes.per_second).await?;
    for (stream, arrivals) in &streams {
        arrivals
            .wait_for(&warm, &format!("warm-up events on {stream}"), DEADLINE)
            .await?;
    }
    let range = sizes.warmup..sizes.warmup + sizes.jobs;
    let jobs = paced(&stack.kube, &cronjobs, range, sizes.per_second).await?;
    for (stream, arrivals) in &streams {
        arrivals
            .wait_for(&jobs, &format!("every event on {stream}"), DEADLINE)
            .await?;
        let (latencies, _) = arrivals.latencies(&jobs);
        section.percentiles(
            &format!("{stream}: Job completion → event"),
            &latencies,
            true,
        );
        section.target(
            format!("freshness p99 < 50 ms over {stream}"),
            latencies.p99() < TARGET,
            format!("p99 {}", millis(latencies.p99())),
        );
    }
    section.note(format!(
        "{} Jobs finished at {:.0}/s over {} CronJobs; one controller, one query replica, \
         one subscriber per stream",
        jobs.len(),
        sizes.per_second,
        sizes.cronjobs
    ));
    drop(readers);
    Ok(())
}
