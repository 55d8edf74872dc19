"""Subcommands called by scripts/check-deploy:

render OUT        helm lint; render every scenario into OUT/<scenario>.yaml (and
                  the chart's CRDs, the PrometheusRule's groups); refused values
assert OUT        assertions on the rendered objects
dashboard OUT     the Grafana dashboard's PromQL parses and names only exported series
kustomize OUT     build deploy/base and deploy/overlays/ha into OUT and compare
                  them with the chart's default and production renders
write-manifests   regenerate deploy/base and deploy/overlays/ha/added.yaml
rule-metrics      print the metric names deploy/prometheus/rules.yaml uses (for
                  a test that scrapes the real /metrics and finds every one)
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import helm_python
import yaml

from . import (
    assert_common,
    assert_network,
    assert_query,
    assert_rbac,
    assert_scenarios,
    assert_security,
    assert_tls,
    dashboard,
    manifests,
)
from .chart import CHART_DIR, ROOT, crd_text, find, load_values, parse, render_error, render_text
from .report import Report
from .scenarios import SEED_FILES, refused_scenarios, valid_scenarios


def cmd_render(out: Path) -> int:
    report = Report()
    _lint(report)
    for name, values in valid_scenarios().items():
        error = render_error(values)
        if report.check(error is None, f"scenario {name} renders: {error}"):
            (out / f"{name}.yaml").write_text(render_text(values))
    _crds(out, report)
    _seed_files_verbatim(report)
    for refused in refused_scenarios():
        error = render_error(refused.values) or ""
        report.check(
            refused.message in error,
            f"refused: {refused.name}: expected an error containing {refused.message!r}, "
            f"got {error or 'a successful render'!r}",
        )
    _shipped_rules(out, report)
    return report.finish("render")


def _seed_files_verbatim(report: Report) -> None:
    """ci/values-ha*.yaml are the seed's blocks, unchanged (when the seed is at hand)."""
    seed = ROOT.parent / "shared" / "seeds" / "high-availability.md"
    if not seed.exists():
        print(f"  seed {seed} not available; ci/ files not compared with it", file=sys.stderr)
        return
    text = seed.read_text()
    for name in SEED_FILES:
        block = re.search(r'```yaml title="' + re.escape(Path(name).name) + r'"\n(.*?)```', text, re.S)
        expected = block.group(1) if block else None
        report.equal((CHART_DIR / name).read_text(), expected, f"{name} is the seed's block verbatim")


def _crds(out: Path, report: Report) -> None:
    """Writes the chart's CRDs for validation; they must be the objects of deploy/crds/."""
    crds = crd_text()
    deploy_dir = ROOT / "deploy" / "crds"
    deploy_files = sorted(deploy_dir.glob("*.yaml")) if deploy_dir.is_dir() else []
    if not crds and not deploy_files:
        print("  CRDs: none yet (charts/cronjob-guardian/crds and deploy/crds are absent)", file=sys.stderr)
        return
    (out / "crds.yaml").write_text(crds)
    deployed = [doc for path in deploy_files for doc in parse(path.read_text())]
    report.check(bool(crds), "the chart ships the CRDs (charts/cronjob-guardian/crds)")
    report.check(bool(deployed), "deploy/crds ships the CRDs")
    report.equal(parse(crds), deployed, "the chart's CRDs equal deploy/crds")
    names = sorted(doc["metadata"]["name"] for doc in deployed)
    report.equal(
        names, ["alertchannels.guardian.illenium.net", "cronjobmonitors.guardian.illenium.net"], "both CRDs are shipped"
    )


def _lint(report: Report) -> None:
    for files in ((), *((name,) for name in SEED_FILES)):
        values = load_values(*files) if files else None
        result = helm_python.lint(CHART_DIR, values, strict=True, kube_version="v1.33.0")
        worse = [m for m in result["messages"] if m["severity"] >= 2]
        label = files[0] if files else "default values"
        report.equal(result["errors"] + [m["error"] for m in worse], [], f"helm lint --strict ({label})")


def _shipped_rules(out: Path, report: Report) -> None:
    """The chart's rules file is deploy/prometheus/rules.yaml, byte for byte; the
    rendered PrometheusRule's groups go to OUT for promtool."""
    deploy_rules = (ROOT / "deploy" / "prometheus" / "rules.yaml").read_bytes()
    chart_rules = (CHART_DIR / "files" / "prometheus-rules.yaml").read_bytes()
    report.check(
        deploy_rules == chart_rules,
        "charts/cronjob-guardian/files/prometheus-rules.yaml equals deploy/prometheus/rules.yaml",
    )
    everything = out / "everything-on.yaml"
    if everything.exists():
        rule = find(parse(everything.read_text()), "PrometheusRule", "cronjob-guardian")
        if report.check(rule is not None, "everything-on renders a PrometheusRule"):
            (out / "prometheus").mkdir(exist_ok=True)
            (out / "prometheus" / "prometheusrule.yaml").write_text(yaml.safe_dump(rule["spec"], sort_keys=False))


def cmd_assert(out: Path) -> int:
    report = Report()
    for name, values in valid_scenarios().items():
        path = out / f"{name}.yaml"
        if not report.check(path.exists(), f"{path.name} was rendered"):
            continue
        rendered = parse(path.read_text())
        before = len(report.failures)
        _assert_all(name, rendered, values, report)
        print(f"  {name}: {'ok' if len(report.failures) == before else 'FAILED'}", file=sys.stderr)
    return report.finish("assertions on rendered objects")


def _assert_all(name: str, rendered: list, values: dict, report: Report) -> None:
    assert_common.check(rendered, values, report)
    assert_query.check(rendered, values, report)
    assert_rbac.check(rendered, values, report)
    assert_security.check(rendered, report)
    assert_network.check(rendered, values, report)
    assert_tls.check(rendered, values, report)
    specific = assert_scenarios.BY_SCENARIO.get(name)
    if specific is not None:
        specific(rendered, report)


def cmd_kustomize(out: Path) -> int:
    report = Report()
    pairs = (
        ("base", manifests.BASE, "default"),
        ("ha", manifests.OVERLAY, "values-ha-production"),
        ("mysql", manifests.OVERLAY.parent / "mysql", "mysql-production"),
    )
    for label, directory, scenario in pairs:
        try:
            built = manifests.build(directory)
        except subprocess.CalledProcessError as error:
            report.fail(f"kubectl kustomize {directory.relative_to(ROOT)} failed: {error.stderr.strip()}")
            continue
        (out / f"kustomize-{label}.yaml").write_text(built)
        rendered = parse((out / f"{scenario}.yaml").read_text())
        problems = manifests.differences(parse(built), rendered)
        report.equal(
            problems, [], f"kubectl kustomize {directory.relative_to(ROOT)} builds the chart's {scenario} objects"
        )
        before = len(report.failures)
        _assert_all(scenario, parse(built), valid_scenarios()[scenario], report)
        report.check(len(report.failures) == before, f"deploy/{label} passes the {scenario} assertions")
    return report.finish("kustomize")


def cmd_write() -> int:
    for path in manifests.write():
        print(f"wrote {path.relative_to(ROOT)}", file=sys.stderr)
    return 0


def cmd_rule_metrics() -> int:
    rules = yaml.safe_load((ROOT / "deploy" / "prometheus" / "rules.yaml").read_text())
    exprs = [rule["expr"] for group in rules["groups"] for rule in group["rules"]]
    for name in sorted({m for expr in exprs for m in re.findall(r"\bcronjob_guardian_[a-z0-9_]+", expr)}):
        print(name)
    return 0


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[1] == "write-manifests":
        return cmd_write()
    if len(argv) == 2 and argv[1] == "rule-metrics":
        return cmd_rule_metrics()
    commands = {"render": cmd_render, "assert": cmd_assert, "kustomize": cmd_kustomize, "dashboard": dashboard.check}
    if len(argv) != 3 or argv[1] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[2])
    out.mkdir(parents=True, exist_ok=True)
    return commands[argv[1]](out)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
