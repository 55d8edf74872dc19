//! Direct state manipulation for tests and scripted sandboxes: write, read
//! and delete objects without HTTP (bypassing subresource rules so set-up can
//! set status), set pod logs, and force watch expiry. Watchers still see
//! every change as a normal event.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{KubeApi, KubeApiError, ops};

impl KubeApi {
    /// Finds the resource and key of a JSON object from its apiVersion, kind
    /// and metadata (namespace defaults to `default`).
    fn locate(&self, obj: &Value) -> Result<(usize, String, String), KubeApiError> {
        let api_version = obj["apiVersion"].as_str().unwrap_or_default();
        let kind = obj["kind"].as_str().unwrap_or_default();
        let res = self.resource(api_version, kind)?;
        let name = obj.pointer("/metadata/name").and_then(Value::as_str);
        let name = name.ok_or(KubeApiError::Missing("metadata.name"))?;
        let ns = self.namespace_for(
            res,
            obj.pointer("/metadata/namespace").and_then(Value::as_str),
        );
        Ok((res, ns, name.to_owned()))
    }

    fn resource(&self, api_version: &str, kind: &str) -> Result<usize, KubeApiError> {
        self.store
            .table
            .by_kind(api_version, kind)
            .ok_or_else(|| KubeApiError::UnknownKind(format!("{api_version} {kind}")))
    }

    fn namespace_for(&self, res: usize, ns: Option<&str>) -> String {
        match (self.store.table.get(res).namespaced, ns) {
            (false, _) => String::new(),
            (true, Some(ns)) if !ns.is_empty() => ns.to_owned(),
            (true, _) => "default".to_owned(),
        }
    }

    /// Creates the object, or merges it onto the stored one — status included,
    /// no preconditions. Watchers see ADDED or MODIFIED as for any write.
    pub fn apply(&self, obj: Value) -> Result<Value, KubeApiError> {
        let (res, ns, name) = self.locate(&obj)?;
        Ok(ops::upsert(&self.store, res, &ns, &name, obj)?)
    }

    /// [`KubeApi::apply`] for a typed object (k8s-openapi types carry their
    /// apiVersion and kind when serialized).
    pub fn apply_obj<K: Serialize + DeserializeOwned + k8s_openapi::Resource>(
        &self,
        obj: &K,
    ) -> Result<K, KubeApiError> {
        let mut v = serde_json::to_value(obj).map_err(|source| KubeApiError::Decode {
            kind: K::KIND,
            source,
        })?;
        v["apiVersion"] = Value::from(K::API_VERSION);
        v["kind"] = Value::from(K::KIND);
        decode(self.apply(v)?)
    }

    /// The stored object, if any.
    pub fn get(
        &self,
        api_version: &str,
        kind: &str,
        ns: &str,
        name: &str,
    ) -> Result<Option<Value>, KubeApiError> {
        let res = self.resource(api_version, kind)?;
        let ns = self.namespace_for(res, Some(ns));
        match self.store.get(res, &ns, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.code == 404 => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// The stored object decoded as `K`, if any.
    pub fn get_obj<K: DeserializeOwned + k8s_openapi::Resource>(
        &self,
        ns: &str,
        name: &str,
    ) -> Result<Option<K>, KubeApiError> {
        self.get(K::API_VERSION, K::KIND, ns, name)?
            .map(decode)
            .transpose()
    }

    /// Deletes like a default `DELETE` (finalizers honoured, dependents
    /// garbage-collected); 404 as [`KubeApiError::Api`] when missing.
    pub fn delete(
        &self,
        api_version: &str,
        kind: &str,
        ns: &str,
        name: &str,
    ) -> Result<Value, KubeApiError> {
        let res = self.resource(api_version, kind)?;
        let ns = self.namespace_for(res, Some(ns));
        Ok(ops::delete(&self.store, res, &ns, name, &Value::Null)?)
    }

    /// Sets the whole log text served for one pod container.
    pub fn set_pod_log(&self, ns: &str, pod: &str, container: &str, text: &str) {
        let key = (ns.to_owned(), pod.to_owned(), container.to_owned());
        self.store.lock().logs.insert(key, text.to_owned());
    }

    /// Drops the watch history and ends every open watch with `410 Gone`, so
    /// clients must relist; resuming from any older version also gets 410.
    pub fn expire_watches(&self) {
        self.store.expire();
    }
}

/// Decodes a stored object as a typed kind.
pub(crate) fn decode<K: DeserializeOwned + k8s_openapi::Resource>(
    v: Value,
) -> Result<K, KubeApiError> {
    serde_json::from_value(v).map_err(|source| KubeApiError::Decode {
        kind: K::KIND,
        source,
    })
}
