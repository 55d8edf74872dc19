//! The controller's test-only pause point before fenced commits, driven from a
//! test: arm it, wait until a leader holds an open write there, release it.

use std::path::PathBuf;
use std::time::Duration;

use tempfile::TempDir;

use crate::wait_until;

/// The variable naming the gate file (read by the controller's writer).
pub const VARIABLE: &str = "GUARDIAN_TEST_PAUSE_BEFORE_COMMIT";

pub struct PauseGate {
    dir: TempDir,
}

impl PauseGate {
    pub fn new() -> anyhow::Result<PauseGate> {
        Ok(PauseGate {
            dir: tempfile::tempdir()?,
        })
    }

    /// The environment entry that gives a controller this pause point.
    pub fn env(&self) -> (String, String) {
        (VARIABLE.into(), self.gate().display().to_string())
    }

    /// From now on, a writer stops before its next COMMIT.
    pub fn arm(&self) -> anyhow::Result<()> {
        std::fs::write(self.gate(), b"")?;
        Ok(())
    }

    /// Waits until a writer holds an open transaction at the pause point.
    pub async fn reached(&self, deadline: Duration) -> anyhow::Result<()> {
        let reached = self.reached_marker();
        wait_until("a writer at the pause point", deadline, || async {
            reached.exists().then_some(())
        })
        .await
    }

    /// Lets held writers go on, and stops no one after.
    pub fn release(&self) -> anyhow::Result<()> {
        for file in [self.gate(), self.reached_marker()] {
            match std::fs::remove_file(file) {
                Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                    return Err(error.into());
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn gate(&self) -> PathBuf {
        self.dir.path().join("pause")
    }

    fn reached_marker(&self) -> PathBuf {
        self.dir.path().join("pause.reached")
    }
}
