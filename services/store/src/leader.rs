//! The current leader's endpoint, kept beside the epoch: query replicas look it
//! up here to follow the event stream and forward control calls, whichever
//! lease back-end elected the leader.

use guardian_core::Epoch;

use crate::Store;
use crate::error::Result;
use crate::pool::DbPool;
use crate::sql::{Exec, args, dynamic};

/// Bounds one attempt's wait for the control row's lock to 2 s. The caller retries;
/// each attempt first ends the sessions that hold the row.
const BOUND_EPOCH_LOCK_WAIT: &str = "SET LOCAL lock_timeout = '2s'";

/// The newest epoch and where its leader serves gRPC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeaderEndpoint {
    pub epoch: Epoch,
    /// e.g. `http://10.0.0.7:9090`.
    pub address: String,
}

impl Store {
    /// Takes a new, strictly larger epoch and records `address` as its leader's
    /// endpoint in the same statement, so the address always belongs to the newest epoch.
    ///
    /// On PostgreSQL a deposed leader may still hold the control row: frozen, or cut
    /// off with its TCP connection open, in the middle of a fenced transaction. Only
    /// the lease holder calls this, so every session still marked as inside a fenced
    /// transaction belongs to an older epoch: it is ended first (its transaction
    /// rolls back whole, and its late `COMMIT` finds no session), and the update
    /// waits for the lock a bounded time per attempt. Without the right
    /// to end sessions, the server's `idle_in_transaction_session_timeout` still
    /// bounds the wait. MySQL has no such mark: there the sessions ended are the other
    /// connections to this database idle inside a transaction that holds row locks.
    pub async fn acquire_epoch_for(&self, address: &str) -> Result<Epoch> {
        if matches!(self.pool, DbPool::Mysql(_)) {
            let mut conn = self.pool.acquire().await?;
            end_idle_locking_sessions(&mut conn.exec()).await;
        }
        if !matches!(self.pool, DbPool::Postgres(_)) {
            return self
                .bump_epoch(", leader_address = $1", args![address])
                .await;
        }
        let sql = "UPDATE control SET epoch = epoch + 1, leader_address = $1 WHERE id = 1 RETURNING epoch";
        let mut tx = self.pool.begin_write().await?;
        end_older_fenced_sessions(&mut tx.exec()).await;
        tx.exec().execute(BOUND_EPOCH_LOCK_WAIT, vec![]).await?;
        let (epoch,): (i64,) = tx.exec().fetch_one(sql, args![address]).await?;
        tx.commit().await?;
        Ok(Epoch(epoch))
    }

    /// The current leader's endpoint; `None` before any leader advertised one.
    pub async fn leader_endpoint(&self) -> Result<Option<LeaderEndpoint>> {
        let sql = "SELECT epoch, leader_address FROM control WHERE id = 1";
        let mut conn = self.pool.acquire().await?;
        let (epoch, address): (i64, Option<String>) = conn.exec().fetch_one(sql, vec![]).await?;
        Ok(address.map(|address| LeaderEndpoint {
            epoch: Epoch(epoch),
            address,
        }))
    }
}

/// Ends the sessions marked by `FencedTx::begin` as holding the control row. A failure
/// (no right to signal those sessions) is logged: the lock wait stays bounded by the
/// server's idle-in-transaction timeout.
async fn end_older_fenced_sessions(conn: &mut Exec<'_>) {
    let sql = "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity \
               WHERE datname = current_database() AND pid <> pg_backend_pid() \
               AND application_name = 'cronjob-guardian fenced'";
    match conn.fetch_one::<(i64,)>(sql, vec![]).await {
        Ok((0,)) => {}
        Ok((ended,)) => {
            tracing::warn!(
                ended,
                "ended database sessions of an older leader's open transactions"
            )
        }
        Err(error) => {
            tracing::warn!(%error, "cannot end an older leader's sessions; waiting for the server to end them")
        }
    }
}

/// MySQL and MariaDB: ends the other connections to this database that sit idle inside
/// a transaction holding row locks. Only the lease holder calls this, before it has
/// written anything, and a healthy writer is never idle inside its transaction for
/// long, so these are a frozen or cut-off older leader (or an import batch that
/// retries). InnoDB refreshes `INNODB_TRX` at most every 100 ms, so a transaction
/// opened just after another read of it is seen by the next attempt. Needs the PROCESS
/// privilege to see other sessions' transactions; without
/// it the wait is bounded by the server (`idle_transaction_timeout` on MariaDB,
/// `innodb_lock_wait_timeout` per attempt on MySQL).
async fn end_idle_locking_sessions(conn: &mut Exec<'_>) {
    let sql = "SELECT CAST(t.trx_mysql_thread_id AS SIGNED) FROM information_schema.INNODB_TRX t \
               JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id \
               WHERE t.trx_mysql_thread_id <> CONNECTION_ID() AND p.DB = DATABASE() \
               AND p.COMMAND = 'Sleep' AND t.trx_rows_locked > 0";
    let sessions: Vec<(i64,)> = match conn.fetch_all(sql, vec![]).await {
        Ok(sessions) => sessions,
        Err(error) => {
            tracing::warn!(%error, "cannot list an older leader's sessions; waiting for the server to end them");
            return;
        }
    };
    let mut ended = 0;
    for (id,) in sessions {
        // An integer from the server, not user input.
        match conn.execute(dynamic(format!("KILL {id}")), vec![]).await {
            Ok(_) => ended += 1,
            Err(error) => tracing::warn!(%error, id, "cannot end an older leader's session"),
        }
    }
    if ended > 0 {
        tracing::warn!(
            ended,
            "ended database sessions of an older leader's open transactions"
        );
    }
}
