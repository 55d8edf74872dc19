//! Latency samples and their percentiles (nearest-rank on the sorted samples:
//! with few samples p99 is simply the slowest, never an interpolation).

use std::time::Duration;

/// A set of latency samples.
#[derive(Debug, Clone, Default)]
pub struct Latencies {
    samples: Vec<Duration>,
}

impl Latencies {
    pub fn new() -> Latencies {
        Latencies::default()
    }

    pub fn push(&mut self, sample: Duration) {
        self.samples.push(sample);
    }

    pub fn extend(&mut self, other: Latencies) {
        self.samples.extend(other.samples);
    }

    pub fn len(&self) -> usize {
        self.samples.len()
    }

    pub fn is_empty(&self) -> bool {
        self.samples.is_empty()
    }

    /// The `q`-quantile (0 < q ≤ 1) by nearest rank; zero when there are no samples.
    pub fn quantile(&self, q: f64) -> Duration {
        if self.samples.is_empty() {
            return Duration::ZERO;
        }
        let mut sorted = self.samples.clone();
        sorted.sort_unstable();
        let rank = (q * sorted.len() as f64).ceil() as usize;
        sorted[rank.clamp(1, sorted.len()) - 1]
    }

    pub fn p50(&self) -> Duration {
        self.quantile(0.50)
    }

    pub fn p99(&self) -> Duration {
        self.quantile(0.99)
    }

    pub fn max(&self) -> Duration {
        self.samples.iter().copied().max().unwrap_or_default()
    }
}

impl FromIterator<Duration> for Latencies {
    fn from_iter<I: IntoIterator<Item = Duration>>(iter: I) -> Self {
        Latencies {
            samples: iter.into_iter().collect(),
        }
    }
}

/// `count` events in `elapsed`, per second (zero for an empty interval).
pub fn rate(count: usize, elapsed: Duration) -> f64 {
    let seconds = elapsed.as_secs_f64();
    if seconds > 0.0 {
        count as f64 / seconds
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles_pick_real_samples() {
        let latencies: Latencies = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(latencies.p50(), Duration::from_millis(50));
        assert_eq!(latencies.p99(), Duration::from_millis(99));
        assert_eq!(latencies.max(), Duration::from_millis(100));
        let few: Latencies = [3, 1, 2].into_iter().map(Duration::from_millis).collect();
        assert_eq!(few.p99(), Duration::from_millis(3));
        assert_eq!(few.p50(), Duration::from_millis(2));
        assert_eq!(Latencies::new().p99(), Duration::ZERO);
    }

    #[test]
    fn rate_divides_by_elapsed_seconds() {
        assert_eq!(rate(500, Duration::from_millis(250)), 2000.0);
        assert_eq!(rate(5, Duration::ZERO), 0.0);
    }
}
