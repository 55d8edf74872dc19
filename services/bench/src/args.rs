//! Command line: which scenario to run, and whether at tiny sizes (`--quick`,
//! the CI smoke run that checks the harness still works, not how fast).

use clap::{Parser, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "guardian-bench",
    about = "Measures cronjob-guardian against ceilings taken on the same machine in the same run"
)]
pub struct Cli {
    /// What to measure.
    #[arg(value_enum)]
    pub scenario: Scenario,
    /// Tiny sizes and short timings: proves every scenario still runs, measures nothing.
    #[arg(long)]
    pub quick: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Scenario {
    /// Executions through fenced transactions (store and end to end) vs raw COPY / INSERT.
    Ingest,
    /// Store-level ingest on MariaDB (the MySQL back-end) vs raw multi-row INSERT.
    IngestMysql,
    /// Job completion → event on a query replica's gRPC stream and SSE.
    Freshness,
    /// Main read RPCs over gRPC and REST vs a bare tonic server.
    Query,
    /// Many concurrent stream subscribers on one query replica.
    Fanout,
    /// Controller memory and CPU while watching a big cluster; time to ready.
    Scale,
    /// Leader crash and graceful handover times.
    Failover,
    /// Every scenario above, in order.
    All,
    /// Internal: the bare tonic server used as the query ceiling (a child process).
    #[value(hide = true)]
    CeilingServer,
}

impl Scenario {
    /// The scenarios `all` runs, in order.
    pub const EVERY: [Scenario; 7] = [
        Scenario::Ingest,
        Scenario::IngestMysql,
        Scenario::Freshness,
        Scenario::Query,
        Scenario::Fanout,
        Scenario::Scale,
        Scenario::Failover,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Scenario::Ingest => "ingest",
            Scenario::IngestMysql => "ingest-mysql",
            Scenario::Freshness => "freshness",
            Scenario::Query => "query",
            Scenario::Fanout => "fanout",
            Scenario::Scale => "scale",
            Scenario::Failover => "failover",
            Scenario::All => "all",
            Scenario::CeilingServer => "ceiling-server",
        }
    }
}
