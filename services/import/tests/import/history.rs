//! Realistic operator history with its truth: what the rows say once copies are folded
//! and impossible rows dropped, computed here from the source values themselves
//! (`duration_secs`, `succeeded`), independently of the importer's conversion.

use std::collections::BTreeMap;

use guardian_core::CronJobRef;
use jiff::SignedDuration;

use crate::operator_db::{Lit, OperatorDb};

pub const EXECUTION_COLUMNS: &[&str] = &[
    "cronjob_ns",
    "cronjob_name",
    "cronjob_uid",
    "job_name",
    "start_time",
    "completion_time",
    "duration_secs",
    "succeeded",
    "exit_code",
    "reason",
    "is_retry",
    "retry_of",
    "logs",
    "events",
    "suggested_fix",
    "created_at",
];

const ALERT_COLUMNS: &[&str] = &[
    "alert_type",
    "severity",
    "title",
    "message",
    "cronjob_ns",
    "cronjob_name",
    "monitor_ns",
    "monitor_name",
    "channels_notified",
    "occurred_at",
    "resolved_at",
    "exit_code",
    "reason",
    "suggested_fix",
];

/// 2023-11-14T22:13:20Z, the first run.
pub const BASE_MS: i64 = 1_700_000_000_000;
const HOUR_MS: i64 = 3_600_000;

/// One distinct run the source describes.
#[derive(Debug, Clone, PartialEq)]
pub struct TrueRun {
    pub job_name: String,
    pub start_ms: i64,
    pub succeeded: bool,
    /// Successful runs only (the operator stored none for failed ones).
    pub duration: Option<SignedDuration>,
}

/// The generated source and what it means.
#[derive(Debug, Default)]
pub struct History {
    pub executions: Vec<Vec<Lit>>,
    pub alerts: Vec<Vec<Lit>>,
    /// Distinct valid runs per CronJob.
    pub runs: BTreeMap<CronJobRef, Vec<TrueRun>>,
    pub duplicate_executions: u64,
    pub impossible_executions: u64,
    pub distinct_alerts: u64,
    pub unresolved_alerts: u64,
    pub duplicate_alerts: u64,
    pub impossible_alerts: u64,
}

impl History {
    pub fn distinct_runs(&self) -> u64 {
        self.runs.values().map(|runs| runs.len() as u64).sum()
    }

    /// Every CronJob's runs at `runs_each` an hour apart; ~1 in 7 failing (half of
    /// those with Go's zero completion time), every 5th run recorded twice and every
    /// 11th three times (restarts), plus impossible rows and alerts.
    pub fn generate(runs_each: usize) -> History {
        let mut history = History::default();
        for namespace in ["prod", "staging"] {
            for name in ["backup", "report", "cleanup"] {
                history.cronjob(CronJobRef::new(namespace, name), runs_each);
            }
        }
        history.impossible();
        history
    }

    fn cronjob(&mut self, cronjob: CronJobRef, runs_each: usize) {
        let seed = cronjob.name.len() as i64 * 7 + cronjob.namespace.len() as i64;
        for index in 0..runs_each as i64 {
            let start_ms = BASE_MS + index * HOUR_MS + seed * 1_000;
            let job_name = format!("{}-{}", cronjob.name, 28_333_333 + index * 60);
            let succeeded = (index + seed) % 7 != 3;
            // Durations vary 30..=150 s with millisecond parts; a slow tail late on.
            let mut duration_ms = 30_000 + ((index * 7_919 + seed * 131) % 120_000);
            if index > runs_each as i64 * 9 / 10 {
                duration_ms *= 2;
            }
            let row = if succeeded {
                execution_row(&cronjob, &job_name, start_ms, Some(duration_ms), true)
            } else {
                let zero_completion = index % 2 == 0;
                let mut row = execution_row(&cronjob, &job_name, start_ms, None, false);
                if zero_completion {
                    row[5] = Lit::ZeroTime;
                }
                row
            };
            let copies = if index % 11 == 0 {
                3
            } else if index % 5 == 0 {
                2
            } else {
                1
            };
            for _ in 0..copies {
                self.executions.push(row.clone());
            }
            self.duplicate_executions += copies - 1;
            self.runs.entry(cronjob.clone()).or_default().push(TrueRun {
                job_name,
                start_ms,
                succeeded,
                duration: succeeded.then(|| SignedDuration::from_millis(duration_ms)),
            });
            if !succeeded {
                let resolved = (index % 3 != 0).then_some(start_ms + HOUR_MS);
                self.alert(&cronjob, "JobFailed", start_ms + 1_000, resolved, 1);
                if index % 4 == 0 {
                    // The operator wrote the same alert again after a restart.
                    self.alert(&cronjob, "JobFailed", start_ms + 1_000, resolved, 0);
                }
            }
            if index % 13 == 5 {
                self.alert(&cronjob, "SLABreached", start_ms + 2_000, None, 1);
            }
        }
    }

    fn alert(
        &mut self,
        cronjob: &CronJobRef,
        kind: &str,
        occurred_ms: i64,
        resolved_ms: Option<i64>,
        distinct: u64,
    ) {
        self.alerts
            .push(alert_row(cronjob, kind, occurred_ms, resolved_ms));
        self.distinct_alerts += distinct;
        self.duplicate_alerts += 1 - distinct;
        if resolved_ms.is_none() {
            self.unresolved_alerts += distinct;
        }
    }

    /// Rows the importer must refuse, each for a stated reason.
    fn impossible(&mut self) {
        let cronjob = CronJobRef::new("prod", "backup");
        let mut negative = execution_row(&cronjob, "backup-neg", BASE_MS, Some(1_000), true);
        negative[6] = Lit::Real(-12.5);
        let mut backwards = execution_row(&cronjob, "backup-back", BASE_MS, Some(1_000), true);
        backwards[5] = Lit::Time(BASE_MS - 60_000);
        let nameless = execution_row(&cronjob, "", BASE_MS, Some(1_000), true);
        self.executions.extend([negative, backwards, nameless]);
        self.impossible_executions += 3;
        let unknown = alert_row(&cronjob, "CosmicRay", BASE_MS, None);
        let backwards = alert_row(&cronjob, "DeadManTriggered", BASE_MS, Some(BASE_MS - 1));
        self.alerts.extend([unknown, backwards]);
        self.impossible_alerts += 2;
    }

    pub async fn write(&self, db: &OperatorDb) -> anyhow::Result<()> {
        db.create_tables().await?;
        db.insert("executions", EXECUTION_COLUMNS, &self.executions)
            .await?;
        db.insert("alert_history", ALERT_COLUMNS, &self.alerts)
            .await?;
        // Same-named channels of two namespaces share one row in the operator.
        let channels = [("slack-ops", 40, 2), ("pagerduty", 12, 0)];
        let rows: Vec<Vec<Lit>> = channels
            .iter()
            .map(|(name, sent, failed)| {
                vec![
                    Lit::text(name),
                    Lit::Int(*sent),
                    Lit::Int(*failed),
                    Lit::Time(BASE_MS),
                    Lit::Null,
                    Lit::text(""),
                    Lit::Int(0),
                    Lit::Time(BASE_MS),
                ]
            })
            .collect();
        let columns = [
            "channel_name",
            "alerts_sent_total",
            "alerts_failed_total",
            "last_alert_time",
            "last_failed_time",
            "last_failed_error",
            "consecutive_failures",
            "updated_at",
        ];
        db.insert("channel_stats", &columns, &rows).await?;
        Ok(())
    }
}

/// A row in [`EXECUTION_COLUMNS`] order; `duration_ms` given for successful runs.
pub fn execution_row(
    cronjob: &CronJobRef,
    job_name: &str,
    start_ms: i64,
    duration_ms: Option<i64>,
    succeeded: bool,
) -> Vec<Lit> {
    let completion_ms = start_ms + duration_ms.unwrap_or(45_000);
    vec![
        Lit::text(&cronjob.namespace),
        Lit::text(&cronjob.name),
        Lit::text("0b6f4a2e-6d7c-4a8e-9d51-3c2f1e0a9b77"),
        Lit::text(job_name),
        Lit::Time(start_ms),
        Lit::Time(completion_ms),
        duration_ms.map_or(Lit::Null, |ms| Lit::Real(ms as f64 / 1000.0)),
        Lit::Bool(succeeded),
        Lit::Int(if succeeded { 0 } else { 1 }),
        Lit::text(if succeeded {
            ""
        } else {
            "BackoffLimitExceeded"
        }),
        Lit::Bool(false),
        Lit::text(""),
        if succeeded {
            Lit::Null
        } else {
            Lit::text("Error: it's broken\nexit 1")
        },
        Lit::text("SuccessfulCreate: Created pod\nCompleted: Job completed"),
        Lit::text(""),
        Lit::Time(completion_ms + 500),
    ]
}

fn alert_row(
    cronjob: &CronJobRef,
    kind: &str,
    occurred_ms: i64,
    resolved_ms: Option<i64>,
) -> Vec<Lit> {
    vec![
        Lit::text(kind),
        Lit::text("critical"),
        Lit::Text(format!("{kind} {cronjob}")),
        Lit::text("Job failed with exit code 1"),
        Lit::text(&cronjob.namespace),
        Lit::text(&cronjob.name),
        Lit::text(&cronjob.namespace),
        Lit::text("all-jobs"),
        Lit::text("slack-ops,pagerduty"),
        Lit::Time(occurred_ms),
        resolved_ms.map_or(Lit::Null, Lit::Time),
        Lit::Int(1),
        Lit::text("Error"),
        Lit::text("Check the logs"),
    ]
}
