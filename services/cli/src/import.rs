//! `cronjob-guardian import`: open the Go operator's database, import (or dry-run),
//! print the summary. The work is `guardian_import`'s.

use anyhow::Context as _;
use guardian_import::{ImportOptions, SourceDb, SourceSpec};

use crate::args::ImportArgs;
use crate::config;

pub async fn run(args: ImportArgs) -> anyhow::Result<()> {
    let _telemetry = crate::commands::telemetry("cronjob-guardian-import", &args.telemetry)?;
    let spec: SourceSpec = args.from.parse()?;
    let source = SourceDb::open(&spec).await?;
    let options = ImportOptions {
        dry_run: args.dry_run,
        batch_size: args.batch_size,
        listed_skips: args.show_skipped,
        ..ImportOptions::default()
    };
    let summary = if args.dry_run {
        guardian_import::dry_run(&source, &options).await?
    } else {
        let store = guardian_store::Store::connect(&config::store_config(&args.storage)?)
            .await
            .context("cannot open the target store")?;
        let summary = guardian_import::import(&source, &store, &options).await;
        store.close().await;
        summary?
    };
    source.close().await;
    print!("{summary}");
    Ok(())
}
