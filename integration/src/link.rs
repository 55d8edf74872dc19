//! A TCP link between a process and a server that a test can cut and restore, as a
//! network partition does: while cut, nothing passes in either direction, yet both
//! TCP connections stay open (no FIN, no RST), so neither side learns of the cut
//! until it times out or the other end closes.

use std::net::SocketAddr;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub struct Link {
    /// Where the process connects instead of the server.
    pub addr: SocketAddr,
    open: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl Link {
    /// Forwards connections on a free loopback port to `target`.
    pub async fn start(target: SocketAddr) -> anyhow::Result<Link> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let (open, _) = watch::channel(true);
        let gate = open.clone();
        let task = tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let gate = gate.subscribe();
                tokio::spawn(async move {
                    if let Ok(server) = TcpStream::connect(target).await {
                        forward(client, server, gate).await;
                    }
                });
            }
        });
        Ok(Link { addr, open, task })
    }

    /// Stops every byte, both ways, on every connection (new ones too).
    pub fn cut(&self) {
        self.open.send_replace(false);
    }

    /// Lets bytes through again.
    pub fn restore(&self) {
        self.open.send_replace(true);
    }
}

impl Drop for Link {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn forward(client: TcpStream, server: TcpStream, gate: watch::Receiver<bool>) {
    let (client_read, client_write) = client.into_split();
    let (server_read, server_write) = server.into_split();
    let up = tokio::spawn(pipe(client_read, server_write, gate.clone()));
    let down = tokio::spawn(pipe(server_read, client_write, gate));
    // When one side ends, end the other: a closed connection is passed on.
    tokio::select! {
        _ = up => {}
        _ = down => {}
    }
}

/// Copies until EOF, holding each chunk while the link is cut.
async fn pipe(
    mut from: tokio::net::tcp::OwnedReadHalf,
    mut to: tokio::net::tcp::OwnedWriteHalf,
    mut gate: watch::Receiver<bool>,
) {
    let mut buffer = vec![0u8; 16 * 1024];
    loop {
        if gate.wait_for(|open| *open).await.is_err() {
            return;
        }
        let read = match from.read(&mut buffer).await {
            Ok(0) | Err(_) => return,
            Ok(read) => read,
        };
        // Bytes read just before a cut wait for the link to come back.
        if gate.wait_for(|open| *open).await.is_err() {
            return;
        }
        if to.write_all(&buffer[..read]).await.is_err() {
            return;
        }
    }
}
