//! `--help` and `--version` are answers, not errors: stdout, exit 0. A wrong
//! flag is an error: stderr, exit 2.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cronjob-guardian"))
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn help_and_version_print_to_stdout_and_exit_zero() {
    for args in [
        &["--help"][..],
        &["-h"],
        &["controller", "--help"],
        &["help"],
    ] {
        let output = run(args);
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert!(stdout.contains("Usage"), "{args:?}: {stdout}");
        assert!(output.stderr.is_empty(), "{args:?}");
    }
    let output = run(&["--version"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stdout.starts_with("cronjob-guardian ") && stdout.contains(env!("CARGO_PKG_VERSION")),
        "{stdout}"
    );
}

#[test]
fn an_unknown_flag_is_a_usage_error_on_stderr() {
    let output = run(&["--no-such-flag"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--no-such-flag"));
}
