//! A closed-loop load generator: N workers, each with its own caller (a gRPC
//! client on a shared set of HTTP/2 connections, or its own HTTP/1.1
//! keep-alive connection), sending one request after the other for a fixed
//! time. Requests/s is completed requests over the measured time (until the
//! last one finished); latency is per request, send to full reply.

use std::future::Future;
use std::time::{Duration, Instant};

use crate::stats::{Latencies, rate};

/// One worker's way of sending request number `index`.
pub trait Caller: Send + 'static {
    fn call(&mut self, index: u64) -> impl Future<Output = anyhow::Result<()>> + Send;
}

/// What a load run measured.
#[derive(Debug, Clone, Default)]
pub struct LoadResult {
    pub rate: f64,
    pub latencies: Latencies,
    pub errors: usize,
    pub first_error: Option<String>,
}

impl LoadResult {
    /// Fails when any request failed: a figure built on errors means nothing.
    pub fn checked(self, what: &str) -> anyhow::Result<LoadResult> {
        match &self.first_error {
            Some(error) => anyhow::bail!(
                "{what}: {} of {} requests failed, first: {error}",
                self.errors,
                self.latencies.len() + self.errors
            ),
            None if self.latencies.is_empty() => anyhow::bail!("{what}: no request completed"),
            None => Ok(self),
        }
    }
}

/// Runs every caller for `warmup` (not measured) and then `duration`.
pub async fn drive<C: Caller>(callers: Vec<C>, warmup: Duration, duration: Duration) -> LoadResult {
    let start = Instant::now() + warmup;
    let end = start + duration;
    let workers: Vec<_> = callers
        .into_iter()
        .enumerate()
        .map(|(worker, caller)| tokio::spawn(work(caller, worker as u64, start, end)))
        .collect();
    let mut total = LoadResult::default();
    for worker in workers {
        let Ok(part) = worker.await else {
            total.errors += 1;
            total
                .first_error
                .get_or_insert_with(|| "a load worker panicked".to_owned());
            continue;
        };
        total.latencies.extend(part.latencies);
        total.errors += part.errors;
        if total.first_error.is_none() {
            total.first_error = part.first_error;
        }
    }
    // A request sent before the end may finish after it; count the time it took.
    let measured = Instant::now()
        .saturating_duration_since(start)
        .max(duration);
    total.rate = rate(total.latencies.len(), measured);
    total
}

async fn work<C: Caller>(mut caller: C, worker: u64, start: Instant, end: Instant) -> LoadResult {
    let mut result = LoadResult::default();
    // Spread request indexes over workers so each worker asks for different keys.
    let mut index = worker.wrapping_mul(1_000_003);
    loop {
        let sent = Instant::now();
        if sent >= end {
            return result;
        }
        let outcome = caller.call(index).await;
        index += 1;
        if sent < start {
            continue;
        }
        match outcome {
            Ok(()) => result.latencies.push(sent.elapsed()),
            Err(error) => {
                result.errors += 1;
                result
                    .first_error
                    .get_or_insert_with(|| format!("{error:#}"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct EveryThirdFails;

    impl Caller for EveryThirdFails {
        async fn call(&mut self, index: u64) -> anyhow::Result<()> {
            tokio::time::sleep(Duration::from_millis(1)).await;
            anyhow::ensure!(!index.is_multiple_of(3), "request {index} refused");
            Ok(())
        }
    }

    #[tokio::test]
    async fn the_driver_counts_successes_and_keeps_the_first_error() {
        let result = drive(
            vec![EveryThirdFails, EveryThirdFails],
            Duration::ZERO,
            Duration::from_millis(100),
        )
        .await;
        assert!(!result.latencies.is_empty());
        assert!(result.errors > 0);
        assert!(
            result
                .first_error
                .as_deref()
                .is_some_and(|error| error.contains("refused"))
        );
        assert!(result.rate > 0.0);
        assert!(result.checked("every third fails").is_err());
    }
}
