//! Failover: two controllers electing through the PostgreSQL lease row. The
//! leader is killed (`kill -9`, a crash), sent SIGTERM (a rolling update), or
//! frozen (SIGSTOP) while it holds an open write transaction, and the time from
//! the signal to the standby's `/metrics` showing `cronjob_guardian_leader_status 1`
//! (which it does only once it holds its database epoch) is measured (polled every
//! 10 ms), at the seed's default lease timings and at aggressive ones.

use std::time::{Duration, Instant};

use guardian_integration::Process;
use guardian_integration::cluster::{Timings, is_leader, leader_of};
use guardian_integration::jobs::{NAMESPACE, complete_job};
use guardian_integration::pause::PauseGate;

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
        let mut frozen = Vec::new();
        let mut pair = Pair::start(&stack, timings).await?;
        for round in 0..rounds {
            crashes.push(pair.crash_leader(&stack).await?);
            graceful.push(pair.terminate_leader(&stack).await?);
            frozen.push(pair.freeze_leader_mid_write(&stack, round as i64).await?);
        }
        let worst_frozen = frozen.iter().copied().max().unwrap_or_default();
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
        section.row(Row::new(
            format!("SIGSTOP mid-write → standby leads, {label}, worst of {rounds}"),
            Value::Latency(worst_frozen),
        ));
        section.note(format!(
            "{label}: crash {}; graceful {}; frozen mid-write {}",
            list(&crashes),
            list(&graceful),
            list(&frozen)
        ));
        section.target(
            format!(
                "crash failover ≤ leaseDuration + retryPeriod ({}) at {label}",
                millis(bound)
            ),
            worst_crash <= bound,
            millis(worst_crash),
        );
        // The lease must run out (the frozen leader cannot release it); the wait
        // for its locked control row must add no more than one retry period.
        section.target(
            format!(
                "frozen-mid-write failover ≤ leaseDuration + retryPeriod ({}) at {label}",
                millis(bound)
            ),
            worst_frozen <= bound,
            millis(worst_frozen),
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
    /// Every controller's pause point before fenced commits.
    pause: PauseGate,
}

/// The CronJob whose runs make the leader write.
const CRONJOB: &str = "failover";

impl Pair {
    async fn start(stack: &Stack, timings: Timings) -> anyhow::Result<Pair> {
        stack.kube.create_namespace(NAMESPACE)?;
        stack
            .kube
            .create_cronjob(NAMESPACE, CRONJOB, "* * * * *", &[])?;
        let pause = PauseGate::new()?;
        let first = start_controller(stack, "controller-0", timings, &pause).await?;
        let second = start_controller(stack, "controller-1", timings, &pause).await?;
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
            pause,
        })
    }

    /// SIGSTOP the leader while it holds an open write (the control row locked);
    /// returns signal → standby leads with its epoch, and starts a new standby.
    async fn freeze_leader_mid_write(
        &mut self,
        stack: &Stack,
        minute: i64,
    ) -> anyhow::Result<Duration> {
        self.pause.arm()?;
        complete_job(&stack.kube, CRONJOB, minute)?;
        self.pause.reached(DEADLINE).await?;
        self.leader.freeze()?;
        let signalled = Instant::now();
        self.pause.release()?;
        let takeover = wait_leader(&self.standby, signalled).await?;
        self.leader.thaw()?;
        self.replace_leader(stack).await?;
        Ok(takeover)
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
        let fresh = start_controller(stack, &name, self.timings, &self.pause).await?;
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

async fn start_controller(
    stack: &Stack,
    name: &str,
    timings: Timings,
    pause: &PauseGate,
) -> anyhow::Result<Process> {
    let mut spec = stack.controller_spec(name, timings);
    spec.env.push(pause.env());
    Process::start(spec).await
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
