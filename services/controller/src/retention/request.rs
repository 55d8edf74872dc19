//! `ControlService.Prune` (`POST /api/v1/admin/prune`): everything older than
//! `olderThanDays`, now, in the pruner's bounded batches; a dry run only counts.

use guardian_api::input::PruneInput;
use guardian_api::v1::PruneResponse;
use guardian_core::Epoch;
use guardian_store::{Store, StoreError};
use jiff::Timestamp;
use tokio_util::sync::CancellationToken;

use super::policy::cutoff;
use super::sweep::{PruneCounts, Sweeper, count_older_than};
use crate::leadership::Leadership;

/// Rows per fenced transaction of a requested prune.
pub const REQUEST_BATCH: u32 = 1000;

/// Runs (or, for a dry run, counts) the prune `input` asks for at `now`.
pub async fn prune_now(
    store: &Store,
    leadership: &Leadership,
    epoch: Epoch,
    input: PruneInput,
    now: Timestamp,
) -> Result<PruneResponse, StoreError> {
    let cutoff = cutoff(now, input.older_than_days);
    let counts = if input.dry_run {
        count_older_than(store, cutoff).await?
    } else {
        let never = CancellationToken::new();
        let sweeper = Sweeper {
            store,
            leadership,
            epoch,
            batch: REQUEST_BATCH,
            stop: &never,
        };
        sweeper.older_than(cutoff).await?
    };
    Ok(response(input, cutoff, counts))
}

fn response(input: PruneInput, cutoff: Timestamp, counts: PruneCounts) -> PruneResponse {
    let verb = if input.dry_run {
        "would prune"
    } else {
        "pruned"
    };
    PruneResponse {
        success: true,
        records_pruned: counts.records(),
        dry_run: input.dry_run,
        cutoff: Some(guardian_api::convert::timestamp(cutoff)),
        older_than_days: i32::try_from(input.older_than_days).unwrap_or(i32::MAX),
        message: format!(
            "{verb} {} executions and {} resolved alerts older than {cutoff}",
            counts.executions, counts.alerts
        ),
    }
}
