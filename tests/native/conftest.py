"""Fixtures for the native build's tests: the library is built (incrementally) on demand.

The native library is ``build/native/libfeather.so`` (``python -m toolchain build-native``);
$FEATHER_NATIVE_LIB points the host at another build (the sanitizer session uses it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
try:
    import feather_tcl  # noqa: F401
except ImportError:  # running from a checkout without an install
    sys.path.insert(0, str(ROOT / "host"))


@pytest.fixture(scope="session")
def native_lib() -> Path:
    """The native library the host loads, built first unless $FEATHER_NATIVE_LIB names one."""
    override = os.environ.get("FEATHER_NATIVE_LIB")
    if override:
        return Path(override)
    from toolchain.manifest import load_manifest
    from toolchain.native import build_native

    return build_native(load_manifest(ROOT / "build.toml"), log=lambda _: None).library
