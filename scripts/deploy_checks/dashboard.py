"""The Grafana dashboard's PromQL: valid (promtool parses every expression) and
naming only series the product exports. The exported set is read from the
binary's own metric declarations (``describe_counter!``/``describe_gauge!``/
``describe_histogram!`` in services/*/src), the same declarations that give
every metric its HELP text; a histogram exports ``_bucket``, ``_sum`` and
``_count`` series."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any, Iterator

import yaml

from .chart import CHART_DIR, ROOT
from .report import Report

DASHBOARD = CHART_DIR / "files" / "grafana-dashboard.json"
SERVICES = ROOT / "services"
# Grafana's variables, replaced by values PromQL accepts before parsing.
GRAFANA_VARIABLES = {"$__rate_interval": "5m", "$__interval": "1m", "$__range": "6h"}

_CONST = re.compile(r'const (?P<name>[A-Z0-9_]+): &str =\s*"(?P<value>cronjob_guardian_[a-z0-9_]+)"')
_DESCRIBE = re.compile(r'describe_(?P<kind>counter|gauge|histogram)!\(\s*(?P<arg>"[^"]+"|[A-Za-z0-9_:]+)')
# PromQL words that are not series: operators, modifiers, aggregation clauses.
_KEYWORDS = {"and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "offset", "bool"}


def exported_series() -> dict[str, str]:
    """Series name -> the metric it belongs to, for every described metric."""
    sources = [p for p in SERVICES.glob("*/src/**/*.rs") if "testkit" not in p.parts]
    text = "\n".join(path.read_text() for path in sources)
    constants = {m.group("name"): m.group("value") for m in _CONST.finditer(text)}
    series: dict[str, str] = {}
    for match in _DESCRIBE.finditer(text):
        arg = match.group("arg")
        name = arg.strip('"') if arg.startswith('"') else constants.get(arg.rsplit("::", 1)[-1])
        if not name or not name.startswith("cronjob_guardian_"):
            continue
        if match.group("kind") == "histogram":
            series.update({f"{name}{suffix}": name for suffix in ("_bucket", "_sum", "_count")})
        else:
            series[name] = name
    return series


def series_in(expr: str) -> set[str]:
    """Metric names an expression selects: identifiers left after removing strings,
    label matchers, ranges, grouping clauses and function calls."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"', "", expr)
    text = re.sub(r"\{[^}]*\}", " ", text)
    text = re.sub(r"\[[^\]]*\]", " ", text)
    text = re.sub(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", text)
    names = set()
    for match in re.finditer(r"[A-Za-z_:][A-Za-z0-9_:]*", text):
        word, rest = match.group(0), text[match.end() :].lstrip()
        if rest.startswith("(") or word in _KEYWORDS or re.fullmatch(r"\d+[smhdwy]", word):
            continue
        names.add(word)
    return names


def expressions(dashboard: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(where, PromQL) for every panel target and every query variable."""

    def panels(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for panel in items:
            yield panel
            yield from panels(panel.get("panels", []))

    for panel in panels(dashboard.get("panels", [])):
        for target in panel.get("targets", []):
            yield f"panel {panel['title']!r} {target['refId']}", target["expr"]
    for variable in dashboard.get("templating", {}).get("list", []):
        if variable.get("type") != "query":
            continue
        query = variable["query"]["query"] if isinstance(variable["query"], dict) else variable["query"]
        inner = re.fullmatch(r"label_values\((.*),\s*\w+\)", query.strip())
        yield f"variable {variable['name']}", inner.group(1) if inner else query


def _substituted(expr: str) -> str:
    for variable, value in GRAFANA_VARIABLES.items():
        expr = expr.replace(variable, value)
    return re.sub(r"\$\{?\w+\}?", ".*", expr)


def check(out: Path) -> int:
    report = Report()
    dashboard = json.loads(DASHBOARD.read_text())
    exported = exported_series()
    report.check(len(exported) > 20, f"the metric declarations were found ({len(exported)} series)")
    found = list(expressions(dashboard))
    report.check(len(found) > 10, f"the dashboard has PromQL ({len(found)} expressions)")
    used: set[str] = set()
    for where, expr in found:
        names = series_in(expr)
        report.check(bool(names), f"{where}: selects at least one series: {expr}")
        for name in sorted(names):
            report.check(name in exported, f"{where}: {name} is a series the product exports")
        used |= {exported.get(name, name) for name in names}
    for needed in (
        "executions_total",
        "alerts_failed_total",
        "leader_status",
        "event_stream_lag",
        "db_connections_open",
    ):
        report.check(f"cronjob_guardian_{needed}" in used, f"the dashboard shows cronjob_guardian_{needed}")
    report.equal(len({p["id"] for p in _all_panels(dashboard)}), len(_all_panels(dashboard)), "panel ids are unique")
    _promtool_parses(out, found, report)
    return report.finish("grafana dashboard")


def _all_panels(dashboard: dict[str, Any]) -> list[dict[str, Any]]:
    return list(dashboard["panels"]) + [c for p in dashboard["panels"] for c in p.get("panels", [])]


def _promtool_parses(out: Path, found: list[tuple[str, str]], report: Report) -> None:
    """promtool check rules parses each expression as a recording rule."""
    rules = [{"record": f"dashboard:expr_{i}", "expr": _substituted(expr)} for i, (_, expr) in enumerate(found)]
    path = out / "dashboard-exprs.yaml"
    path.write_text(yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}, sort_keys=False))
    result = subprocess.run(["promtool", "check", "rules", str(path)], capture_output=True, text=True)
    report.check(result.returncode == 0, f"promtool parses every dashboard expression: {result.stdout}{result.stderr}")
