"""Find zig inside the ``ziglang`` wheel (never a system zig) and run it."""

from __future__ import annotations

import functools
import subprocess
import sys
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

PACKAGE = "ziglang"


class ZigNotFound(RuntimeError):
    """The ziglang package is missing or holds no zig executable."""


@dataclass(frozen=True)
class Zig:
    """A zig executable from the ziglang wheel."""

    executable: Path
    version: str

    @property
    def lib_dir(self) -> Path:
        """zig's own headers and sources: dependencies covered by the version."""
        return self.executable.parent / "lib"

    def command(self, *args: str) -> list[str]:
        return [str(self.executable), *args]

    def run(self, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        """Run zig, capturing output; the caller decides what a failure means."""
        return subprocess.run(
            self.command(*args), cwd=cwd, capture_output=True, text=True, check=False
        )


def find_zig(package: str = PACKAGE) -> Zig:
    """Locate zig in the installed ``package`` and read its version."""
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ZigNotFound(
            f"zig not found: the Python package '{package}' is not installed "
            f"(install it with: {Path(sys.executable).name} -m pip install {package})"
        )
    package_dir = Path(next(iter(spec.submodule_search_locations)))
    for name in ("zig", "zig.exe"):
        executable = package_dir / name
        if executable.is_file():
            break
    else:
        raise ZigNotFound(f"zig not found: the package '{package}' in {package_dir} has no zig")
    result = subprocess.run(
        [str(executable), "version"], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise ZigNotFound(f"{executable} version failed: {result.stderr.strip()}")
    return Zig(executable, result.stdout.strip())


@functools.cache
def default_zig() -> Zig:
    """The zig of the ``ziglang`` package, looked up once per process."""
    return find_zig()
