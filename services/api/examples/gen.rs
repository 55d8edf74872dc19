//! Regenerates the checked-in code under `services/api/src/gen/` from `proto/`.
//!
//! Run `cargo run -p guardian-api --example gen`. Normal builds compile no codegen;
//! CI runs this and fails on `git diff --exit-code services/api/src/gen`, so the
//! output must depend on nothing but the .proto files (sorted inputs, no timestamps).

use std::fs;
use std::path::{Path, PathBuf};

use prost::Message;

type BoxError = Box<dyn std::error::Error>;

fn main() -> Result<(), BoxError> {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let proto_root = manifest_dir.join("../../proto");
    let gen_dir = manifest_dir.join("src/gen");

    let proto_files = guardian_proto_files(&proto_root)?;
    let mut compiler = protox::Compiler::new([&proto_root])?;
    compiler.include_imports(true).include_source_info(true);
    compiler.open_files(&proto_files)?;
    // The encoded set keeps custom options (google.api.http) for the REST bridge.
    let descriptor_bytes = compiler.encode_file_descriptor_set();
    let descriptor_set = prost_types::FileDescriptorSet::decode(descriptor_bytes.as_slice())?;

    if gen_dir.exists() {
        fs::remove_dir_all(&gen_dir)?;
    }
    fs::create_dir_all(&gen_dir)?;
    fs::write(gen_dir.join("descriptor.bin"), &descriptor_bytes)?;

    tonic_prost_build::configure()
        .out_dir(&gen_dir)
        .build_client(true)
        .build_server(true)
        // Parse errors of requests are INVALID_ARGUMENT, not prost's INTERNAL.
        .codec_path("crate::codec::GuardianCodec")
        .compile_well_known_types(true)
        .extern_path(".google.protobuf", "::pbjson_types")
        .compile_fds(only_guardian_files(descriptor_set))?;

    pbjson_build::Builder::new()
        .register_descriptors(&descriptor_bytes)?
        .out_dir(&gen_dir)
        .ignore_unknown_fields()
        .build(&[".guardian.v1"])?;

    println!("wrote {}", gen_dir.display());
    Ok(())
}

/// Returns the guardian .proto files relative to `proto_root`, sorted for stable output.
fn guardian_proto_files(proto_root: &Path) -> Result<Vec<String>, BoxError> {
    let mut files = Vec::new();
    for entry in fs::read_dir(proto_root.join("guardian/v1"))? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.ends_with(".proto") {
            files.push(format!("guardian/v1/{name}"));
        }
    }
    files.sort();
    Ok(files)
}

/// Drops google.api from Rust codegen: the REST bridge reads those options dynamically.
/// google.protobuf stays in the set (prost resolves field types through it) but maps
/// onto pbjson-types through `extern_path`.
fn only_guardian_files(
    mut descriptor_set: prost_types::FileDescriptorSet,
) -> prost_types::FileDescriptorSet {
    descriptor_set
        .file
        .retain(|file| file.package() != "google.api");
    descriptor_set
}
