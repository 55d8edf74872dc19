"""docker-compose.yml as `podman-compose config` resolves it (anchors and merge
keys applied) agrees with the binary: every guardian service runs a real
subcommand with real flags and GUARDIAN_* variables, reaches the database and
the collector by service names that exist, advertises the port it listens on,
and the published query port reaches the query replicas through nginx.

    python -m deploy_checks.compose PATH-TO-podman-compose
"""

from __future__ import annotations

import re
import subprocess
import sys
from urllib.parse import urlparse

import yaml

from . import binary_flags
from .report import Report

COMPOSE_FILE = binary_flags.ROOT / "docker-compose.yml"
NGINX_CONF = binary_flags.ROOT / "deploy" / "compose" / "nginx.conf"
GRPC_PORT, HTTP_PORT = 9090, 8080
# Read by the binary without a flag: the lease identity and the OTLP exporter.
ENV_WITHOUT_FLAG = {"POD_NAME", "OTEL_EXPORTER_OTLP_ENDPOINT"}


def resolved(podman_compose: str) -> dict:
    result = subprocess.run(
        [podman_compose, "-f", str(COMPOSE_FILE), "config"], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"podman-compose config failed: {result.stderr}")
    return yaml.safe_load(result.stdout)


def _environment(service: dict) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {key: str(value) for key, value in env.items()}


def check(config: dict, report: Report) -> None:
    services = config.get("services", {})
    binary = binary_flags.read()
    guardians = {name: s for name, s in services.items() if str(s.get("image", "")).startswith("cronjob-guardian")}
    report.equal(
        sorted(guardians), ["controller-1", "controller-2", "query-1", "query-2"], "the guardian services of compose"
    )
    postgres = _environment(services.get("postgres", {}))
    for name, service in guardians.items():
        command = service.get("command") or []
        if isinstance(command, str):
            command = command.split()
        report.check(command[:1] in (["controller"], ["query"]), f"{name}: runs `controller` or `query`: {command}")
        for arg in command[1:]:
            if arg.startswith("--"):
                flag = arg[2:].split("=", 1)[0]
                report.check(flag in binary.flags, f"{name}: --{flag} is a flag of the binary")
        env = _environment(service)
        for key in env:
            report.check(key in binary.env or key in ENV_WITHOUT_FLAG, f"{name}: env {key} is read by the binary")
        report.equal(env.get("GUARDIAN_STORAGE_TYPE"), "postgres", f"{name}: shares the PostgreSQL database")
        report.check(env.get("GUARDIAN_STORAGE_POSTGRES_HOST") in services, f"{name}: the database host is a service")
        for key, wanted in (
            ("DATABASE", "POSTGRES_DB"),
            ("USERNAME", "POSTGRES_USER"),
            ("PASSWORD", "POSTGRES_PASSWORD"),
        ):
            report.equal(env.get(f"GUARDIAN_STORAGE_POSTGRES_{key}"), postgres.get(wanted), f"{name}: database {key}")
        otlp = urlparse(env.get("OTEL_EXPORTER_OTLP_ENDPOINT", ""))
        report.check(otlp.hostname in services, f"{name}: the OTLP endpoint is a service ({otlp.hostname})")
        report.check("postgres" in (service.get("depends_on") or {}), f"{name}: starts after the database")
        if command[:1] == ["controller"]:
            advertised = urlparse(env.get("GUARDIAN_ADVERTISE_ADDRESS", ""))
            report.equal(
                (advertised.hostname, advertised.port),
                (service.get("hostname", name), GRPC_PORT),
                f"{name}: advertises its own gRPC address",
            )
            report.equal(env.get("POD_NAME"), name, f"{name}: a lease identity of its own")
    _published_query_port(services, guardians, report)


def _published_query_port(services: dict, guardians: dict, report: Report) -> None:
    """The only published port is nginx's, proxying to the query replicas' REST port."""
    published = {name: s.get("ports") for name, s in services.items() if s.get("ports")}
    report.equal(list(published), ["query"], "only the query proxy publishes a port")
    ports = [
        str(p.get("published", "")) + ":" + str(p.get("target", "")) if isinstance(p, dict) else str(p)
        for p in published.get("query", [])
    ]
    report.equal(ports, [f"{HTTP_PORT}:{HTTP_PORT}"], "the query proxy publishes 8080")
    upstreams = re.findall(r"server\s+([\w-]+):(\d+);", NGINX_CONF.read_text())
    queries = sorted(n for n, s in guardians.items() if (s.get("command") or [""])[0] == "query")
    report.equal(sorted(h for h, _ in upstreams), queries, "nginx proxies to every query replica")
    report.check(all(int(p) == HTTP_PORT for _, p in upstreams), "nginx proxies to the REST port (8080)")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    report = Report()
    check(resolved(argv[1]), report)
    return report.finish("docker-compose.yml")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
