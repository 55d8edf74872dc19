//! Progress with rate and ETA: a bar redrawn in place on a terminal, a log line every
//! few seconds otherwise (CI logs, `kubectl logs`), through the process's log.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Rows done of rows expected, after `elapsed`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Snapshot {
    pub done: u64,
    pub total: u64,
    pub elapsed: Duration,
}

impl Snapshot {
    /// Rows per second so far; `None` before any time has passed.
    pub fn rate(&self) -> Option<f64> {
        let seconds = self.elapsed.as_secs_f64();
        (seconds > 0.0 && self.done > 0).then(|| self.done as f64 / seconds)
    }

    /// Time left at the rate so far.
    pub fn eta(&self) -> Option<Duration> {
        let left = self.total.saturating_sub(self.done) as f64;
        self.rate()
            .map(|rate| Duration::from_secs_f64((left / rate).min(1e9)))
    }

    /// `42% 420000/1000000 rows, 21000 rows/s, ETA 27s`.
    pub fn describe(&self) -> String {
        let percent = (self.done.min(self.total) * 100)
            .checked_div(self.total)
            .unwrap_or(100);
        let rate = self
            .rate()
            .map_or_else(|| "-".to_owned(), |rate| format!("{rate:.0}"));
        let eta = self
            .eta()
            .map_or_else(|| "-".to_owned(), |eta| format!("{}s", eta.as_secs()));
        format!(
            "{percent}% {}/{} rows, {rate} rows/s, ETA {eta}",
            self.done, self.total
        )
    }

    /// A 30-cell bar followed by [`Snapshot::describe`].
    pub fn bar(&self) -> String {
        const CELLS: u64 = 30;
        let filled = (self.done.min(self.total) * CELLS)
            .checked_div(self.total)
            .unwrap_or(CELLS);
        format!(
            "[{}{}] {}",
            "#".repeat(filled as usize),
            " ".repeat((CELLS - filled) as usize),
            self.describe()
        )
    }
}

/// Reports progress; cheap to call per batch.
#[derive(Debug)]
pub struct Progress {
    total: u64,
    done: u64,
    started: Instant,
    last_shown: Option<Instant>,
    terminal: bool,
    quiet: bool,
}

impl Progress {
    /// A reporter for `total` rows; `quiet` shows nothing (tests, the bench).
    pub fn new(total: u64, quiet: bool) -> Self {
        Self {
            total,
            done: 0,
            started: Instant::now(),
            last_shown: None,
            terminal: std::io::stderr().is_terminal(),
            quiet,
        }
    }

    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            done: self.done,
            total: self.total,
            elapsed: self.started.elapsed(),
        }
    }

    /// Adds `rows` done and redraws when it is time to.
    pub fn advance(&mut self, rows: u64) {
        self.done += rows;
        let every = if self.terminal {
            Duration::from_millis(200)
        } else {
            Duration::from_secs(5)
        };
        if self.quiet || self.last_shown.is_some_and(|shown| shown.elapsed() < every) {
            return;
        }
        self.last_shown = Some(Instant::now());
        self.show();
    }

    /// The final state, ending the bar's line.
    pub fn finish(&mut self) {
        if !self.quiet {
            self.show();
            if self.terminal {
                eprintln!();
            }
        }
    }

    fn show(&self) {
        let snapshot = self.snapshot();
        if self.terminal {
            let mut stderr = std::io::stderr().lock();
            // Redraw in place; a failed write to stderr is not worth stopping for.
            let _ = write!(stderr, "\r{}", snapshot.bar());
            let _ = stderr.flush();
        } else {
            tracing::info!("import progress: {}", snapshot.describe());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_and_eta_follow_the_rows_done() {
        let snapshot = Snapshot {
            done: 250_000,
            total: 1_000_000,
            elapsed: Duration::from_secs(10),
        };
        assert_eq!(snapshot.rate(), Some(25_000.0));
        assert_eq!(snapshot.eta(), Some(Duration::from_secs(30)));
        assert_eq!(
            snapshot.describe(),
            "25% 250000/1000000 rows, 25000 rows/s, ETA 30s"
        );
        assert!(
            snapshot
                .bar()
                .starts_with("[#######                       ] 25%")
        );
    }

    #[test]
    fn nothing_done_yet_has_no_rate() {
        let snapshot = Snapshot {
            done: 0,
            total: 10,
            elapsed: Duration::ZERO,
        };
        assert_eq!(snapshot.rate(), None);
        assert_eq!(snapshot.describe(), "0% 0/10 rows, - rows/s, ETA -");
    }
}
