//! The guardian.v1 API contract: generated prost/tonic code, canonical-JSON serde
//! impls, the descriptor set, domain ↔ proto conversions and error codes.
//!
//! ```text
//!  proto/guardian/v1/*.proto ──(examples/gen.rs)──► src/gen/  (checked in)
//!          guardian-core model ◄──── convert / input ────► v1 messages
//!             crate errors ───► ErrorCode ───► tonic::Status / problem+json
//! ```

pub mod codec;
pub mod convert;
pub mod error;
pub mod input;
pub mod problem;

pub use error::{ERROR_CODE_METADATA, ErrorCode};
pub use input::InputError;
pub use problem::Problem;

/// Generated messages, serde impls, clients and servers of `guardian.v1`.
#[rustfmt::skip]
#[allow(
    clippy::all,
    clippy::pedantic,
    clippy::unwrap_used,
    rust_2018_idioms,
    unused_qualifications
)]
pub mod v1 {
    include!("gen/guardian.v1.rs");
    include!("gen/guardian.v1.serde.rs");
}

/// Title of the published OpenAPI document of the REST API.
pub const API_TITLE: &str = "CronJob Guardian API";
/// Version of the published OpenAPI document (the proto package version).
pub const API_VERSION: &str = "v1";
/// Description of the published OpenAPI document.
pub const API_DESCRIPTION: &str = "REST/JSON bridge of the guardian.v1 gRPC services, \
    generated from their google.api.http annotations. Errors are RFC 7807 problem documents.";

/// Encoded `FileDescriptorSet` of `proto/` (with imports and source info), for
/// gRPC reflection and the REST bridge, which reads its `google.api.http` rules.
pub const FILE_DESCRIPTOR_SET: &[u8] = include_bytes!("gen/descriptor.bin");
