//! A leader-election lease as a database row (`leases` table), for deployments without
//! Kubernetes Leases (docker-compose) and for tests. Compare-and-swap on an integer
//! `version` column gives the same optimistic concurrency as a `resourceVersion`.
//! Lease writes are not fenced: the lease is how an epoch's leader is chosen.
//!
//! On PostgreSQL a release (a write with no holder) also sends `NOTIFY` on
//! `RELEASE_CHANNEL` with the lease name, and [`LeaseBackend::release_notifications`]
//! LISTENs for it, so a standby in another process takes over at once rather than at
//! its next retry. On MySQL and SQLite the standby polls (each retry period).

use std::time::Duration;

use async_trait::async_trait;
use guardian_election::{
    LeaseBackend, LeaseError, LeaseRecord, ReleaseNotifications, ReleaseNotifier, VersionedLease,
};
use sqlx::PgPool;
use sqlx::postgres::PgListener;
use tracing::{debug, warn};

use crate::error::{Result, StoreError};
use crate::limits::{from_millis, to_millis};
use crate::pool::DbPool;
use crate::sql::{Arg, args, dynamic};

/// The PostgreSQL notification channel a lease release is announced on (payload: name).
const RELEASE_CHANNEL: &str = "guardian_lease_released";

/// Wait before listening again after the listening connection failed.
const RELISTEN_DELAY: Duration = Duration::from_secs(1);

/// One named lease row; `kind()` is `postgres`, `mysql` or `sqlite`.
#[derive(Debug, Clone)]
pub struct DbLease {
    pool: DbPool,
    name: String,
}

/// The PostgreSQL lease the architecture names; the same type serves MySQL and SQLite.
pub type PgLease = DbLease;

#[derive(Debug, sqlx::FromRow)]
struct LeaseRow {
    holder: Option<String>,
    lease_duration_ms: i64,
    acquired_at: i64,
    renewed_at: i64,
    transitions: i32,
    version: i64,
}

impl DbLease {
    pub(crate) fn new(pool: DbPool, name: impl Into<String>) -> Self {
        Self {
            pool,
            name: name.into(),
        }
    }

    /// The lease's name (its primary key).
    pub fn name(&self) -> &str {
        &self.name
    }

    async fn read(&self) -> Result<Option<VersionedLease>> {
        let sql = "SELECT holder, lease_duration_ms, acquired_at, renewed_at, transitions, version \
                   FROM leases WHERE name = $1";
        let mut conn = self.pool.acquire().await?;
        let row: Option<LeaseRow> = conn
            .exec()
            .fetch_optional(sql, args![self.name.as_str()])
            .await?;
        let Some(row) = row else { return Ok(None) };
        let record = LeaseRecord {
            holder: row.holder.filter(|holder| !holder.is_empty()),
            lease_duration: Duration::from_millis(
                u64::try_from(row.lease_duration_ms).unwrap_or(0),
            ),
            acquired_at: from_millis(row.acquired_at)?,
            renewed_at: from_millis(row.renewed_at)?,
            transitions: row.transitions,
        };
        Ok(Some(VersionedLease {
            record,
            version: row.version.to_string(),
        }))
    }

    /// Creates (expected `None`) or swaps (expected version) the row; `None` on a lost race.
    async fn write(&self, expected: Option<&str>, record: &LeaseRecord) -> Result<Option<i64>> {
        let duration_ms = i64::try_from(record.lease_duration.as_millis()).unwrap_or(i64::MAX);
        let values: Vec<Arg> = args![
            self.name.as_str(),
            record.holder.clone(),
            duration_ms,
            to_millis(record.acquired_at),
            to_millis(record.renewed_at),
            record.transitions,
        ];
        let mut conn = self.pool.acquire().await?;
        let mysql = matches!(self.pool, DbPool::Mysql(_));
        let Some(expected) = expected else {
            let insert = "INSERT INTO leases (name, holder, lease_duration_ms, acquired_at, renewed_at, \
                          transitions, version) VALUES ($1, $2, $3, $4, $5, $6, 1)";
            if mysql {
                // No DO NOTHING on MySQL (INSERT IGNORE would also hide bad values):
                // the duplicate key of a lost race fails this one statement only.
                return match conn.exec().execute(insert, values).await {
                    Ok(_) => Ok(Some(1)),
                    Err(StoreError::Conflict { .. }) => Ok(None),
                    Err(error) => Err(error),
                };
            }
            let insert = format!("{insert} ON CONFLICT (name) DO NOTHING RETURNING version");
            let created: Option<(i64,)> =
                conn.exec().fetch_optional(dynamic(insert), values).await?;
            return Ok(created.map(|(version,)| version));
        };
        // A version we never handed out can never match.
        let Ok(expected) = expected.parse::<i64>() else {
            return Ok(None);
        };
        let update = "UPDATE leases SET holder = $2, lease_duration_ms = $3, acquired_at = $4, \
                      renewed_at = $5, transitions = $6, version = version + 1 \
                      WHERE name = $1 AND version = $7";
        let mut values = values;
        values.push(Arg::from(expected));
        let swapped: Option<(i64,)> = if mysql {
            // One row matched means this swap won; the version is then expected + 1.
            let changed = conn.exec().execute(update, values).await?;
            (changed == 1).then_some((expected + 1,))
        } else {
            let update = format!("{update} RETURNING version");
            conn.exec().fetch_optional(dynamic(update), values).await?
        };
        if swapped.is_some() && record.holder.is_none() && self.pool.kind() == "postgres" {
            // The release has happened either way; a lost hint costs one retry period.
            let notify = "SELECT pg_notify($1, $2)";
            let hint = args![RELEASE_CHANNEL, self.name.as_str()];
            if let Err(error) = conn.exec().execute(notify, hint).await {
                warn!(%error, lease = %self.name, "lease release notification failed");
            }
        }
        Ok(swapped.map(|(version,)| version))
    }
}

/// Listens for releases of `name` until nobody subscribes to `notifier` any more.
async fn listen_for_releases(pool: PgPool, name: String, notifier: ReleaseNotifier) {
    loop {
        tokio::select! {
            () = notifier.unwatched() => return,
            outcome = relay_releases(&pool, &name, &notifier) => {
                if let Err(error) = outcome {
                    debug!(%error, lease = %name, "lease release listener failed, retrying");
                }
            }
        }
        tokio::select! {
            () = notifier.unwatched() => return,
            () = tokio::time::sleep(RELISTEN_DELAY) => {}
        }
    }
}

/// One LISTEN session; sqlx reconnects within `recv` and fails only when it cannot.
async fn relay_releases(
    pool: &PgPool,
    name: &str,
    notifier: &ReleaseNotifier,
) -> std::result::Result<(), sqlx::Error> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen(RELEASE_CHANNEL).await?;
    loop {
        let notification = listener.recv().await?;
        if notification.payload() == name {
            notifier.notify();
        }
    }
}

fn lease_error(error: StoreError) -> LeaseError {
    match error {
        StoreError::Conflict { .. } => LeaseError::Conflict,
        other => LeaseError::Unavailable(other.to_string()),
    }
}

#[async_trait]
impl LeaseBackend for DbLease {
    async fn get(&self) -> Result<Option<VersionedLease>, LeaseError> {
        self.read().await.map_err(lease_error)
    }

    async fn try_update(
        &self,
        expected_version: Option<&str>,
        record: &LeaseRecord,
    ) -> Result<String, LeaseError> {
        match self
            .write(expected_version, record)
            .await
            .map_err(lease_error)?
        {
            Some(version) => Ok(version.to_string()),
            None => Err(LeaseError::Conflict),
        }
    }

    /// PostgreSQL only, and only inside a tokio runtime (the listener is a task that
    /// ends when the returned receiver is dropped).
    fn release_notifications(&self) -> Option<ReleaseNotifications> {
        let DbPool::Postgres(pool) = &self.pool else {
            return None;
        };
        let runtime = tokio::runtime::Handle::try_current().ok()?;
        let notifier = ReleaseNotifier::new();
        let notifications = notifier.subscribe();
        runtime.spawn(listen_for_releases(
            pool.clone(),
            self.name.clone(),
            notifier,
        ));
        Some(notifications)
    }

    fn kind(&self) -> &'static str {
        self.pool.kind()
    }
}
