"""NetworkPolicies, checked by what they allow rather than by their text: a
small evaluator of NetworkPolicy semantics answers "may this peer reach that
pod on this port" for the controller, query pods, a stranger pod, DNS, the
database and the internet."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from typing import Any

from .chart import NAMESPACE, Manifest
from .objects import deployments, of_kind, pod_labels, pod_spec, selects
from .report import Report


@dataclass(frozen=True)
class Endpoint:
    """One side of a connection: a pod (labels, namespace) or an outside address."""

    labels: dict[str, str] = field(default_factory=dict)
    namespace: str | None = NAMESPACE
    namespace_labels: dict[str, str] = field(default_factory=dict)
    ip: str | None = None
    ports: dict[str, int] = field(default_factory=dict)


STRANGER = Endpoint(labels={"app": "stranger"}, namespace_labels={"kubernetes.io/metadata.name": NAMESPACE})
DNS = Endpoint(
    labels={"k8s-app": "kube-dns"},
    namespace="kube-system",
    namespace_labels={"kubernetes.io/metadata.name": "kube-system"},
)
OUTSIDE = Endpoint(namespace=None, ip="203.0.113.7")


def endpoint_of(deployment: Manifest) -> Endpoint:
    container_ports = {}
    for item in pod_spec(deployment)["containers"]:
        container_ports.update({p["name"]: p["containerPort"] for p in item.get("ports", [])})
    return Endpoint(
        labels=pod_labels(deployment),
        namespace_labels={"kubernetes.io/metadata.name": NAMESPACE},
        ports=container_ports,
    )


def _peer_matches(peer: dict[str, Any], other: Endpoint) -> bool:
    if "ipBlock" in peer:
        if other.ip is None:
            return False
        address = ipaddress.ip_address(other.ip)
        block = peer["ipBlock"]
        inside = address in ipaddress.ip_network(block["cidr"])
        return inside and not any(address in ipaddress.ip_network(c) for c in block.get("except", []))
    if other.namespace is None:
        return False
    if "namespaceSelector" in peer:
        namespace_ok = _selector_matches(peer["namespaceSelector"], other.namespace_labels)
    else:
        namespace_ok = other.namespace == NAMESPACE
    pod_ok = _selector_matches(peer.get("podSelector", {}), other.labels)
    return namespace_ok and pod_ok


def _selector_matches(selector: dict[str, Any], labels: dict[str, str]) -> bool:
    """NetworkPolicy selectors: an empty selector matches everything."""
    return not selector or selects(selector, labels)


def _port_matches(rule_port: dict[str, Any], port: int, protocol: str, destination: Endpoint) -> bool:
    if rule_port.get("protocol", "TCP") != protocol:
        return False
    wanted = rule_port.get("port")
    if wanted is None:
        return True
    if isinstance(wanted, str):
        wanted = destination.ports.get(wanted)
    return wanted is not None and wanted <= port <= rule_port.get("endPort", wanted)


def _rule_allows(
    rule: dict[str, Any], peers_key: str, other: Endpoint, port: int, protocol: str, dest: Endpoint
) -> bool:
    peers = rule.get(peers_key)
    peer_ok = not peers or any(_peer_matches(p, other) for p in peers)
    ports = rule.get("ports")
    port_ok = not ports or any(_port_matches(p, port, protocol, dest) for p in ports)
    return peer_ok and port_ok


def allowed(policies: list[Manifest], source: Endpoint, dest: Endpoint, port: int, protocol: str = "TCP") -> bool:
    """Whether both the source's egress and the destination's ingress policies allow it."""
    return _direction(policies, "Egress", source, dest, source, port, protocol) and _direction(
        policies, "Ingress", dest, source, dest, port, protocol
    )


def _direction(
    policies: list[Manifest], kind: str, pod: Endpoint, other: Endpoint, dest: Endpoint, port: int, protocol: str
) -> bool:
    if pod.namespace != NAMESPACE:
        return True  # pods outside the release carry no policy of ours
    applying = [
        p
        for p in policies
        if kind in p["spec"].get("policyTypes", []) and _selector_matches(p["spec"]["podSelector"], pod.labels)
    ]
    if not applying:
        return True
    key, peers_key = ("egress", "to") if kind == "Egress" else ("ingress", "from")
    return any(
        _rule_allows(rule, peers_key, other, port, protocol, dest)
        for p in applying
        for rule in p["spec"].get(key) or []
    )


def expected_enabled(values: dict[str, Any]) -> bool:
    setting = values.get("networkPolicy", {}).get("enabled")
    if setting is not None:
        return bool(setting)
    query = values.get("query", {}).get("enabled", True)
    return bool(query) and values.get("config", {}).get("storage", {}).get("type", "sqlite") != "sqlite"


def check(manifests: list[Manifest], values: dict[str, Any], report: Report) -> None:
    policies = of_kind(manifests, "NetworkPolicy")
    enabled = expected_enabled(values)
    if (
        not report.equal(bool(policies), enabled, "NetworkPolicies rendered (on by default with two planes)")
        or not enabled
    ):
        return
    controller_deployment, query_deployment = deployments(manifests)
    controller = endpoint_of(controller_deployment)
    for policy in policies:
        picked = [
            d["metadata"]["name"]
            for d in of_kind(manifests, "Deployment")
            if _selector_matches(policy["spec"]["podSelector"], pod_labels(d))
        ]
        report.equal(
            picked, [policy["metadata"]["name"]], f"NetworkPolicy {policy['metadata']['name']} selects its own pods"
        )
    settings = values.get("networkPolicy", {})
    storage = values.get("config", {}).get("storage", {})
    kind = storage.get("type", "sqlite")
    database_port = storage.get(kind, {}).get("port", {"mysql": 3306}.get(kind, 5432))
    _both_planes(policies, controller, settings, report)
    report.check(allowed(policies, controller, DNS, 53, "UDP"), "controller resolves names (DNS UDP 53)")
    report.check(
        allowed(policies, controller, OUTSIDE, 443), "controller reaches the Kubernetes API and alert channels (443)"
    )
    report.check(not allowed(policies, controller, OUTSIDE, 5000), "controller egress is closed on other ports (5000)")
    if storage.get("type", "sqlite") != "sqlite":
        report.check(
            allowed(policies, controller, OUTSIDE, database_port), f"controller reaches the database ({database_port})"
        )
    if query_deployment is None:
        return
    query = endpoint_of(query_deployment)
    report.check(allowed(policies, query, controller, 9090), "query pods reach the controllers' gRPC port")
    report.check(
        not allowed(policies, STRANGER, controller, 9090), "other pods cannot reach the controllers' gRPC port"
    )
    report.check(not allowed(policies, query, controller, 8081), "query pods reach only the gRPC port of controllers")
    api_open = not settings.get("apiFrom")
    for port in (8080, 9090):
        report.equal(
            allowed(policies, STRANGER, query, port), api_open, f"the query API ({port}) is open as apiFrom says"
        )
    report.check(allowed(policies, query, DNS, 53, "UDP"), "query pods resolve names (DNS UDP 53)")
    report.check(allowed(policies, query, OUTSIDE, database_port), f"query pods reach the database ({database_port})")
    auth = values.get("config", {}).get("auth", {}).get("enabled", False)
    report.equal(allowed(policies, query, OUTSIDE, 443), auth, "query pods reach the Kubernetes API only for auth")


def _both_planes(policies: list[Manifest], controller: Endpoint, settings: dict[str, Any], report: Report) -> None:
    metrics_open = not settings.get("metricsFrom")
    report.equal(
        allowed(policies, STRANGER, controller, 8080), metrics_open, "controller /metrics is open as metricsFrom says"
    )
    probes_open = not settings.get("probesFrom")
    report.equal(
        allowed(policies, STRANGER, controller, 8081), probes_open, "controller probes are open as probesFrom says"
    )
    report.check(not allowed(policies, STRANGER, controller, 9999), "controller ingress is closed on other ports")
