"""Every input the fuzzer found (tests/native/crashers/) replays cleanly on both backends.

Each runs in a child process (``fuzz_feather.py --replay``), so an input that still
crashes the native library fails its test instead of the test run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

HERE = Path(__file__).resolve().parent
CRASHERS = sorted(p for p in (HERE / "crashers").iterdir() if p.suffix == ".bin")
OPEN: dict[str, str] = tomllib.loads((HERE / "crashers" / "open.toml").read_text()).get("open", {})


def _params() -> list[object]:
    out: list[object] = []
    for path in CRASHERS:
        marks = []
        if path.name in OPEN:
            marks.append(pytest.mark.xfail(reason=OPEN[path.name], strict=True))
        out.append(pytest.param(path, id=path.stem, marks=marks))
    return out


def test_every_open_crasher_has_its_input() -> None:
    assert sorted(set(OPEN) - {p.name for p in CRASHERS}) == []


@pytest.mark.parametrize("path", _params())
def test_crasher_replays_cleanly(native_lib: Path, path: Path) -> None:
    env = dict(os.environ, FEATHER_NATIVE_LIB=str(native_lib))
    done = subprocess.run(
        [sys.executable, str(HERE / "fuzz_feather.py"), "--replay", str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
