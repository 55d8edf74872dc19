"""Assertions on the query plane: its own Deployment and Service with gRPC
probes on a shared database, or a container beside the controller on SQLite."""

from __future__ import annotations

from typing import Any

from .chart import Manifest, find
from .objects import (
    CONFIG_PATH,
    CONTROLLER,
    QUERY,
    args_flags,
    container,
    deployments,
    pod_labels,
    pod_spec,
    ports,
    selects,
    service_selects,
)
from .report import Report


def check(manifests: list[Manifest], values: dict[str, Any], report: Report) -> None:
    query_values = values.get("query", {})
    controller, query = deployments(manifests)
    service = find(manifests, "Service", QUERY)
    if query_values.get("enabled", True) is False:
        report.check(query is None and service is None, "query.enabled=false renders no query Deployment or Service")
        report.check(
            controller is None or container(controller, "query") is None, "query.enabled=false adds no query container"
        )
        return
    if not report.check(service is not None, "the query Service is rendered"):
        return
    service_ports = {port["name"]: port["port"] for port in service["spec"]["ports"]}
    report.equal(service_ports, {"grpc": 9090, "http": 8080}, "query Service ports (grpc 9090, http 8080)")
    storage = values.get("config", {}).get("storage", {}).get("type", "sqlite")
    if storage == "sqlite":
        _beside_controller(controller, query, service, report)
    else:
        auth = values.get("config", {}).get("auth", {}).get("enabled", False)
        _own_deployment(manifests, controller, query, service, query_values, auth, report)


def _grpc_probes(item: dict[str, Any], port: int, where: str, report: Report) -> None:
    for kind in ("livenessProbe", "readinessProbe"):
        report.equal(item.get(kind, {}).get("grpc", {}).get("port"), port, f"{where} {kind} is a gRPC probe on {port}")


def _query_container_basics(item: dict[str, Any], where: str, report: Report) -> None:
    report.equal(item["args"][0], "query", f"{where} runs `cronjob-guardian query`")
    report.equal(args_flags(item).get("config"), CONFIG_PATH, f"{where} reads the same config file")


def _beside_controller(controller: Manifest | None, query: Manifest | None, service: Manifest, report: Report) -> None:
    """SQLite: one database file, so the query process shares the controller's pod."""
    report.check(query is None, "SQLite renders no separate query Deployment")
    sidecar = container(controller, "query") if controller else None
    if not report.check(sidecar is not None, "SQLite runs the query container in the controller pod"):
        return
    _query_container_basics(sidecar, "the query container", report)
    report.equal(
        ports(sidecar),
        {"query-grpc": 9091, "query-http": 8082, "query-probes": 8083},
        "query container ports beside the controller",
    )
    _grpc_probes(sidecar, 9091, "the query container", report)
    mounts = {m["name"]: m["mountPath"] for m in sidecar.get("volumeMounts", [])}
    report.equal(mounts.get("data"), "/data", "the query container mounts the SQLite volume")
    report.check(service_selects(service, controller), "the query Service selects the controller pod on SQLite")
    targets = {port["name"]: port["targetPort"] for port in service["spec"]["ports"]}
    report.equal(targets, {"grpc": "query-grpc", "http": "query-http"}, "the query Service targets the query container")


def _own_deployment(
    manifests: list[Manifest],
    controller: Manifest | None,
    query: Manifest | None,
    service: Manifest,
    query_values: dict[str, Any],
    auth: bool,
    report: Report,
) -> None:
    if not report.check(query is not None, "a shared database gets its own query Deployment"):
        return
    report.check(
        controller is None or container(controller, "query") is None, "the controller pod has no query container"
    )
    autoscaled = query_values.get("autoscaling", {}).get("enabled", False)
    if autoscaled:
        report.check("replicas" not in query["spec"], "an autoscaled query Deployment leaves replicas to the HPA")
        _hpa(manifests, query_values, report)
    else:
        report.equal(query["spec"].get("replicas"), query_values.get("replicaCount", 2), "query replicas")
    item = container(query, "query")
    if not report.check(item is not None, "the query pod has a 'query' container"):
        return
    _query_container_basics(item, "the query Deployment", report)
    report.equal(ports(item), {"grpc": 9090, "http": 8080, "probes": 8081}, "query container ports")
    _grpc_probes(item, 9090, "the query Deployment", report)
    report.equal(
        pod_spec(query).get("automountServiceAccountToken"),
        auth,
        "query pods get a Kubernetes API token only for the API access check",
    )
    report.check(service_selects(service, query), "the query Service selects the query pods")
    targets = {port["name"]: port["targetPort"] for port in service["spec"]["ports"]}
    report.equal(targets, {"grpc": "grpc", "http": "http"}, "the query Service targets the query pods' ports")
    report.check(
        not service_selects(service, controller) if controller else True,
        "the query Service does not select controllers",
    )
    if controller is not None:
        controller_selector = controller["spec"]["selector"]
        report.check(
            not selects(controller_selector, pod_labels(query)),
            "controller selectors (and the seed's anti-affinity) do not match query pods",
        )
    budget = find(manifests, "PodDisruptionBudget", QUERY)
    wanted = query_values.get("podDisruptionBudget", {}).get("enabled", True)
    report.equal(budget is not None, wanted, "query PodDisruptionBudget rendered as configured")
    if budget is not None:
        report.equal(budget["spec"].get("minAvailable"), 1, "query PDB minAvailable")


def _hpa(manifests: list[Manifest], query_values: dict[str, Any], report: Report) -> None:
    hpa = find(manifests, "HorizontalPodAutoscaler", QUERY)
    if not report.check(hpa is not None, "the query HPA is rendered"):
        return
    spec = hpa["spec"]
    report.equal(
        spec["scaleTargetRef"],
        {"apiVersion": "apps/v1", "kind": "Deployment", "name": QUERY},
        "HPA scales the query Deployment",
    )
    scaling = query_values["autoscaling"]
    report.equal(
        (spec["minReplicas"], spec["maxReplicas"]),
        (scaling.get("minReplicas", 2), scaling.get("maxReplicas", 10)),
        "HPA bounds",
    )
    targets = {m["resource"]["name"]: m["resource"]["target"]["averageUtilization"] for m in spec.get("metrics", [])}
    expected = {"cpu": scaling.get("targetCPUUtilizationPercentage", 70)}
    if scaling.get("targetMemoryUtilizationPercentage"):
        expected["memory"] = scaling["targetMemoryUtilizationPercentage"]
    report.equal(targets, expected, "HPA utilisation targets")
    report.check(find(manifests, "Deployment", CONTROLLER) is not None, "the controller is not autoscaled")
