"""Collects check results so a run reports every failure, not just the first."""

from __future__ import annotations

import sys


class Report:
    """Named checks and their outcome; ``ok`` is False after any failure."""

    def __init__(self) -> None:
        self.failures: list[str] = []
        self.passed = 0

    def check(self, condition: bool, message: str) -> bool:
        """Records ``message`` as a failure unless ``condition`` holds."""
        if condition:
            self.passed += 1
        else:
            self.failures.append(message)
            print(f"  FAIL {message}", file=sys.stderr)
        return condition

    def equal(self, actual: object, expected: object, what: str) -> bool:
        """Records a failure showing both values when they differ."""
        return self.check(actual == expected, f"{what}: expected {expected!r}, got {actual!r}")

    def fail(self, message: str) -> None:
        self.check(False, message)

    @property
    def ok(self) -> bool:
        return not self.failures

    def finish(self, step: str) -> int:
        """Prints a one-line summary for ``step``; returns the exit code."""
        if self.ok:
            print(f"  ok: {step}: {self.passed} checks passed", file=sys.stderr)
            return 0
        print(f"  {step}: {len(self.failures)} of {self.passed + len(self.failures)} checks failed", file=sys.stderr)
        return 1
