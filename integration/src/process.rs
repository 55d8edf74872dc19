//! One `cronjob-guardian` process: started with loopback `:0` ports and an
//! address file, its output kept in a log file, and signals sent to it.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use anyhow::Context as _;
use serde::Deserialize;
use tempfile::TempDir;
use tokio::process::{Child, Command};

use crate::wait::wait_until;

/// How long a process may take to bind its ports (a failure guard).
const START_DEADLINE: Duration = Duration::from_secs(60);

/// Where a process listens, as it reported in its address file.
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct Addresses {
    pub grpc: SocketAddr,
    pub http: SocketAddr,
    pub probes: SocketAddr,
}

impl Addresses {
    pub fn grpc_url(&self) -> String {
        format!("http://{}", self.grpc)
    }
}

/// What to run: the subcommand's arguments and extra environment.
#[derive(Debug, Clone, Default)]
pub struct ProcessSpec {
    pub name: String,
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
}

pub struct Process {
    pub name: String,
    pub addresses: Addresses,
    child: Child,
    pid: u32,
    dir: TempDir,
}

/// The `cronjob-guardian` binary built beside the test executable
/// (`target/<profile>/deps/<test>` → `target/<profile>/cronjob-guardian`).
pub fn binary() -> anyhow::Result<PathBuf> {
    if let Ok(path) = std::env::var("GUARDIAN_BIN") {
        return Ok(PathBuf::from(path));
    }
    let exe = std::env::current_exe()?;
    let profile_dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .context("test binary has no target dir")?;
    let binary = profile_dir.join("cronjob-guardian");
    anyhow::ensure!(
        binary.exists(),
        "{} is missing: build it with `cargo build -p cronjob-guardian`",
        binary.display()
    );
    Ok(binary)
}

impl Process {
    /// Starts the process and waits until it has bound its ports.
    pub async fn start(spec: ProcessSpec) -> anyhow::Result<Process> {
        let dir = tempfile::tempdir()?;
        let address_file = dir.path().join("addresses.json");
        let log = std::fs::File::create(dir.path().join("output.log"))?;
        let mut command = Command::new(binary()?);
        command
            .args(&spec.args)
            .args([
                "--grpc-bind-address=127.0.0.1:0",
                "--api-bind-address=127.0.0.1:0",
                "--probes-bind-address=127.0.0.1:0",
            ])
            .arg(format!("--address-file={}", address_file.display()))
            .env("GUARDIAN_LOG_LEVEL", "info,guardian_store=warn")
            .env("GUARDIAN_LOG_FORMAT", "json")
            .envs(
                spec.env
                    .iter()
                    .map(|(key, value)| (key.as_str(), value.as_str())),
            )
            .stdout(Stdio::from(log.try_clone()?))
            .stderr(Stdio::from(log))
            .kill_on_drop(true);
        let mut child = command
            .spawn()
            .with_context(|| format!("cannot start {}", spec.name))?;
        let pid = child.id().context("started process has no pid")?;
        let what = format!("{} to listen", spec.name);
        let read = || async {
            let text = std::fs::read_to_string(&address_file).ok()?;
            serde_json::from_str::<Addresses>(&text).ok()
        };
        let addresses = tokio::select! {
            addresses = wait_until(&what, START_DEADLINE, read) => addresses,
            status = child.wait() => Err(anyhow::anyhow!("{} exited early with {:?}", spec.name, status)),
        };
        let addresses = addresses.map_err(|error| {
            let log = std::fs::read_to_string(dir.path().join("output.log")).unwrap_or_default();
            anyhow::anyhow!("{error}\n--- log ---\n{log}")
        })?;
        Ok(Process {
            name: spec.name,
            addresses,
            child,
            pid,
            dir,
        })
    }

    pub fn pid(&self) -> u32 {
        self.pid
    }

    /// The file the process wrote its bound addresses to (owned by its user).
    pub fn address_file(&self) -> PathBuf {
        self.dir.path().join("addresses.json")
    }

    /// Everything the process wrote so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("output.log")).unwrap_or_default()
    }

    fn signal(&self, signal: &str) -> anyhow::Result<()> {
        let status = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(self.pid.to_string())
            .status()?;
        anyhow::ensure!(status.success(), "kill -{signal} {} failed", self.pid);
        Ok(())
    }

    /// `kill -9`: a crash, no clean-up.
    pub async fn kill(&mut self) -> anyhow::Result<()> {
        self.signal("KILL")?;
        self.child.wait().await?;
        Ok(())
    }

    /// SIGTERM, then waits for the process to exit (a graceful shutdown).
    pub async fn terminate(
        &mut self,
        deadline: Duration,
    ) -> anyhow::Result<std::process::ExitStatus> {
        self.signal("TERM")?;
        tokio::time::timeout(deadline, self.child.wait())
            .await
            .with_context(|| format!("{} did not exit within {deadline:?} of SIGTERM", self.name))?
            .map_err(Into::into)
    }

    /// SIGSTOP: frozen, as a paused VM or a long GC pause.
    pub fn freeze(&self) -> anyhow::Result<()> {
        self.signal("STOP")
    }

    /// SIGCONT after [`Process::freeze`].
    pub fn thaw(&self) -> anyhow::Result<()> {
        self.signal("CONT")
    }
}
