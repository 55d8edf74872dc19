//! The guardian.v1 API contract: generated prost/tonic code, canonical-JSON serde
//! impls, the descriptor set, domain ↔ proto conversions and error codes.
//!
//! ```text
//!  proto/guardian/v1/*.proto ──(examples/gen.rs)──► src/gen/  (checked in)
//!          guardian-core model ◄──── convert / input ────► v1 messages
//!             crate errors ───► ErrorCode ───► tonic::Status / problem+json
//! ```

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

/// Encoded `FileDescriptorSet` of `proto/` (with imports and source info), for
/// gRPC reflection and the REST bridge, which reads its `google.api.http` rules.
pub const FILE_DESCRIPTOR_SET: &[u8] = include_bytes!("gen/descriptor.bin");
