//! Small synchronous indexes fed by watch events (`apply`, `delete`, relist), after
//! linkerd / kubert `IndexNamespacedResource`. A relist (the watcher's `Init` …
//! `InitApply` … `InitDone`, e.g. after `410 Gone`) is scoped to the namespace its
//! stream covers: objects of that scope not listed again are removed when it ends.
//!
//! Views are held encoded, one allocation per object ([`codec`], [`compact`], [`fields`]), and
//! decoded when read: at 100k Jobs and 100k Pods the plain structs in a `BTreeMap`
//! took ~1 KiB per object, most of the controller's memory (issue 7).

mod codec;
mod compact;
pub(crate) mod fields;

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::hash::Hash;
use std::marker::PhantomData;
use std::ops::Bound;

use crate::pod::PodSummary;
use crate::view::ObjectKey;

/// The namespaces one watch stream covers: all (`None`) or a single one.
pub type Target = Option<String>;

/// Whether an object of `namespace` is covered by a stream on `target`.
pub fn covers(target: &Target, namespace: &str) -> bool {
    target.as_deref().is_none_or(|only| only == namespace)
}

/// A view an index can hold, and how it is stored there.
pub trait Indexed: Clone {
    type Key: Ord + Hash + Clone;
    fn index_key(&self) -> Self::Key;
    fn namespace(&self) -> &str;
    /// The key as entry bytes: the namespace, a 0 byte, the rest; ordered as `Key` is.
    fn key_bytes(key: &Self::Key) -> Vec<u8>;
    /// The view as one entry: its key bytes, then the fields the key does not hold.
    fn to_entry(&self) -> Box<[u8]>;
    /// The view back from an entry made by [`Indexed::to_entry`].
    fn from_entry(entry: &[u8]) -> Option<Self>;
}

/// Pods are keyed by namespace, then Job name, then Pod name, so a Job's Pods are one
/// range of the index.
pub type PodKey = (String, String, String);

/// One stored view, ordered (and looked up) by its key bytes alone.
#[derive(Debug, Clone)]
struct Entry(Box<[u8]>);

impl Entry {
    fn key(&self) -> &[u8] {
        codec::entry_key(&self.0)
    }

    fn view<V: Indexed>(&self) -> V {
        V::from_entry(&self.0).expect("an index entry decodes: the index encoded it")
    }
}

impl Borrow<[u8]> for Entry {
    fn borrow(&self) -> &[u8] {
        self.key()
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Entry {}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key().cmp(other.key())
    }
}

/// Views by key, plus the keys seen by each relist in progress.
#[derive(Debug, Clone)]
pub struct Index<V: Indexed> {
    entries: BTreeSet<Entry>,
    relisting: HashMap<Target, HashSet<Box<[u8]>>>,
    views: PhantomData<fn() -> V>,
}

impl<V: Indexed> Default for Index<V> {
    fn default() -> Self {
        Self {
            entries: BTreeSet::new(),
            relisting: HashMap::new(),
            views: PhantomData,
        }
    }
}

impl<V: Indexed> Index<V> {
    /// Adds or replaces a view; returns the one it replaced.
    pub fn apply(&mut self, value: V) -> Option<V> {
        let entry = Entry(value.to_entry());
        self.entries.replace(entry).map(|old| old.view())
    }

    /// Removes a view; returns it if it was there.
    pub fn delete(&mut self, key: &V::Key) -> Option<V> {
        let key = V::key_bytes(key);
        self.entries.take(key.as_slice()).map(|old| old.view())
    }

    /// A relist of `target` starts: remember what it lists from now on.
    pub fn begin_relist(&mut self, target: &Target) {
        self.relisting.insert(target.clone(), HashSet::new());
    }

    /// A view listed by the relist of `target`: applied at once, and remembered.
    pub fn relist_apply(&mut self, target: &Target, value: V) -> Option<V> {
        let entry = Entry(value.to_entry());
        if let Some(seen) = self.relisting.get_mut(target) {
            seen.insert(entry.key().into());
        }
        self.entries.replace(entry).map(|old| old.view())
    }

    /// The relist of `target` is complete: views of its scope it did not list are gone.
    /// Returns them. Without a relist in progress nothing is removed.
    pub fn finish_relist(&mut self, target: &Target) -> Vec<V> {
        let Some(seen) = self.relisting.remove(target) else {
            return Vec::new();
        };
        let scope = target.as_deref().map(str::as_bytes);
        let gone = |entry: &Entry| {
            let key = entry.key();
            scope.is_none_or(|only| codec::key_namespace(key) == only) && !seen.contains(key)
        };
        self.entries
            .extract_if(.., gone)
            .map(|old| old.view())
            .collect()
    }

    pub fn get(&self, key: &V::Key) -> Option<V> {
        let key = V::key_bytes(key);
        self.entries.get(key.as_slice()).map(Entry::view)
    }

    /// Every view, in key order.
    pub fn values(&self) -> impl Iterator<Item = V> + '_ {
        self.entries.iter().map(Entry::view)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl Index<PodSummary> {
    /// The Pods indexed under the Job `job` (by the Job name they carry).
    pub fn pods_of_job(&self, job: &ObjectKey) -> Vec<PodSummary> {
        let mut prefix = codec::key_bytes(&[&job.namespace, &job.name]);
        prefix.push(0);
        let from: (Bound<&[u8]>, Bound<&[u8]>) = (Bound::Included(&prefix), Bound::Unbounded);
        self.entries
            .range::<[u8], _>(from)
            .take_while(|entry| entry.key().starts_with(&prefix))
            .map(Entry::view)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{CRONJOB_UID, cronjob, pod};
    use crate::view::CronJobView;

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
        let names: Vec<String> = index.values().map(|v| v.name).collect();
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
