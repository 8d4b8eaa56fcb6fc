"""Fixtures for the Python host tests.

- ``feather_tcl`` is imported from host/ when it is not installed.
- Tests needing the built module are skipped when feather.wasm is absent.
- ``tclsh`` runs real Tcl 8.6, the oracle for every expected Tcl output.
- ``need`` skips a test until the core provides the builtins it uses.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
try:
    import feather_tcl  # noqa: F401
except ImportError:  # running from a checkout without an install
    sys.path.insert(0, str(ROOT / "host"))

from feather_tcl import Interp, TclError  # noqa: E402
from feather_tcl._wasm import wasm_path  # noqa: E402


def pytest_configure(config: pytest.Config) -> None:
    # Registered by pyproject.toml; repeated here so tests/host runs on its own too.
    config.addinivalue_line("markers", "milestone(gate): the milestone gate (M1..M12)")


HAVE_WASM = wasm_path().is_file()
TCLSH = shutil.which("tclsh") or shutil.which("tclsh8.6")

needs_wasm = pytest.mark.skipif(not HAVE_WASM, reason="feather.wasm not built")
needs_tclsh = pytest.mark.skipif(TCLSH is None, reason="tclsh not installed")


def run_tclsh(script: str) -> str:
    """stdout of script run by tclsh 8.6 (UTF-8)."""
    if TCLSH is None:
        pytest.skip("tclsh not installed")
    prelude = "fconfigure stdout -encoding utf-8 -translation lf\n"
    done = subprocess.run(
        [TCLSH],
        input=(prelude + script).encode(),
        capture_output=True,
        timeout=60,
        check=False,
    )
    return done.stdout.decode("utf-8")


@pytest.fixture
def tclsh() -> Callable[[str], str]:
    return run_tclsh


class Session:
    """An Interp whose puts output is captured."""

    def __init__(self) -> None:
        self.out = io.StringIO()
        self.interp = Interp(stdout=self.out)

    def eval(self, script: str) -> str:
        return self.interp.eval(script)

    def output(self) -> str:
        text = self.out.getvalue()
        self.out.seek(0)
        self.out.truncate()
        return text


@pytest.fixture
def session() -> Iterator[Session]:
    if not HAVE_WASM:
        pytest.skip("feather.wasm not built")
    s = Session()
    yield s
    s.interp.close()


@pytest.fixture
def need(session: Session) -> Callable[..., None]:
    """need("lappend", "expr"): skip until the core defines these builtins."""

    def check(*commands: str, probe: str | None = None) -> None:
        have = set(session.interp.eval("info commands").split())
        missing = [c for c in commands if c not in have]
        if missing:
            pytest.skip(f"core does not provide {', '.join(missing)} yet")
        if probe is not None:
            try:
                session.interp.eval(probe)
            except TclError as err:
                pytest.skip(f"core cannot run {probe!r} yet: {err.result}")

    return check
