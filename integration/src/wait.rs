//! Waiting on conditions instead of sleeping: poll until true, fail with the
//! description after a generous deadline (a failure guard, not a timing check).

use std::future::Future;
use std::time::Duration;

const POLL: Duration = Duration::from_millis(50);

/// Polls `check` until it returns `Some`, or fails after `deadline`.
pub async fn wait_until<T, F, Fut>(
    what: &str,
    deadline: Duration,
    mut check: F,
) -> anyhow::Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let started = tokio::time::Instant::now();
    loop {
        if let Some(value) = check().await {
            return Ok(value);
        }
        if started.elapsed() > deadline {
            anyhow::bail!("timed out after {deadline:?} waiting for {what}");
        }
        tokio::time::sleep(POLL).await;
    }
}
