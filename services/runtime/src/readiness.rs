//! One readiness flag behind both `/readyz` and `grpc.health.v1.Health`, so the
//! two probes can never disagree. Damped: ready → not ready only after several
//! consecutive failed checks, so a single slow database ping does not flap pods.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use tonic_health::ServingStatus;
use tonic_health::server::HealthReporter;

/// Consecutive failed checks before a ready process reports not ready.
const FAILURES_BEFORE_NOT_READY: u32 = 3;

#[derive(Clone)]
pub struct Readiness {
    inner: Arc<Inner>,
}

struct Inner {
    ready: AtomicBool,
    failures: AtomicU32,
    reporter: HealthReporter,
    /// Fully qualified gRPC service names this process serves (plus "").
    services: Vec<String>,
}

impl Readiness {
    /// Starts NOT ready: listeners and the database must be up first.
    pub fn new(reporter: HealthReporter, services: &[&str]) -> Self {
        let mut names: Vec<String> = services.iter().map(|name| (*name).to_owned()).collect();
        names.push(String::new());
        Self {
            inner: Arc::new(Inner {
                ready: AtomicBool::new(false),
                failures: AtomicU32::new(0),
                reporter,
                services: names,
            }),
        }
    }

    pub fn is_ready(&self) -> bool {
        self.inner.ready.load(Ordering::Acquire)
    }

    /// Records one readiness check; returns the resulting state.
    pub async fn observe(&self, check_passed: bool) -> bool {
        if check_passed {
            self.inner.failures.store(0, Ordering::Release);
            self.set(true).await;
            return true;
        }
        let failures = self.inner.failures.fetch_add(1, Ordering::AcqRel) + 1;
        if !self.is_ready() || failures >= FAILURES_BEFORE_NOT_READY {
            self.set(false).await;
            return false;
        }
        true
    }

    /// Forces not ready at once (shutdown: stop taking new work).
    pub async fn shut_down(&self) {
        self.set(false).await;
    }

    async fn set(&self, ready: bool) {
        let was = self.inner.ready.swap(ready, Ordering::AcqRel);
        if was == ready {
            return;
        }
        let status = if ready {
            ServingStatus::Serving
        } else {
            ServingStatus::NotServing
        };
        for service in &self.inner.services {
            self.inner
                .reporter
                .set_service_status(service, status)
                .await;
        }
        tracing::info!(ready, "readiness changed");
    }
}
