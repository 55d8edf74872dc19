//! An HTTP receiver on 127.0.0.1 standing in for a webhook or PagerDuty endpoint: it
//! records every request (headers and body) as it arrives, before answering, so a
//! request whose answer never got back still counts. One request per connection
//! (`Connection: close`). A request can be held unanswered to leave a delivery in flight.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;

/// Largest request body read.
const MAX_BODY: usize = 1 << 20;

/// One request as the receiver saw it; header names are lower case.
#[derive(Debug, Clone)]
pub struct Received {
    pub method: String,
    pub path: String,
    pub headers: BTreeMap<String, String>,
    pub body: String,
}

impl Received {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(String::as_str)
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or(serde_json::Value::Null)
    }
}

#[derive(Default)]
struct Shared {
    log: Mutex<Vec<Received>>,
    /// (header, value): the next request carrying it is held until [`Receiver::release`].
    hold: Mutex<Option<(String, String)>>,
    release: Notify,
}

pub struct Receiver {
    pub address: SocketAddr,
    shared: Arc<Shared>,
}

impl Receiver {
    /// Listens on a free loopback port and answers every request with `status`.
    pub async fn start(status: u16) -> anyhow::Result<Receiver> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let address = listener.local_addr()?;
        let shared = Arc::new(Shared::default());
        let accepting = shared.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(serve(stream, status, accepting.clone()));
            }
        });
        Ok(Receiver { address, shared })
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// Holds the next request whose `header` is `value` unanswered until [`Self::release`].
    pub fn hold_next(&self, header: &str, value: &str) {
        *lock(&self.shared.hold) = Some((header.to_ascii_lowercase(), value.to_owned()));
    }

    /// Answers every held request.
    pub fn release(&self) {
        self.shared.release.notify_waiters();
    }

    /// Every request so far, in arrival order.
    pub fn received(&self) -> Vec<Received> {
        lock(&self.shared.log).clone()
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panicking test thread poisons nothing we cannot still read.
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

async fn serve(stream: TcpStream, status: u16, shared: Arc<Shared>) {
    let mut reader = BufReader::new(stream);
    let Ok(received) = read_request(&mut reader).await else {
        return;
    };
    let release = shared.release.notified();
    let held = {
        let mut hold = lock(&shared.hold);
        let matches = hold
            .as_ref()
            .is_some_and(|(name, value)| received.header(name) == Some(value.as_str()));
        matches && hold.take().is_some()
    };
    lock(&shared.log).push(received);
    if held {
        release.await;
    }
    let body = r#"{"status":"success"}"#;
    let answer = format!(
        "HTTP/1.1 {status} Answer\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let mut stream = reader.into_inner();
    let _ = stream.write_all(answer.as_bytes()).await;
    let _ = stream.shutdown().await;
}

async fn read_request(reader: &mut BufReader<TcpStream>) -> anyhow::Result<Received> {
    let mut line = String::new();
    reader.read_line(&mut line).await?;
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_owned();
    let path = parts.next().unwrap_or_default().to_owned();
    let mut headers = BTreeMap::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).await? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
        }
    }
    let length: usize = headers
        .get("content-length")
        .and_then(|value| value.parse().ok())
        .unwrap_or(0);
    anyhow::ensure!(length <= MAX_BODY, "body of {length} bytes");
    let mut body = vec![0; length];
    reader.read_exact(&mut body).await?;
    Ok(Received {
        method,
        path,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}
