//! A real SMTP server process for the e-mail tests: `tests/smtp_server.py` on aiosmtpd,
//! with STARTTLS (a certificate generated per test) and AUTH, run from a Python venv in
//! `<workspace>/.tools/venv-smtp` that is created on first use (`scripts/install-tools`
//! creates it too). Skipped, with a printed reason, only when `python3` is missing.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};

/// The aiosmtpd release the tests are written against.
const AIOSMTPD: &str = "aiosmtpd==1.4.6";

pub struct SmtpServer {
    pub port: u16,
    /// PEM of the server's self-signed certificate, to trust in the client.
    pub ca_pem: Vec<u8>,
    outdir: tempfile::TempDir,
    _child: tokio::process::Child,
}

impl SmtpServer {
    /// Starts a server accepting `user`/`password`; `None` (after printing why) when
    /// python3 is not installed.
    pub async fn start(user: &str, password: &str) -> Option<Self> {
        let python = python_with_aiosmtpd()?;
        let outdir = tempfile::tempdir().expect("temporary directory");
        let certified = rcgen::generate_simple_self_signed(vec![
            "127.0.0.1".to_owned(),
            "localhost".to_owned(),
        ])
        .expect("generate a test certificate");
        let cert_path = outdir.path().join("cert.pem");
        let key_path = outdir.path().join("key.pem");
        std::fs::write(&cert_path, certified.cert.pem()).expect("write certificate");
        std::fs::write(&key_path, certified.signing_key.serialize_pem()).expect("write key");
        let mail_dir = outdir.path().join("mail");
        std::fs::create_dir(&mail_dir).expect("mail directory");
        let mut child = tokio::process::Command::new(python)
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/smtp_server.py"))
            .args([&cert_path, &key_path])
            .args([user, password])
            .arg(&mail_dir)
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect("start the SMTP server");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut lines = BufReader::new(stdout).lines();
        let ready = tokio::time::timeout(Duration::from_secs(60), lines.next_line())
            .await
            .expect("the SMTP server starts")
            .expect("read the SMTP server's output")
            .expect("the SMTP server prints READY");
        let port = ready
            .strip_prefix("READY ")
            .and_then(|port| port.trim().parse().ok())
            .unwrap_or_else(|| panic!("unexpected SMTP server output {ready:?}"));
        Some(Self {
            port,
            ca_pem: certified.cert.pem().into_bytes(),
            outdir,
            _child: child,
        })
    }

    /// The messages the server accepted, as decoded by Python's `email` package.
    pub fn messages(&self) -> Vec<serde_json::Value> {
        let mail_dir = self.outdir.path().join("mail");
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&mail_dir)
            .expect("read mail directory")
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| {
                path.extension()
                    .is_some_and(|extension| extension == "json")
            })
            .collect();
        paths.sort_by_key(|path| {
            std::fs::metadata(path)
                .and_then(|meta| meta.modified())
                .ok()
        });
        paths
            .iter()
            .map(|path| {
                let text = std::fs::read_to_string(path).expect("read message");
                serde_json::from_str(&text).expect("message record is JSON")
            })
            .collect()
    }
}

/// The venv's python with aiosmtpd importable, creating the venv once; `None` when
/// python3 is missing.
fn python_with_aiosmtpd() -> Option<PathBuf> {
    if Command::new("python3").arg("--version").output().is_err() {
        println!("skipping the SMTP test: python3 is not installed");
        return None;
    }
    let tools = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.tools");
    let venv = tools.join("venv-smtp");
    let python = venv.join("bin/python");
    if has_aiosmtpd(&python) {
        return Some(python);
    }
    // Build in a private directory and rename it into place, so test processes running
    // at the same time never see a half-made venv.
    let staging = tools.join(format!("venv-smtp.staging-{}", std::process::id()));
    run(Command::new("python3").args(["-m", "venv"]).arg(&staging));
    run(Command::new(staging.join("bin/python"))
        .args(["-m", "pip", "install", "--quiet", AIOSMTPD]));
    if !has_aiosmtpd(&python) {
        let _ = std::fs::remove_dir_all(&venv);
        if std::fs::rename(&staging, &venv).is_err() {
            let _ = std::fs::remove_dir_all(&staging);
        }
    } else {
        let _ = std::fs::remove_dir_all(&staging);
    }
    assert!(
        has_aiosmtpd(&python),
        "could not install {AIOSMTPD} into {}",
        venv.display()
    );
    Some(python)
}

fn has_aiosmtpd(python: &Path) -> bool {
    Command::new(python)
        .args(["-c", "import aiosmtpd"])
        .output()
        .is_ok_and(|output| output.status.success())
}

fn run(command: &mut Command) {
    let output = command.output().expect("run an install step");
    assert!(
        output.status.success(),
        "install step failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}
