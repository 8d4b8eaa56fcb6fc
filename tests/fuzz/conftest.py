"""The fuzz tests share the limit tests' watchdog (a hung run ends with tracebacks)."""

from __future__ import annotations

from tests.limits.conftest import watchdog

__all__ = ["watchdog"]
