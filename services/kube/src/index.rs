//! Small synchronous indexes fed by watch events (`apply`, `delete`, relist), after
//! linkerd / kubert `IndexNamespacedResource`. A relist (the watcher's `Init` …
//! `InitApply` … `InitDone`, e.g. after `410 Gone`) is scoped to the namespace its
//! stream covers: objects of that scope not listed again are removed when it ends.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::Hash;

use crate::pod::PodSummary;
use crate::view::{CronJobView, JobView, ObjectKey};

/// The namespaces one watch stream covers: all (`None`) or a single one.
pub type Target = Option<String>;

/// Whether an object of `namespace` is covered by a stream on `target`.
pub fn covers(target: &Target, namespace: &str) -> bool {
    target.as_deref().is_none_or(|only| only == namespace)
}

/// A view an index can hold.
pub trait Indexed: Clone {
    type Key: Ord + Hash + Clone;
    fn index_key(&self) -> Self::Key;
    fn namespace(&self) -> &str;
}

impl Indexed for CronJobView {
    type Key = ObjectKey;
    fn index_key(&self) -> ObjectKey {
        self.key()
    }
    fn namespace(&self) -> &str {
        &self.namespace
    }
}

impl Indexed for JobView {
    type Key = ObjectKey;
    fn index_key(&self) -> ObjectKey {
        self.key()
    }
    fn namespace(&self) -> &str {
        &self.namespace
    }
}

/// Pods are keyed by namespace, then Job name, then Pod name, so a Job's Pods are one
/// range of the index.
pub type PodKey = (String, String, String);

impl Indexed for PodSummary {
    type Key = PodKey;
    fn index_key(&self) -> PodKey {
        let job = self.job_name.clone().unwrap_or_default();
        (self.namespace.clone(), job, self.name.clone())
    }
    fn namespace(&self) -> &str {
        &self.namespace
    }
}

/// Views by key, plus the keys seen by each relist in progress.
#[derive(Debug, Clone)]
pub struct Index<V: Indexed> {
    items: BTreeMap<V::Key, V>,
    relisting: HashMap<Target, HashSet<V::Key>>,
}

impl<V: Indexed> Default for Index<V> {
    fn default() -> Self {
        Self {
            items: BTreeMap::new(),
            relisting: HashMap::new(),
        }
    }
}

impl<V: Indexed> Index<V> {
    /// Adds or replaces a view; returns the one it replaced.
    pub fn apply(&mut self, value: V) -> Option<V> {
        self.items.insert(value.index_key(), value)
    }

    /// Removes a view; returns it if it was there.
    pub fn delete(&mut self, key: &V::Key) -> Option<V> {
        self.items.remove(key)
    }

    /// A relist of `target` starts: remember what it lists from now on.
    pub fn begin_relist(&mut self, target: &Target) {
        self.relisting.insert(target.clone(), HashSet::new());
    }

    /// A view listed by the relist of `target`: applied at once, and remembered.
    pub fn relist_apply(&mut self, target: &Target, value: V) -> Option<V> {
        if let Some(seen) = self.relisting.get_mut(target) {
            seen.insert(value.index_key());
        }
        self.apply(value)
    }

    /// The relist of `target` is complete: views of its scope it did not list are gone.
    /// Returns them. Without a relist in progress nothing is removed.
    pub fn finish_relist(&mut self, target: &Target) -> Vec<V> {
        let Some(seen) = self.relisting.remove(target) else {
            return Vec::new();
        };
        let gone: Vec<V::Key> = self
            .items
            .iter()
            .filter(|(key, value)| covers(target, value.namespace()) && !seen.contains(*key))
            .map(|(key, _)| key.clone())
            .collect();
        gone.iter()
            .filter_map(|key| self.items.remove(key))
            .collect()
    }

    pub fn get(&self, key: &V::Key) -> Option<&V> {
        self.items.get(key)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.items.values()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl Index<PodSummary> {
    /// The Pods indexed under the Job `job` (by the Job name they carry).
    pub fn pods_of_job(&self, job: &ObjectKey) -> Vec<PodSummary> {
        let start = (job.namespace.clone(), job.name.clone(), String::new());
        self.items
            .range(start..)
            .take_while(|((namespace, job_name, _), _)| {
                *namespace == job.namespace && *job_name == job.name
            })
            .map(|(_, pod)| pod.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{CRONJOB_UID, cronjob, pod};

    fn view(name: &str) -> CronJobView {
        CronJobView::from_cronjob(&cronjob(name, CRONJOB_UID, "0 2 * * *"))
            .expect("fixture is complete")
    }

    fn in_namespace(name: &str, namespace: &str) -> CronJobView {
        CronJobView {
            namespace: namespace.to_owned(),
            ..view(name)
        }
    }

    #[test]
    fn relist_removes_objects_it_no_longer_lists() {
        let mut index = Index::default();
        index.apply(view("kept"));
        index.apply(view("gone"));
        index.begin_relist(&None);
        index.relist_apply(&None, view("kept"));
        index.relist_apply(&None, view("new"));
        let removed: Vec<String> = index
            .finish_relist(&None)
            .into_iter()
            .map(|v| v.name)
            .collect();
        assert_eq!(removed, vec!["gone".to_owned()]);
        let names: Vec<&str> = index.values().map(|v| v.name.as_str()).collect();
        assert_eq!(names, vec!["kept", "new"]);
    }

    #[test]
    fn relist_of_one_namespace_leaves_other_namespaces_alone() {
        let mut index = Index::default();
        index.apply(in_namespace("a", "team-a"));
        index.apply(in_namespace("b", "team-b"));
        let team_a = Some("team-a".to_owned());
        index.begin_relist(&team_a);
        let removed = index.finish_relist(&team_a);
        assert_eq!(removed.len(), 1);
        assert_eq!(removed[0].namespace, "team-a");
        assert_eq!(index.len(), 1);
    }

    #[test]
    fn finishing_without_a_relist_removes_nothing() {
        let mut index = Index::default();
        index.apply(view("kept"));
        assert!(index.finish_relist(&None).is_empty());
        assert_eq!(index.len(), 1);
    }

    #[test]
    fn pods_are_found_by_their_job() {
        let mut index = Index::default();
        let started = "2025-01-01T02:00:06Z";
        index.apply(pod("j1-a", "j1", "u1", started, serde_json::json!({})));
        index.apply(pod("j1-b", "j1", "u1", started, serde_json::json!({})));
        index.apply(pod("j10-a", "j10", "u10", started, serde_json::json!({})));
        let names: Vec<String> = index
            .pods_of_job(&ObjectKey::new("ops", "j1"))
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(names, vec!["j1-a".to_owned(), "j1-b".to_owned()]);
    }
}
