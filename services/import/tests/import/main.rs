//! Imports real operator databases (SQLite files and PostgreSQL databases laid out as
//! the Go operator creates them) and checks counts, values and statistics against what
//! the source rows say.

mod checks;
mod history;
mod operator_db;
mod refusals;

use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, Result};
use guardian_import::{ImportError, ImportOptions, SourceDb, SourceSpec};
use guardian_store::{Backend, Store, StoreConfig};
use guardian_testkit::postgres::PgHarness;
use tempfile::TempDir;

use history::History;
use operator_db::OperatorDb;

static DATABASES: AtomicUsize = AtomicUsize::new(0);

/// A source database written with `history`, and a fresh empty store.
struct Setup {
    source: SourceDb,
    store: Store,
    _dir: TempDir,
}

async fn sqlite_source(dir: &TempDir, history: &History) -> Result<SourceSpec> {
    let path = dir.path().join("go-guardian.db");
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(&path)
        .create_if_missing(true)
        .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal);
    let db = OperatorDb::Sqlite(sqlx::SqlitePool::connect_with(options).await?);
    history.write(&db).await?;
    db.close().await;
    Ok(SourceSpec::Sqlite(path))
}

async fn fresh_postgres(prefix: &str) -> Result<String> {
    let harness = PgHarness::shared().await.context("starting postgres")?;
    let name = format!("{prefix}_{}", DATABASES.fetch_add(1, Ordering::SeqCst));
    Ok(harness.fresh_database(&name).await?)
}

async fn postgres_source(history: &History) -> Result<SourceSpec> {
    let url = fresh_postgres("go_source").await?;
    let db = OperatorDb::Postgres(sqlx::PgPool::connect(&url).await?);
    history.write(&db).await?;
    db.close().await;
    Ok(url.parse()?)
}

impl Setup {
    async fn sqlite(history: &History) -> Result<Setup> {
        let dir = tempfile::tempdir()?;
        let spec = sqlite_source(&dir, history).await?;
        let config = StoreConfig::new(Backend::Sqlite {
            path: dir.path().join("guardian.db"),
        });
        Self::open(spec, config, dir).await
    }

    async fn postgres(history: &History) -> Result<Setup> {
        let spec = postgres_source(history).await?;
        let config = StoreConfig::new(Backend::PostgresUrl(fresh_postgres("import_target").await?));
        Self::open(spec, config, tempfile::tempdir()?).await
    }

    async fn open(spec: SourceSpec, config: StoreConfig, dir: TempDir) -> Result<Setup> {
        Ok(Setup {
            source: SourceDb::open(&spec).await?,
            store: Store::connect(&config).await?,
            _dir: dir,
        })
    }
}

fn quiet(batch_size: usize) -> ImportOptions {
    ImportOptions {
        batch_size,
        quiet: true,
        ..ImportOptions::default()
    }
}

#[tokio::test]
async fn a_sqlite_history_imports_with_its_counts_values_and_statistics() -> Result<()> {
    let history = History::generate(120);
    let setup = Setup::sqlite(&history).await?;
    let summary = guardian_import::import(&setup.source, &setup.store, &quiet(100)).await?;
    checks::summary_matches(&summary, &history, history.distinct_runs())?;
    checks::store_matches(&setup.store, &history).await
}

#[tokio::test]
async fn a_postgres_history_imports_with_its_counts_values_and_statistics() -> Result<()> {
    let history = History::generate(120);
    let setup = Setup::postgres(&history).await?;
    let summary = guardian_import::import(&setup.source, &setup.store, &quiet(100)).await?;
    checks::summary_matches(&summary, &history, history.distinct_runs())?;
    checks::store_matches(&setup.store, &history).await
}

/// Stopped after three committed batches (as a kill between batches leaves it), run
/// again to the end, then a third time: every row lands once, with one event each.
async fn stopped_then_resumed(setup: Setup, history: &History) -> Result<()> {
    let stopping = ImportOptions {
        stop_after_batches: Some(3),
        ..quiet(40)
    };
    let stopped = guardian_import::import(&setup.source, &setup.store, &stopping).await;
    assert!(
        matches!(stopped, Err(ImportError::Stopped(3))),
        "{stopped:?}"
    );
    assert_eq!(checks::stored_executions(&setup.store, history).await?, 120);
    let resumed = guardian_import::import(&setup.source, &setup.store, &quiet(40)).await?;
    assert_eq!(resumed.executions.already_present, 120);
    checks::summary_matches(&resumed, history, history.distinct_runs() - 120)?;
    checks::store_matches(&setup.store, history).await?;
    let sequence = setup.store.last_sequence().await?;
    let again = guardian_import::import(&setup.source, &setup.store, &quiet(40)).await?;
    assert_eq!(again.executions.imported, 0);
    assert_eq!(again.executions.already_present, history.distinct_runs());
    assert_eq!(again.alerts.already_present, history.distinct_alerts);
    assert_eq!(
        setup.store.last_sequence().await?,
        sequence,
        "a re-run emits no event"
    );
    checks::store_matches(&setup.store, history).await
}

#[tokio::test]
async fn a_postgres_import_stopped_half_way_and_resumed_lands_every_row_once() -> Result<()> {
    let history = History::generate(60);
    stopped_then_resumed(Setup::postgres(&history).await?, &history).await
}

#[tokio::test]
async fn a_sqlite_import_stopped_half_way_and_resumed_lands_every_row_once() -> Result<()> {
    let history = History::generate(60);
    stopped_then_resumed(Setup::sqlite(&history).await?, &history).await
}

#[tokio::test]
async fn a_dry_run_counts_everything_and_writes_nothing() -> Result<()> {
    let history = History::generate(30);
    let setup = Setup::sqlite(&history).await?;
    let summary = guardian_import::dry_run(&setup.source, &quiet(50)).await?;
    assert!(summary.dry_run);
    checks::summary_matches(&summary, &history, history.distinct_runs())?;
    assert_eq!(setup.store.last_sequence().await?.0, 0);
    assert_eq!(checks::stored_executions(&setup.store, &history).await?, 0);
    Ok(())
}
