//! [`Gateway`]: the route table of a descriptor set, turned into an axum
//! `Router` in front of any tonic service (normally `tonic::service::Routes`).

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::Router;
use axum::body::HttpBody;
use axum::routing::{MethodFilter, MethodRouter, get};
use bytes::Bytes;
use http::{HeaderValue, header};
use prost_reflect::DescriptorPool;
use tower::util::BoxCloneSyncService;
use tower::{Service, ServiceBuilder};

use crate::GatewayError;
use crate::binding::{Binding, read_bindings};
use crate::grpc::BoxError;
use crate::handler::{Route, handle};
use crate::openapi::{self, OpenApiInfo};
use crate::render::serialize_options;

/// REST routes generated from the `google.api.http` rules of a descriptor set.
#[derive(Debug, Clone)]
pub struct Gateway {
    pool: DescriptorPool,
    bindings: Vec<Binding>,
    stringify_64_bit_integers: bool,
}

impl Gateway {
    /// Reads the rules of every service in the encoded `FileDescriptorSet`.
    pub fn new(descriptor_set: &[u8]) -> Result<Gateway, GatewayError> {
        Gateway::for_services(descriptor_set, &[])
    }

    /// Reads the rules of the named services (`guardian.v1.QueryService`) only;
    /// an empty list means every service.
    pub fn for_services(descriptor_set: &[u8], services: &[&str]) -> Result<Gateway, GatewayError> {
        let pool = DescriptorPool::decode(descriptor_set)?;
        let bindings = read_bindings(&pool, services)?;
        Ok(Gateway {
            pool,
            bindings,
            stringify_64_bit_integers: false,
        })
    }

    /// Writes 64-bit integers as JSON strings (strict proto3 JSON) instead of
    /// numbers. Off by default: the existing operator's clients read numbers.
    pub fn stringify_64_bit_integers(mut self, enabled: bool) -> Gateway {
        self.stringify_64_bit_integers = enabled;
        self
    }

    /// The route table, in descriptor order.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The descriptor pool the routes were read from.
    pub fn pool(&self) -> &DescriptorPool {
        &self.pool
    }

    /// An OpenAPI 3 document describing the routes.
    pub fn openapi(&self, info: &OpenApiInfo) -> serde_json::Value {
        openapi::document(&self.bindings, info, self.stringify_64_bit_integers)
    }

    /// A router serving [`Gateway::openapi`] as JSON at `path`.
    pub fn openapi_router(&self, path: &str, info: &OpenApiInfo) -> Router {
        let document = self.openapi(info).to_string();
        let content_type = [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )];
        Router::new().route(path, get(move || async move { (content_type, document) }))
    }

    /// Builds the REST router in front of `grpc`, which receives real gRPC
    /// requests in-process (no network hop).
    pub fn router<S, B>(&self, grpc: S) -> Router
    where
        S: Service<http::Request<tonic::body::Body>, Response = http::Response<B>>
            + Clone
            + Send
            + Sync
            + 'static,
        S::Future: Send + 'static,
        S::Error: Into<BoxError>,
        B: HttpBody<Data = Bytes> + Send + 'static,
        B::Error: Into<BoxError>,
    {
        let service = BoxCloneSyncService::new(
            ServiceBuilder::new()
                .map_err(Into::into)
                .map_response(|response: http::Response<B>| response.map(tonic::body::Body::new))
                .service(grpc),
        );
        let options = serialize_options(self.stringify_64_bit_integers);
        let mut routes: BTreeMap<&str, MethodRouter> = BTreeMap::new();
        for binding in &self.bindings {
            let route = Arc::new(Route {
                binding: binding.clone(),
                grpc_path: format!(
                    "/{}/{}",
                    binding.method.parent_service().full_name(),
                    binding.method.name()
                ),
                service: service.clone(),
                options: options.clone(),
            });
            let filter = MethodFilter::try_from(binding.http_method.clone())
                .expect("bindings only hold methods checked to convert to a MethodFilter");
            let handler =
                move |params, query, request| handle(Arc::clone(&route), params, query, request);
            let path = binding.path.axum_path.as_str();
            let method_router = routes.remove(path).unwrap_or_default().on(filter, handler);
            routes.insert(path, method_router);
        }
        routes
            .into_iter()
            .fold(Router::new(), |router, (path, method_router)| {
                router.route(path, method_router)
            })
    }
}
