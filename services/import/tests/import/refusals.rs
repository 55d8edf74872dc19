//! Sources that are not the operator's, or not of its schema, are refused by name;
//! the import writes under the leader's epoch without taking one.

use anyhow::Result;
use guardian_core::{CronJobRef, Execution, Outcome};
use guardian_import::writer::HistoryWriter;
use guardian_import::{ImportError, SourceDb, SourceSpec};
use guardian_store::{Backend, Store, StoreConfig};

use crate::operator_db::{OperatorDb, SQLITE_DDL};

async fn sqlite_with(dir: &tempfile::TempDir, statements: &[&str]) -> Result<SourceSpec> {
    let path = dir.path().join("source.db");
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(&path)
        .create_if_missing(true);
    let db = OperatorDb::Sqlite(sqlx::SqlitePool::connect_with(options).await?);
    for statement in statements {
        db.execute((*statement).to_owned()).await?;
    }
    db.close().await;
    Ok(SourceSpec::Sqlite(path))
}

#[tokio::test]
async fn another_database_a_newer_schema_and_our_own_are_refused_by_name() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let other = sqlite_with(&dir, &["CREATE TABLE users (id integer, name text)"]).await?;
    let error = SourceDb::open(&other).await.map(|_| ());
    assert!(
        matches!(error, Err(ImportError::NotOperatorDatabase(_))),
        "{error:?}"
    );

    let dir = tempfile::tempdir()?;
    let mut newer = SQLITE_DDL.to_vec();
    newer.push("ALTER TABLE executions ADD COLUMN pod_name text");
    let newer = sqlite_with(&dir, &newer).await?;
    let error = SourceDb::open(&newer).await.map(|_| ());
    let text = error
        .as_ref()
        .err()
        .map(ToString::to_string)
        .unwrap_or_default();
    assert!(
        text.contains("pod_name") && text.contains("newer"),
        "{text}"
    );

    let dir = tempfile::tempdir()?;
    let ours = dir.path().join("guardian.db");
    Store::connect(&StoreConfig::new(Backend::Sqlite { path: ours.clone() }))
        .await?
        .close()
        .await;
    let error = SourceDb::open(&SourceSpec::Sqlite(ours)).await.map(|_| ());
    let text = error
        .as_ref()
        .err()
        .map(ToString::to_string)
        .unwrap_or_default();
    assert!(text.contains("CronJob Guardian (Rust) database"), "{text}");

    let missing = SourceSpec::Sqlite(dir.path().join("absent.db"));
    let error = SourceDb::open(&missing).await.map(|_| ());
    assert!(matches!(error, Err(ImportError::Source(_))), "{error:?}");
    Ok(())
}

#[tokio::test]
async fn the_import_never_takes_an_epoch_and_follows_a_new_leaders() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let config = StoreConfig::new(Backend::Sqlite {
        path: dir.path().join("guardian.db"),
    });
    let store = Store::connect(&config).await?;
    let leader = store.acquire_epoch().await?;
    let mut writer = HistoryWriter::new(store.clone()).await?;
    let newer_leader = store.acquire_epoch().await?;
    let run = Execution {
        job_uid: "go-import/prod/backup/backup-1/1700000000000".into(),
        job_name: "backup-1".into(),
        cronjob: CronJobRef::new("prod", "backup"),
        cronjob_uid: None,
        started_at: jiff::Timestamp::from_millisecond(1_700_000_000_000)?,
        completed_at: Some(jiff::Timestamp::from_millisecond(1_700_000_060_000)?),
        outcome: Outcome::Succeeded,
        exit_code: None,
        reason: None,
        logs: None,
        events: vec![],
        retries: 0,
        manual: false,
    };
    let tally = writer.executions(std::slice::from_ref(&run)).await?;
    assert_eq!(tally.inserted, 1);
    assert!(newer_leader > leader);
    assert_eq!(
        store.current_epoch().await?,
        newer_leader,
        "the import took no epoch"
    );
    // The leader of the current epoch still writes.
    store.begin_fenced(newer_leader).await?.commit().await?;
    let events = store.events_after(guardian_core::Sequence(0), 10).await?;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].epoch, newer_leader);
    Ok(())
}
