//! The in-memory object store: objects keyed by (resource, namespace, name), one
//! global monotonically increasing resourceVersion, a bounded history of changes
//! for resuming watches, and a broadcast of every change to open watch streams.
//! Every write goes through [`Store::modify`] under one lock, so metadata
//! stamping, history and broadcast stay in resourceVersion order.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use guardian_core::Clock;
use serde_json::Value;
use tokio::sync::broadcast;

use super::meta;
use super::resources::{ResId, Table};
use super::status::ApiStatus;

/// Kind of stored change, as named in watch events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ChangeType {
    Added,
    Modified,
    Deleted,
}

/// One committed change; `previous` lets a filtered watch turn a label change
/// into ADDED or DELETED for that watcher, as the real server does.
#[derive(Debug)]
pub(crate) struct Change {
    pub rv: u64,
    pub res: ResId,
    pub namespace: String,
    pub kind: ChangeType,
    pub object: Value,
    pub previous: Option<Value>,
}

/// What open watch streams receive.
#[derive(Debug, Clone)]
pub(crate) enum Signal {
    Change(Arc<Change>),
    /// History was dropped: every open watch must end with 410 Gone.
    Expire,
}

/// Object key; `namespace` is empty for cluster-scoped resources.
pub(crate) type Key = (ResId, String, String);

#[derive(Default)]
pub(crate) struct State {
    pub objects: BTreeMap<Key, Value>,
    pub rv: u64,
    uid_seq: u64,
    history: VecDeque<Arc<Change>>,
    /// Watches may resume from any version `>= compacted`.
    pub compacted: u64,
    pub logs: HashMap<(String, String, String), String>,
}

/// What a [`Store::modify`] closure decides.
pub(crate) enum Write {
    /// Store this object (create or update).
    Put(Value),
    /// Leave everything unchanged and answer with this object.
    Keep(Value),
}

pub(crate) struct Store {
    state: Mutex<State>,
    tx: broadcast::Sender<Signal>,
    pub table: Table,
    clock: Arc<dyn Clock>,
    history_limit: usize,
    /// Makes uids and generated names differ between server instances.
    seed: u64,
}

impl Store {
    pub(crate) fn new(table: Table, clock: Arc<dyn Clock>, history_limit: usize) -> Self {
        // Slow watchers that fall this far behind get 410 and relist.
        let (tx, _) = broadcast::channel(history_limit.max(64));
        Self {
            state: Mutex::new(State::default()),
            tx,
            table,
            clock,
            history_limit: history_limit.max(1),
            seed: meta::random_seed(),
        }
    }

    /// The lock is never held across an await or a panic-prone call, so a
    /// poisoned lock still holds consistent data.
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn subscribe(&self) -> broadcast::Receiver<Signal> {
        self.tx.subscribe()
    }

    pub(crate) fn now(&self) -> jiff::Timestamp {
        self.clock.now()
    }

    /// Looks up one object.
    pub(crate) fn get(&self, res: ResId, ns: &str, name: &str) -> Result<Value, ApiStatus> {
        let key = (res, ns.to_owned(), name.to_owned());
        self.lock()
            .objects
            .get(&key)
            .cloned()
            .ok_or_else(|| ApiStatus::not_found(&self.table.get(res).plural, name))
    }

    /// Atomic read-modify-write of one object. `f` sees the current object (if
    /// any) and decides; the store then stamps server-owned metadata, skips
    /// no-op writes, bumps the resourceVersion and notifies watchers.
    pub(crate) fn modify(
        &self,
        res: ResId,
        ns: &str,
        name: &str,
        f: impl FnOnce(Option<&Value>) -> Result<Write, ApiStatus>,
    ) -> Result<Value, ApiStatus> {
        let mut st = self.lock();
        let key = (res, ns.to_owned(), name.to_owned());
        let old = st.objects.get(&key).cloned();
        let next = match f(old.as_ref())? {
            Write::Keep(v) => return Ok(v),
            Write::Put(v) => v,
        };
        let resource = self.table.get(res);
        let mut next = meta::stamp(resource, ns, name, next, old.as_ref());
        if let Some(old) = &old
            && meta::same_content(old, &next)
        {
            return Ok(old.clone());
        }
        if old.is_none() {
            st.uid_seq += 1;
            let uid = meta::make_uid(self.seed, st.uid_seq);
            meta::stamp_new(&mut next, uid, self.now());
        }
        if meta::ready_to_remove(&next) {
            st.objects.remove(&key);
            let gone = self.commit(&mut st, key, ChangeType::Deleted, next, old);
            self.cascade(&mut st, &gone);
            return Ok(gone);
        }
        let kind = if old.is_some() {
            ChangeType::Modified
        } else {
            ChangeType::Added
        };
        Ok(self.commit(&mut st, key, kind, next, old))
    }

    /// Deletes one object: immediately, or by setting `deletionTimestamp` while
    /// finalizers remain. Dependents (by ownerReference uid) go too unless
    /// `orphan` is set.
    pub(crate) fn delete(
        &self,
        res: ResId,
        ns: &str,
        name: &str,
        precondition: impl FnOnce(&Value) -> Result<(), ApiStatus>,
        orphan: bool,
    ) -> Result<Value, ApiStatus> {
        let mut st = self.lock();
        let key = (res, ns.to_owned(), name.to_owned());
        let old = st
            .objects
            .get(&key)
            .cloned()
            .ok_or_else(|| ApiStatus::not_found(&self.table.get(res).plural, name))?;
        precondition(&old)?;
        let removed = self.remove_locked(&mut st, key.clone(), old);
        if !orphan && !st.objects.contains_key(&key) {
            self.cascade(&mut st, &removed);
        }
        Ok(removed)
    }

    fn remove_locked(&self, st: &mut State, key: Key, old: Value) -> Value {
        if meta::has_finalizers(&old) {
            if old.pointer("/metadata/deletionTimestamp").is_some() {
                return old;
            }
            let mut next = old.clone();
            meta::set_deletion_timestamp(&mut next, self.now());
            return self.commit(st, key, ChangeType::Modified, next, Some(old));
        }
        st.objects.remove(&key);
        self.commit(st, key, ChangeType::Deleted, old.clone(), Some(old))
    }

    /// Background garbage collection of objects owned by `owner`.
    fn cascade(&self, st: &mut State, owner: &Value) {
        let mut work: Vec<String> = meta::uid(owner).into_iter().collect();
        while let Some(uid) = work.pop() {
            let owned: Vec<Key> = st
                .objects
                .iter()
                .filter(|(_, v)| meta::owned_by(v, &uid))
                .map(|(k, _)| k.clone())
                .collect();
            for key in owned {
                if let Some(obj) = st.objects.get(&key).cloned() {
                    work.extend(meta::uid(&obj));
                    self.remove_locked(st, key, obj);
                }
            }
        }
    }

    /// Assigns the next resourceVersion, stores (unless deleted), records history
    /// and wakes watchers.
    fn commit(
        &self,
        st: &mut State,
        key: Key,
        kind: ChangeType,
        mut obj: Value,
        prev: Option<Value>,
    ) -> Value {
        st.rv += 1;
        meta::set_resource_version(&mut obj, st.rv);
        if kind != ChangeType::Deleted {
            st.objects.insert(key.clone(), obj.clone());
        }
        let change = Arc::new(Change {
            rv: st.rv,
            res: key.0,
            namespace: key.1,
            kind,
            object: obj.clone(),
            previous: prev,
        });
        st.history.push_back(change.clone());
        while st.history.len() > self.history_limit {
            if let Some(dropped) = st.history.pop_front() {
                st.compacted = dropped.rv;
            }
        }
        // No receivers is fine: nobody is watching.
        let _ = self.tx.send(Signal::Change(change));
        obj
    }

    /// Changes after `rv`, or `Err(compacted)` when they are no longer retained.
    pub(crate) fn history_after(st: &State, rv: u64) -> Result<Vec<Arc<Change>>, u64> {
        if rv < st.compacted {
            return Err(st.compacted);
        }
        Ok(st.history.iter().filter(|c| c.rv > rv).cloned().collect())
    }

    /// Drops all history and ends every open watch with 410 Gone.
    pub(crate) fn expire(&self) {
        let mut st = self.lock();
        st.history.clear();
        st.compacted = st.rv;
        let _ = self.tx.send(Signal::Expire);
    }

    /// A fresh uid, for set-up code that must know it before creating.
    pub(crate) fn new_uid(&self) -> String {
        let mut st = self.lock();
        st.uid_seq += 1;
        meta::make_uid(self.seed, st.uid_seq)
    }

    /// A fresh `generateName` suffix.
    pub(crate) fn name_suffix(&self) -> String {
        let mut st = self.lock();
        st.uid_seq += 1;
        meta::name_suffix(self.seed, st.uid_seq)
    }

    /// The latest assigned resourceVersion.
    pub(crate) fn resource_version(&self) -> u64 {
        self.lock().rv
    }
}
