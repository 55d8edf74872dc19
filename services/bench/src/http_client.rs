//! HTTP/1.1 on hyper for load and streams: one keep-alive connection per
//! caller (as a browser or a REST client pool would hold), and a server-sent
//! events reader that timestamps each event as its bytes arrive.
//! (guardian-integration's `http` module opens one connection per request,
//! which would measure TCP set-up instead of the API.)

use std::net::SocketAddr;
use std::time::Instant;

use anyhow::Context as _;
use bytes::Bytes;
use http_body_util::{BodyExt as _, Empty};
use hyper::client::conn::http1::{self, SendRequest};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;
use tokio::sync::mpsc;

/// One keep-alive HTTP/1.1 connection.
pub struct Connection {
    addr: SocketAddr,
    sender: SendRequest<Empty<Bytes>>,
}

impl Connection {
    pub async fn open(addr: SocketAddr) -> anyhow::Result<Connection> {
        let stream = TcpStream::connect(addr).await?;
        stream.set_nodelay(true)?;
        let (sender, connection) = http1::handshake(TokioIo::new(stream)).await?;
        // Ends when the sender is dropped or the server closes.
        tokio::spawn(connection);
        Ok(Connection { addr, sender })
    }

    /// GETs `path` and returns the status and the whole body.
    pub async fn get(&mut self, path: &str) -> anyhow::Result<(u16, Bytes)> {
        self.sender.ready().await?;
        let request = http::Request::get(path)
            .header(http::header::HOST, self.addr.to_string())
            .body(Empty::new())?;
        let response = self.sender.send_request(request).await?;
        let status = response.status().as_u16();
        let body = response.into_body().collect().await?.to_bytes();
        Ok((status, body))
    }

    /// GETs `path` and fails unless the answer is 200.
    pub async fn get_ok(&mut self, path: &str) -> anyhow::Result<Bytes> {
        let (status, body) = self.get(path).await?;
        anyhow::ensure!(
            status == 200,
            "GET {path}: {status} {}",
            String::from_utf8_lossy(&body)
        );
        Ok(body)
    }
}

/// One server-sent event: its `data` (lines joined) and when it arrived.
#[derive(Debug, Clone)]
pub struct SseEvent {
    pub data: String,
    pub at: Instant,
}

/// Opens `path` as an event stream and forwards each event to `events` until
/// the stream or the receiver ends. Returns once the response headers arrive.
pub async fn follow_sse(
    addr: SocketAddr,
    path: &str,
    events: mpsc::UnboundedSender<SseEvent>,
) -> anyhow::Result<()> {
    let stream = TcpStream::connect(addr).await?;
    stream.set_nodelay(true)?;
    let (mut sender, connection) =
        http1::handshake::<_, Empty<Bytes>>(TokioIo::new(stream)).await?;
    tokio::spawn(connection);
    let request = http::Request::get(path)
        .header(http::header::HOST, addr.to_string())
        .header(http::header::ACCEPT, "text/event-stream")
        .body(Empty::new())?;
    let response = sender.send_request(request).await?;
    anyhow::ensure!(
        response.status() == 200,
        "GET {path}: {}",
        response.status()
    );
    let mut body = response.into_body();
    tokio::spawn(async move {
        let _keep = sender;
        let mut buffer = String::new();
        while let Some(Ok(frame)) = body.frame().await {
            let Ok(chunk) = frame.into_data() else {
                continue;
            };
            let at = Instant::now();
            buffer.push_str(&String::from_utf8_lossy(&chunk));
            for data in take_events(&mut buffer) {
                if events.send(SseEvent { data, at }).is_err() {
                    return;
                }
            }
        }
    });
    Ok(())
}

/// Removes every complete event (ended by a blank line) from `buffer` and
/// returns their data; comments (keep-alives) and events without data are skipped.
fn take_events(buffer: &mut String) -> Vec<String> {
    let mut out = Vec::new();
    while let Some(end) = buffer.find("\n\n") {
        let block: String = buffer.drain(..end + 2).collect();
        let data: Vec<&str> = block
            .lines()
            .filter_map(|line| line.strip_prefix("data:"))
            .map(|rest| rest.strip_prefix(' ').unwrap_or(rest))
            .collect();
        if !data.is_empty() {
            out.push(data.join("\n"));
        }
    }
    out
}

/// The JSON of an SSE data line, or an error that quotes it.
pub fn json(data: &str) -> anyhow::Result<serde_json::Value> {
    serde_json::from_str(data).with_context(|| format!("event data is not JSON: {data}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complete_events_are_taken_and_partial_ones_wait() {
        let mut buffer =
            String::from("id: 1\ndata: {\"a\":1}\n\n:keep-alive\n\nid: 2\ndata: {\"b\"");
        assert_eq!(take_events(&mut buffer), vec!["{\"a\":1}".to_owned()]);
        assert_eq!(buffer, "id: 2\ndata: {\"b\"");
        buffer.push_str(":2}\n\n");
        assert_eq!(take_events(&mut buffer), vec!["{\"b\":2}".to_owned()]);
        assert!(buffer.is_empty());
    }
}
