//! The store contract: one set of async tests, instantiated for PostgreSQL and MariaDB
//! (real servers from guardian-testkit; MariaDB speaks for MySQL) and for SQLite (a temp
//! file). A back-end that passes behaves like the others, which is what lets SQLite
//! stand in for PostgreSQL and MySQL serve instead of it.
//!
//! Run: `cargo test -p guardian-store --test contract` (as root the harness runs
//! PostgreSQL through `runuser -u postgres`).

mod daily;
mod data;
mod deliveries;
mod errors;
mod executions;
mod fencing;
mod fixture;
mod lease;
mod mariadb_only;
mod mutes;
mod outage;
mod outbox;
mod pages;
mod postgres_only;
mod prune;
mod records;

/// A failure guard against hangs (a deadlock would otherwise stall CI), not a timing test.
pub const GUARD: std::time::Duration = std::time::Duration::from_secs(180);

/// Instantiates every listed `module::test(&Fixture)` once per back-end.
macro_rules! contract_suite {
    ($($module:ident :: $test:ident),* $(,)?) => {
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $test() -> anyhow::Result<()> {
                    let fixture = crate::fixture::Fixture::postgres().await?;
                    tokio::time::timeout(crate::GUARD, crate::$module::$test(&fixture)).await?
                }
            )*
        }
        mod mariadb {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $test() -> anyhow::Result<()> {
                    let Some(fixture) = crate::fixture::Fixture::mariadb().await? else {
                        return Ok(());
                    };
                    tokio::time::timeout(crate::GUARD, crate::$module::$test(&fixture)).await?
                }
            )*
        }
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $test() -> anyhow::Result<()> {
                    let fixture = crate::fixture::Fixture::sqlite().await?;
                    tokio::time::timeout(crate::GUARD, crate::$module::$test(&fixture)).await?
                }
            )*
        }
    };
}

contract_suite!(
    records::migrations_are_idempotent,
    records::cronjob_upserts_keep_first_seen_and_list_by_filter,
    records::alerts_upsert_by_key_and_filter_in_sql,
    records::monitors_upsert_list_and_delete,
    mutes::acknowledgement_and_silence_round_trip_and_survive_upserts,
    mutes::marking_an_unknown_alert_is_not_found_and_writes_nothing,
    executions::recording_is_idempotent_per_job_uid,
    executions::a_batch_folds_duplicates_and_replays_write_nothing,
    executions::listing_filters_and_pages_in_the_database,
    executions::deleting_history_removes_only_that_cronjob,
    executions::sla_samples_follow_the_core_definition,
    fencing::a_deposed_leader_cannot_write_after_a_newer_epoch,
    fencing::concurrent_fenced_writers_commit_in_sequence_order,
    fencing::a_lapsed_claim_abandons_the_open_transaction,
    outbox::outbox_is_gap_free_and_matches_committed_changes,
    outbox::a_tailer_never_sees_a_gap_while_writers_commit,
    deliveries::deliveries_are_queued_attempted_and_resumed_by_the_next_epoch,
    deliveries::a_rolled_back_pass_leaves_no_delivery,
    lease::lease_rows_compare_and_swap_on_version,
    lease::a_released_lease_is_announced_on_postgres,
    pages::page_reads_equal_the_per_cronjob_listing,
    daily::daily_counts_and_percentile_ranks_match_the_runs,
    prune::pruning_old_runs_goes_in_bounded_batches_and_is_announced,
    prune::purge_and_reset_scopes_touch_only_their_cronjob,
    prune::clearing_logs_and_pruning_resolved_alerts_keep_the_rest,
    prune::old_outbox_events_are_pruned_and_sequences_continue,
    errors::bad_input_gives_typed_errors_and_writes_nothing,
    errors::undecodable_rows_are_corrupt,
    errors::an_unreachable_database_is_unavailable,
);
