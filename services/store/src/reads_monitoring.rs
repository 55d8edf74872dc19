//! Reads for the leader's monitoring: the persisted suspension timers of every CronJob.

use guardian_core::CronJobRef;
use guardian_core::deadman::Suspension;

use crate::error::Result;
use crate::limits::from_millis;
use crate::store::Store;

/// Upper bound of rows one call returns; the table has one row per suspended or
/// recently resumed CronJob.
const MAX_SUSPENSIONS: i64 = 100_000;

impl Store {
    /// Every stored suspension timer, by namespace and CronJob name.
    pub async fn list_suspensions(&self) -> Result<Vec<(CronJobRef, Suspension)>> {
        let sql = "SELECT namespace, cronjob, suspended_since, resumed_at FROM suspensions \
                   ORDER BY namespace, cronjob LIMIT $1";
        let mut conn = self.pool.acquire().await?;
        let rows: Vec<(String, String, Option<i64>, Option<i64>)> = conn
            .exec()
            .fetch_all(sql, crate::sql::args![MAX_SUSPENSIONS])
            .await?;
        rows.into_iter()
            .map(|(namespace, cronjob, since, resumed)| {
                let suspension = Suspension {
                    suspended_since: since.map(from_millis).transpose()?,
                    resumed_at: resumed.map(from_millis).transpose()?,
                };
                Ok((CronJobRef::new(namespace, cronjob), suspension))
            })
            .collect()
    }
}
