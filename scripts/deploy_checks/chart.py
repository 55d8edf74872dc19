"""Renders the chart with Helm's own engine (helm-python-sdk embeds Helm v4's Go
SDK; there is no helm binary here) and turns the output into objects."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from helm_python import Chart, HelmError

ROOT = Path(__file__).resolve().parents[2]
CHART_DIR = ROOT / "charts" / "cronjob-guardian"
RELEASE = "cronjob-guardian"
NAMESPACE = "cronjob-guardian"

Manifest = dict[str, Any]


def load_values(*files: str) -> dict[str, Any]:
    """Merges values files like repeated ``-f`` flags (later files win)."""
    merged: dict[str, Any] = {}
    for name in files:
        path = CHART_DIR / name if not Path(name).is_absolute() else Path(name)
        merge_into(merged, yaml.safe_load(path.read_text()) or {})
    return merged


def merge_into(target: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """Deep-merges ``overrides`` into ``target`` (maps merge, anything else replaces)."""
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            merge_into(target[key], value)
        else:
            target[key] = value
    return target


def render_text(values: dict[str, Any]) -> str:
    """``helm template`` output: every non-empty manifest, as one multi-document YAML.

    Raises HelmError when the values break the schema or a template calls ``fail``.
    """
    with Chart.load(CHART_DIR) as chart:
        rendered = chart.render(values, name=RELEASE, namespace=NAMESPACE)
    parts = []
    for path in sorted(rendered):
        text = rendered[path].strip()
        if path.endswith(".yaml") and text:
            parts.append(f"# Source: {path}\n{text}\n")
    return "---\n".join(parts)


def render(values: dict[str, Any]) -> list[Manifest]:
    return parse(render_text(values))


def render_error(values: dict[str, Any]) -> str | None:
    """The error Helm reports for ``values``, or None when they render."""
    try:
        render_text(values)
    except HelmError as error:
        return str(error)
    return None


def crd_text() -> str:
    """The CRDs under the chart's ``crds/`` folder (empty when it does not exist yet)."""
    with Chart.load(CHART_DIR) as chart:
        crds = chart.crds
    return "---\n".join(crd["data"].strip() + "\n" for crd in crds)


def parse(text: str) -> list[Manifest]:
    return [doc for doc in yaml.safe_load_all(text) if doc]


def find(manifests: list[Manifest], kind: str, name: str) -> Manifest | None:
    for manifest in manifests:
        if manifest.get("kind") == kind and manifest.get("metadata", {}).get("name") == name:
            return manifest
    return None


def kinds(manifests: list[Manifest]) -> list[tuple[str, str]]:
    return sorted((m["kind"], m["metadata"]["name"]) for m in manifests)
