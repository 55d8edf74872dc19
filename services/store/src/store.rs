//! [`Store`]: one handle for PostgreSQL, MySQL or SQLite, chosen by [`StoreConfig`]. Reads are
//! methods on `Store` (see `reads.rs`); writes exist only on [`FencedTx`].

use std::sync::Arc;

use guardian_core::{Clock, Epoch, SystemClock};

use crate::config::StoreConfig;
use crate::error::{Result, StoreError};
use crate::fenced::FencedTx;
use crate::lease::DbLease;
use crate::metrics;
use crate::pool::DbPool;
use crate::sql::{Arg, dynamic};

/// Asked right before every fenced `COMMIT`: may this process still write as leader?
pub type CommitGuard = Arc<dyn Fn() -> bool + Send + Sync>;

/// The storage handle. Cheap to clone; clones share one pool.
#[derive(Clone)]
pub struct Store {
    pub(crate) pool: DbPool,
    clock: Arc<dyn Clock>,
    max_log_bytes: usize,
    commit_guard: Option<CommitGuard>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("backend", &self.pool.kind())
            .field("max_log_bytes", &self.max_log_bytes)
            .finish()
    }
}

impl Store {
    /// Connects, applies the embedded migrations and returns the store.
    pub async fn connect(config: &StoreConfig) -> Result<Store> {
        Self::connect_with_clock(config, Arc::new(SystemClock)).await
    }

    /// Like [`Store::connect`], with the clock that stamps outbox events.
    pub async fn connect_with_clock(config: &StoreConfig, clock: Arc<dyn Clock>) -> Result<Store> {
        if config.max_log_bytes == 0 {
            return Err(StoreError::invalid("max_log_bytes must be above zero"));
        }
        let pool = DbPool::connect(&config.backend, &config.pool).await?;
        let store = Store {
            pool,
            clock,
            max_log_bytes: config.max_log_bytes,
            commit_guard: None,
        };
        store.migrate().await?;
        Ok(store)
    }

    /// Applies embedded migrations not applied yet (safe to call again, and from
    /// several processes: PostgreSQL serialises them with an advisory lock).
    pub async fn migrate(&self) -> Result<()> {
        self.pool.migrate().await
    }

    /// `postgres`, `mysql` or `sqlite`.
    pub fn backend_kind(&self) -> &'static str {
        self.pool.kind()
    }

    /// Takes a new, strictly larger epoch; called once by each new leader. Every
    /// fenced transaction of an older epoch is refused from then on.
    pub async fn acquire_epoch(&self) -> Result<Epoch> {
        self.bump_epoch("", vec![]).await
    }

    /// Increments the epoch in one atomic step, also setting `set` (`, column = $1 …`
    /// with `args`), and returns the new epoch.
    pub(crate) async fn bump_epoch(&self, set: &str, args: Vec<Arg>) -> Result<Epoch> {
        let update = format!("UPDATE control SET epoch = epoch + 1{set} WHERE id = 1");
        if let DbPool::Mysql(_) = self.pool {
            // No RETURNING on MySQL: read the row back inside the transaction that
            // holds its lock, so the value read is the one this update wrote.
            let mut tx = self.pool.begin_write().await?;
            tx.exec().execute(dynamic(update), args).await?;
            let sql = "SELECT epoch FROM control WHERE id = 1";
            let (epoch,): (i64,) = tx.exec().fetch_one(sql, vec![]).await?;
            tx.commit().await?;
            return Ok(Epoch(epoch));
        }
        let sql = format!("{update} RETURNING epoch");
        let mut conn = self.pool.acquire().await?;
        let (epoch,): (i64,) = conn.exec().fetch_one(dynamic(sql), args).await?;
        Ok(Epoch(epoch))
    }

    /// This handle's fenced transactions commit only while `guard` says yes, and are
    /// abandoned with `LeaseLapsed` otherwise (a leader whose claim ran out while it
    /// was frozen must not commit late). The epoch check still applies.
    pub fn with_commit_guard(mut self, guard: impl Fn() -> bool + Send + Sync + 'static) -> Store {
        self.commit_guard = Some(Arc::new(guard));
        self
    }

    /// Opens a write transaction for `epoch`, or `Fenced` when it is not the current one.
    pub async fn begin_fenced(&self, epoch: Epoch) -> Result<FencedTx> {
        let guard = self.commit_guard.clone();
        if guard.as_ref().is_some_and(|may_commit| !may_commit()) {
            return Err(StoreError::LeaseLapsed { ours: epoch });
        }
        let tx = self.pool.begin_write().await?;
        FencedTx::begin(tx, epoch, Arc::clone(&self.clock), self.max_log_bytes)
            .await
            .map(|tx| tx.guarded_by(guard))
    }

    /// The lease row called `name`, for leader election on the database.
    pub fn lease(&self, name: impl Into<String>) -> DbLease {
        DbLease::new(self.pool.clone(), name)
    }

    /// Publishes the pool's open and idle connection counts; binaries call this on an
    /// interval (the gauges are `cronjob_guardian_db_connections_{open,idle}`).
    pub fn report_pool_metrics(&self) {
        let (open, idle) = self.pool.sizes();
        metrics::pool_sizes(open, idle);
    }

    /// Open and idle connection counts, as reported by [`Store::report_pool_metrics`].
    pub fn pool_sizes(&self) -> (u32, usize) {
        self.pool.sizes()
    }

    /// Closes every connection (graceful shutdown); later calls fail with `Unavailable`.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}
