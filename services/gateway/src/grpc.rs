//! In-process gRPC: frames a request message, sends it through the tonic
//! service as a real gRPC request (`application/grpc`, 5-byte length prefix,
//! `te: trailers`), and reads reply messages and the final status back.
//!
//! ```text
//!  DynamicMessage ─encode─► [0][len:u32 BE][bytes] ─► tonic service ─► frames … trailers(grpc-status)
//! ```

use std::pin::Pin;

use bytes::{Buf, Bytes, BytesMut};
use futures::Stream;
use http::{HeaderMap, HeaderValue, header};
use http_body_util::{BodyExt, Full};
use prost::Message;
use prost_reflect::DynamicMessage;
use tonic::{Code, Status};
use tower::ServiceExt;
use tower::util::BoxCloneSyncService;

/// Boxed error of the wrapped service.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// The gRPC service the gateway forwards to, boxed once at build time.
pub(crate) type GrpcService = BoxCloneSyncService<
    http::Request<tonic::body::Body>,
    http::Response<tonic::body::Body>,
    BoxError,
>;

/// Reply messages (undecoded) ending in `Err` when the status is not OK.
pub(crate) type MessageStream = Pin<Box<dyn Stream<Item = Result<Bytes, Status>> + Send>>;

/// HTTP headers passed on as gRPC metadata: trace context, credentials, request id.
const FORWARDED_HEADERS: [&str; 5] = [
    "traceparent",
    "tracestate",
    "baggage",
    "authorization",
    "x-request-id",
];
/// Largest reply message accepted (tonic's own decode limit is 4 MiB).
const MAX_MESSAGE_BYTES: usize = 16 * 1024 * 1024;
const FRAME_HEADER_BYTES: usize = 5;

/// Builds the gRPC request for `grpc_path` (`/package.Service/Method`).
pub(crate) fn request(
    grpc_path: &str,
    message: &DynamicMessage,
    http_headers: &HeaderMap,
) -> http::Request<tonic::body::Body> {
    let encoded = message.encode_to_vec();
    let mut framed = BytesMut::with_capacity(FRAME_HEADER_BYTES + encoded.len());
    framed.extend_from_slice(&[0]);
    let length = u32::try_from(encoded.len()).unwrap_or(u32::MAX);
    framed.extend_from_slice(&length.to_be_bytes());
    framed.extend_from_slice(&encoded);

    let mut request = http::Request::new(tonic::body::Body::new(Full::new(framed.freeze())));
    *request.method_mut() = http::Method::POST;
    *request.version_mut() = http::Version::HTTP_2;
    if let Ok(uri) = grpc_path.parse() {
        *request.uri_mut() = uri;
    }
    let headers = request.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/grpc"),
    );
    headers.insert(header::TE, HeaderValue::from_static("trailers"));
    for name in FORWARDED_HEADERS {
        if let Some(value) = http_headers.get(name) {
            headers.insert(name, value.clone());
        }
    }
    request
}

/// Sends the request and returns the reply messages; an error status that comes
/// before any message (a "trailers-only" reply) is returned as `Err`.
pub(crate) async fn call(
    service: GrpcService,
    request: http::Request<tonic::body::Body>,
) -> Result<MessageStream, Status> {
    let response = service
        .oneshot(request)
        .await
        .map_err(|error| Status::unavailable(format!("gRPC service failed: {error}")))?;
    if response.status() != http::StatusCode::OK {
        return Err(Status::unknown(format!(
            "gRPC reply had HTTP status {}",
            response.status()
        )));
    }
    if let Some(status) = Status::from_header_map(response.headers())
        && status.code() != Code::Ok
    {
        return Err(status);
    }
    let reader = FrameReader {
        body: response.into_body(),
        buffer: BytesMut::new(),
        done: false,
    };
    Ok(Box::pin(futures::stream::unfold(
        reader,
        |mut reader| async move { reader.next_message().await.map(|item| (item, reader)) },
    )))
}

/// Reads exactly one message, as a unary reply must have.
pub(crate) async fn single(mut messages: MessageStream) -> Result<Bytes, Status> {
    use futures::StreamExt;
    let message = match messages.next().await {
        Some(Ok(message)) => message,
        Some(Err(status)) => return Err(status),
        None => return Err(Status::internal("unary reply carried no message")),
    };
    match messages.next().await {
        None => Ok(message),
        Some(Err(status)) => Err(status),
        Some(Ok(_)) => Err(Status::internal(
            "unary reply carried more than one message",
        )),
    }
}

struct FrameReader {
    body: tonic::body::Body,
    buffer: BytesMut,
    done: bool,
}

impl FrameReader {
    async fn next_message(&mut self) -> Option<Result<Bytes, Status>> {
        while !self.done {
            match split_frame(&mut self.buffer) {
                Ok(Some(message)) => return Some(Ok(message)),
                Ok(None) => {}
                Err(status) => return self.finish(Err(status)),
            }
            let frame = match self.body.frame().await {
                Some(Ok(frame)) => frame,
                Some(Err(status)) => return self.finish(Err(status)),
                None => {
                    return self.finish(Err(Status::internal("gRPC reply ended without a status")));
                }
            };
            let trailers = match frame.into_data() {
                Ok(data) => {
                    self.buffer.extend_from_slice(&data);
                    continue;
                }
                Err(frame) => frame.into_trailers(),
            };
            let Ok(trailers) = trailers else { continue };
            return match Status::from_header_map(&trailers) {
                Some(status) if status.code() != Code::Ok => self.finish(Err(status)),
                Some(_) if self.buffer.is_empty() => self.finish_ok(),
                Some(_) => self.finish(Err(Status::internal("gRPC reply ended inside a message"))),
                None => self.finish(Err(Status::internal("gRPC trailers lack grpc-status"))),
            };
        }
        None
    }

    fn finish(&mut self, item: Result<Bytes, Status>) -> Option<Result<Bytes, Status>> {
        self.done = true;
        Some(item)
    }

    fn finish_ok(&mut self) -> Option<Result<Bytes, Status>> {
        self.done = true;
        None
    }
}

/// Takes one complete message off the front of `buffer`, if there is one.
fn split_frame(buffer: &mut BytesMut) -> Result<Option<Bytes>, Status> {
    if buffer.len() < FRAME_HEADER_BYTES {
        return Ok(None);
    }
    if buffer[0] != 0 {
        // The gateway never offers grpc-accept-encoding, so a compressed frame is a protocol error.
        return Err(Status::internal(
            "gRPC reply is compressed although no encoding was offered",
        ));
    }
    let length_bytes = [buffer[1], buffer[2], buffer[3], buffer[4]];
    let length = usize::try_from(u32::from_be_bytes(length_bytes)).unwrap_or(usize::MAX);
    if length > MAX_MESSAGE_BYTES {
        return Err(Status::resource_exhausted(format!(
            "gRPC reply message of {length} bytes exceeds {MAX_MESSAGE_BYTES}"
        )));
    }
    if buffer.len() < FRAME_HEADER_BYTES + length {
        return Ok(None);
    }
    buffer.advance(FRAME_HEADER_BYTES);
    Ok(Some(buffer.split_to(length).freeze()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_are_split_only_when_complete() {
        let mut buffer = BytesMut::from(&[0u8, 0, 0, 0, 3, b'a', b'b'][..]);
        let next = |buffer: &mut BytesMut| split_frame(buffer).map_err(|s| s.code());
        assert_eq!(next(&mut buffer), Ok(None));
        buffer.extend_from_slice(&[b'c', 0, 0, 0, 0, 0]);
        assert_eq!(next(&mut buffer), Ok(Some(Bytes::from_static(b"abc"))));
        assert_eq!(next(&mut buffer), Ok(Some(Bytes::new())));
        assert!(buffer.is_empty());
    }

    #[test]
    fn compressed_or_oversized_frames_are_refused() {
        let mut compressed = BytesMut::from(&[1u8, 0, 0, 0, 0][..]);
        assert_eq!(
            split_frame(&mut compressed).map_err(|s| s.code()),
            Err(Code::Internal)
        );
        let mut huge = BytesMut::from(&[0u8, 0xff, 0xff, 0xff, 0xff][..]);
        assert_eq!(
            split_frame(&mut huge).map_err(|s| s.code()),
            Err(Code::ResourceExhausted)
        );
    }
}
