"""The values the chart is rendered with: the seed's files unchanged, the
defaults, a few option combinations, and combinations that must be refused."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .chart import load_values, merge_into

NAMESPACE_LABEL = "kubernetes.io/metadata.name"
SEED_FILES = ("ci/values-ha.yaml", "ci/values-ha-production.yaml")


def valid_scenarios() -> dict[str, dict[str, Any]]:
    """Scenario name -> values. Each is rendered, schema-validated and asserted on."""
    production = load_values("ci/values-ha-production.yaml")
    return {
        "default": {},
        "values-ha": load_values("ci/values-ha.yaml"),
        "values-ha-production": production,
        # Every optional object on: HPA, ingress, Prometheus Operator objects.
        "everything-on": merge_into(
            load_values("ci/values-ha-production.yaml"),
            {
                "query": {"autoscaling": {"enabled": True, "targetMemoryUtilizationPercentage": 80}},
                "ingress": {
                    "enabled": True,
                    "className": "nginx",
                    "tls": [{"secretName": "tls", "hosts": ["cronjob-guardian.local"]}],
                },
                "serviceMonitor": {"enabled": True, "labels": {"release": "kube-prometheus"}},
                "prometheusRule": {
                    "enabled": True,
                    "additionalRules": [{"alert": "Extra", "expr": "vector(1) > 2", "labels": {"severity": "info"}}],
                },
                "extraEnv": [{"name": "GUARDIAN_LOG_FORMAT", "value": "json"}],
                "extraVolumes": [{"name": "ca", "secret": {"secretName": "db-ca"}}],
                "extraVolumeMounts": [{"name": "ca", "mountPath": "/etc/db-ca", "readOnly": True}],
                "podLabels": {"team": "platform"},
                "config": {"watchNamespaces": ["batch", "reports"], "auth": {"enabled": True}},
                "grafanaDashboard": {"enabled": True},
                "networkPolicy": {
                    "apiFrom": [{"namespaceSelector": {"matchLabels": {NAMESPACE_LABEL: "ingress-nginx"}}}],
                    "metricsFrom": [{"namespaceSelector": {"matchLabels": {NAMESPACE_LABEL: "monitoring"}}}],
                    "extraEgress": [{"ports": [{"port": 4317, "protocol": "TCP"}]}],
                },
            },
        ),
        "network-policy-off": merge_into(load_values("ci/values-ha.yaml"), {"networkPolicy": {"enabled": False}}),
        "sqlite-network-policy": {"networkPolicy": {"enabled": True}},
        "tls-cert-manager": merge_into(
            load_values("ci/values-ha.yaml"),
            {"tls": {"enabled": True, "certManager": {"enabled": True, "issuerRef": {"name": "guardian-ca"}}}},
        ),
        "tls-existing-secret-sqlite": {"tls": {"enabled": True, "existingSecret": "guardian-tls", "mutual": False}},
        "postgres-lease": merge_into(load_values("ci/values-ha.yaml"), {"leaderElection": {"backend": "postgres"}}),
        # MySQL/MariaDB instead of PostgreSQL, electing on its lease row.
        "mysql-ha": merge_into(
            load_values("ci/values-ha.yaml"),
            {
                "leaderElection": {"backend": "postgres"},
                "config": {
                    "storage": {
                        "type": "mysql",
                        "mysql": {
                            "host": "mariadb.database.svc",
                            "existingSecret": "mysql-credentials",
                            "sslMode": "required",
                        },
                    }
                },
            },
        ),
        # The production values on MySQL: what deploy/overlays/mysql builds.
        "mysql-production": merge_into(
            load_values("ci/values-ha-production.yaml"),
            {
                "config": {
                    "storage": {
                        "type": "mysql",
                        "mysql": {
                            "host": "mysql.database.svc.cluster.local",
                            "database": "cronjob_guardian",
                            "existingSecret": "mysql-credentials",
                            "sslMode": "required",
                        },
                    }
                }
            },
        ),
        "sqlite-no-persistence": {
            "persistence": {"enabled": False},
            "podDisruptionBudget": {"enabled": True, "maxUnavailable": 1},
        },
        "no-query-no-rbac": {
            "query": {"enabled": False},
            "rbac": {"create": False},
            "serviceAccount": {"create": False, "name": "guardian"},
        },
    }


@dataclass(frozen=True)
class Refused:
    """Values the chart must refuse, and a phrase the error must contain."""

    name: str
    values: dict[str, Any]
    message: str


def refused_scenarios() -> list[Refused]:
    ha = {"replicaCount": 2, "leaderElection": {"enabled": True}}
    postgres = {"config": {"storage": {"type": "postgres", "postgres": {"host": "db"}}}}
    return [
        Refused("sqlite with 2 replicas and leader election", ha, "SQLite doesn't support HA"),
        Refused("sqlite with 3 replicas, no leader election", {"replicaCount": 3}, "SQLite doesn't support HA"),
        Refused(
            "postgres with 2 replicas, no leader election",
            {**postgres, "replicaCount": 2},
            "needs leaderElection.enabled=true",
        ),
        Refused(
            "postgres without a host",
            {"config": {"storage": {"type": "postgres"}}},
            "config.storage.postgres.host is required",
        ),
        Refused(
            "postgres lease on sqlite",
            {"leaderElection": {"enabled": True, "backend": "postgres"}},
            "needs config.storage.type=postgres",
        ),
        Refused("misspelt top-level key", {"replicaCont": 2}, "additional properties 'replicaCont' not allowed"),
        Refused(
            "misspelt nested key", {"leaderElection": {"enabeld": True}}, "additional properties 'enabeld' not allowed"
        ),
        Refused(
            "misspelt storage key",
            {"config": {"storage": {"postgres": {"hostname": "db"}}}},
            "additional properties 'hostname' not allowed",
        ),
        Refused(
            "plaintext password",
            {"config": {"storage": {"postgres": {"password": "hunter2"}}}},
            "additional properties 'password' not allowed",
        ),
        Refused("TLS without certificates", {"tls": {"enabled": True}}, "tls.enabled needs tls.existingSecret"),
        Refused(
            "cert-manager without an issuer",
            {"tls": {"enabled": True, "certManager": {"enabled": True}}},
            "needs tls.certManager.issuerRef.name",
        ),
        Refused("replicaCount as a string", {"replicaCount": "two"}, "/replicaCount"),
        Refused("replicaCount zero", {"replicaCount": 0}, "/replicaCount"),
        Refused("unknown storage type", {"config": {"storage": {"type": "oracle"}}}, "/config/storage/type"),
        Refused(
            "lease duration that is not a duration",
            {"leaderElection": {"leaseDuration": "15 seconds"}},
            "/leaderElection/leaseDuration",
        ),
        Refused(
            "leader election enabled as a string", {"leaderElection": {"enabled": "yes"}}, "/leaderElection/enabled"
        ),
        Refused("port out of range", {"query": {"service": {"grpcPort": 70000}}}, "/query/service/grpcPort"),
        Refused(
            "PDB minAvailable as a word",
            {"podDisruptionBudget": {"minAvailable": "one"}},
            "/podDisruptionBudget/minAvailable",
        ),
    ]
