//! Failover: two controllers electing through the PostgreSQL lease row. The
//! leader is killed (`kill -9`, a crash) or sent SIGTERM (a rolling update),
//! and the time from the signal to the standby's `/metrics` showing
//! `cronjob_guardian_leader_status 1` is measured (polled every 10 ms), at the
//! seed's default lease timings and at aggressive ones.

use std::time::{Duration, Instant};

use guardian_integration::Process;
use guardian_integration::cluster::{Timings, is_leader, leader_of};

use crate::report::{Row, Section, Value, millis};
use crate::stack::{SMALL_HISTORY, Stack, product_binary};

const DEADLINE: Duration = Duration::from_secs(120);
const POLL: Duration = Duration::from_millis(10);
/// Target of the issue for a graceful handover.
const GRACEFUL_TARGET: Duration = Duration::from_secs(1);

fn timings(lease: u64, renew: u64, retry: u64) -> Timings {
    Timings {
        lease: Duration::from_millis(lease),
        renew: Duration::from_millis(renew),
        retry: Duration::from_millis(retry),
    }
}

/// (label, timings, rounds).
fn settings(quick: bool) -> Vec<(&'static str, Timings, usize)> {
    if quick {
        vec![("quick 2s/1.5s/250ms", timings(2_000, 1_500, 250), 1)]
    } else {
        vec![
            ("default 15s/10s/2s", timings(15_000, 10_000, 2_000), 3),
            ("aggressive 10s/8s/1s", timings(10_000, 8_000, 1_000), 3),
        ]
    }
}

pub async fn failover(section: &mut Section, quick: bool) -> anyhow::Result<()> {
    product_binary()?;
    for (index, (label, timings, rounds)) in settings(quick).into_iter().enumerate() {
        let stack = Stack::new(&format!("bench_failover_{index}"), SMALL_HISTORY).await?;
        let mut crashes = Vec::new();
        let mut graceful = Vec::new();
        let mut pair = Pair::start(&stack, timings).await?;
        for _ in 0..rounds {
            crashes.push(pair.crash_leader(&stack).await?);
            graceful.push(pair.terminate_leader(&stack).await?);
        }
        let worst_crash = crashes.iter().copied().max().unwrap_or_default();
        let worst_graceful = graceful.iter().copied().max().unwrap_or_default();
        let bound = timings.lease + timings.retry;
        section.row(Row::new(
            format!("crash (kill -9) → standby leads, {label}, worst of {rounds}"),
            Value::Latency(worst_crash),
        ));
        section.row(Row::new(
            format!("SIGTERM → standby leads, {label}, worst of {rounds}"),
            Value::Latency(worst_graceful),
        ));
        section.note(format!(
            "{label}: crash {}; graceful {}",
            list(&crashes),
            list(&graceful)
        ));
        section.target(
            format!(
                "crash failover ≤ leaseDuration + retryPeriod ({}) at {label}",
                millis(bound)
            ),
            worst_crash <= bound,
            millis(worst_crash),
        );
        section.target(
            format!("graceful handover ≤ 1 s at {label}"),
            worst_graceful <= GRACEFUL_TARGET,
            millis(worst_graceful),
        );
    }
    Ok(())
}

fn list(samples: &[Duration]) -> String {
    samples
        .iter()
        .map(|sample| millis(*sample))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A leader and a standby; replaced processes get fresh names.
struct Pair {
    leader: Process,
    standby: Process,
    timings: Timings,
    started: usize,
}

impl Pair {
    async fn start(stack: &Stack, timings: Timings) -> anyhow::Result<Pair> {
        let first = stack.controller("controller-0", timings).await?;
        let second = stack.controller("controller-1", timings).await?;
        let leader = leader_of(&[&first, &second], DEADLINE).await?;
        let (leader, standby) = if leader == 0 {
            (first, second)
        } else {
            (second, first)
        };
        Ok(Pair {
            leader,
            standby,
            timings,
            started: 2,
        })
    }

    /// kill -9 the leader; returns signal → standby leads, and starts a new standby.
    async fn crash_leader(&mut self, stack: &Stack) -> anyhow::Result<Duration> {
        let signalled = Instant::now();
        self.leader.kill().await?;
        let takeover = wait_leader(&self.standby, signalled).await?;
        self.replace_leader(stack).await?;
        Ok(takeover)
    }

    /// SIGTERM the leader; returns signal → standby leads, and starts a new standby.
    async fn terminate_leader(&mut self, stack: &Stack) -> anyhow::Result<Duration> {
        let signalled = Instant::now();
        let (exited, takeover) = tokio::join!(
            self.leader.terminate(DEADLINE),
            wait_leader(&self.standby, signalled)
        );
        exited?;
        let takeover = takeover?;
        self.replace_leader(stack).await?;
        Ok(takeover)
    }

    /// The standby became leader; a new process becomes the standby.
    async fn replace_leader(&mut self, stack: &Stack) -> anyhow::Result<()> {
        let name = format!("controller-{}", self.started);
        self.started += 1;
        let fresh = stack.controller(&name, self.timings).await?;
        let old_leader = std::mem::replace(
            &mut self.leader,
            std::mem::replace(&mut self.standby, fresh),
        );
        drop(old_leader);
        anyhow::ensure!(
            !is_leader(&self.standby).await,
            "the new standby {name} claims to lead"
        );
        Ok(())
    }
}

/// Polls `standby` until it reports itself leader; the time since `signalled`.
async fn wait_leader(standby: &Process, signalled: Instant) -> anyhow::Result<Duration> {
    while signalled.elapsed() < DEADLINE {
        if is_leader(standby).await {
            return Ok(signalled.elapsed());
        }
        tokio::time::sleep(POLL).await;
    }
    anyhow::bail!("{} did not take over within {DEADLINE:?}", standby.name)
}
