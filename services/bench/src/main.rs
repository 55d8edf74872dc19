//! `guardian-bench`: measures cronjob-guardian with real processes beside
//! ceilings taken on the same machine in the same run, and prints the table
//! that goes into BENCHMARKS.md.
//!
//! ```text
//!  cargo run --release -p guardian-bench -- <scenario> [--quick]
//!    ├─ throwaway PostgreSQL (testkit) ─ Kubernetes stand-in (in this process)
//!    ├─ target/release/cronjob-guardian controller / query (child processes)
//!    └─ this binary again as `ceiling-server` (the bare tonic ceiling)
//! ```

mod args;
mod ceiling_server;
mod data;
mod grpc_load;
mod http_client;
mod machine;
mod report;
mod run;
mod scenario;
mod stack;
mod stats;

use std::process::ExitCode;

use clap::Parser as _;

use crate::args::{Cli, Scenario};

fn main() -> ExitCode {
    let cli = Cli::parse();
    // guardian-integration starts the product binary named by GUARDIAN_BIN; the
    // bench cannot set its own environment safely, so it runs itself once more
    // with the variable set for the whole process tree.
    if cli.scenario != Scenario::CeilingServer && std::env::var_os("GUARDIAN_BIN").is_none() {
        return run::relaunch_with_product_binary();
    }
    run::main(cli)
}
