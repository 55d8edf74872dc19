//! The CRDs: example manifests of both kinds decode unchanged, defaults agree between serde
//! and the schema, specs convert into the core's settings (or typed errors), the schemas are
//! structural and validate the examples, and the checked-in CRD copies are current.
//!
//! Schema validation uses the `jsonschema` crate (draft 4, the base of OpenAPI v3 schemas).

#[path = "crd/convert.rs"]
mod convert;
#[path = "crd/defaults.rs"]
mod defaults;
#[path = "crd/examples.rs"]
mod examples;
#[path = "crd/schema.rs"]
mod schema;
#[path = "crd/support.rs"]
mod support;
