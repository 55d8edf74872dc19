//! grpc-gateway-style REST/JSON bridge driven by google.api.http annotations.
