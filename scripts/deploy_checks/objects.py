"""Small accessors over rendered Kubernetes objects (plain dicts)."""

from __future__ import annotations

from typing import Any

import yaml

from .chart import Manifest, find

CONTROLLER = "cronjob-guardian"
QUERY = "cronjob-guardian-query"
CONFIG_PATH = "/etc/cronjob-guardian/config.yaml"


def of_kind(manifests: list[Manifest], kind: str) -> list[Manifest]:
    return [m for m in manifests if m.get("kind") == kind]


def pod_spec(deployment: Manifest) -> dict[str, Any]:
    return deployment["spec"]["template"]["spec"]


def pod_labels(deployment: Manifest) -> dict[str, str]:
    return deployment["spec"]["template"]["metadata"].get("labels", {})


def container(deployment: Manifest, name: str) -> dict[str, Any] | None:
    for item in pod_spec(deployment).get("containers", []):
        if item.get("name") == name:
            return item
    return None


def env_map(item: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Environment entries of a container by name."""
    return {entry["name"]: entry for entry in item.get("env", [])}


def ports(item: dict[str, Any]) -> dict[str, int]:
    """Container port numbers by port name."""
    return {port["name"]: port["containerPort"] for port in item.get("ports", [])}


def selects(selector: dict[str, Any] | None, labels: dict[str, str]) -> bool:
    """Whether a LabelSelector (matchLabels and matchExpressions) matches ``labels``.
    An empty or missing selector matches nothing here (we never want that)."""
    if not selector:
        return False
    if any(labels.get(key) != value for key, value in selector.get("matchLabels", {}).items()):
        return False
    for expression in selector.get("matchExpressions", []):
        value = labels.get(expression["key"])
        operator = expression["operator"]
        if operator == "In" and value not in expression.get("values", []):
            return False
        if operator == "NotIn" and value in expression.get("values", []):
            return False
        if operator == "Exists" and value is None:
            return False
        if operator == "DoesNotExist" and value is not None:
            return False
    return True


def service_selects(service: Manifest, deployment: Manifest | None) -> bool:
    """Whether a Service's selector picks the pods of ``deployment``."""
    if deployment is None:
        return False
    return selects({"matchLabels": service["spec"].get("selector", {})}, pod_labels(deployment))


def deployments(manifests: list[Manifest]) -> tuple[Manifest | None, Manifest | None]:
    """The controller and the query Deployment (either may be missing)."""
    return find(manifests, "Deployment", CONTROLLER), find(manifests, "Deployment", QUERY)


def config_file(manifests: list[Manifest]) -> dict[str, Any]:
    """The rendered config file, parsed."""
    config_map = find(manifests, "ConfigMap", CONTROLLER)
    if config_map is None:
        return {}
    return yaml.safe_load(config_map["data"]["config.yaml"]) or {}


def args_flags(item: dict[str, Any]) -> dict[str, str]:
    """``--flag=value`` arguments of a container as a map."""
    flags = {}
    for arg in item.get("args", []):
        if arg.startswith("--"):
            name, _, value = arg[2:].partition("=")
            flags[name] = value
    return flags


def rule_triples(role: Manifest) -> set[tuple[str, str, str, str]]:
    """(apiGroup, resource, verb, resourceName or '') for every rule of a (Cluster)Role."""
    triples = set()
    for rule in role.get("rules", []):
        names = rule.get("resourceNames") or [""]
        for group in rule.get("apiGroups", []):
            for resource in rule.get("resources", []):
                for verb in rule.get("verbs", []):
                    for name in names:
                        triples.add((group, resource, verb, name))
    return triples
