//! The resource table: which group/version/resources the stand-in serves and how
//! (scope, `status` and `log` subresources). Adding a resource is one line in
//! [`builtin_resources`] or one `push` onto [`crate::kube_api::KubeApiConfig::resources`].

/// One served resource type, e.g. `batch/v1 jobs`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    /// API group; empty for the core group (`/api/v1`).
    pub group: String,
    pub version: String,
    /// Lower-case plural used in URLs (`cronjobs`).
    pub plural: String,
    pub kind: String,
    pub namespaced: bool,
    /// Serves `.../{name}/status`; writes to the main resource keep the stored status.
    pub status: bool,
    /// Serves `.../{name}/log` (pods only in a real cluster).
    pub log: bool,
}

impl Resource {
    /// A namespaced resource without subresources.
    pub fn namespaced(group: &str, version: &str, plural: &str, kind: &str) -> Self {
        Self {
            group: group.to_owned(),
            version: version.to_owned(),
            plural: plural.to_owned(),
            kind: kind.to_owned(),
            namespaced: true,
            status: false,
            log: false,
        }
    }

    /// A cluster-scoped resource without subresources.
    pub fn cluster(group: &str, version: &str, plural: &str, kind: &str) -> Self {
        Self {
            namespaced: false,
            ..Self::namespaced(group, version, plural, kind)
        }
    }

    /// Adds the `status` subresource.
    pub fn with_status(mut self) -> Self {
        self.status = true;
        self
    }

    /// Adds the `log` subresource.
    pub fn with_log(mut self) -> Self {
        self.log = true;
        self
    }

    /// `v1` for the core group, `group/version` otherwise.
    pub fn api_version(&self) -> String {
        if self.group.is_empty() {
            self.version.clone()
        } else {
            format!("{}/{}", self.group, self.version)
        }
    }

    /// Lower-case kind, as discovery reports `singularName`.
    pub fn singular(&self) -> String {
        self.kind.to_lowercase()
    }
}

/// Group of the product's CRDs.
pub const GUARDIAN_GROUP: &str = "guardian.illenium.net";
/// Version of the product's CRDs.
pub const GUARDIAN_VERSION: &str = "v1alpha1";

/// Everything the product touches: core kinds, batch, coordination, events and
/// the product's own CRDs.
pub fn builtin_resources() -> Vec<Resource> {
    vec![
        Resource::cluster("", "v1", "namespaces", "Namespace").with_status(),
        Resource::namespaced("", "v1", "pods", "Pod")
            .with_status()
            .with_log(),
        Resource::namespaced("", "v1", "secrets", "Secret"),
        Resource::namespaced("", "v1", "configmaps", "ConfigMap"),
        Resource::namespaced("", "v1", "events", "Event"),
        Resource::namespaced("events.k8s.io", "v1", "events", "Event"),
        Resource::namespaced("batch", "v1", "cronjobs", "CronJob").with_status(),
        Resource::namespaced("batch", "v1", "jobs", "Job").with_status(),
        Resource::namespaced("coordination.k8s.io", "v1", "leases", "Lease"),
        Resource::namespaced(
            GUARDIAN_GROUP,
            GUARDIAN_VERSION,
            "cronjobmonitors",
            "CronJobMonitor",
        )
        .with_status(),
        Resource::namespaced(
            GUARDIAN_GROUP,
            GUARDIAN_VERSION,
            "alertchannels",
            "AlertChannel",
        )
        .with_status(),
    ]
}

/// Index into a resource table; stable for the life of one server.
pub(crate) type ResId = usize;

/// Lookups over a fixed resource table.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    resources: Vec<Resource>,
}

impl Table {
    pub(crate) fn new(resources: Vec<Resource>) -> Self {
        Self { resources }
    }

    pub(crate) fn get(&self, id: ResId) -> &Resource {
        // Ids only come from `by_plural`/`by_kind` on this same table.
        &self.resources[id]
    }

    pub(crate) fn all(&self) -> &[Resource] {
        &self.resources
    }

    pub(crate) fn by_plural(&self, group: &str, version: &str, plural: &str) -> Option<ResId> {
        self.resources
            .iter()
            .position(|r| r.group == group && r.version == version && r.plural == plural)
    }

    /// Finds a resource from an object's `apiVersion` and `kind`.
    pub(crate) fn by_kind(&self, api_version: &str, kind: &str) -> Option<ResId> {
        self.resources
            .iter()
            .position(|r| r.api_version() == api_version && r.kind == kind)
    }

    /// Distinct group names in table order, core group (`""`) included.
    pub(crate) fn groups(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for r in &self.resources {
            if !out.contains(&r.group.as_str()) {
                out.push(&r.group);
            }
        }
        out
    }

    /// Distinct versions served for one group.
    pub(crate) fn versions(&self, group: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for r in self.resources.iter().filter(|r| r.group == group) {
            if !out.contains(&r.version.as_str()) {
                out.push(&r.version);
            }
        }
        out
    }
}
