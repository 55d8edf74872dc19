//! Throwaway MariaDB per test run, for the MySQL back-end (Debian's `mariadb-server`;
//! no systemd): `mariadb-install-db` into a temp dir, `mariadbd` on a free port.
//!
//! ```text
//!   MariaDbHarness::start() ──► install-db (temp dir) ──► mariadbd (child, 127.0.0.1:<port>)
//!        │                                                  ▲ stop() / crash() / restart()
//!        └─► watchdog: sh waiting on our stdin pipe ────────┘ EOF → kill -9, rm -rf
//! ```
//!
//! The watchdog is the one of [`crate::postgres`]: however this process ends, the server
//! and its directory go with it. Tests in one process share one server
//! ([`MariaDbHarness::shared`], or the run's server named by `GUARDIAN_TEST_MYSQL_URL`,
//! which `scripts/test` starts) and each takes its own database; a test that stops the
//! server starts its own harness.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::Duration;

use tempfile::TempDir;
use tokio::sync::OnceCell;

use crate::postgres::{PgHarnessError, Result, blocking, free_port, io, run, url_port};

/// `mysql://root@127.0.0.1:<port>/mysql` of a server shared by a whole test run.
pub const EXTERNAL_URL_VAR: &str = "GUARDIAN_TEST_MYSQL_URL";

/// Kills the server and removes its directory once our end of stdin closes.
/// Arguments: $1 = pid file, $2 = dir.
const WATCHDOG: &str = r#"
while read -r _line; do :; done
[ -f "$1" ] && kill -9 "$(cat "$1")" 2>/dev/null
rm -rf "$2"
"#;

/// How long a starting server may take to answer.
const READY_TIMEOUT: Duration = Duration::from_secs(60);

static SHARED: OnceCell<MariaDbHarness> = OnceCell::const_new();

/// True when a MariaDB is at hand: the run's shared server, or one this machine can start.
pub fn available() -> bool {
    std::env::var(EXTERNAL_URL_VAR).is_ok_and(|url| !url.is_empty()) || installed()
}

/// True when this machine can start a throwaway MariaDB (`mariadbd` on PATH or in /usr/sbin).
pub fn installed() -> bool {
    find("mariadbd").is_some()
}

/// A running throwaway MariaDB, killed and deleted on drop or process exit.
#[derive(Debug)]
pub struct MariaDbHarness {
    port: u16,
    dir: Option<TempDir>,
    server: Mutex<Option<Child>>,
    watchdog: Mutex<Option<Child>>,
}

impl MariaDbHarness {
    /// Creates a data directory and starts a server on a free port.
    pub async fn start() -> Result<MariaDbHarness> {
        blocking(Self::start_blocking).await
    }

    /// The process-wide server (see the module doc).
    pub async fn shared() -> Result<&'static MariaDbHarness> {
        SHARED
            .get_or_try_init(|| async {
                match std::env::var(EXTERNAL_URL_VAR) {
                    Ok(url) if !url.is_empty() => Self::external(&url),
                    _ => Self::start().await,
                }
            })
            .await
    }

    fn external(url: &str) -> Result<MariaDbHarness> {
        let port = url_port(EXTERNAL_URL_VAR, url)?;
        Ok(MariaDbHarness {
            port,
            dir: None,
            server: Mutex::new(None),
            watchdog: Mutex::new(None),
        })
    }

    /// The TCP port (stable across [`MariaDbHarness::restart`]).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// A URL for `database` as `root` (no password).
    pub fn database_url(&self, database: &str) -> String {
        format!("mysql://root@127.0.0.1:{}/{database}", self.port)
    }

    /// (Re)creates an empty database named `name` and returns its URL.
    pub async fn fresh_database(&self, name: &str) -> Result<String> {
        let valid = !name.is_empty()
            && name.len() <= 52
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !valid {
            return Err(PgHarnessError::InvalidName(name.to_owned()));
        }
        // Several test processes share an external server: keep their databases apart.
        let name = if self.dir.is_none() {
            format!("{name}_p{}", std::process::id())
        } else {
            name.to_owned()
        };
        let sql = format!("DROP DATABASE IF EXISTS `{name}`; CREATE DATABASE `{name}`");
        let mut client = self.client();
        blocking(move || run(client.arg("-e").arg(sql), "mariadb create database").map(drop))
            .await?;
        Ok(self.database_url(&name))
    }

    /// Shuts the server down as an operator's restart would: sessions end, data stays.
    pub async fn stop(&self) -> Result<()> {
        let mut admin = self.admin();
        admin.arg("shutdown");
        blocking(move || run(&mut admin, "mariadb-admin shutdown").map(drop)).await?;
        let child = self.lock_server().take();
        if let Some(mut child) = child {
            blocking(move || child.wait().map(drop).map_err(io("waiting for mariadbd"))).await?;
        }
        Ok(())
    }

    /// Starts the server again on the same port (after [`MariaDbHarness::stop`]).
    pub async fn restart(&self) -> Result<()> {
        let dir = self.path()?.to_path_buf();
        let (port, ping) = (self.port, self.admin());
        let child = blocking(move || spawn_server(&dir, port, ping)).await?;
        *self.lock_server() = Some(child);
        Ok(())
    }

    fn start_blocking() -> Result<MariaDbHarness> {
        let dir = tempfile::Builder::new()
            .prefix("guardian-mariadb-")
            .tempdir()
            .map_err(io("creating temp dir"))?;
        let install = find("mariadb-install-db").ok_or(PgHarnessError::MariaDbNotFound)?;
        let user = if is_root() { "root" } else { "" };
        let mut command = Command::new(install);
        command.arg("--no-defaults");
        command.arg(format!("--datadir={}", dir.path().join("data").display()));
        if !user.is_empty() {
            command.arg(format!("--user={user}"));
        }
        command.args(["--auth-root-authentication-method=normal", "--skip-test-db"]);
        run(&mut command, "mariadb-install-db")?;
        let watchdog = Command::new("sh")
            .args(["-c", WATCHDOG, "guardian-mariadb-watchdog"])
            .arg(dir.path().join("mysqld.pid"))
            .arg(dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(io("spawning the watchdog"))?;
        let mut harness = MariaDbHarness {
            port: 0,
            dir: Some(dir),
            server: Mutex::new(None),
            watchdog: Mutex::new(Some(watchdog)),
        };
        let mut last_error = None;
        for _ in 0..5 {
            harness.port = free_port()?;
            let dir = harness.path()?.to_path_buf();
            match spawn_server(&dir, harness.port, harness.admin()) {
                Ok(child) => {
                    *harness.lock_server() = Some(child);
                    return Ok(harness);
                }
                Err(error) => last_error = Some(error),
            }
        }
        Err(last_error.unwrap_or(PgHarnessError::MariaDbNotFound))
    }

    fn path(&self) -> Result<&Path> {
        self.dir
            .as_ref()
            .map(TempDir::path)
            .ok_or_else(|| PgHarnessError::Command {
                command: "restart".into(),
                output: "an external server is not ours to restart".into(),
            })
    }

    fn client(&self) -> Command {
        let mut command = Command::new(find("mariadb").unwrap_or_else(|| "mariadb".into()));
        command.args(["--no-defaults", "-h", "127.0.0.1", "-uroot", "-P"]);
        command.arg(self.port.to_string());
        command
    }

    fn admin(&self) -> Command {
        let program = find("mariadb-admin").unwrap_or_else(|| "mariadb-admin".into());
        let mut command = Command::new(program);
        command.args(["--no-defaults", "-h", "127.0.0.1", "-uroot", "-P"]);
        command.arg(self.port.to_string());
        command
    }

    fn lock_server(&self) -> std::sync::MutexGuard<'_, Option<Child>> {
        self.server
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Drop for MariaDbHarness {
    fn drop(&mut self) {
        if let Some(mut child) = self.lock_server().take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        let watchdog = self
            .watchdog
            .get_mut()
            .map(Option::take)
            .unwrap_or_else(|poisoned| poisoned.into_inner().take());
        if let Some(mut child) = watchdog {
            drop(child.stdin.take()); // EOF: the watchdog removes the directory and exits
            let _ = child.wait();
        }
    }
}

/// Starts `mariadbd` on `dir`'s data and waits until `ping` answers.
fn spawn_server(dir: &Path, port: u16, mut ping: Command) -> Result<Child> {
    let log = std::fs::File::create(dir.join("server.log")).map_err(io("creating server.log"))?;
    let program = find("mariadbd").ok_or(PgHarnessError::MariaDbNotFound)?;
    let mut command = Command::new(program);
    command.arg("--no-defaults");
    command.arg(format!("--datadir={}", dir.join("data").display()));
    command.arg(format!("--socket={}", dir.join("mysqld.sock").display()));
    command.arg(format!("--pid-file={}", dir.join("mysqld.pid").display()));
    command.arg(format!("--port={port}"));
    if is_root() {
        command.arg("--user=root");
    }
    // Durability off and room for many test connections: a throwaway server.
    command.args([
        "--bind-address=127.0.0.1",
        "--innodb-flush-log-at-trx-commit=0",
        "--innodb-doublewrite=0",
        "--max-connections=1000",
        "--innodb-buffer-pool-size=128M",
    ]);
    let error_log = log.try_clone().map_err(io("cloning server.log"))?;
    let mut child = command
        .stdin(Stdio::null())
        .stdout(log)
        .stderr(error_log)
        .spawn()
        .map_err(io("spawning mariadbd"))?;
    ping.arg("ping");
    let deadline = std::time::Instant::now() + READY_TIMEOUT;
    loop {
        if run(&mut ping, "mariadb-admin ping").is_ok() {
            return Ok(child);
        }
        let exited = child.try_wait().map_err(io("polling mariadbd"))?;
        if exited.is_some() || std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            let log = std::fs::read_to_string(dir.join("server.log")).unwrap_or_default();
            let lines: Vec<&str> = log.lines().collect();
            let tail = lines[lines.len().saturating_sub(10)..].join(" | ");
            return Err(PgHarnessError::Command {
                command: format!("mariadbd on port {port}"),
                output: format!("did not come up: {tail}"),
            });
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").is_ok_and(|meta| meta.uid() == 0)
}

/// A MariaDB program on PATH or in /usr/sbin (where Debian puts `mariadbd`).
fn find(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain([PathBuf::from("/usr/sbin"), PathBuf::from("/usr/bin")])
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

#[cfg(test)]
mod tests {
    use std::net::TcpStream;

    use super::*;

    #[tokio::test]
    async fn dropping_a_harness_stops_its_server_and_removes_its_directory() -> Result<()> {
        if !installed() {
            eprintln!("SKIPPED: no mariadbd on this machine; install mariadb-server");
            return Ok(());
        }
        let harness = MariaDbHarness::start().await?;
        let address = ("127.0.0.1", harness.port());
        let dir = harness.path()?.to_path_buf();
        assert!(TcpStream::connect(address).is_ok(), "server listens");
        assert!(matches!(
            harness.fresh_database("Bad-Name").await,
            Err(PgHarnessError::InvalidName(_))
        ));
        let url = harness.fresh_database("fresh_one").await?;
        assert!(url.ends_with(&format!(":{}/fresh_one", harness.port())));
        drop(harness);
        assert!(TcpStream::connect(address).is_err(), "server stopped");
        assert!(!dir.exists(), "directory removed");
        Ok(())
    }
}
