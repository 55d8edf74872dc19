//! The one decision of what a gRPC method needs, in Kubernetes RBAC terms.
//!
//! | method | needs |
//! |---|---|
//! | `QueryService/GetHealth`, anything outside `guardian.v1` (health, reflection) | nothing (open) |
//! | other `QueryService/*`, `EventService/*` (reads) | `get` on `cronjobs.batch` in the request's namespace; `list` cluster-wide when it names none |
//! | `ControlService/TriggerCronJob` | `create` on `jobs.batch` in the namespace |
//! | other `ControlService/*` (suspend, resume, delete history, test channel, prune, acknowledge, silence) | `update` on `cronjobs.batch` in the namespace, cluster-wide when it names none |
//! | an unknown `guardian.v1` method | `update` on `cronjobs.batch` cluster-wide (fails closed) |
//!
//! REST calls reach these methods through the in-process bridge, whose path and
//! `?namespace=` parameters fill the request's `namespace` field, so REST and
//! gRPC are decided here alike.

use guardian_runtime::access::AccessRequest;

const PACKAGE_PREFIX: &str = "/guardian.v1.";

/// What a call of `path` (`/guardian.v1.QueryService/ListCronJobs`) with the
/// request's `namespace` ("" when it names none) needs; `None` when it is open.
pub fn required_access(path: &str, namespace: &str) -> Option<AccessRequest> {
    let (service, method) = path.strip_prefix(PACKAGE_PREFIX)?.split_once('/')?;
    let (verb, resource) = match (service, method) {
        ("QueryService", "GetHealth") => return None,
        ("QueryService" | "EventService", _) if namespace.is_empty() => ("list", "cronjobs"),
        ("QueryService" | "EventService", _) => ("get", "cronjobs"),
        ("ControlService", "TriggerCronJob") => ("create", "jobs"),
        ("ControlService", _) => ("update", "cronjobs"),
        _ => {
            return Some(AccessRequest {
                namespace: String::new(),
                verb: "update",
                group: "batch",
                resource: "cronjobs",
            });
        }
    };
    Some(AccessRequest {
        namespace: namespace.to_owned(),
        verb,
        group: "batch",
        resource,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn needs(path: &str, namespace: &str) -> Option<(String, &'static str, &'static str)> {
        required_access(path, namespace).map(|access| {
            assert_eq!(access.group, "batch");
            (access.namespace, access.verb, access.resource)
        })
    }

    #[test]
    fn health_reflection_and_get_health_are_open() {
        assert_eq!(needs("/grpc.health.v1.Health/Check", ""), None);
        assert_eq!(
            needs(
                "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
                ""
            ),
            None
        );
        assert_eq!(needs("/guardian.v1.QueryService/GetHealth", ""), None);
    }

    #[test]
    fn namespaced_reads_need_get_in_that_namespace() {
        assert_eq!(
            needs("/guardian.v1.QueryService/GetCronJob", "team-a"),
            Some(("team-a".into(), "get", "cronjobs"))
        );
        assert_eq!(
            needs("/guardian.v1.EventService/Subscribe", "team-b"),
            Some(("team-b".into(), "get", "cronjobs"))
        );
    }

    #[test]
    fn reads_without_a_namespace_need_a_cluster_wide_list() {
        assert_eq!(
            needs("/guardian.v1.QueryService/ListCronJobs", ""),
            Some((String::new(), "list", "cronjobs"))
        );
    }

    #[test]
    fn trigger_needs_create_on_jobs_and_other_mutations_update() {
        assert_eq!(
            needs("/guardian.v1.ControlService/TriggerCronJob", "team-a"),
            Some(("team-a".into(), "create", "jobs"))
        );
        assert_eq!(
            needs("/guardian.v1.ControlService/SuspendCronJob", "team-a"),
            Some(("team-a".into(), "update", "cronjobs"))
        );
        assert_eq!(
            needs("/guardian.v1.ControlService/Prune", ""),
            Some((String::new(), "update", "cronjobs"))
        );
    }

    #[test]
    fn unknown_guardian_methods_fail_closed_cluster_wide() {
        assert_eq!(
            needs("/guardian.v1.NewService/Anything", "team-a"),
            Some((String::new(), "update", "cronjobs"))
        );
    }
}
