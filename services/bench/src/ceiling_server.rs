//! The query ceiling: a bare tonic server answering a constant (the standard
//! `grpc.health.v1.Health/Check`, always SERVING) in its own process, so it
//! competes for the same cores the way a query replica does. It is this
//! binary run as `guardian-bench ceiling-server`; it prints its address and
//! stops when its standard input closes (that is, when the bench exits).

use std::net::SocketAddr;
use std::process::Stdio;

use anyhow::Context as _;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};
use tokio::process::{Child, Command};
use tonic::transport::server::TcpIncoming;

const ANNOUNCE: &str = "ceiling-server listening on ";

/// Runs the server (the child side).
pub async fn serve() -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    println!("{ANNOUNCE}{}", listener.local_addr()?);
    let (_reporter, health) = tonic_health::server::health_reporter();
    let stdin_closed = async {
        let mut sink = Vec::new();
        let _ = tokio::io::stdin().read_to_end(&mut sink).await;
    };
    // tonic's own default for the sockets it accepts (`serve_with_incoming`
    // ignores `Server::tcp_nodelay`, so it is set on the incoming stream).
    let incoming = TcpIncoming::from(listener).with_nodelay(Some(true));
    tonic::transport::Server::builder()
        .add_service(health)
        .serve_with_incoming_shutdown(incoming, stdin_closed)
        .await?;
    Ok(())
}

/// The running ceiling server (the parent side); killed when dropped.
pub struct CeilingServer {
    pub addr: SocketAddr,
    /// Held for `kill_on_drop`.
    _child: Child,
}

impl CeilingServer {
    pub async fn start() -> anyhow::Result<CeilingServer> {
        let exe = std::env::current_exe()?;
        let mut child = Command::new(exe)
            .arg("ceiling-server")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .context("cannot start the ceiling server")?;
        let stdout = child
            .stdout
            .take()
            .context("ceiling server has no stdout")?;
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).await?;
        let addr = line
            .trim()
            .strip_prefix(ANNOUNCE)
            .with_context(|| format!("unexpected ceiling server output {line:?}"))?
            .parse()?;
        Ok(CeilingServer {
            addr,
            _child: child,
        })
    }
}
