"""The plain manifests under deploy/: the kustomize base is generated from the
chart's defaults, the HA overlay patches it into the seed's production setup,
and both must build into the same objects as the chart renders."""

from __future__ import annotations

import copy
import subprocess
from pathlib import Path
from typing import Any

import yaml

from .chart import ROOT, Manifest, kinds, parse, render
from .scenarios import valid_scenarios

BASE = ROOT / "deploy" / "base"
OVERLAY = ROOT / "deploy" / "overlays" / "ha"
# Helm's bookkeeping, which plain manifests do not carry.
HELM_LABELS = ("helm.sh/chart", "app.kubernetes.io/managed-by")
HELM_ANNOTATIONS = ("checksum/config", "helm.sh/resource-policy")
HEADER = (
    "# Generated from charts/cronjob-guardian ({what}) by\n"
    "# `PYTHONPATH=scripts .tools/venv/bin/python -m deploy_checks write-manifests`.\n"
    "# Edit the chart, regenerate, and scripts/check-deploy proves the two agree.\n"
)


def build(directory: Path) -> str:
    """``kubectl kustomize`` output (raises CalledProcessError with kustomize's message)."""
    result = subprocess.run(["kubectl", "kustomize", str(directory)], check=True, capture_output=True, text=True)
    return result.stdout


def normalize(manifests: list[Manifest], *, sort_env: bool = False) -> dict[tuple[str, str], Manifest]:
    """Objects by (kind, name) without Helm's labels and annotations; Namespace
    objects are dropped (kustomize creates the namespace, Helm expects it).
    ``sort_env`` orders env by name: a strategic merge patch puts patched entries
    first, and order only matters for $(VAR) references, checked elsewhere."""
    normalized = {}
    for manifest in manifests:
        if manifest["kind"] == "Namespace":
            continue
        manifest = copy.deepcopy(manifest)
        for metadata in _metadatas(manifest):
            _strip(metadata, "labels", HELM_LABELS)
            _strip(metadata, "annotations", HELM_ANNOTATIONS)
        if sort_env:
            for item in manifest.get("spec", {}).get("template", {}).get("spec", {}).get("containers", []):
                item.get("env", []).sort(key=lambda entry: entry["name"])
        normalized[(manifest["kind"], manifest["metadata"]["name"])] = manifest
    return normalized


def _metadatas(manifest: Manifest) -> list[dict[str, Any]]:
    found = [manifest["metadata"]]
    template = manifest.get("spec", {}).get("template", {}) if isinstance(manifest.get("spec"), dict) else {}
    if "metadata" in template:
        found.append(template["metadata"])
    return found


def _strip(metadata: dict[str, Any], field: str, keys: tuple[str, ...]) -> None:
    values = metadata.get(field)
    if not values:
        return
    for key in keys:
        values.pop(key, None)
    if not values:
        del metadata[field]


def differences(built: list[Manifest], rendered: list[Manifest]) -> list[str]:
    """Human-readable differences between kustomize output and a chart render."""
    left, right = normalize(built, sort_env=True), normalize(rendered, sort_env=True)
    problems = [f"only in kustomize: {k}" for k in sorted(set(left) - set(right))]
    problems += [f"only in the chart: {k}" for k in sorted(set(right) - set(left))]
    for key in sorted(set(left) & set(right)):
        problems += [f"{key[0]}/{key[1]}: {line}" for line in _diff(left[key], right[key], "")]
    return problems


def _diff(left: Any, right: Any, path: str) -> list[str]:
    if isinstance(left, dict) and isinstance(right, dict):
        lines = []
        for key in sorted(set(left) | set(right), key=str):
            if key not in left or key not in right:
                side = "kustomize" if key in left else "chart"
                lines.append(f"{path}.{key} only in the {side}")
            else:
                lines += _diff(left[key], right[key], f"{path}.{key}")
        return lines
    if isinstance(left, list) and isinstance(right, list) and len(left) == len(right):
        return [line for i, (a, b) in enumerate(zip(left, right, strict=True)) for line in _diff(a, b, f"{path}[{i}]")]
    return [] if left == right else [f"{path or '.'}: kustomize {left!r} != chart {right!r}"]


class _Dumper(yaml.SafeDumper):
    """Block style like kubectl's: indented lists, multi-line strings as ``|``."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _string(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _string)


def _plain(manifest: Manifest) -> str:
    cleaned = next(iter(normalize([manifest]).values()))
    return yaml.dump(cleaned, Dumper=_Dumper, sort_keys=False, default_flow_style=False, width=120)


def write() -> list[Path]:
    """Regenerates deploy/base from the defaults and the overlay's added objects
    from the production values; the overlay's patches are written by hand."""
    scenarios = valid_scenarios()
    default = render(scenarios["default"])
    production = render(scenarios["values-ha-production"])
    written = []
    BASE.mkdir(parents=True, exist_ok=True)
    files = []
    for manifest in default:
        name = f"{manifest['kind'].lower()}-{manifest['metadata']['name']}.yaml"
        files.append(name)
        written.append(_write(BASE / name, HEADER.format(what="default values") + _plain(manifest)))
    resources = "".join(f"  - {name}\n" for name in ["namespace.yaml", *files])
    kustomization = (
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
        f"namespace: cronjob-guardian\nresources:\n{resources}"
    )
    written.append(_write(BASE / "kustomization.yaml", HEADER.format(what="default values") + kustomization))
    base_keys = set(normalize(default))
    added = [m for m in production if (m["kind"], m["metadata"]["name"]) not in base_keys]
    body = "---\n".join(_plain(m) for m in added)
    written.append(
        _write(
            OVERLAY / "added.yaml", HEADER.format(what="ci/values-ha-production.yaml, objects the base lacks") + body
        )
    )
    return written


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def built_kinds(text: str) -> list[tuple[str, str]]:
    return kinds(parse(text))
