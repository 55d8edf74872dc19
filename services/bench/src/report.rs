//! The figure table: each measured value beside the ceiling taken in the same run,
//! their ratio, and the targets with whether they hold. Printed as
//! Markdown so a run's output can be pasted into BENCHMARKS.md unchanged.

use std::fmt::Write as _;
use std::time::Duration;

use crate::stats::Latencies;

/// A measured amount and how to print it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    /// Events (executions, requests…) per second.
    Rate(f64),
    Latency(Duration),
    Mebibytes(f64),
    /// CPU time as a share of one core, in percent.
    CpuPercent(f64),
}

impl Value {
    fn amount(self) -> f64 {
        match self {
            Value::Rate(rate) => rate,
            Value::Latency(latency) => latency.as_secs_f64(),
            Value::Mebibytes(mib) => mib,
            Value::CpuPercent(percent) => percent,
        }
    }

    fn render(self) -> String {
        match self {
            Value::Rate(rate) => format!("{} /s", thousands(rate)),
            Value::Latency(latency) => millis(latency),
            Value::Mebibytes(mib) => format!("{mib:.1} MiB"),
            Value::CpuPercent(percent) => format!("{percent:.1} % of a core"),
        }
    }
}

/// Milliseconds with precision that suits the size (seconds from 10 s on).
pub fn millis(latency: Duration) -> String {
    let ms = latency.as_secs_f64() * 1000.0;
    if ms >= 10_000.0 {
        format!("{:.2} s", ms / 1000.0)
    } else if ms >= 100.0 {
        format!("{ms:.0} ms")
    } else if ms >= 1.0 {
        format!("{ms:.2} ms")
    } else {
        format!("{ms:.3} ms")
    }
}

/// `1234567.8` → `1 234 568`.
fn thousands(amount: f64) -> String {
    let digits = format!("{:.0}", amount.max(0.0));
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(digit);
    }
    out
}

/// One line of the table.
#[derive(Debug, Clone)]
pub struct Row {
    pub figure: String,
    pub value: Value,
    /// The same-run ceiling and what produced it.
    pub ceiling: Option<(Value, String)>,
}

impl Row {
    pub fn new(figure: impl Into<String>, value: Value) -> Row {
        Row {
            figure: figure.into(),
            value,
            ceiling: None,
        }
    }

    pub fn against(mut self, ceiling: Value, what: impl Into<String>) -> Row {
        self.ceiling = Some((ceiling, what.into()));
        self
    }

    /// value ÷ ceiling (for latencies above 1 means slower than the ceiling).
    pub fn ratio(&self) -> Option<f64> {
        let (ceiling, _) = self.ceiling.as_ref()?;
        let denominator = ceiling.amount();
        (denominator > 0.0).then(|| self.value.amount() / denominator)
    }
}

/// A target from the issue and whether this run meets it.
#[derive(Debug, Clone)]
pub struct Target {
    pub text: String,
    pub holds: bool,
    pub evidence: String,
}

/// What one scenario produced.
#[derive(Debug, Clone, Default)]
pub struct Section {
    pub title: String,
    pub rows: Vec<Row>,
    pub targets: Vec<Target>,
    pub notes: Vec<String>,
    /// Set when the scenario (or part of it) could not run, with the reason.
    pub failure: Option<String>,
}

impl Section {
    pub fn new(title: impl Into<String>) -> Section {
        Section {
            title: title.into(),
            ..Section::default()
        }
    }

    pub fn row(&mut self, row: Row) {
        self.rows.push(row);
    }

    /// A row without a ceiling.
    pub fn figure(&mut self, figure: impl Into<String>, value: Value) {
        self.rows.push(Row::new(figure, value));
    }

    /// `<prefix> requests/s`, `p50` and `p99` rows, each against the same
    /// figure of a ceiling run called `what`.
    pub fn load_rows(
        &mut self,
        prefix: &str,
        run: (f64, &Latencies),
        ceiling: (f64, &Latencies),
        what: &str,
    ) {
        let ((rate, latencies), (ceiling_rate, ceiling_latencies)) = (run, ceiling);
        let rows = [
            ("requests/s", Value::Rate(rate), Value::Rate(ceiling_rate)),
            (
                "p50",
                Value::Latency(latencies.p50()),
                Value::Latency(ceiling_latencies.p50()),
            ),
            (
                "p99",
                Value::Latency(latencies.p99()),
                Value::Latency(ceiling_latencies.p99()),
            ),
        ];
        for (figure, value, ceiling) in rows {
            self.row(Row::new(format!("{prefix} {figure}"), value).against(ceiling, what));
        }
    }

    /// `<prefix> p50` and `<prefix> p99` rows (and `max` when asked).
    pub fn percentiles(&mut self, prefix: &str, latencies: &Latencies, with_max: bool) {
        self.figure(format!("{prefix} p50"), Value::Latency(latencies.p50()));
        self.figure(format!("{prefix} p99"), Value::Latency(latencies.p99()));
        if with_max {
            self.figure(format!("{prefix} max"), Value::Latency(latencies.max()));
        }
    }

    pub fn target(&mut self, text: impl Into<String>, holds: bool, evidence: impl Into<String>) {
        self.targets.push(Target {
            text: text.into(),
            holds,
            evidence: evidence.into(),
        });
    }

    pub fn note(&mut self, note: impl Into<String>) {
        self.notes.push(note.into());
    }

    /// The section as Markdown; `quick` runs judge no targets.
    pub fn render(&self, quick: bool) -> String {
        let mut out = format!("### {}\n\n", self.title);
        if !self.rows.is_empty() {
            out.push_str("| figure | value | ceiling (same run) | ratio |\n|---|---:|---:|---:|\n");
            for row in &self.rows {
                let (ceiling, ratio) = match (&row.ceiling, row.ratio()) {
                    (Some((value, what)), Some(ratio)) => (
                        format!("{} ({what})", value.render()),
                        format!("{ratio:.2}"),
                    ),
                    (Some((value, what)), None) => {
                        (format!("{} ({what})", value.render()), "–".into())
                    }
                    _ => ("–".into(), "–".into()),
                };
                let _ = writeln!(
                    out,
                    "| {} | {} | {ceiling} | {ratio} |",
                    row.figure,
                    row.value.render()
                );
            }
            out.push('\n');
        }
        for target in &self.targets {
            let verdict = match (quick, target.holds) {
                (true, _) => "not judged (--quick)",
                (false, true) => "HOLDS",
                (false, false) => "DOES NOT HOLD",
            };
            let _ = writeln!(
                out,
                "- target {}: **{verdict}** ({})",
                target.text, target.evidence
            );
        }
        for note in &self.notes {
            let _ = writeln!(out, "- {note}");
        }
        if let Some(failure) = &self.failure {
            let _ = writeln!(out, "- **not run / failed:** {failure}");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_with_a_ceiling_renders_value_ceiling_and_ratio() {
        let mut section = Section::new("ingest");
        section.row(
            Row::new("executions/s", Value::Rate(25_000.0)).against(Value::Rate(100_000.0), "COPY"),
        );
        section.target("≥ 20k/s", true, "25 000 /s");
        let text = section.render(false);
        assert!(
            text.contains("| executions/s | 25 000 /s | 100 000 /s (COPY) | 0.25 |"),
            "{text}"
        );
        assert!(text.contains("target ≥ 20k/s: **HOLDS**"), "{text}");
        assert!(section.render(true).contains("not judged"));
    }

    #[test]
    fn latencies_print_in_milliseconds_and_counts_group_thousands() {
        assert_eq!(millis(Duration::from_micros(1500)), "1.50 ms");
        assert_eq!(millis(Duration::from_micros(250)), "0.250 ms");
        assert_eq!(millis(Duration::from_millis(15_250)), "15.25 s");
        assert_eq!(Value::Rate(1_000_000.4).render(), "1 000 000 /s");
        let row = Row::new("x", Value::Rate(1.0)).against(Value::Rate(0.0), "none");
        assert_eq!(row.ratio(), None);
    }
}
