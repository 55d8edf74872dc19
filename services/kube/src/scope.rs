//! What the cluster watch covers (all namespaces or a list, minus ignored ones) and how
//! much context it fetches for a failed run.

use std::time::Duration;

use crate::index::Target;

/// Namespaces ignored unless configured otherwise (`ignored-namespaces`).
pub const DEFAULT_IGNORED_NAMESPACES: [&str; 3] = ["kube-system", "kube-public", "kube-node-lease"];

/// Which namespaces are watched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchScope {
    /// Namespaces to watch, one watch each; empty means one watch over all namespaces.
    pub namespaces: Vec<String>,
    /// Namespaces whose objects are dropped, whatever `namespaces` says.
    pub ignored: Vec<String>,
}

impl Default for WatchScope {
    fn default() -> Self {
        Self {
            namespaces: Vec::new(),
            ignored: DEFAULT_IGNORED_NAMESPACES
                .iter()
                .map(|ns| (*ns).to_owned())
                .collect(),
        }
    }
}

impl WatchScope {
    /// All namespaces except the default ignored ones.
    pub fn cluster_wide() -> Self {
        Self::default()
    }

    /// Only these namespaces (still minus the default ignored ones).
    pub fn namespaces<I, S>(namespaces: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            namespaces: namespaces.into_iter().map(Into::into).collect(),
            ..Self::default()
        }
    }

    /// One watch stream per target: `[None]` for all namespaces, else one per namespace
    /// that is not ignored (duplicates removed).
    pub fn targets(&self) -> Vec<Target> {
        if self.namespaces.is_empty() {
            return vec![None];
        }
        let mut namespaces: Vec<&String> = self
            .namespaces
            .iter()
            .filter(|ns| !self.is_ignored(ns))
            .collect();
        namespaces.sort();
        namespaces.dedup();
        namespaces.into_iter().map(|ns| Some(ns.clone())).collect()
    }

    pub fn is_ignored(&self, namespace: &str) -> bool {
        self.ignored.iter().any(|ignored| ignored == namespace)
    }

    /// Whether objects of `namespace` are kept.
    pub fn watches(&self, namespace: &str) -> bool {
        !self.is_ignored(namespace)
            && (self.namespaces.is_empty() || self.namespaces.iter().any(|ns| ns == namespace))
    }
}

/// How much context is fetched for a failed run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchSettings {
    /// Lines of the failed container's log to fetch (the monitor's `logLines`, default 50).
    pub log_tail_lines: i64,
    /// Upper bound of the stored log excerpt, in bytes (the end of the log is kept).
    pub max_log_bytes: usize,
    /// Most recent events kept per run.
    pub max_events: usize,
    /// Bound on each API call made to fetch context.
    pub call_timeout: Duration,
    /// Failed runs whose context is fetched at the same time.
    pub max_concurrent_fetches: usize,
}

impl Default for WatchSettings {
    fn default() -> Self {
        Self {
            log_tail_lines: 50,
            max_log_bytes: 64 * 1024,
            max_events: 20,
            call_timeout: Duration::from_secs(10),
            max_concurrent_fetches: 4,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_scope_is_one_cluster_wide_watch_that_ignores_system_namespaces() {
        let scope = WatchScope::default();
        assert_eq!(scope.targets(), vec![None]);
        assert!(!scope.watches("kube-system"));
        assert!(!scope.watches("kube-node-lease"));
        assert!(scope.watches("ops"));
    }

    #[test]
    fn listed_namespaces_get_one_watch_each_and_ignored_ones_none() {
        let scope = WatchScope::namespaces(["team-b", "team-a", "kube-system", "team-a"]);
        assert_eq!(
            scope.targets(),
            vec![Some("team-a".to_owned()), Some("team-b".to_owned())]
        );
        assert!(scope.watches("team-a"));
        assert!(!scope.watches("ops"));
        assert!(!scope.watches("kube-system"));
    }
}
