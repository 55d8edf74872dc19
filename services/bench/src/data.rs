//! Synthetic but realistic rows: CronJobs spread over namespaces, executions
//! spread over CronJobs and the last six days (so the 7-day windows the query
//! plane reads are full), one in ten failed with a log excerpt.

use guardian_core::{CronJobRecord, CronJobRef, Execution, Outcome};
use jiff::{SignedDuration, Timestamp};

/// CronJobs per namespace in every generated data set.
pub const PER_NAMESPACE: usize = 100;

/// How many CronJobs the executions are spread over.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub cronjobs: usize,
}

impl Shape {
    /// The CronJob of index `index` (`ns-0003/cj-00321`).
    pub fn cronjob(self, index: usize) -> CronJobRef {
        let index = index % self.cronjobs.max(1);
        CronJobRef::new(namespace(index / PER_NAMESPACE), format!("cj-{index:05}"))
    }

    /// Its stored record, first seen a week before `now`.
    pub fn cronjob_record(self, index: usize, now: Timestamp) -> CronJobRecord {
        let cronjob = self.cronjob(index);
        CronJobRecord {
            uid: format!("cronjob-uid-{index:08}"),
            cronjob,
            schedule: "*/5 * * * *".to_owned(),
            time_zone: None,
            suspended: false,
            first_seen_at: now - SignedDuration::from_hours(24 * 7),
            last_seen_at: now,
            deleted_at: None,
        }
    }

    /// Finished execution number `n` (unique Job UID per `(run, n)`); `run`
    /// separates data sets written to the same tables.
    pub fn execution(self, run: &str, n: usize, now: Timestamp) -> Execution {
        let cronjob_index = n % self.cronjobs.max(1);
        let failed = n.is_multiple_of(10);
        // Spread over six days, one-minute steps, newest first.
        let started_at = now - SignedDuration::from_mins((n % (6 * 24 * 60)) as i64 + 1);
        Execution {
            job_uid: format!("{run}-{n:010}"),
            job_name: format!("cj-{cronjob_index:05}-{run}-{n}"),
            cronjob: self.cronjob(cronjob_index),
            cronjob_uid: Some(format!("cronjob-uid-{cronjob_index:08}")),
            started_at,
            completed_at: Some(started_at + SignedDuration::from_secs(20 + (n % 40) as i64)),
            outcome: if failed {
                Outcome::Failed
            } else {
                Outcome::Succeeded
            },
            exit_code: Some(if failed { 1 } else { 0 }),
            reason: failed.then(|| "BackoffLimitExceeded".to_owned()),
            logs: failed.then(|| "error: connection refused\n".repeat(8)),
            events: vec![
                "SuccessfulCreate: Created pod".to_owned(),
                "Completed: Job completed".to_owned(),
            ],
            retries: 0,
            manual: false,
        }
    }
}

/// `ns-0007`.
pub fn namespace(index: usize) -> String {
    format!("ns-{index:04}")
}

/// A small deterministic pseudo-random sequence (xorshift), so load
/// generators spread requests over keys the same way in every run.
#[derive(Debug, Clone)]
pub struct Spread(u64);

impl Spread {
    pub fn new(seed: u64) -> Spread {
        Spread(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next index below `bound` (`bound` > 0).
    pub fn below(&mut self, bound: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % bound.max(1) as u64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn executions_spread_over_cronjobs_and_are_unique_per_run() {
        let shape = Shape { cronjobs: 250 };
        let now = Timestamp::from_second(1_800_000_000).expect("a valid timestamp");
        let first = shape.execution("a", 0, now);
        let next = shape.execution("a", 250, now);
        assert_eq!(first.cronjob, next.cronjob);
        assert_ne!(first.job_uid, next.job_uid);
        assert_ne!(shape.execution("b", 0, now).job_uid, first.job_uid);
        assert_eq!(first.outcome, Outcome::Failed);
        assert_eq!(shape.execution("a", 1, now).outcome, Outcome::Succeeded);
        assert_eq!(shape.cronjob(201).namespace, "ns-0002");
        assert!(first.started_at < now && first.completed_at > Some(first.started_at));
    }

    #[test]
    fn the_spread_stays_below_its_bound_and_repeats_per_seed() {
        let mut spread = Spread::new(7);
        let picks: Vec<usize> = (0..1000).map(|_| spread.below(10)).collect();
        assert!(picks.iter().all(|&pick| pick < 10));
        assert!((0..10).all(|value| picks.contains(&value)));
        let mut again = Spread::new(7);
        assert_eq!(again.below(10), picks[0]);
    }
}
