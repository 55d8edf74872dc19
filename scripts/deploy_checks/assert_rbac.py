"""RBAC: exactly the calls the product makes, no wildcards, leases only in the
release namespace and only when the Kubernetes lease is used."""

from __future__ import annotations

from typing import Any

from .chart import NAMESPACE, Manifest, find
from .objects import CONTROLLER, deployments, of_kind, pod_spec, rule_triples
from .report import Report

GROUP = "guardian.illenium.net"


def _triples(
    group: str, resources: list[str], verbs: list[str], names: list[str] | None = None
) -> set[tuple[str, str, str, str]]:
    return {(group, r, v, n) for r in resources for v in verbs for n in (names or [""])}


CLUSTER_RULES = (
    _triples("batch", ["cronjobs"], ["get", "list", "watch", "patch"])
    | _triples("batch", ["jobs"], ["get", "list", "watch", "create"])
    | _triples("", ["pods", "events", "namespaces"], ["get", "list", "watch"])
    | _triples("", ["pods/log", "secrets"], ["get"])
    | _triples(GROUP, ["cronjobmonitors", "alertchannels"], ["get", "list", "watch"])
    | _triples(GROUP, ["cronjobmonitors/status", "alertchannels/status"], ["get", "update", "patch"])
)
# Only with config.auth.enabled: the API access check.
AUTH_RULES = _triples("authentication.k8s.io", ["tokenreviews"], ["create"]) | _triples(
    "authorization.k8s.io", ["subjectaccessreviews"], ["create"]
)
LEASE_RULES = _triples("coordination.k8s.io", ["leases"], ["create"]) | _triples(
    "coordination.k8s.io", ["leases"], ["get", "update", "patch"], ["cronjob-guardian-leader"]
)


def check(manifests: list[Manifest], values: dict[str, Any], report: Report) -> None:
    for role in of_kind(manifests, "ClusterRole") + of_kind(manifests, "Role"):
        name = f"{role['kind']}/{role['metadata']['name']}"
        wild = [t for t in rule_triples(role) if "*" in t[:3]]
        report.equal(wild, [], f"{name} has no wildcard")
        report.check(all("nonResourceURLs" not in rule for rule in role["rules"]), f"{name} has no nonResourceURLs")
    rbac = values.get("rbac", {}).get("create", True)
    cluster_role = find(manifests, "ClusterRole", CONTROLLER)
    if not rbac:
        report.check(
            not of_kind(manifests, "ClusterRole") and not of_kind(manifests, "Role"),
            "rbac.create=false renders no roles",
        )
        return
    auth = values.get("config", {}).get("auth", {}).get("enabled", False)
    if report.check(cluster_role is not None, "the ClusterRole is rendered"):
        report.equal(
            sorted(rule_triples(cluster_role)),
            sorted(CLUSTER_RULES | (AUTH_RULES if auth else set())),
            "ClusterRole rules are exactly the product's calls",
        )
    controller, _ = deployments(manifests)
    account = pod_spec(controller)["serviceAccountName"] if controller else None
    subject = {"kind": "ServiceAccount", "name": account, "namespace": NAMESPACE}
    binding = find(manifests, "ClusterRoleBinding", CONTROLLER)
    if report.check(binding is not None, "the ClusterRoleBinding is rendered"):
        report.equal(binding["subjects"], [subject], "ClusterRoleBinding binds the controller's ServiceAccount")
        report.equal(binding["roleRef"]["name"], CONTROLLER, "ClusterRoleBinding refers to the ClusterRole")
    _lease_role(manifests, values, subject, report)


def _lease_role(manifests: list[Manifest], values: dict[str, Any], subject: dict[str, Any], report: Report) -> None:
    election = values.get("leaderElection", {})
    wanted = election.get("enabled", False) and election.get("backend", "kubernetes") == "kubernetes"
    role = find(manifests, "Role", f"{CONTROLLER}-leader-election")
    report.equal(role is not None, wanted, "a lease Role exactly when the Kubernetes lease is used")
    if role is None:
        return
    report.equal(role["metadata"].get("namespace"), NAMESPACE, "the lease Role is in the release namespace")
    report.equal(sorted(rule_triples(role)), sorted(LEASE_RULES), "lease Role rules")
    binding = find(manifests, "RoleBinding", f"{CONTROLLER}-leader-election")
    if report.check(binding is not None, "the lease RoleBinding is rendered"):
        report.equal(binding["subjects"], [subject], "the lease RoleBinding binds the controller's ServiceAccount")
