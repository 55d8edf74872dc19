"""TLS between the planes: the controllers serve their gRPC port with the
mounted Secret's files and advertise https; query replicas trust its CA,
expect the controllers' Service name (which the certificate carries) and, with
mutual TLS, present a client certificate; cert-manager Certificates fill the
Secrets the pods mount."""

from __future__ import annotations

from typing import Any

from .chart import NAMESPACE, Manifest, find
from .objects import CONTROLLER, container, deployments, env_map, of_kind, pod_spec
from .report import Report

TLS_DIR = "/etc/cronjob-guardian-tls"


def _values(values: dict[str, Any]) -> dict[str, Any]:
    return values.get("tls", {})


def _mounted_secret(deployment: Manifest, item: dict[str, Any]) -> str | None:
    """The Secret mounted at TLS_DIR in ``item``."""
    mount = next((m for m in item.get("volumeMounts", []) if m["mountPath"] == TLS_DIR), None)
    if mount is None:
        return None
    volume = next((v for v in pod_spec(deployment)["volumes"] if v["name"] == mount["name"]), {})
    return volume.get("secret", {}).get("secretName")


def _value(item: dict[str, Any], name: str) -> str | None:
    return env_map(item).get(name, {}).get("value")


def check(manifests: list[Manifest], values: dict[str, Any], report: Report) -> None:
    tls = _values(values)
    controller, query = deployments(manifests)
    main = container(controller, "controller")
    advertise = _value(main, "GUARDIAN_ADVERTISE_ADDRESS") or ""
    enabled = tls.get("enabled", False)
    report.equal(advertise.split("://")[0], "https" if enabled else "http", "the controller advertises its scheme")
    if not enabled:
        report.check(not of_kind(manifests, "Certificate"), "no Certificate without tls.enabled")
        report.check(_mounted_secret(controller, main) is None, "no TLS Secret mounted without tls.enabled")
        return
    mutual = tls.get("mutual", True)
    manager = tls.get("certManager", {}).get("enabled", False)
    server_secret = f"{CONTROLLER}-controller-tls" if manager else tls.get("existingSecret")
    client_secret = f"{CONTROLLER}-query-tls" if manager else tls.get("queryExistingSecret") or server_secret
    report.equal(_mounted_secret(controller, main), server_secret, "the controller mounts its TLS Secret")
    wanted = {"GUARDIAN_GRPC_TLS_CERT_FILE": f"{TLS_DIR}/tls.crt", "GUARDIAN_GRPC_TLS_KEY_FILE": f"{TLS_DIR}/tls.key"}
    if mutual:
        wanted["GUARDIAN_GRPC_TLS_CLIENT_CA_FILE"] = f"{TLS_DIR}/ca.crt"
    got = {k: _value(main, k) for k in env_map(main) if k.startswith("GUARDIAN_GRPC_TLS_")}
    report.equal(got, wanted, "the controller's gRPC TLS files (client CA only with mutual TLS)")
    server_name = f"{CONTROLLER}.{NAMESPACE}.svc"
    report.check(find(manifests, "Service", CONTROLLER) is not None, "the name replicas expect is a Service's")
    replicas = [(query, container(query, "query"))] if query else []
    if not replicas and container(controller, "query") is not None:
        replicas = [(controller, container(controller, "query"))]
    for deployment, item in replicas:
        where = f"{deployment['metadata']['name']}/query"
        report.equal(_mounted_secret(deployment, item), client_secret, f"{where} mounts the query TLS Secret")
        expected = {
            "GUARDIAN_CONTROLLER_TLS_CA_FILE": f"{TLS_DIR}/ca.crt",
            "GUARDIAN_CONTROLLER_TLS_SERVER_NAME": server_name,
        }
        if mutual:
            expected["GUARDIAN_CONTROLLER_TLS_CERT_FILE"] = f"{TLS_DIR}/tls.crt"
            expected["GUARDIAN_CONTROLLER_TLS_KEY_FILE"] = f"{TLS_DIR}/tls.key"
        got = {k: _value(item, k) for k in env_map(item) if k.startswith("GUARDIAN_CONTROLLER_TLS_")}
        report.equal(got, expected, f"{where} verifies the controllers over TLS")
    if manager:
        _certificates(manifests, tls, server_name, server_secret, client_secret, report)


def _certificates(
    manifests: list[Manifest],
    tls: dict[str, Any],
    server_name: str,
    server_secret: str | None,
    client_secret: str | None,
    report: Report,
) -> None:
    server = find(manifests, "Certificate", f"{CONTROLLER}-controller-tls")
    client = find(manifests, "Certificate", f"{CONTROLLER}-query-tls")
    if not report.check(server is not None and client is not None, "both cert-manager Certificates are rendered"):
        return
    report.check(server_name in server["spec"]["dnsNames"], "the controllers' certificate carries the Service name")
    report.equal(server["spec"]["secretName"], server_secret, "the controllers' Certificate fills the mounted Secret")
    report.equal(client["spec"]["secretName"], client_secret, "the replicas' Certificate fills the mounted Secret")
    report.check("server auth" in server["spec"]["usages"], "the controllers' certificate allows server auth")
    report.check("client auth" in client["spec"]["usages"], "the replicas' certificate allows client auth")
    issuer = tls["certManager"]["issuerRef"]["name"]
    for certificate in (server, client):
        report.equal(certificate["spec"]["issuerRef"]["name"], issuer, "Certificates use the configured issuer")
