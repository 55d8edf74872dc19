//! grpc-gateway-style REST/JSON bridge driven by `google.api.http` annotations.
//!
//! ```text
//!  descriptor set ──► Gateway (route table, checked once)
//!                        │ router(tonic Routes)
//!  HTTP/JSON ──► axum route ──► DynamicMessage ──► gRPC frame ──► tonic service (in-process)
//!            ◄── JSON | SSE | problem+json ◄── decode + proto3 JSON ◄──┘
//! ```
//!
//! Nothing here is generated per API: routes, request parsing, JSON rendering
//! and the OpenAPI document all come from the descriptor set at start-up, so
//! the REST surface is exactly what the .proto files annotate.

mod binding;
mod error;
mod fields;
mod gateway;
mod grpc;
mod handler;
mod openapi;
mod render;
mod request;
mod template;

pub use binding::Binding;
pub use error::GatewayError;
pub use gateway::Gateway;
pub use grpc::BoxError;
pub use openapi::OpenApiInfo;
pub use render::fallback;
