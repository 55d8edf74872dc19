//! Checks the gRPC framing of a request body as it streams in, before tonic
//! decodes it, so that two edge cases are answered by the book:
//!
//! - a message longer than the limit is `RESOURCE_EXHAUSTED` (tonic's own check
//!   says `OUT_OF_RANGE`); it is refused on its 5-byte header, never buffered;
//! - a second message on a call that takes one request fails with
//!   `INVALID_ARGUMENT` (tonic reads the first, drains the rest and runs the call).
//!
//! The error travels as the body's error; tonic finds the `Status` in it.

use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::Bytes;
use http_body::{Body, Frame, SizeHint};
use tonic::Status;

/// tonic's default limit for one decoded request message.
pub const MAX_REQUEST_MESSAGE_BYTES: usize = 4 * 1024 * 1024;

/// Length of the gRPC message prefix: compressed flag + big-endian u32 length.
const PREFIX_LEN: usize = 5;

/// Whether a call on `path` may carry more than one request message. Only
/// reflection streams requests; every guardian and health RPC takes one.
pub fn streams_requests(path: &str) -> bool {
    path.starts_with("/grpc.reflection.")
}

/// Wraps `body` of the call on `path` in the frame check.
pub fn guard(path: &str, body: tonic::body::Body) -> tonic::body::Body {
    tonic::body::Body::new(FrameGuard {
        inner: body,
        frames: FrameCounter::new(!streams_requests(path), MAX_REQUEST_MESSAGE_BYTES),
    })
}

/// Follows message boundaries across data chunks of any size.
#[derive(Debug)]
struct FrameCounter {
    single_message: bool,
    limit: usize,
    prefix: [u8; PREFIX_LEN],
    prefix_len: usize,
    /// Bytes of the current message still to come.
    remaining: usize,
    messages: u32,
}

impl FrameCounter {
    fn new(single_message: bool, limit: usize) -> FrameCounter {
        FrameCounter {
            single_message,
            limit,
            prefix: [0; PREFIX_LEN],
            prefix_len: 0,
            remaining: 0,
            messages: 0,
        }
    }

    /// Consumes one chunk of the body; an error refuses the call.
    fn feed(&mut self, mut chunk: &[u8]) -> Result<(), Status> {
        while !chunk.is_empty() {
            if self.remaining > 0 {
                let skipped = self.remaining.min(chunk.len());
                self.remaining -= skipped;
                chunk = &chunk[skipped..];
                continue;
            }
            let taken = (PREFIX_LEN - self.prefix_len).min(chunk.len());
            self.prefix[self.prefix_len..self.prefix_len + taken].copy_from_slice(&chunk[..taken]);
            self.prefix_len += taken;
            chunk = &chunk[taken..];
            if self.prefix_len == PREFIX_LEN {
                self.prefix_len = 0;
                self.start_message()?;
            }
        }
        Ok(())
    }

    fn start_message(&mut self) -> Result<(), Status> {
        let length = u32::from_be_bytes([
            self.prefix[1],
            self.prefix[2],
            self.prefix[3],
            self.prefix[4],
        ]);
        let length = usize::try_from(length).unwrap_or(usize::MAX);
        self.messages += 1;
        if self.single_message && self.messages > 1 {
            return Err(Status::invalid_argument(
                "a unary call carries exactly one request message; this one sent more",
            ));
        }
        if length > self.limit {
            return Err(Status::resource_exhausted(format!(
                "request message of {length} bytes exceeds the limit of {} bytes",
                self.limit
            )));
        }
        self.remaining = length;
        Ok(())
    }
}

struct FrameGuard {
    inner: tonic::body::Body,
    frames: FrameCounter,
}

impl Body for FrameGuard {
    type Data = Bytes;
    type Error = Status;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Status>>> {
        let polled = Pin::new(&mut self.inner).poll_frame(cx);
        if let Poll::Ready(Some(Ok(frame))) = &polled
            && let Some(data) = frame.data_ref()
            && let Err(status) = self.frames.feed(data)
        {
            return Poll::Ready(Some(Err(status)));
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(length: u32) -> Vec<u8> {
        let mut bytes = vec![0];
        bytes.extend_from_slice(&length.to_be_bytes());
        bytes.resize(PREFIX_LEN + length as usize, 7);
        bytes
    }

    #[test]
    fn one_message_in_chunks_of_any_size_passes() {
        let body = message(300);
        for chunk_size in [1, 2, 5, 6, 299, 305] {
            let mut frames = FrameCounter::new(true, 1000);
            for chunk in body.chunks(chunk_size) {
                frames.feed(chunk).expect("one message");
            }
            assert_eq!(frames.messages, 1);
        }
    }

    #[test]
    fn a_second_message_on_a_unary_call_is_refused_and_allowed_on_a_stream() {
        let mut body = message(3);
        body.extend(message(0));
        body.extend(message(2));
        let status = FrameCounter::new(true, 1000)
            .feed(&body)
            .expect_err("second message");
        assert_eq!(status.code(), tonic::Code::InvalidArgument);
        let mut stream = FrameCounter::new(false, 1000);
        stream.feed(&body).expect("a request stream");
        assert_eq!(stream.messages, 3);
    }

    #[test]
    fn an_oversized_message_is_refused_on_its_prefix() {
        let prefix = &message(1001)[..PREFIX_LEN];
        let status = FrameCounter::new(true, 1000)
            .feed(prefix)
            .expect_err("oversized");
        assert_eq!(status.code(), tonic::Code::ResourceExhausted);
        assert!(FrameCounter::new(true, 1001).feed(prefix).is_ok());
    }

    #[test]
    fn only_reflection_streams_requests() {
        assert!(streams_requests(
            "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"
        ));
        assert!(!streams_requests("/guardian.v1.QueryService/GetHealth"));
        assert!(!streams_requests("/grpc.health.v1.Health/Watch"));
    }
}
