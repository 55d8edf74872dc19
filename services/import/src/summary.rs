//! What an import did (or, dry, would do): counts per table and the first skipped rows.

use std::fmt;

use crate::rows::Skip;

/// How many skipped rows the summary lists by default.
pub const DEFAULT_LISTED_SKIPS: usize = 20;

/// Counts for one source table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TableCounts {
    /// Rows read from the source.
    pub read: u64,
    /// Rows that became new rows in our store (dry run: that would be written).
    pub imported: u64,
    /// Rows our store already held as is (an earlier or interrupted run wrote them).
    pub already_present: u64,
    /// Rows whose stored copy changed (a richer duplicate arrived in a later run).
    pub updated: u64,
    /// Copies of a run (same key) folded into one.
    pub duplicates: u64,
    /// Rows refused (listed in [`Summary::skipped`]).
    pub skipped: u64,
}

/// The result of one import.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub dry_run: bool,
    pub executions: TableCounts,
    pub alerts: TableCounts,
    /// `channel_stats` rows found; this store has no table for them.
    pub channel_stats_not_imported: u64,
    /// The first skipped rows, at most `listed_limit`.
    pub skipped: Vec<Skip>,
    pub listed_limit: usize,
}

impl Summary {
    pub fn new(dry_run: bool, listed_limit: usize) -> Self {
        Self {
            dry_run,
            listed_limit,
            ..Self::default()
        }
    }

    /// Counts a skipped row and lists it while the list has room.
    pub fn skip(&mut self, skip: Skip) {
        match skip.table {
            crate::rows::Table::Executions => self.executions.skipped += 1,
            crate::rows::Table::AlertHistory => self.alerts.skipped += 1,
        }
        if self.skipped.len() < self.listed_limit {
            self.skipped.push(skip);
        }
    }

    fn total_skipped(&self) -> u64 {
        self.executions.skipped + self.alerts.skipped
    }
}

fn line(f: &mut fmt::Formatter<'_>, name: &str, counts: &TableCounts, dry: bool) -> fmt::Result {
    let verb = if dry { "would import" } else { "imported" };
    writeln!(
        f,
        "{name}: read {}, {verb} {}, already present {}, updated {}, duplicates folded {}, skipped {}",
        counts.read,
        counts.imported,
        counts.already_present,
        counts.updated,
        counts.duplicates,
        counts.skipped
    )
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.dry_run {
            writeln!(f, "dry run: nothing was written")?;
        }
        line(f, "executions", &self.executions, self.dry_run)?;
        line(f, "alert history", &self.alerts, self.dry_run)?;
        if self.channel_stats_not_imported > 0 {
            writeln!(
                f,
                "channel statistics: {} rows not imported (this store keeps no channel statistics yet)",
                self.channel_stats_not_imported
            )?;
        }
        let total = self.total_skipped();
        if total > 0 {
            writeln!(f, "skipped rows (first {} of {total}):", self.skipped.len())?;
            for skip in &self.skipped {
                writeln!(f, "  {skip}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rows::Table;

    #[test]
    fn skips_are_all_counted_but_only_the_first_listed() {
        let mut summary = Summary::new(false, 2);
        for id in 0..5 {
            summary.skip(Skip {
                table: Table::Executions,
                id,
                reason: "negative".into(),
            });
        }
        summary.skip(Skip {
            table: Table::AlertHistory,
            id: 9,
            reason: "unknown alert type".into(),
        });
        assert_eq!(summary.executions.skipped, 5);
        assert_eq!(summary.alerts.skipped, 1);
        assert_eq!(summary.skipped.len(), 2);
        let text = summary.to_string();
        assert!(text.contains("skipped rows (first 2 of 6)"), "{text}");
        assert!(text.contains("executions id 1: negative"), "{text}");
    }

    #[test]
    fn a_dry_run_says_so() {
        let text = Summary::new(true, 20).to_string();
        assert!(text.starts_with("dry run: nothing was written"), "{text}");
        assert!(text.contains("would import 0"), "{text}");
    }
}
