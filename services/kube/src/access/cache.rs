//! A small, bounded, time-limited memory of access decisions, so a client's
//! burst of calls costs the API server one TokenReview and one
//! SubjectAccessReview, not one of each per call (kube-rbac-proxy does the same).

use std::collections::HashMap;
use std::time::{Duration, Instant};

use guardian_runtime::access::{AccessError, AccessRequest};

/// How long a decision is kept, and how many are kept at most.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CacheSettings {
    pub ttl: Duration,
    pub capacity: usize,
}

impl Default for CacheSettings {
    fn default() -> Self {
        CacheSettings {
            ttl: Duration::from_secs(30),
            capacity: 4096,
        }
    }
}

type Key = (String, AccessRequest);

/// Decisions by (token, request). Only definite answers are stored: an
/// unavailable API server is asked again on the next call.
#[derive(Debug)]
pub struct DecisionCache {
    settings: CacheSettings,
    entries: HashMap<Key, (Result<(), AccessError>, Instant)>,
}

impl DecisionCache {
    pub fn new(settings: CacheSettings) -> DecisionCache {
        DecisionCache {
            settings,
            entries: HashMap::new(),
        }
    }

    /// The decision stored for `token` and `request`, unless it expired by `now`.
    pub fn get(
        &self,
        token: &str,
        request: &AccessRequest,
        now: Instant,
    ) -> Option<Result<(), AccessError>> {
        let key = (token.to_owned(), request.clone());
        let (decision, expires) = self.entries.get(&key)?;
        (now < *expires).then(|| decision.clone())
    }

    /// Stores a decision made at `now`. When full, expired entries go first,
    /// and if none had expired, everything goes (the bound matters more than hits).
    pub fn put(
        &mut self,
        token: &str,
        request: &AccessRequest,
        decision: &Result<(), AccessError>,
        now: Instant,
    ) {
        if matches!(decision, Err(AccessError::Unavailable(_))) || self.settings.capacity == 0 {
            return;
        }
        if self.entries.len() >= self.settings.capacity {
            self.entries.retain(|_, (_, expires)| now < *expires);
            if self.entries.len() >= self.settings.capacity {
                self.entries.clear();
            }
        }
        let expires = now + self.settings.ttl;
        self.entries.insert(
            (token.to_owned(), request.clone()),
            (decision.clone(), expires),
        );
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(namespace: &str) -> AccessRequest {
        AccessRequest {
            namespace: namespace.to_owned(),
            verb: "get",
            group: "batch",
            resource: "cronjobs",
        }
    }

    fn cache(capacity: usize) -> DecisionCache {
        DecisionCache::new(CacheSettings {
            ttl: Duration::from_secs(30),
            capacity,
        })
    }

    #[test]
    fn a_decision_is_returned_until_its_ttl_ends() {
        let mut cache = cache(8);
        let start = Instant::now();
        cache.put("t", &request("a"), &Ok(()), start);
        assert_eq!(cache.get("t", &request("a"), start), Some(Ok(())));
        let later = start + Duration::from_secs(29);
        assert_eq!(cache.get("t", &request("a"), later), Some(Ok(())));
        let expired = start + Duration::from_secs(30);
        assert_eq!(cache.get("t", &request("a"), expired), None);
    }

    #[test]
    fn decisions_are_per_token_and_per_request() {
        let mut cache = cache(8);
        let now = Instant::now();
        let denied = Err(AccessError::Denied("no".into()));
        cache.put("t", &request("a"), &denied, now);
        assert_eq!(cache.get("t", &request("a"), now), Some(denied));
        assert_eq!(cache.get("t", &request("b"), now), None);
        assert_eq!(cache.get("other", &request("a"), now), None);
    }

    #[test]
    fn an_unavailable_answer_is_not_kept() {
        let mut cache = cache(8);
        let now = Instant::now();
        cache.put(
            "t",
            &request("a"),
            &Err(AccessError::Unavailable("down".into())),
            now,
        );
        assert!(cache.is_empty());
    }

    #[test]
    fn the_cache_never_grows_past_its_capacity() {
        let mut cache = cache(3);
        let now = Instant::now();
        for index in 0..10 {
            cache.put(&format!("t{index}"), &request("a"), &Ok(()), now);
            assert!(cache.len() <= 3, "{} entries", cache.len());
        }
        assert_eq!(cache.get("t9", &request("a"), now), Some(Ok(())));
    }

    #[test]
    fn expired_entries_make_room_before_live_ones_are_dropped() {
        let mut cache = cache(2);
        let start = Instant::now();
        cache.put("old", &request("a"), &Ok(()), start);
        let later = start + Duration::from_secs(20);
        cache.put("live", &request("a"), &Ok(()), later);
        let after_old_expired = start + Duration::from_secs(31);
        cache.put("new", &request("a"), &Ok(()), after_old_expired);
        assert_eq!(
            cache.get("live", &request("a"), after_old_expired),
            Some(Ok(()))
        );
        assert_eq!(
            cache.get("new", &request("a"), after_old_expired),
            Some(Ok(()))
        );
    }
}
