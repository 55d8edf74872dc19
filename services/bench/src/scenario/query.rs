//! Query: requests/s and latency of the main read RPCs on one query replica,
//! over gRPC and over REST, with 10k CronJobs and 1M executions in the
//! database, beside a bare tonic server answering a constant (the ceiling)
//! driven by the same client on the same machine.
//!
//! The data is loaded through the product's own write path (fenced
//! transactions of 1000 rows, outbox included), so the tables, indexes and
//! outbox look exactly as a controller leaves them.

use std::time::{Duration, Instant};

use guardian_api::v1::query_service_client::QueryServiceClient;
use guardian_integration::Process;
use guardian_store::Store;
use jiff::Timestamp;
use tonic::transport::Channel;
use tonic_health::pb::health_client::HealthClient;

use super::reads::{GrpcRead, HealthCheck, Read, RestRead};
use crate::ceiling_server::CeilingServer;
use crate::data::{Shape, Spread};
use crate::grpc_load::{LoadResult, drive};
use crate::http_client::Connection;
use crate::machine;
use crate::report::{Section, Value, millis};
use crate::stack::{SMALL_HISTORY, Stack, product_binary};

/// Rows per fenced transaction while loading.
const LOAD_BATCH: usize = 1000;
/// HTTP/2 connections the gRPC workers share.
const GRPC_CONNECTIONS: usize = 4;

struct Sizes {
    cronjobs: usize,
    executions: usize,
    workers: usize,
    warmup: Duration,
    duration: Duration,
}

fn sizes(quick: bool) -> Sizes {
    if quick {
        Sizes {
            cronjobs: 200,
            executions: 2_000,
            workers: 4,
            warmup: Duration::ZERO,
            duration: Duration::from_millis(200),
        }
    } else {
        Sizes {
            cronjobs: 10_000,
            executions: 1_000_000,
            workers: 16,
            warmup: Duration::from_secs(1),
            duration: Duration::from_secs(5),
        }
    }
}

pub async fn query(section: &mut Section, quick: bool) -> anyhow::Result<()> {
    product_binary()?;
    let sizes = sizes(quick);
    let shape = Shape {
        cronjobs: sizes.cronjobs,
    };
    let stack = Stack::new("bench_query", SMALL_HISTORY).await?;
    let loaded = load(&stack.store, shape, sizes.executions).await?;
    section.note(format!(
        "loaded {} CronJobs and {} executions through fenced transactions of {LOAD_BATCH} in {:.1} s",
        sizes.cronjobs,
        sizes.executions,
        loaded.as_secs_f64()
    ));
    let replica = stack.query("query-a").await?;
    let bare = ceiling(&sizes).await?;
    section.figure(
        "ceiling: bare tonic Health/Check requests/s",
        Value::Rate(bare.rate),
    );
    section.percentiles("ceiling: bare tonic Health/Check", &bare.latencies, false);

    let channels = connect(&replica.addresses.grpc_url()).await?;
    for read in Read::ALL {
        let passes = measure_read(read, &sizes, shape, &channels, &replica).await?;
        report_read(section, read, &bare, &passes);
    }
    let memory = machine::memory(replica.pid())?;
    section.figure(
        "query replica RSS after the runs",
        Value::Mebibytes(memory.rss_mib),
    );
    section.note(format!(
        "closed loop, {} workers ({GRPC_CONNECTIONS} HTTP/2 connections for gRPC, one HTTP/1.1 \
         keep-alive connection each for REST), {} s measured after {} s warm-up; \
         ListCronJobs (all) with 2 workers for twice as long, no warm-up",
        sizes.workers,
        sizes.duration.as_secs_f64(),
        sizes.warmup.as_secs_f64()
    ));
    section.note("the load generator, the replica, the ceiling server and PostgreSQL share the machine's cores");
    Ok(())
}

/// The bare tonic server in its own process, driven like the reads.
async fn ceiling(sizes: &Sizes) -> anyhow::Result<LoadResult> {
    let server = CeilingServer::start().await?;
    let channels = connect(&format!("http://{}", server.addr)).await?;
    let callers = (0..sizes.workers)
        .map(|worker| HealthCheck(HealthClient::new(channels[worker % channels.len()].clone())))
        .collect();
    drive(callers, sizes.warmup, sizes.duration)
        .await
        .checked("bare tonic Health/Check")
}

/// One read over gRPC, then over REST, with the same workers and keys.
async fn measure_read(
    read: Read,
    sizes: &Sizes,
    shape: Shape,
    channels: &[Channel],
    replica: &Process,
) -> anyhow::Result<Passes> {
    // The full list reads every CronJob's facts: few workers, more time, and
    // no warm-up (one slow request sent in the warm-up could fill the whole
    // window and leave nothing measured).
    let plan = match read {
        Read::ListCronJobsAll => (2, Duration::ZERO, sizes.duration * 2),
        _ => (sizes.workers, sizes.warmup, sizes.duration),
    };
    let fill = fill_pass(read, shape, channels).await?;
    let grpc = grpc_pass(read, plan, shape, channels).await?;
    let rest = rest_pass(read, plan, shape, replica).await?;
    // gRPC once more after REST: shows how much of a gRPC/REST gap is only
    // the order (caches warmed by the first pass), not the protocol.
    let grpc_again = match read {
        Read::ListCronJobsAll => None,
        _ => Some(grpc_pass(read, plan, shape, channels).await?),
    };
    Ok(Passes {
        fill,
        grpc,
        rest,
        grpc_again,
    })
}

/// (workers, warm-up, measured time) of one pass.
type Plan = (usize, Duration, Duration);

/// One read's measured passes, in the order they ran.
struct Passes {
    /// Every key read once, cold: (keys, time taken).
    fill: (usize, Duration),
    grpc: LoadResult,
    rest: LoadResult,
    grpc_again: Option<LoadResult>,
}

/// Reads every key of `read` once over gRPC, spread over the connections, before the
/// measured passes: a replica answers a key it has not read yet from the database,
/// and the measured passes should show the read model's steady state. Timed, so the
/// cold figure is reported too.
async fn fill_pass(
    read: Read,
    shape: Shape,
    channels: &[Channel],
) -> anyhow::Result<(usize, Duration)> {
    let keys = read.keys(shape);
    let started = Instant::now();
    let lanes = channels.iter().enumerate().map(|(lane, channel)| {
        let mut client = QueryServiceClient::new(channel.clone());
        let mine: Vec<usize> = keys
            .iter()
            .copied()
            .skip(lane)
            .step_by(channels.len())
            .collect();
        async move {
            for pick in mine {
                read.grpc(&mut client, shape, pick).await?;
            }
            anyhow::Ok(())
        }
    });
    futures::future::try_join_all(lanes).await?;
    Ok((keys.len(), started.elapsed()))
}

async fn grpc_pass(
    read: Read,
    (workers, warmup, duration): Plan,
    shape: Shape,
    channels: &[Channel],
) -> anyhow::Result<LoadResult> {
    let callers = (0..workers)
        .map(|worker| GrpcRead {
            client: QueryServiceClient::new(channels[worker % channels.len()].clone()),
            read,
            shape,
            spread: Spread::new(worker as u64 + 1),
        })
        .collect();
    drive(callers, warmup, duration).await.checked(read.name())
}

async fn rest_pass(
    read: Read,
    (workers, warmup, duration): Plan,
    shape: Shape,
    replica: &Process,
) -> anyhow::Result<LoadResult> {
    let mut callers = Vec::with_capacity(workers);
    for worker in 0..workers {
        callers.push(RestRead {
            connection: Connection::open(replica.addresses.http).await?,
            read,
            shape,
            spread: Spread::new(worker as u64 + 1),
        });
    }
    drive(callers, warmup, duration).await.checked(read.name())
}

fn report_read(section: &mut Section, read: Read, bare: &LoadResult, passes: &Passes) {
    let (grpc, rest) = (&passes.grpc, &passes.rest);
    let name = read.name();
    let (keys, took) = passes.fill;
    section.note(format!(
        "{name}: cold fill before the measured passes: {keys} keys read once in {:.2} s ({:.0}/s, {GRPC_CONNECTIONS} callers)",
        took.as_secs_f64(),
        keys as f64 / took.as_secs_f64().max(1e-9)
    ));
    if let Some(again) = &passes.grpc_again {
        section.note(format!(
            "{name}: gRPC measured again after REST: {:.0} requests/s, p50 {}, p99 {}",
            again.rate,
            millis(again.latencies.p50()),
            millis(again.latencies.p99())
        ));
    }
    let grpc_run = (grpc.rate, &grpc.latencies);
    section.load_rows(
        &format!("gRPC {name}:"),
        grpc_run,
        (bare.rate, &bare.latencies),
        "bare tonic",
    );
    section.load_rows(
        &format!("REST {name}:"),
        (rest.rate, &rest.latencies),
        grpc_run,
        "gRPC, same RPC",
    );
    let share = grpc.rate / bare.rate.max(1.0);
    section.target(
        format!("{name} ≥ 50 % of the bare tonic server's requests/s"),
        share >= 0.5,
        format!("{:.1} %", share * 100.0),
    );
    let overhead =
        rest.latencies.p50().as_secs_f64() / grpc.latencies.p50().as_secs_f64().max(1e-9);
    section.target(
        format!("{name}: REST ≤ 1.3× gRPC latency (p50)"),
        overhead <= 1.3,
        format!(
            "{overhead:.2}× ({} vs {})",
            millis(rest.latencies.p50()),
            millis(grpc.latencies.p50())
        ),
    );
}

/// `GRPC_CONNECTIONS` HTTP/2 connections to `url`.
async fn connect(url: &str) -> anyhow::Result<Vec<Channel>> {
    let mut channels = Vec::with_capacity(GRPC_CONNECTIONS);
    for _ in 0..GRPC_CONNECTIONS {
        channels.push(
            Channel::from_shared(url.to_owned())?
                .tcp_nodelay(true)
                .connect()
                .await?,
        );
    }
    Ok(channels)
}

/// Writes the CronJobs and executions through fenced transactions.
async fn load(store: &Store, shape: Shape, executions: usize) -> anyhow::Result<Duration> {
    let started = Instant::now();
    let now = Timestamp::now();
    let epoch = store.acquire_epoch().await?;
    for first in (0..shape.cronjobs).step_by(LOAD_BATCH) {
        let mut tx = store.begin_fenced(epoch).await?;
        for index in first..(first + LOAD_BATCH).min(shape.cronjobs) {
            tx.upsert_cronjob(&shape.cronjob_record(index, now)).await?;
        }
        tx.commit().await?;
    }
    for first in (0..executions).step_by(LOAD_BATCH) {
        let batch: Vec<_> = (first..(first + LOAD_BATCH).min(executions))
            .map(|n| shape.execution("load", n, now))
            .collect();
        let mut tx = store.begin_fenced(epoch).await?;
        tx.record_executions(&batch).await?;
        tx.commit().await?;
    }
    Ok(started.elapsed())
}
