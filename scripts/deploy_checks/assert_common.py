"""Assertions every rendering must satisfy: the controller's wiring (config,
lease identity, probes, ports), agreement with the binary's real flags and
variables, no plaintext password, and selectors that select something."""

from __future__ import annotations

import re
from typing import Any

from . import binary_flags
from .chart import NAMESPACE, Manifest, find
from .objects import (
    CONFIG_PATH,
    CONTROLLER,
    args_flags,
    config_file,
    container,
    deployments,
    env_map,
    of_kind,
    pod_labels,
    pod_spec,
    ports,
    selects,
    service_selects,
)
from .report import Report

CLUSTER_SCOPED = {"ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "Namespace"}
# Set by the chart but read by no flag: POD_IP feeds GUARDIAN_ADVERTISE_ADDRESS.
ENV_WITHOUT_FLAG = {"POD_IP"}
# Config file keys this build must understand (others belong to features
# configured elsewhere and are only reported by the binary).
KNOWN_KEY_PREFIXES = (
    "storage-type",
    "auth-",
    "storage-sqlite-",
    "storage-postgres-",
    "storage-mysql-",
    "log-",
    "watch-namespaces",
    "ignored-namespaces",
    "scheduler-startup-grace-period",
)


def check(manifests: list[Manifest], values: dict[str, Any], report: Report) -> None:
    controller, _ = deployments(manifests)
    if not report.check(controller is not None, "the controller Deployment is rendered"):
        return
    for manifest in manifests:
        if manifest["kind"] not in CLUSTER_SCOPED:
            report.equal(
                manifest["metadata"].get("namespace"),
                NAMESPACE,
                f"namespace of {manifest['kind']}/{manifest['metadata']['name']}",
            )
    _controller_wiring(controller, values, report)
    _probes(controller, report)
    _matches_binary(manifests, report)
    _env_references_defined_first(manifests, report)
    _no_plaintext_password(manifests, report)
    _selectors_select(manifests, report)


def _controller_wiring(controller: Manifest, values: dict[str, Any], report: Report) -> None:
    main = container(controller, "controller")
    if not report.check(main is not None, "the controller pod has a 'controller' container"):
        return
    replicas = values.get("replicaCount", 1)
    report.equal(controller["spec"]["replicas"], replicas, "controller replicas")
    report.equal(main["args"][0], "controller", "the controller container runs `cronjob-guardian controller`")
    report.equal(args_flags(main).get("config"), CONFIG_PATH, "the controller gets --config")
    report.equal(ports(main), {"grpc": 9090, "http": 8080, "probes": 8081}, "controller container ports")
    env = env_map(main)
    report.equal(env.get("GUARDIAN_REPLICAS", {}).get("value"), str(replicas), "GUARDIAN_REPLICAS follows replicaCount")
    for name, field in (("POD_NAME", "metadata.name"), ("POD_NAMESPACE", "metadata.namespace")):
        got = env.get(name, {}).get("valueFrom", {}).get("fieldRef", {}).get("fieldPath")
        report.equal(got, field, f"{name} from the downward API")
    scheme = "https" if values.get("tls", {}).get("enabled") else "http"
    report.equal(
        env.get("GUARDIAN_ADVERTISE_ADDRESS", {}).get("value"),
        f"{scheme}://$(POD_IP):9090",
        "the controller advertises its pod IP",
    )
    report.equal(
        pod_spec(controller).get("terminationGracePeriodSeconds"),
        values.get("terminationGracePeriodSeconds", 30),
        "terminationGracePeriodSeconds",
    )
    mounts = {m["name"]: m["mountPath"] for m in main.get("volumeMounts", [])}
    report.equal(mounts.get("config"), "/etc/cronjob-guardian", "the config file is mounted where --config points")
    volumes = {v["name"]: v for v in pod_spec(controller).get("volumes", [])}
    report.equal(
        volumes.get("config", {}).get("configMap", {}).get("name"),
        CONTROLLER,
        "the config volume is the chart's ConfigMap",
    )


def _probes(controller: Manifest, report: Report) -> None:
    main = container(controller, "controller") or {}
    for kind, path in (("livenessProbe", "/healthz"), ("readinessProbe", "/readyz")):
        probe = main.get(kind, {}).get("httpGet", {})
        report.equal((probe.get("path"), probe.get("port")), (path, 8081), f"controller {kind} is HTTP {path} on 8081")


def _containers(manifests: list[Manifest]) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for deployment in of_kind(manifests, "Deployment"):
        for item in pod_spec(deployment).get("containers", []):
            found.append((f"{deployment['metadata']['name']}/{item['name']}", item))
    return found


def _matches_binary(manifests: list[Manifest], report: Report) -> None:
    """Every flag and GUARDIAN_* variable the chart sets exists in services/cli/src/args.rs."""
    binary = binary_flags.read()
    for where, item in _containers(manifests):
        for flag in args_flags(item):
            report.check(flag in binary.flags, f"{where}: --{flag} is a flag of the binary")
        for name in env_map(item):
            report.check(name in binary.env or name in ENV_WITHOUT_FLAG, f"{where}: env {name} is read by the binary")
    flat = binary_flags.config_file_flags(config_file(manifests))
    report.check(bool(flat), "the config file is not empty")
    for key in flat:
        if key.startswith(KNOWN_KEY_PREFIXES):
            report.check(key in binary.flags, f"config file key {key} maps to a flag of the binary")


def _env_references_defined_first(manifests: list[Manifest], report: Report) -> None:
    """Kubernetes expands $(VAR) only from variables defined earlier in the list."""
    for where, item in _containers(manifests):
        seen: set[str] = set()
        for entry in item.get("env", []):
            for name in re.findall(r"\$\(([A-Za-z_][A-Za-z0-9_]*)\)", str(entry.get("value", ""))):
                report.check(name in seen, f"{where}: {entry['name']} refers to $({name}) defined before it")
            seen.add(entry["name"])


def _no_plaintext_password(manifests: list[Manifest], report: Report) -> None:
    for where, item in _containers(manifests):
        for name, entry in env_map(item).items():
            if "PASSWORD" in name:
                report.check("secretKeyRef" in entry.get("valueFrom", {}), f"{where}: {name} comes from a Secret")
    flat = binary_flags.config_file_flags(config_file(manifests))
    report.check(not [k for k in flat if "password" in k], "the config file holds no password")
    report.check(not of_kind(manifests, "Secret"), "the chart renders no Secret")


def _selectors_select(manifests: list[Manifest], report: Report) -> None:
    all_deployments = of_kind(manifests, "Deployment")
    for deployment in all_deployments:
        name = deployment["metadata"]["name"]
        report.check(
            selects(deployment["spec"]["selector"], pod_labels(deployment)), f"Deployment {name} selects its own pods"
        )
    for service in of_kind(manifests, "Service"):
        name = service["metadata"]["name"]
        picked = [d for d in all_deployments if service_selects(service, d)]
        if not report.equal(len(picked), 1, f"Service {name} selects the pods of exactly one Deployment"):
            continue
        pod_ports = {}
        for item in pod_spec(picked[0])["containers"]:
            pod_ports.update(ports(item))
        for port in service["spec"]["ports"]:
            report.check(
                port["targetPort"] in pod_ports,
                f"Service {name} port {port['name']} targets existing port {port['targetPort']}",
            )
    for budget in of_kind(manifests, "PodDisruptionBudget"):
        name = budget["metadata"]["name"]
        picked = [d["metadata"]["name"] for d in all_deployments if selects(budget["spec"]["selector"], pod_labels(d))]
        report.equal(picked, [name], f"PodDisruptionBudget {name} covers only its Deployment")
        report.check(
            ("minAvailable" in budget["spec"]) != ("maxUnavailable" in budget["spec"]),
            f"PodDisruptionBudget {name} sets exactly one of minAvailable/maxUnavailable",
        )
    config_map = find(manifests, "ConfigMap", CONTROLLER)
    report.check(
        config_map is not None and "config.yaml" in config_map.get("data", {}), "the ConfigMap carries config.yaml"
    )
