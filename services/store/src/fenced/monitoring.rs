//! Fenced writes the leader's monitoring needs beyond the generic upserts: forgetting a
//! pending alert whose problem cleared before it was ever sent, and the persisted
//! suspension timers of a CronJob (continued by the next leader after a failover).
//!
//! Neither emits an outbox event: `Change` has no variant for them, and query replicas
//! read both from the tables.

use guardian_core::CronJobRef;
use guardian_core::deadman::Suspension;

use super::FencedTx;
use crate::error::Result;
use crate::limits::{ident, to_millis};
use crate::sql::args;

impl FencedTx {
    /// Deletes an alert by key; true when one existed.
    pub async fn delete_alert(&mut self, key: &str) -> Result<bool> {
        self.ensure_usable()?;
        ident("alert key", key)?;
        let result = self
            .tx
            .exec()
            .execute("DELETE FROM alerts WHERE key = $1", args![key])
            .await;
        self.poison_on_error(result).map(|deleted| deleted > 0)
    }

    /// Stores the suspension timers of a CronJob; all-empty timers delete its row.
    pub async fn upsert_suspension(
        &mut self,
        cronjob: &CronJobRef,
        suspension: &Suspension,
    ) -> Result<()> {
        self.ensure_usable()?;
        ident("namespace", &cronjob.namespace)?;
        ident("cronjob name", &cronjob.name)?;
        let key = args![cronjob.namespace.as_str(), cronjob.name.as_str()];
        let result = if *suspension == Suspension::default() {
            let delete = "DELETE FROM suspensions WHERE namespace = $1 AND cronjob = $2";
            self.tx.exec().execute(delete, key).await
        } else {
            let upsert = "INSERT INTO suspensions (namespace, cronjob, suspended_since, resumed_at) \
                VALUES ($1, $2, $3, $4) ON CONFLICT (namespace, cronjob) DO UPDATE SET \
                suspended_since = excluded.suspended_since, resumed_at = excluded.resumed_at";
            let mut values = key;
            values.extend(args![
                suspension.suspended_since.map(to_millis),
                suspension.resumed_at.map(to_millis),
            ]);
            self.tx.exec().execute(upsert, values).await
        };
        self.poison_on_error(result).map(|_| ())
    }
}
