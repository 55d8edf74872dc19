//! The run: scenarios in order, their sections printed as one Markdown report
//! headed by the exact command and the machine. A scenario that fails or
//! cannot run leaves its reason in the report, and the exit code is 1.

use std::process::ExitCode;

use crate::args::{Cli, Scenario};
use crate::machine::{self, Machine};
use crate::report::Section;
use crate::{ceiling_server, scenario, stack};

/// Runs this executable again with `GUARDIAN_BIN` pointing at the product
/// binary beside it, and exits with the child's status.
pub fn relaunch_with_product_binary() -> ExitCode {
    let (Ok(exe), Some(product)) = (std::env::current_exe(), stack::sibling_binary()) else {
        eprintln!("cannot locate this executable");
        return ExitCode::FAILURE;
    };
    let status = std::process::Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env("GUARDIAN_BIN", product)
        .status();
    match status {
        Ok(status) if status.success() => ExitCode::SUCCESS,
        Ok(status) => ExitCode::from(
            status
                .code()
                .and_then(|code| u8::try_from(code).ok())
                .unwrap_or(1),
        ),
        Err(error) => {
            eprintln!("cannot run the bench again with GUARDIAN_BIN set: {error}");
            ExitCode::FAILURE
        }
    }
}

pub fn main(cli: Cli) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("cannot start the tokio runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    if cli.scenario == Scenario::CeilingServer {
        return match runtime.block_on(ceiling_server::serve()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("ceiling server failed: {error:#}");
                ExitCode::FAILURE
            }
        };
    }
    let sections = runtime.block_on(async {
        tokio::select! {
            sections = run_scenarios(&cli) => Some(sections),
            () = interrupted() => None,
        }
    });
    // Dropping the scenarios above killed their processes (kill_on_drop).
    let Some(sections) = sections else {
        eprintln!("interrupted");
        return ExitCode::from(130);
    };
    println!("{}", render(&cli, &sections));
    if sections.iter().any(|section| section.failure.is_some()) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// SIGINT or SIGTERM: stop measuring, so the processes started are killed
/// on the way out instead of being left running.
async fn interrupted() {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        () = terminate => {}
    }
}

async fn run_scenarios(cli: &Cli) -> Vec<Section> {
    let chosen: Vec<Scenario> = match cli.scenario {
        Scenario::All => Scenario::EVERY.to_vec(),
        one => vec![one],
    };
    let mut sections = Vec::new();
    for scenario in chosen {
        eprintln!("== {} ==", scenario.name());
        let before = machine::load_average();
        let mut produced = scenario::run(scenario, cli.quick).await;
        let after = machine::load_average();
        for section in &mut produced {
            section.note(format!(
                "1-minute load average before / after the scenario: {before:.2} / {after:.2}"
            ));
        }
        for section in &produced {
            eprintln!("{}", section.render(cli.quick));
        }
        sections.extend(produced);
    }
    if let Err(error) = stack::drop_own_databases().await {
        eprintln!("could not drop this run's databases: {error:#}");
    }
    sections
}

/// The product binary's path and when it was built (its modification time).
fn product_binary_description() -> String {
    let path = std::env::var("GUARDIAN_BIN").unwrap_or_default();
    let built = std::fs::metadata(&path)
        .and_then(|metadata| metadata.modified())
        .ok()
        .and_then(|modified| jiff::Timestamp::try_from(modified).ok());
    match built {
        Some(built) => format!("{path} (built {})", built.strftime("%Y-%m-%d %H:%M UTC")),
        None => format!("{path} (missing)"),
    }
}

fn render(cli: &Cli, sections: &[Section]) -> String {
    let quick = if cli.quick { " --quick" } else { "" };
    // The command that reproduces this run, in the profile this binary was built with.
    let release = if cfg!(debug_assertions) {
        ""
    } else {
        " --release"
    };
    let command = format!(
        "cargo run{release} -p guardian-bench -- {}{quick}",
        cli.scenario.name()
    );
    let mut out = format!(
        "## guardian-bench {}{quick}\n\n- command: `cargo build{release} -p cronjob-guardian && {command}`\n- machine: {}\n- product binary: {}\n\n",
        cli.scenario.name(),
        Machine::probe().describe(),
        product_binary_description(),
    );
    for section in sections {
        out.push_str(&section.render(cli.quick));
        out.push('\n');
    }
    out
}
