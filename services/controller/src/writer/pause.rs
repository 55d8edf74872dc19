//! A test-only pause point inside the writer's open transaction, so that tests can
//! freeze a leader at the moment it holds the control row (issue: a frozen leader
//! mid-write). Off unless `GUARDIAN_TEST_PAUSE_BEFORE_COMMIT` names a file.
//!
//! While that file exists, each batch stops after its writes and before `COMMIT`,
//! creates `<file>.reached`, and waits until the file is removed.

use std::path::PathBuf;
use std::time::Duration;

const VARIABLE: &str = "GUARDIAN_TEST_PAUSE_BEFORE_COMMIT";
const POLL: Duration = Duration::from_millis(20);

#[derive(Debug, Clone)]
pub(super) struct PausePoint {
    gate: PathBuf,
}

impl PausePoint {
    /// The pause point named by the environment, if any.
    pub(super) fn from_env() -> Option<PausePoint> {
        let gate = std::env::var_os(VARIABLE)?;
        tracing::warn!(?gate, "test pause point before fenced commits is armed");
        Some(PausePoint { gate: gate.into() })
    }

    /// Waits here while the gate file exists.
    pub(super) async fn hold(&self) {
        if !self.gate.exists() {
            return;
        }
        let mut reached = self.gate.clone().into_os_string();
        reached.push(".reached");
        if let Err(error) = std::fs::write(&reached, b"") {
            tracing::warn!(%error, "cannot mark the pause point as reached");
        }
        while self.gate.exists() {
            tokio::time::sleep(POLL).await;
        }
    }
}
