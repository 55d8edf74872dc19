//! One import: stream each table, convert, fold copies, write in batches.
//!
//! ```text
//!  source rows (key order) ─ convert ─┬─ Skip ──► summary (counted, first N listed)
//!                                     └─ Folder (one row of memory) ─► batch ─► Target
//! ```
//! Each batch is one transaction: a run stopped anywhere leaves whole batches behind,
//! and the next run rewrites the same keys, so every row lands exactly once.

use futures::{Stream, StreamExt};
use guardian_core::{AlertRecord, Execution};
use guardian_store::Store;

use crate::error::{ImportError, Result};
use crate::fold::{Folder, richer_alert, richer_execution};
use crate::progress::Progress;
use crate::rows::{Skip, Table};
use crate::source::SourceDb;
use crate::summary::{DEFAULT_LISTED_SKIPS, Summary, TableCounts};
use crate::writer::{DryRun, HistoryWriter, Tally, Target};

/// How an import runs.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Read, check and count; write nothing.
    pub dry_run: bool,
    /// Rows per transaction.
    pub batch_size: usize,
    /// Skipped rows listed in the summary.
    pub listed_skips: usize,
    /// No progress output (tests, bench).
    pub quiet: bool,
    /// Stop with [`ImportError::Stopped`] after this many committed batches: the
    /// tests' stand-in for a process killed half-way.
    pub stop_after_batches: Option<u64>,
}

impl Default for ImportOptions {
    fn default() -> Self {
        Self {
            dry_run: false,
            batch_size: 1000,
            listed_skips: DEFAULT_LISTED_SKIPS,
            quiet: false,
            stop_after_batches: None,
        }
    }
}

/// Imports the source's history into `store`, or with `dry_run` counts what it would.
pub async fn import(source: &SourceDb, store: &Store, options: &ImportOptions) -> Result<Summary> {
    if options.dry_run {
        run(source, &mut DryRun, options).await
    } else {
        let mut writer = HistoryWriter::new(store.clone()).await?;
        run(source, &mut writer, options).await
    }
}

/// A dry run that needs no store.
pub async fn dry_run(source: &SourceDb, options: &ImportOptions) -> Result<Summary> {
    let options = ImportOptions {
        dry_run: true,
        ..options.clone()
    };
    run(source, &mut DryRun, &options).await
}

async fn run<W>(source: &SourceDb, target: &mut W, options: &ImportOptions) -> Result<Summary>
where
    W: Target<Execution> + Target<AlertRecord>,
{
    if options.batch_size == 0 {
        return Err(ImportError::Source("batch size must be above zero".into()));
    }
    let counts = source.counts().await?;
    let mut pump = Pump {
        summary: Summary::new(options.dry_run, options.listed_skips),
        progress: Progress::new(counts.executions + counts.alerts, options.quiet),
        options,
        batches: 0,
    };
    pump.summary.channel_stats_not_imported = counts.channel_stats;
    let executions = Folder::new(|execution: &Execution| &execution.job_uid, richer_execution);
    pump.table(
        Table::Executions,
        source.executions(),
        |row| row.convert(),
        executions,
        target,
    )
    .await?;
    let alerts = Folder::new(|alert: &AlertRecord| &alert.key, richer_alert);
    pump.table(
        Table::AlertHistory,
        source.alerts(),
        |row| row.convert(),
        alerts,
        target,
    )
    .await?;
    pump.progress.finish();
    Ok(pump.summary)
}

struct Pump<'o> {
    summary: Summary,
    progress: Progress,
    options: &'o ImportOptions,
    batches: u64,
}

impl Pump<'_> {
    async fn table<R, T, W>(
        &mut self,
        table: Table,
        rows: impl Stream<Item = Result<R>>,
        convert: fn(R) -> Result<T, Skip>,
        mut folder: Folder<T>,
        target: &mut W,
    ) -> Result<()>
    where
        W: Target<T>,
    {
        let mut rows = std::pin::pin!(rows);
        let mut batch = Vec::with_capacity(self.options.batch_size);
        let mut unreported = 0;
        while let Some(row) = rows.next().await {
            self.counts(table).read += 1;
            unreported += 1;
            match convert(row?) {
                Err(skip) => self.summary.skip(skip),
                Ok(item) => batch.extend(folder.push(item)),
            }
            if batch.len() >= self.options.batch_size {
                self.flush(table, &mut batch, target).await?;
                self.progress.advance(std::mem::take(&mut unreported));
            }
        }
        batch.extend(folder.finish());
        if !batch.is_empty() {
            self.flush(table, &mut batch, target).await?;
        }
        self.progress.advance(unreported);
        self.counts(table).duplicates = folder.duplicates;
        Ok(())
    }

    async fn flush<T, W: Target<T>>(
        &mut self,
        table: Table,
        batch: &mut Vec<T>,
        target: &mut W,
    ) -> Result<()> {
        let Tally {
            inserted,
            updated,
            unchanged,
        } = target.write(batch).await?;
        batch.clear();
        let counts = self.counts(table);
        counts.imported += inserted;
        counts.updated += updated;
        counts.already_present += unchanged;
        self.batches += 1;
        if self.options.stop_after_batches == Some(self.batches) {
            return Err(ImportError::Stopped(self.batches));
        }
        Ok(())
    }

    fn counts(&mut self, table: Table) -> &mut TableCounts {
        match table {
            Table::Executions => &mut self.summary.executions,
            Table::AlertHistory => &mut self.summary.alerts,
        }
    }
}
