"""The flags and environment variables the `cronjob-guardian` binary really has,
read from its clap definitions, so the chart cannot drift from the binary."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pathlib import Path

# Not from .chart: this module also runs without Helm's engine (scripts/check-image).
ROOT = Path(__file__).resolve().parents[2]
ARGS_RS = ROOT / "services" / "cli" / "src" / "args.rs"

# `#[arg(...)]` (possibly spanning lines), optional doc comments, then the field.
_FIELD = re.compile(r"#\[arg\((?P<attrs>.*?)\)\]\s*pub (?P<field>\w+):", re.S)
_ENV = re.compile(r'env\s*=\s*"(?P<env>[A-Z0-9_]+)"')


@dataclass(frozen=True)
class BinaryFlags:
    flags: frozenset[str]
    env: frozenset[str]


def read() -> BinaryFlags:
    """Long flag names (without ``--``) and environment variables of every argument."""
    # args.rs and its submodules (args/auth.rs, args/retention.rs, ...).
    sources = [ARGS_RS, *sorted(ARGS_RS.with_suffix("").glob("*.rs"))]
    text = "\n".join(path.read_text() for path in sources)
    flags: set[str] = set()
    env: set[str] = set()
    for match in _FIELD.finditer(text):
        attrs = match.group("attrs")
        if re.search(r"\blong\b", attrs):
            flags.add(match.group("field").replace("_", "-"))
        found = _ENV.search(attrs)
        if found:
            env.add(found.group("env"))
    return BinaryFlags(frozenset(flags), frozenset(env))


def config_file_flags(config: dict, prefix: str = "") -> dict[str, object]:
    """Flattens a config file the way the binary does: nested keys joined with
    ``-`` (``storage.postgres.host`` -> ``storage-postgres-host``)."""
    flat: dict[str, object] = {}
    for key, value in config.items():
        joined = f"{prefix}-{key}" if prefix else str(key)
        if isinstance(value, dict):
            flat.update(config_file_flags(value, joined))
        else:
            flat[joined] = value
    return flat
