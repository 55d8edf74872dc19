"""Every pod the chart renders passes the Kubernetes "restricted" Pod Security
Standard (each control of the baseline and restricted profiles, as listed in
https://kubernetes.io/docs/concepts/security/pod-security-standards/), and
every container also has a read-only root file system."""

from __future__ import annotations

from typing import Any

from .chart import Manifest
from .report import Report

POD_KINDS = {"Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet"}
ALLOWED_VOLUMES = {
    "configMap",
    "csi",
    "downwardAPI",
    "emptyDir",
    "ephemeral",
    "persistentVolumeClaim",
    "projected",
    "secret",
}
SAFE_SYSCTLS = {
    "kernel.shm_rmid_forced",
    "net.ipv4.ip_local_port_range",
    "net.ipv4.ip_unprivileged_port_start",
    "net.ipv4.tcp_syncookies",
    "net.ipv4.ping_group_range",
    "net.ipv4.ip_local_reserved_ports",
    "net.ipv4.tcp_keepalive_time",
    "net.ipv4.tcp_fin_timeout",
    "net.ipv4.tcp_keepalive_intvl",
    "net.ipv4.tcp_keepalive_probes",
}
SELINUX_TYPES = {None, "", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"}
SECCOMP_ALLOWED = {"RuntimeDefault", "Localhost"}


def pods(manifests: list[Manifest]) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(name, pod metadata, pod spec) of every pod template."""
    found = []
    for manifest in manifests:
        if manifest.get("kind") in POD_KINDS:
            template = manifest["spec"]["template"]
            found.append(
                (f"{manifest['kind']}/{manifest['metadata']['name']}", template.get("metadata", {}), template["spec"])
            )
    return found


def _containers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for key in ("initContainers", "containers", "ephemeralContainers") for c in spec.get(key, [])]


def check(manifests: list[Manifest], report: Report) -> None:
    for where, metadata, spec in pods(manifests):
        pod_context = spec.get("securityContext", {})
        containers = _containers(spec)
        report.check(bool(containers), f"{where} has containers")
        _baseline_pod(where, metadata, spec, pod_context, report)
        for item in containers:
            context = item.get("securityContext", {})
            name = f"{where}/{item['name']}"
            _baseline_container(name, context, item, report)
            _restricted_container(name, context, pod_context, report)
            report.equal(context.get("readOnlyRootFilesystem"), True, f"{name}: readOnlyRootFilesystem")


def _baseline_pod(
    where: str, metadata: dict[str, Any], spec: dict[str, Any], context: dict[str, Any], report: Report
) -> None:
    report.check(not context.get("windowsOptions", {}).get("hostProcess"), f"{where}: no HostProcess")
    for field in ("hostNetwork", "hostPID", "hostIPC"):
        report.check(not spec.get(field), f"{where}: host namespaces: {field} unset or false")
    for volume in spec.get("volumes", []):
        kinds = set(volume) - {"name"}
        report.check("hostPath" not in kinds, f"{where}: no hostPath volume ({volume['name']})")
        report.check(kinds <= ALLOWED_VOLUMES, f"{where}: volume {volume['name']} is of a restricted type, got {kinds}")
    report.check(_apparmor_ok(context.get("appArmorProfile")), f"{where}: pod AppArmor profile")
    for key, value in metadata.get("annotations", {}).items():
        if key.startswith("container.apparmor.security.beta.kubernetes.io/"):
            report.check(
                value == "runtime/default" or value.startswith("localhost/"), f"{where}: AppArmor annotation {key}"
            )
    _selinux(where, context, report)
    for sysctl in context.get("sysctls", []):
        report.check(sysctl["name"] in SAFE_SYSCTLS, f"{where}: sysctl {sysctl['name']} is in the safe set")
    pod_seccomp = context.get("seccompProfile", {}).get("type")
    report.check(pod_seccomp in SECCOMP_ALLOWED | {None}, f"{where}: pod seccomp is not Unconfined")
    report.check(context.get("runAsUser") != 0, f"{where}: pod runAsUser is not 0")
    report.check(context.get("runAsNonRoot") is not False, f"{where}: pod runAsNonRoot is not false")


def _baseline_container(name: str, context: dict[str, Any], item: dict[str, Any], report: Report) -> None:
    report.check(not context.get("windowsOptions", {}).get("hostProcess"), f"{name}: no HostProcess")
    report.check(not context.get("privileged"), f"{name}: not privileged")
    for port in item.get("ports", []):
        report.check(not port.get("hostPort"), f"{name}: no hostPort ({port.get('name')})")
    report.check(_apparmor_ok(context.get("appArmorProfile")), f"{name}: AppArmor profile")
    _selinux(name, context, report)
    report.check(context.get("procMount", "Default") == "Default", f"{name}: procMount Default")


def _restricted_container(name: str, context: dict[str, Any], pod: dict[str, Any], report: Report) -> None:
    report.equal(context.get("allowPrivilegeEscalation"), False, f"{name}: allowPrivilegeEscalation")
    non_root = context.get("runAsNonRoot", pod.get("runAsNonRoot"))
    report.equal(non_root, True, f"{name}: runAsNonRoot (container or pod)")
    report.check(context.get("runAsUser") != 0, f"{name}: runAsUser is not 0")
    seccomp = context.get("seccompProfile", {}).get("type") or pod.get("seccompProfile", {}).get("type")
    report.check(
        seccomp in SECCOMP_ALLOWED, f"{name}: seccomp RuntimeDefault or Localhost (container or pod), got {seccomp}"
    )
    capabilities = context.get("capabilities", {})
    report.check("ALL" in capabilities.get("drop", []), f"{name}: capabilities drop ALL")
    report.check(
        set(capabilities.get("add", [])) <= {"NET_BIND_SERVICE"}, f"{name}: adds no capability but NET_BIND_SERVICE"
    )


def _apparmor_ok(profile: dict[str, Any] | None) -> bool:
    return profile is None or profile.get("type") in {"RuntimeDefault", "Localhost"}


def _selinux(where: str, context: dict[str, Any], report: Report) -> None:
    options = context.get("seLinuxOptions", {})
    report.check(options.get("type") in SELINUX_TYPES, f"{where}: SELinux type")
    report.check(not options.get("user") and not options.get("role"), f"{where}: SELinux user and role unset")
