//! `cronjob-guardian`: parse the command line (layered over the config file), then run.

mod args;
mod commands;
mod config;
mod config_file;
mod dev;
mod import;
mod running_config;

use std::process::ExitCode;

/// jemalloc with background purging instead of glibc malloc: at the bench's scale
/// scenario glibc kept ~35 MiB more resident (freed list pages and metric renders
/// stayed in its arenas); mimalloc did little better (issue 7, BENCHMARKS.md scale).
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let cli = match config::load(std::env::args_os().collect()) {
        Ok(cli) => cli,
        // clap prints help and version to stdout with exit 0, usage errors to
        // stderr with exit 2, as every command-line tool does.
        Err(config::ConfigError::Args(error)) => error.exit(),
        Err(error) => {
            eprintln!("cronjob-guardian: {error}");
            return ExitCode::from(2);
        }
    };
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("cronjob-guardian: {error:#}");
            ExitCode::FAILURE
        }
    }
}
