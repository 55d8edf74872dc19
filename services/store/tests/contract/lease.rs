//! The lease row: compare-and-swap on an integer version, as `LeaseBackend` requires.

use std::time::Duration;

use anyhow::{Result, anyhow};
use guardian_election::{LeaseBackend, LeaseError, LeaseRecord};

use crate::data::at;
use crate::fixture::Fixture;

fn held_by(holder: &str, renewed: i64, transitions: i32) -> LeaseRecord {
    LeaseRecord {
        holder: Some(holder.to_owned()),
        lease_duration: Duration::from_secs(15),
        acquired_at: at(100),
        renewed_at: at(renewed),
        transitions,
    }
}

pub async fn lease_rows_compare_and_swap_on_version(fixture: &Fixture) -> Result<()> {
    let lease = fixture.store.lease("cronjob-guardian-leader");
    let rival = fixture
        .second_store()
        .await?
        .lease("cronjob-guardian-leader");
    assert_eq!(lease.kind(), fixture.store.backend_kind());
    assert!(lease.get().await?.is_none(), "never created");

    let created = lease.try_update(None, &held_by("pod-a", 100, 0)).await?;
    let conflicting_create = rival.try_update(None, &held_by("pod-b", 100, 0)).await;
    assert!(matches!(conflicting_create, Err(LeaseError::Conflict)));

    let seen = rival
        .get()
        .await?
        .ok_or_else(|| anyhow!("lease row missing"))?;
    assert_eq!(
        seen.record,
        held_by("pod-a", 100, 0),
        "the rival sees the winner's record"
    );
    assert_eq!(seen.version, created);

    let renewed = lease
        .try_update(Some(&created), &held_by("pod-a", 110, 0))
        .await?;
    assert_ne!(renewed, created, "every write moves the version");
    let stale = rival
        .try_update(Some(&created), &held_by("pod-b", 111, 1))
        .await;
    assert!(
        matches!(stale, Err(LeaseError::Conflict)),
        "a stale version loses"
    );
    let garbage = rival
        .try_update(Some("not-a-version"), &held_by("pod-b", 111, 1))
        .await;
    assert!(matches!(garbage, Err(LeaseError::Conflict)));

    // Released, then taken over with the version just read.
    let released = LeaseRecord {
        holder: None,
        ..held_by("pod-a", 112, 0)
    };
    let after_release = lease.try_update(Some(&renewed), &released).await?;
    let current = rival
        .get()
        .await?
        .ok_or_else(|| anyhow!("lease row missing"))?;
    assert_eq!(current.record.holder, None);
    rival
        .try_update(Some(&after_release), &held_by("pod-b", 113, 1))
        .await?;
    let taken = lease
        .get()
        .await?
        .ok_or_else(|| anyhow!("lease row missing"))?;
    assert_eq!(taken.record, held_by("pod-b", 113, 1));

    let other = fixture.store.lease("another-lease");
    assert!(
        other.get().await?.is_none(),
        "leases are independent by name"
    );
    Ok(())
}

/// PostgreSQL announces a release to listeners in other processes (another `Store` here);
/// SQLite and MySQL offer no notifications: their standbys poll.
pub async fn a_released_lease_is_announced_on_postgres(fixture: &Fixture) -> Result<()> {
    let lease = fixture.store.lease("announced");
    let standby = fixture.second_store().await?.lease("announced");
    let Some(mut releases) = standby.release_notifications() else {
        assert_ne!(
            fixture.store.backend_kind(),
            "postgres",
            "postgres announces"
        );
        return Ok(());
    };
    let mut version = lease.try_update(None, &held_by("pod-a", 100, 0)).await?;
    let released = LeaseRecord {
        holder: None,
        ..held_by("pod-a", 101, 0)
    };
    // The listener connects in the background: release (and re-take) until it hears
    // one, bounded by a generous guard.
    let heard = tokio::time::timeout(Duration::from_secs(60), async {
        loop {
            version = lease.try_update(Some(&version), &released).await?;
            let wait = tokio::time::timeout(Duration::from_millis(200), releases.released());
            if wait.await.is_ok() {
                return Ok::<_, anyhow::Error>(());
            }
            version = lease
                .try_update(Some(&version), &held_by("pod-a", 102, 0))
                .await?;
        }
    })
    .await;
    heard.map_err(|_elapsed| anyhow!("no release notification within the guard"))??;
    Ok(())
}
