//! A keyed copy of one watched kind, fed by kube-runtime watcher events. A relist
//! (`Init` … `InitApply` … `InitDone`) is buffered and swapped in whole, so objects deleted
//! while the watch was down disappear, and the copy is never half a list.

use std::collections::BTreeMap;

use kube::runtime::watcher;

/// Objects of one kind by key, plus whether the first complete list has arrived.
#[derive(Debug)]
pub(crate) struct Mirror<K, V> {
    items: BTreeMap<K, V>,
    relisting: Option<BTreeMap<K, V>>,
    synced: bool,
}

impl<K: Ord + Clone, V> Default for Mirror<K, V> {
    fn default() -> Self {
        Self {
            items: BTreeMap::new(),
            relisting: None,
            synced: false,
        }
    }
}

impl<K: Ord + Clone, V> Mirror<K, V> {
    /// Applies one event; `decode` turns an object into its key and value (`None`: skip
    /// it), `key_of` finds the key of a deleted object. True when the copy changed.
    pub(crate) fn apply<T>(
        &mut self,
        event: watcher::Event<T>,
        decode: impl Fn(&T) -> Option<(K, V)>,
        key_of: impl Fn(&T) -> Option<K>,
    ) -> bool {
        match event {
            watcher::Event::Init => {
                self.relisting = Some(BTreeMap::new());
                false
            }
            watcher::Event::InitApply(object) => {
                if let Some((key, value)) = decode(&object) {
                    self.relisting
                        .get_or_insert_with(BTreeMap::new)
                        .insert(key, value);
                }
                false
            }
            watcher::Event::InitDone => {
                self.items = self.relisting.take().unwrap_or_default();
                self.synced = true;
                true
            }
            watcher::Event::Apply(object) => match decode(&object) {
                Some((key, value)) => {
                    self.items.insert(key, value);
                    true
                }
                None => false,
            },
            watcher::Event::Delete(object) => key_of(&object)
                .and_then(|key| self.items.remove(&key))
                .is_some(),
        }
    }

    /// True once a complete list has been seen.
    pub(crate) fn is_synced(&self) -> bool {
        self.synced
    }

    pub(crate) fn get(&self, key: &K) -> Option<&V> {
        self.items.get(key)
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.items.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Pair = (&'static str, u32);

    fn decode(pair: &Pair) -> Option<(String, u32)> {
        Some((pair.0.to_owned(), pair.1))
    }

    fn key(pair: &Pair) -> Option<String> {
        Some(pair.0.to_owned())
    }

    #[test]
    fn a_relist_replaces_the_copy_and_drops_objects_deleted_meanwhile() {
        let mut mirror: Mirror<String, u32> = Mirror::default();
        mirror.apply(watcher::Event::Apply(("a", 1)), decode, key);
        mirror.apply(watcher::Event::Apply(("b", 2)), decode, key);
        assert!(!mirror.is_synced());
        mirror.apply(watcher::Event::Init, decode, key);
        mirror.apply(watcher::Event::InitApply(("b", 3)), decode, key);
        assert_eq!(
            mirror.get(&"a".to_owned()),
            Some(&1),
            "old copy kept until InitDone"
        );
        assert!(mirror.apply(watcher::Event::InitDone, decode, key));
        assert!(mirror.is_synced());
        assert_eq!(mirror.get(&"a".to_owned()), None);
        assert_eq!(mirror.get(&"b".to_owned()), Some(&3));
        assert!(mirror.apply(watcher::Event::Delete(("b", 0)), decode, key));
        assert_eq!(mirror.iter().count(), 0);
    }
}
