"""What each scenario must produce beyond the common rules: the seed's values
(replicas, PDB, anti-affinity, topology spread, lease arguments, database
settings), SQLite defaults, and the optional objects."""

from __future__ import annotations

import json
from typing import Any

import yaml

from .chart import CHART_DIR, Manifest, find, load_values
from .objects import (
    CONTROLLER,
    QUERY,
    args_flags,
    config_file,
    container,
    deployments,
    env_map,
    of_kind,
    pod_labels,
    pod_spec,
    selects,
)
from .report import Report


def _lease_args(controller: Manifest, expected: dict[str, str] | None, report: Report) -> None:
    flags = args_flags(container(controller, "controller") or {})
    lease = {k: v for k, v in flags.items() if k.startswith("leader-election-")}
    if expected is None:
        report.equal(lease, {"leader-election-enabled": "false"}, "leader election off on the command line")
        return
    wanted = {"leader-election-enabled": "true"} | {f"leader-election-{k}": v for k, v in expected.items()}
    report.equal(lease, wanted, "leader election arguments")


def default(manifests: list[Manifest], report: Report) -> None:
    controller, _ = deployments(manifests)
    report.equal(controller["spec"]["strategy"], {"type": "Recreate"}, "SQLite replaces its single pod with Recreate")
    _lease_args(controller, None, report)
    report.equal(config_file(manifests).get("storage", {}).get("type"), "sqlite", "default storage is SQLite")
    volumes = {v["name"]: v for v in pod_spec(controller)["volumes"]}
    report.equal(
        volumes.get("data", {}).get("persistentVolumeClaim", {}).get("claimName"),
        f"{CONTROLLER}-data",
        "SQLite data on the PVC",
    )
    report.check(
        find(manifests, "PersistentVolumeClaim", f"{CONTROLLER}-data") is not None, "the SQLite PVC is rendered"
    )
    report.check(
        find(manifests, "PodDisruptionBudget", CONTROLLER) is None, "no controller PDB by default (one replica)"
    )
    report.check(find(manifests, "ConfigMap", f"{CONTROLLER}-dashboard") is None, "no Grafana dashboard by default")
    for absent in ("HorizontalPodAutoscaler", "Ingress", "ServiceMonitor", "PrometheusRule", "Role"):
        report.check(not of_kind(manifests, absent), f"no {absent} by default")


def _postgres_common(
    manifests: list[Manifest], replicas: int, lease: dict[str, str], postgres: dict[str, Any], report: Report
) -> Manifest:
    controller, _ = deployments(manifests)
    report.equal(controller["spec"]["replicas"], replicas, "controller replicas")
    report.equal(controller["spec"]["strategy"]["type"], "RollingUpdate", "HA controllers roll one at a time")
    _lease_args(controller, lease, report)
    env = env_map(container(controller, "controller"))
    secret = env.get("GUARDIAN_STORAGE_POSTGRES_PASSWORD", {}).get("valueFrom", {}).get("secretKeyRef")
    report.equal(secret, {"name": "postgres-credentials", "key": "password"}, "the password comes from existingSecret")
    stored = config_file(manifests).get("storage", {})
    report.equal(stored.get("type"), "postgres", "storage.type in the config file")
    got = {key: stored.get("postgres", {}).get(key) for key in postgres}
    report.equal(got, postgres, "storage.postgres in the config file")
    report.check("sqlite" not in stored, "no SQLite settings with PostgreSQL")
    report.check(
        find(manifests, "PersistentVolumeClaim", f"{CONTROLLER}-data") is None, "no SQLite PVC with PostgreSQL"
    )
    report.check("data" not in {v["name"] for v in pod_spec(controller)["volumes"]}, "no data volume with PostgreSQL")
    return controller


def values_ha(manifests: list[Manifest], report: Report) -> None:
    lease = {"lease-duration": "15s", "renew-deadline": "10s", "retry-period": "2s", "backend": "kubernetes"}
    postgres = {"host": "postgres.database.svc", "port": 5432, "database": "guardian", "username": "guardian"}
    _postgres_common(manifests, 2, lease, postgres, report)


def values_ha_production(manifests: list[Manifest], report: Report) -> None:
    seed = load_values("ci/values-ha-production.yaml")
    lease = {"lease-duration": "15s", "renew-deadline": "10s", "retry-period": "2s", "backend": "kubernetes"}
    postgres = {
        "host": "postgres.database.svc.cluster.local",
        "port": 5432,
        "database": "cronjob_guardian",
        "username": "guardian",
        "ssl-mode": "require",
        "max-open-conns": 25,
        "max-idle-conns": 10,
    }
    controller = _postgres_common(manifests, 3, lease, postgres, report)
    spec = pod_spec(controller)
    report.equal(spec.get("affinity"), seed["affinity"], "podAntiAffinity from the seed's production values")
    report.equal(
        spec.get("topologySpreadConstraints"),
        seed["topologySpreadConstraints"],
        "topologySpreadConstraints from the seed",
    )
    term = seed["affinity"]["podAntiAffinity"]["preferredDuringSchedulingIgnoredDuringExecution"][0]["podAffinityTerm"]
    _, query = deployments(manifests)
    report.check(
        selects(term["labelSelector"], pod_labels(controller)),
        "the seed's anti-affinity selector matches controller pods",
    )
    report.check(
        query is not None and not selects(term["labelSelector"], pod_labels(query)),
        "the seed's anti-affinity selector skips query pods",
    )
    report.equal(container(controller, "controller")["resources"], seed["resources"], "resources from the seed")
    budget = find(manifests, "PodDisruptionBudget", CONTROLLER)
    if report.check(budget is not None, "the controller PDB is rendered"):
        report.equal(
            budget["spec"],
            {"minAvailable": 1, "selector": controller["spec"]["selector"]},
            "controller PDB minAvailable 1 over the controllers",
        )


def everything_on(manifests: list[Manifest], report: Report) -> None:
    controller, query = deployments(manifests)
    ingress = find(manifests, "Ingress", CONTROLLER)
    if report.check(ingress is not None, "the Ingress is rendered"):
        backend = ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
        report.equal(
            backend, {"name": QUERY, "port": {"number": 8080}}, "the Ingress routes to the query Service's HTTP port"
        )
    monitor = find(manifests, "ServiceMonitor", CONTROLLER)
    if report.check(monitor is not None, "the ServiceMonitor is rendered"):
        spec = monitor["spec"]
        report.equal(spec["jobLabel"], "app.kubernetes.io/name", "ServiceMonitor job label")
        services = [s for s in of_kind(manifests, "Service") if selects(spec["selector"], s["metadata"]["labels"])]
        jobs = sorted(s["metadata"]["labels"][spec["jobLabel"]] for s in services)
        report.equal(
            jobs,
            [CONTROLLER, QUERY],
            "scrape jobs: controllers job=cronjob-guardian (the seed's ReplicasLow), query job=cronjob-guardian-query",
        )
        for service in services:
            names = {p["name"] for p in service["spec"]["ports"]}
            report.check(
                spec["endpoints"][0]["port"] in names, f"Service {service['metadata']['name']} has the scraped port"
            )
        report.equal(monitor["metadata"]["labels"].get("release"), "kube-prometheus", "serviceMonitor.labels")
    rule = find(manifests, "PrometheusRule", CONTROLLER)
    if report.check(rule is not None, "the PrometheusRule is rendered"):
        shipped = yaml.safe_load((CHART_DIR / "files" / "prometheus-rules.yaml").read_text())["groups"]
        report.equal(rule["spec"]["groups"][:-1], shipped, "PrometheusRule carries the shipped rules")
        report.equal(
            rule["spec"]["groups"][-1]["rules"][0]["alert"], "Extra", "prometheusRule.additionalRules appended"
        )
    for deployment in (controller, query):
        for item in pod_spec(deployment)["containers"]:
            mounts = {m["name"] for m in item.get("volumeMounts", [])}
            report.check("ca" in mounts, f"{deployment['metadata']['name']}/{item['name']} gets extraVolumeMounts")
            report.equal(
                env_map(item).get("GUARDIAN_LOG_FORMAT", {}).get("value"), "json", f"{item['name']} gets extraEnv"
            )
        report.equal(
            pod_labels(deployment).get("team"),
            "platform" if deployment is controller else None,
            "podLabels apply to controllers",
        )
    report.equal(
        config_file(manifests).get("watch-namespaces"), ["batch", "reports"], "watch-namespaces in the config file"
    )
    dashboard = find(manifests, "ConfigMap", f"{CONTROLLER}-dashboard")
    if report.check(dashboard is not None, "the Grafana dashboard ConfigMap is rendered"):
        report.equal(dashboard["metadata"]["labels"].get("grafana_dashboard"), "1", "the Grafana sidecar label")
        shipped = json.loads((CHART_DIR / "files" / "grafana-dashboard.json").read_text())
        carried = json.loads(dashboard["data"]["cronjob-guardian.json"])
        report.equal(carried, shipped, "the ConfigMap carries the dashboard")


def postgres_lease(manifests: list[Manifest], report: Report) -> None:
    controller, _ = deployments(manifests)
    lease = {"lease-duration": "15s", "renew-deadline": "10s", "retry-period": "2s", "backend": "postgres"}
    _lease_args(controller, lease, report)


def mysql_ha(manifests: list[Manifest], report: Report) -> None:
    controller, _ = deployments(manifests)
    lease = {"lease-duration": "15s", "renew-deadline": "10s", "retry-period": "2s", "backend": "postgres"}
    _lease_args(controller, lease, report)
    _mysql_common(manifests, {"host": "mariadb.database.svc", "port": 3306, "database": "guardian"}, report)


def mysql_production(manifests: list[Manifest], report: Report) -> None:
    controller, _ = deployments(manifests)
    report.equal(controller["spec"]["replicas"], 3, "controller replicas")
    mysql = {"host": "mysql.database.svc.cluster.local", "database": "cronjob_guardian", "max-open-conns": 25}
    _mysql_common(manifests, mysql, report)


def _mysql_common(manifests: list[Manifest], mysql: dict[str, Any], report: Report) -> None:
    controller, query = deployments(manifests)
    for deployment, plane in ((controller, "controller"), (query, "query")):
        env = env_map(container(deployment, plane))
        secret = env.get("GUARDIAN_STORAGE_MYSQL_PASSWORD", {}).get("valueFrom", {}).get("secretKeyRef")
        report.equal(secret, {"name": "mysql-credentials", "key": "password"}, f"{plane}: MySQL password from the Secret")
        report.check("GUARDIAN_STORAGE_POSTGRES_PASSWORD" not in env, f"{plane}: no PostgreSQL password with MySQL")
    stored = config_file(manifests).get("storage", {})
    report.equal(stored.get("type"), "mysql", "storage.type mysql in the config file")
    mysql = mysql | {"ssl-mode": "required"}
    got = {key: stored.get("mysql", {}).get(key) for key in mysql}
    report.equal(got, mysql, "storage.mysql in the config file")
    report.check("postgres" not in stored and "sqlite" not in stored, "only the MySQL settings are rendered")
    report.check(not of_kind(manifests, "PersistentVolumeClaim"), "no SQLite PVC with MySQL")


def sqlite_no_persistence(manifests: list[Manifest], report: Report) -> None:
    controller, _ = deployments(manifests)
    volumes = {v["name"]: v for v in pod_spec(controller)["volumes"]}
    report.equal(volumes.get("data"), {"name": "data", "emptyDir": {}}, "persistence.enabled=false uses an emptyDir")
    report.check(not of_kind(manifests, "PersistentVolumeClaim"), "no PVC without persistence")
    budget = find(manifests, "PodDisruptionBudget", CONTROLLER)
    if report.check(budget is not None, "the controller PDB is rendered"):
        report.equal(budget["spec"].get("maxUnavailable"), 1, "PDB maxUnavailable when set")


def no_query_no_rbac(manifests: list[Manifest], report: Report) -> None:
    controller, _ = deployments(manifests)
    report.equal(pod_spec(controller)["serviceAccountName"], "guardian", "serviceAccount.name is used when not created")
    report.check(not of_kind(manifests, "ServiceAccount"), "serviceAccount.create=false renders no ServiceAccount")


BY_SCENARIO = {
    "default": default,
    "values-ha": values_ha,
    "values-ha-production": values_ha_production,
    "everything-on": everything_on,
    "postgres-lease": postgres_lease,
    "mysql-ha": mysql_ha,
    "mysql-production": mysql_production,
    "sqlite-no-persistence": sqlite_no_persistence,
    "no-query-no-rbac": no_query_no_rbac,
}
