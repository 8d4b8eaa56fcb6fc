"""zig comes from the ziglang wheel; a missing package is a clear error."""

from __future__ import annotations

import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

from toolchain import zig as zig_module
from toolchain.zig import Zig, ZigNotFound, find_zig


def test_zig_comes_from_the_ziglang_package(zig: Zig) -> None:
    spec = find_spec("ziglang")
    assert spec is not None and spec.origin is not None
    assert zig.executable.parent == Path(spec.origin).parent
    expected = subprocess.run(
        [sys.executable, "-m", "ziglang", "version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert zig.version == expected


def test_missing_ziglang_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zig_module, "find_spec", lambda name: None)
    with pytest.raises(ZigNotFound, match=r"'ziglang' is not installed.*pip install ziglang"):
        find_zig()


def test_a_package_without_zig_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "fakezig").mkdir()
    (tmp_path / "fakezig" / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ZigNotFound, match="has no zig"):
        find_zig("fakezig")


def test_cli_reports_missing_zig(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from toolchain.cli import main

    monkeypatch.setattr(zig_module, "find_spec", lambda name: None)
    zig_module.default_zig.cache_clear()
    try:
        assert main(["zig"]) == 2
    finally:
        zig_module.default_zig.cache_clear()
    assert "ziglang" in capsys.readouterr().err
