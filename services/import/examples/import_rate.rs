//! The import's rate, for BENCHMARKS.md (`scripts/bench-import` drives it):
//! `import_rate <source> <target postgres URL> [batch size]` imports the source into
//! the target store with the product's code path and prints the summary, the wall
//! time and rows per second. A release build of this example alone is much smaller
//! than the whole `cronjob-guardian` binary.

use std::time::Instant;

use anyhow::{Context, Result};
use guardian_import::{ImportOptions, SourceDb};
use guardian_store::{Backend, Store, StoreConfig};

#[tokio::main]
async fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: import_rate <source> <target postgres URL> [batch size]";
    let source = args.next().context(usage)?;
    let target = args.next().context(usage)?;
    let batch_size = args.next().map_or(Ok(1000), |size| size.parse())?;
    let source = SourceDb::open(&source.parse()?).await?;
    let store = Store::connect(&StoreConfig::new(Backend::PostgresUrl(target))).await?;
    let options = ImportOptions {
        batch_size,
        ..ImportOptions::default()
    };
    let started = Instant::now();
    let summary = guardian_import::import(&source, &store, &options).await?;
    let seconds = started.elapsed().as_secs_f64();
    print!("{summary}");
    let rows = summary.executions.read;
    println!(
        "executions: {rows} source rows in {seconds:.1} s = {:.0} rows/s (batch {batch_size})",
        rows as f64 / seconds
    );
    Ok(())
}
