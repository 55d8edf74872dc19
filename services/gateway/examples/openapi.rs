//! Writes the OpenAPI document of the guardian.v1 REST API to
//! `services/api/openapi.json` (checked in; `tests/openapi.rs` fails when it is stale).
//!
//! Run `cargo run -p guardian-gateway --example openapi`.

use std::path::PathBuf;

use guardian_gateway::{Gateway, OpenApiInfo};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let gateway = Gateway::new(guardian_api::FILE_DESCRIPTOR_SET)?;
    let info = OpenApiInfo {
        title: guardian_api::API_TITLE.to_owned(),
        version: guardian_api::API_VERSION.to_owned(),
        description: Some(guardian_api::API_DESCRIPTION.to_owned()),
    };
    let document = serde_json::to_string_pretty(&gateway.openapi(&info))?;
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../api/openapi.json");
    std::fs::write(&path, format!("{document}\n"))?;
    println!("wrote {}", path.display());
    Ok(())
}
