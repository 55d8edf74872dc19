//! `cronjob-guardian`: parse the command line (layered over the config file), then run.

mod args;
mod commands;
mod config;
mod config_file;
mod dev;

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match config::load(std::env::args_os().collect()) {
        Ok(cli) => cli,
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
