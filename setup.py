"""Wheel build hook: compile feather.wasm with the toolchain and ship it in feather_tcl.

All metadata lives in pyproject.toml. An editable install builds nothing: run
``python -m toolchain build`` (or ``nox -s build``) to put feather.wasm in host/feather_tcl/.
"""

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))


class BuildPyWithWasm(build_py):
    """build_py that also compiles and links the WASM core into the package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        from toolchain.build import build
        from toolchain.manifest import load_manifest

        result = build(load_manifest(ROOT / "build.toml"), copy=False)
        target = Path(self.build_lib) / "feather_tcl" / "feather.wasm"
        target.parent.mkdir(parents=True, exist_ok=True)
        self.copy_file(str(result.wasm), str(target))


setup(cmdclass={"build_py": BuildPyWithWasm})
