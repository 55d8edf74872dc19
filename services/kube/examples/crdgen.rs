//! Writes the CRD manifests to the checked-in copies (`deploy/crds/` and the Helm chart's
//! `crds/`), from the workspace root: `cargo run -p guardian-kube --example crdgen`.
//! `tests/crd.rs` fails while either copy differs from `guardian_kube::crd::manifests()`.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

/// The checked-in copies, relative to the workspace root.
const COPIES: [&str; 2] = [
    "deploy/crds/cronjob-guardian-crds.yaml",
    "charts/cronjob-guardian/crds/cronjob-guardian-crds.yaml",
];

fn main() -> anyhow::Result<()> {
    let manifests = guardian_kube::crd::manifests()?;
    let root = workspace_root();
    for copy in COPIES {
        let path = root.join(copy);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)
                .with_context(|| format!("cannot create {}", folder.display()))?;
        }
        std::fs::write(&path, &manifests)
            .with_context(|| format!("cannot write {}", path.display()))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

/// `services/kube/../..`: the workspace root, wherever cargo is run from.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}
