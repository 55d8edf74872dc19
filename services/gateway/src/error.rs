//! Why a gateway could not be built from a descriptor set. Request-time
//! failures are never errors of this type: they become problem+json replies.

/// A descriptor set or an http rule the gateway cannot serve.
#[derive(Debug, thiserror::Error)]
pub enum GatewayError {
    #[error("descriptor set does not decode: {0}")]
    Descriptor(#[from] prost_reflect::DescriptorError),

    #[error(
        "descriptor set lacks the google.api.http extension (import google/api/annotations.proto)"
    )]
    NoHttpExtension,

    #[error("service {0} is not in the descriptor set")]
    UnknownService(String),

    #[error("{rpc}: path template {template:?} {reason}")]
    Template {
        rpc: String,
        template: String,
        reason: String,
    },

    #[error("{rpc}: http rule has no method and path")]
    NoPattern { rpc: String },

    #[error("{rpc}: {role} {field:?} {reason}")]
    Field {
        rpc: String,
        role: &'static str,
        field: String,
        reason: String,
    },

    #[error("{rpc}: HTTP method {method} cannot be routed")]
    UnsupportedMethod { rpc: String, method: String },

    #[error("{rpc}: client-streaming RPCs cannot be served over REST")]
    ClientStreaming { rpc: String },

    #[error("{method} {template} is bound twice: by {first} and by {second}")]
    Conflict {
        method: String,
        template: String,
        first: String,
        second: String,
    },
}
