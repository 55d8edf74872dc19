//! Throwaway PostgreSQL per test run (initdb into a temp dir, a free port).
//!
//! ```text
//!   PgHarness::start()  ──► initdb (temp dir) ──► pg_ctl start -w (127.0.0.1:<free port>)
//!        │                                            ▲ stop() / crash() / restart()
//!        └─► watchdog: sh waiting on our stdin pipe ──┘ EOF (we exited) → pg_ctl stop, rm -rf
//! ```
//!
//! Why a stdin watchdog: `pg_ctl` daemonises the server, so it outlives the test process,
//! and the `Drop` of a process-wide shared harness (a `static`) never runs. Each harness
//! therefore spawns a tiny `sh` that blocks reading a pipe whose write end only we hold.
//! However our process ends (normal exit, panic, SIGKILL) the kernel closes that end; the
//! shell then sees EOF, stops the cluster (`-m immediate`) and removes the temp dir. This
//! needs no `unsafe` (unlike `PR_SET_PDEATHSIG`) and no polling of our pid.
//!
//! PostgreSQL refuses to run as root, so as uid 0 every server command goes through
//! `runuser -u postgres --` and the temp dir is handed to `postgres` first.
//!
//! Tests in one process share one server ([`PgHarness::shared`]) and each takes its own
//! database ([`PgHarness::fresh_database`]). A test that stops or restarts the server must
//! start its own harness ([`PgHarness::start`]).

use std::net::TcpListener;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::Mutex;

use tempfile::TempDir;
use tokio::sync::OnceCell;

/// Settings for a fast, small, throwaway cluster: durability off, few resources.
const TEST_CONFIG: &str = "
listen_addresses = '127.0.0.1'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 300
shared_buffers = 64MB
max_wal_size = 1GB
checkpoint_timeout = 30min
log_min_messages = warning
log_statement = none
";

/// Stops the cluster and removes its directory once our end of stdin closes.
/// Arguments: $1 = "1" when commands run via runuser, $2 = pg_ctl, $3 = data dir, $4 = dir.
const WATCHDOG: &str = r#"
while read -r _line; do :; done
if [ "$1" = 1 ]; then runuser -u postgres -- "$2" stop -D "$3" -m immediate -w >/dev/null 2>&1
else "$2" stop -D "$3" -m immediate -w >/dev/null 2>&1; fi
rm -rf "$4"
"#;

/// Trust auth for the `postgres` superuser, byte-order collation, no fsync.
const INITDB_ARGS: [&str; 8] = [
    "-A",
    "trust",
    "-U",
    "postgres",
    "-E",
    "UTF8",
    "--locale=C",
    "--no-sync",
];

/// Attempts at finding a port nobody else grabs between our probe and the server's bind.
const PORT_ATTEMPTS: usize = 5;

static SHARED: OnceCell<PgHarness> = OnceCell::const_new();

/// `postgres://postgres@127.0.0.1:<port>/postgres` of a server shared by a whole test run.
const EXTERNAL_URL_VAR: &str = "GUARDIAN_TEST_DATABASE_URL";

/// Why the harness could not provide a server or database.
#[derive(Debug, thiserror::Error)]
pub enum PgHarnessError {
    #[error(
        "postgres binaries not found (looked at pg_config --bindir, PATH, /usr/lib/postgresql)"
    )]
    BinariesNotFound,
    #[error("mariadbd not found (install Debian's mariadb-server)")]
    MariaDbNotFound,
    #[error("io error while {doing}: {source}")]
    Io {
        doing: &'static str,
        source: std::io::Error,
    },
    #[error("{command} failed: {output}")]
    Command { command: String, output: String },
    #[error("invalid database name {0:?} (use 1-52 of [a-z0-9_])")]
    InvalidName(String),
    #[error("blocking task failed: {0}")]
    Join(String),
}

pub(crate) type Result<T, E = PgHarnessError> = std::result::Result<T, E>;

pub(crate) fn io(doing: &'static str) -> impl FnOnce(std::io::Error) -> PgHarnessError {
    move |source| PgHarnessError::Io { doing, source }
}

/// A running throwaway PostgreSQL cluster, stopped and deleted on drop or process exit.
#[derive(Debug)]
pub struct PgHarness {
    bindir: PathBuf,
    data: PathBuf,
    port: u16,
    as_root: bool,
    watchdog: Mutex<Option<Child>>,
    dir: Option<TempDir>,
}

impl PgHarness {
    /// Creates a new cluster in a fresh temp dir and starts it on a free port.
    pub async fn start() -> Result<PgHarness> {
        blocking(Self::start_blocking).await
    }

    /// The process-wide server: started by the first caller, shared by every test after.
    /// When `GUARDIAN_TEST_DATABASE_URL` names a running throwaway server (as
    /// `scripts/test` starts one for the whole run), that server is used instead, so
    /// nextest's one-process-per-test does not pay an `initdb` per test.
    pub async fn shared() -> Result<&'static PgHarness> {
        SHARED
            .get_or_try_init(|| async {
                match std::env::var(EXTERNAL_URL_VAR) {
                    Ok(url) if !url.is_empty() => Self::external(&url),
                    _ => Self::start().await,
                }
            })
            .await
    }

    /// A handle on a server this harness did not start: it is never stopped here.
    fn external(url: &str) -> Result<PgHarness> {
        let port = url_port(EXTERNAL_URL_VAR, url)?;
        Ok(PgHarness {
            bindir: find_bindir().ok_or(PgHarnessError::BinariesNotFound)?,
            data: PathBuf::new(),
            port,
            as_root: false,
            watchdog: Mutex::new(None),
            dir: None,
        })
    }

    /// A URL for the `postgres` database as superuser `postgres` (trust auth, no password).
    pub fn url(&self) -> String {
        self.database_url("postgres")
    }

    /// A URL for `database` on this server.
    pub fn database_url(&self, database: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{database}", self.port)
    }

    /// The TCP port the server listens on (stable across [`PgHarness::restart`]).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The cluster's data directory (its `server.log` sits beside it).
    pub fn data_dir(&self) -> &Path {
        &self.data
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
        let name = if self.data.as_os_str().is_empty() {
            format!("{name}_p{}", std::process::id())
        } else {
            name.to_owned()
        };
        let psql = self.bindir.join("psql");
        let port = self.port.to_string();
        let drop_sql = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        let create_sql = format!("CREATE DATABASE \"{name}\"");
        blocking(move || {
            let mut command = Command::new(psql);
            command.args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p"]);
            command.args([port.as_str(), "-U", "postgres", "-d", "postgres"]);
            command.args(["-c", drop_sql.as_str(), "-c", create_sql.as_str()]);
            run(&mut command, "psql create database").map(drop)
        })
        .await?;
        Ok(self.database_url(&name))
    }

    /// Stops the server as an operator's restart would (`-m fast`): sessions are ended
    /// (clients see admin_shutdown or a closed socket), committed data is kept.
    pub async fn stop(&self) -> Result<()> {
        let command = self.pg_ctl(&["stop", "-m", "fast", "-w"]);
        blocking(move || run_owned(command, "pg_ctl stop")).await
    }

    /// Kills the server as a crash would (`-m immediate`). With the harness's
    /// `synchronous_commit = off`, the last few hundred ms of commits may be lost.
    pub async fn crash(&self) -> Result<()> {
        let command = self.pg_ctl(&["stop", "-m", "immediate", "-w"]);
        blocking(move || run_owned(command, "pg_ctl stop")).await
    }

    /// Stops the server (`-m fast`) if it runs and starts it again on the same port.
    pub async fn restart(&self) -> Result<()> {
        let status = self.pg_ctl(&["status"]);
        let stop = self.pg_ctl(&["stop", "-m", "fast", "-w"]);
        let start = self.start_command();
        blocking(move || {
            if run_owned(status, "pg_ctl status").is_ok() {
                run_owned(stop, "pg_ctl stop")?;
            }
            run_owned(start, "pg_ctl start")
        })
        .await
    }

    fn start_blocking() -> Result<PgHarness> {
        let bindir = find_bindir().ok_or(PgHarnessError::BinariesNotFound)?;
        let as_root = std::fs::metadata("/proc/self")
            .map_err(io("reading own uid"))?
            .uid()
            == 0;
        let dir = tempfile::Builder::new()
            .prefix("guardian-pg-")
            .tempdir()
            .map_err(io("creating temp dir"))?;
        if as_root {
            run(
                Command::new("chown").arg("postgres").arg(dir.path()),
                "chown",
            )?;
        }
        let data = dir.path().join("data");
        let mut harness = PgHarness {
            bindir,
            data,
            port: 0,
            as_root,
            watchdog: Mutex::new(None),
            dir: None,
        };
        let mut initdb = harness.as_postgres(harness.bindir.join("initdb"));
        initdb.arg("-D").arg(&harness.data);
        initdb.args(INITDB_ARGS);
        run(&mut initdb, "initdb")?;
        append_config(&harness.data.join("postgresql.conf"), dir.path())?;
        harness.watchdog = Mutex::new(Some(harness.spawn_watchdog(dir.path())?));
        harness.dir = Some(dir);
        harness.start_on_free_port()?;
        Ok(harness)
    }

    fn start_on_free_port(&mut self) -> Result<()> {
        let mut last_error = None;
        for _ in 0..PORT_ATTEMPTS {
            self.port = free_port()?;
            match run_owned(self.start_command(), "pg_ctl start") {
                Ok(()) => return Ok(()),
                Err(error) => last_error = Some(error),
            }
        }
        let log =
            std::fs::read_to_string(self.data.with_file_name("server.log")).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        let tail = &lines[lines.len().saturating_sub(20)..];
        let attempts = last_error
            .map(|error| error.to_string())
            .unwrap_or_default();
        Err(PgHarnessError::Command {
            command: format!("pg_ctl start ({PORT_ATTEMPTS} ports tried)"),
            output: format!("{attempts}; server log tail: {}", tail.join(" | ")),
        })
    }

    fn spawn_watchdog(&self, dir: &Path) -> Result<Child> {
        Command::new("sh")
            .args(["-c", WATCHDOG, "guardian-pg-watchdog"])
            .arg(if self.as_root { "1" } else { "0" })
            .arg(self.bindir.join("pg_ctl"))
            .arg(&self.data)
            .arg(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(io("spawning the watchdog"))
    }

    fn start_command(&self) -> Command {
        let options = format!("-p {}", self.port);
        let log = self.data.with_file_name("server.log");
        let mut command = self.pg_ctl(&["start", "-w", "-t", "60"]);
        command.arg("-l").arg(log).arg("-o").arg(options);
        command
    }

    fn pg_ctl(&self, args: &[&str]) -> Command {
        let mut command = self.as_postgres(self.bindir.join("pg_ctl"));
        command.arg("-D").arg(&self.data).args(args);
        command
    }

    /// A command that runs `program` as the `postgres` OS user when we are root.
    fn as_postgres(&self, program: PathBuf) -> Command {
        let mut command = if self.as_root {
            let mut runuser = Command::new("runuser");
            runuser.args(["-u", "postgres", "--"]).arg(program);
            runuser
        } else {
            Command::new(program)
        };
        // The server's own cwd must be readable by postgres; root's may not be.
        command.current_dir("/");
        command
    }
}

impl Drop for PgHarness {
    fn drop(&mut self) {
        if self.data.as_os_str().is_empty() {
            // An external server (see `shared`): whoever started it stops it.
            return;
        }
        let _ = run_owned(
            self.pg_ctl(&["stop", "-m", "immediate", "-w"]),
            "pg_ctl stop",
        );
        let watchdog = self
            .watchdog
            .get_mut()
            .map(Option::take)
            .unwrap_or_else(|poisoned| {
                // A panic while holding the lock leaves the child untouched; take it anyway.
                poisoned.into_inner().take()
            });
        if let Some(mut child) = watchdog {
            drop(child.stdin.take()); // EOF: the watchdog removes the directory and exits
            let _ = child.wait();
        }
    }
}

fn append_config(conf: &Path, socket_dir: &Path) -> Result<()> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(conf)
        .map_err(io("opening postgresql.conf"))?;
    let socket = format!("unix_socket_directories = '{}'\n", socket_dir.display());
    file.write_all(TEST_CONFIG.as_bytes())
        .and_then(|()| file.write_all(socket.as_bytes()))
        .map_err(io("writing postgresql.conf"))
}

pub(crate) fn free_port() -> Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(io("probing a free port"))?;
    let port = listener
        .local_addr()
        .map_err(io("probing a free port"))?
        .port();
    Ok(port)
}

fn find_bindir() -> Option<PathBuf> {
    let has_tools = |dir: &Path| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file();
    let from_env = std::env::var_os("GUARDIAN_PG_BINDIR").map(PathBuf::from);
    let from_pg_config = Command::new("pg_config")
        .arg("--bindir")
        .output()
        .ok()
        .filter(|out| out.status.success())
        .map(|out| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()));
    let from_path = std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|dir| std::fs::canonicalize(dir.join("initdb")).ok())
        .filter_map(|initdb| initdb.parent().map(Path::to_path_buf));
    let mut debian: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|entries| {
            entries
                .flatten()
                .map(|entry| entry.path().join("bin"))
                .collect()
        })
        .unwrap_or_default();
    debian.sort();
    from_env
        .into_iter()
        .chain(from_pg_config)
        .chain(from_path)
        .chain(debian.into_iter().rev())
        .find(|dir| has_tools(dir))
}

fn run_owned(mut command: Command, what: &str) -> Result<()> {
    run(&mut command, what).map(drop)
}

pub(crate) fn run(command: &mut Command, what: &str) -> Result<Output> {
    let output =
        command
            .stdin(Stdio::null())
            .output()
            .map_err(|source| PgHarnessError::Command {
                command: what.to_owned(),
                output: source.to_string(),
            })?;
    if output.status.success() {
        return Ok(output);
    }
    let mut text = String::from_utf8_lossy(&output.stderr).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stdout));
    Err(PgHarnessError::Command {
        command: what.to_owned(),
        output: text.trim().to_owned(),
    })
}

pub(crate) async fn blocking<T: Send + 'static>(
    job: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    tokio::task::spawn_blocking(job)
        .await
        .map_err(|error| PgHarnessError::Join(error.to_string()))?
}

/// The port of a server URL given in `variable` (`scheme://user@host:PORT/db`).
pub(crate) fn url_port(variable: &str, url: &str) -> Result<u16> {
    url.rsplit_once(':')
        .and_then(|(_, rest)| rest.split('/').next())
        .and_then(|port| port.parse().ok())
        .ok_or_else(|| PgHarnessError::InvalidName(format!("{variable}={url}")))
}

#[cfg(test)]
mod tests {
    use std::net::TcpStream;

    use super::*;

    #[tokio::test]
    async fn dropping_a_harness_stops_its_server_and_removes_its_directory() -> Result<()> {
        let harness = PgHarness::start().await?;
        let address = ("127.0.0.1", harness.port());
        let data = harness.data_dir().to_path_buf();
        assert!(TcpStream::connect(address).is_ok(), "server listens");
        assert!(data.join("postgresql.conf").is_file());
        assert!(matches!(
            harness.fresh_database("Bad-Name").await,
            Err(PgHarnessError::InvalidName(_))
        ));
        let url = harness.fresh_database("fresh_one").await?;
        assert!(url.ends_with(&format!(":{}/fresh_one", harness.port())));
        drop(harness);
        assert!(TcpStream::connect(address).is_err(), "server stopped");
        assert!(!data.exists(), "directory removed");
        Ok(())
    }
}
