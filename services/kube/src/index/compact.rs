//! How each view is laid out in an index entry ([`codec`](super::codec)): the key
//! parts (namespace first) name the object, the view's serde form (which skips them)
//! follows. Decoding gives back the view exactly as it was applied.

use super::codec::{entry, key_bytes, open};
use super::{Indexed, PodKey};
use crate::pod::PodSummary;
use crate::view::{CronJobView, JobView, ObjectKey};

/// CronJobs and Jobs: keyed by namespace and name, the rest is the view's serde form.
macro_rules! indexed_by_name {
    ($view:ty) => {
        impl Indexed for $view {
            type Key = ObjectKey;

            fn index_key(&self) -> ObjectKey {
                self.key()
            }

            fn namespace(&self) -> &str {
                &self.namespace
            }

            fn key_bytes(key: &ObjectKey) -> Vec<u8> {
                key_bytes(&[&key.namespace, &key.name])
            }

            fn to_entry(&self) -> Box<[u8]> {
                entry(&[&self.namespace, &self.name], self)
            }

            fn from_entry(bytes: &[u8]) -> Option<Self> {
                let ([namespace, name], view) = open::<2, Self>(bytes)?;
                Some(Self {
                    namespace: namespace.to_owned(),
                    name: name.to_owned(),
                    ..view
                })
            }
        }
    };
}

indexed_by_name!(CronJobView);
indexed_by_name!(JobView);

impl Indexed for PodSummary {
    type Key = PodKey;

    fn index_key(&self) -> PodKey {
        let job = self.job_name.clone().unwrap_or_default();
        (self.namespace.clone(), job, self.name.clone())
    }

    fn namespace(&self) -> &str {
        &self.namespace
    }

    fn key_bytes((namespace, job, name): &PodKey) -> Vec<u8> {
        key_bytes(&[namespace, job, name])
    }

    /// The key holds no Job as an empty part, so whether there is one is stored.
    fn to_entry(&self) -> Box<[u8]> {
        let job = self.job_name.as_deref().unwrap_or_default();
        entry(
            &[&self.namespace, job, &self.name],
            &(self.job_name.is_some(), self),
        )
    }

    fn from_entry(bytes: &[u8]) -> Option<Self> {
        let ([namespace, job, name], (has_job, summary)) = open::<3, (bool, Self)>(bytes)?;
        Some(Self {
            namespace: namespace.to_owned(),
            name: name.to_owned(),
            job_name: has_job.then(|| job.to_owned()),
            ..summary
        })
    }
}

#[cfg(test)]
mod tests;
