"""Inspection of a small module the test builds: exports, imports, host import tables."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.toolchain.conftest import small_project, write
from toolchain.build import build
from toolchain.cli import main
from toolchain.hosts import HostReport, js_host, python_host
from toolchain.introspect import inspect, read_module
from toolchain.manifest import Manifest
from toolchain.usage import HostSource
from toolchain.zig import Zig

SOURCE = """
int host_sum(int a, int b);
void host_log(int level);
__attribute__((import_module("other"), import_name("elsewhere"))) int elsewhere(void);

int add2(int a, int b) { host_log(a); return host_sum(a, b); }
int poke(void) { return elsewhere(); }
"""


@pytest.fixture(scope="module")
def module(tmp_path_factory: pytest.TempPathFactory, manifest: Manifest, zig: Zig) -> Manifest:
    root = tmp_path_factory.mktemp("inspect")
    write(root, "src/mod.c", SOURCE)
    project = small_project(manifest, root, {"add2": "M2", "poke": "M2", "later": "M3"})
    build(project, zig=zig, log=lambda _: None)
    return project


def test_read_module_types(module: Manifest) -> None:
    exports, imports = read_module(module.wasm_path)
    by_name = {e.name: e for e in exports}
    assert by_name["add2"].type == "(i32, i32) -> (i32)" and by_name["add2"].arity == (2, 1)
    found = {(i.module, i.name): i for i in imports}
    assert found[("env", "memory")].kind == "memory"
    assert found[("env", "host_sum")].arity == (2, 1)
    assert found[("env", "host_log")].arity == (1, 0)
    assert ("other", "elsewhere") in found


def test_exports_and_foreign_module_import(module: Manifest) -> None:
    report = inspect(module.wasm_path, module, hosts=[])
    assert report.problems == ["import other.elsewhere is not in module 'env'"]
    text = report.render()
    assert "add2" in text and "(i32, i32) -> (i32)" in text and "inspect: 1 problem" in text


def test_missing_export_is_named(module: Manifest) -> None:
    report = inspect(module.wasm_path, module, gate="M3", hosts=[])
    assert "missing export later (required from M3, checked at M3)" in report.problems
    assert "MISSING" in report.render()


def test_host_comparison(module: Manifest) -> None:
    good = HostReport(
        "python", provided={"host_sum": (2, 1), "host_log": (1, 0), "elsewhere": (0, 1)}
    )
    bad = HostReport("js", provided={"host_sum": (1, 1), "host_extra": (0, 0), "elsewhere": (0, 1)})
    report = inspect(module.wasm_path, module, hosts=[good, bad])
    problems = [p for p in report.problems if "other.elsewhere" not in p]
    assert sorted(problems) == sorted(
        [
            "js host provides host_sum with 1 params/1 results; the module imports it with 2/1",
            "js host does not provide import host_log",
            "js host provides host_extra, not imported",
        ]
    )
    text = report.render()
    assert "ARITY 1->1" in text and "EXTRA" in text and "python: 3 imports provided" in text


def test_absent_and_failing_hosts(module: Manifest) -> None:
    absent = HostReport("python", absent="no host yet")
    broken = HostReport("js", error="boom")
    report = inspect(module.wasm_path, module, hosts=[absent, broken])
    assert "python: not checked (no host yet)" in report.render()
    assert "js host could not list its imports: boom" in report.problems
    assert not any("python" in p for p in report.problems)


def test_missing_module_is_a_problem(tmp_path: Path, module: Manifest) -> None:
    report = inspect(tmp_path / "none.wasm", module, hosts=[])
    assert not report.ok and "does not exist" in report.problems[0]


def test_python_host_table(tmp_path: Path) -> None:
    assert python_host(tmp_path).absent is not None
    write(tmp_path, "host/feather_tcl/__init__.py", "")
    write(
        tmp_path,
        "host/feather_tcl/host_imports.py",
        "def provided():\n    return {'host_sum': (2, 1), 'host_log': (1, 0)}\n",
    )
    assert python_host(tmp_path).provided == {"host_sum": (2, 1), "host_log": (1, 0)}
    write(tmp_path, "host/feather_tcl/host_imports.py", "raise ImportError('broken host')\n")
    report = python_host(tmp_path)
    assert report.provided is None and "broken host" in (report.error or "")


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed")
def test_js_host_table(tmp_path: Path) -> None:
    assert js_host(tmp_path).absent is not None
    write(
        tmp_path,
        "js/feather.js",
        "export function providedImports() { return {host_sum: [2, 1]}; }\n",
    )
    assert js_host(tmp_path).provided == {"host_sum": (2, 1)}
    write(tmp_path, "js/feather.js", "export const nothing = 1;\n")
    assert "does not export providedImports" in (js_host(tmp_path).error or "")


def test_cli_inspect_exit_status(arena_wasm: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["inspect", "--wasm", str(arena_wasm), "--no-hosts", "--gate"]
    assert main([*args, "M2"]) == 0
    assert "feather_arena_alloc" in capsys.readouterr().out
    assert main([*args, "M3"]) == 1
    assert "missing export feather_script_eval" in capsys.readouterr().out


def test_source_scan_names_unused_exports_and_unimplemented_imports(module: Manifest) -> None:
    # python calls add2 by name and implements host_sum; js implements host_sum and host_log.
    python = HostSource("python", 'inst.call("add2", 1, 2)\ndef host_sum(self, a, b):\n    ...')
    js = HostSource("js", "  host_sum(a, b) {\n  }\n  host_log(level) {\n  }\n")
    report = inspect(module.wasm_path, module, hosts=[], sources=[python, js])
    problems = [p for p in report.problems if "other.elsewhere" not in p]
    assert sorted(problems) == [
        "export poke: no host calls it",
        "import elsewhere: no host implements it",
        "import host_log: the python host does not implement it",
    ]
    text = report.render()
    assert "exports nothing uses: poke" in text
    assert "imports no host implements: elsewhere" in text


def test_cli_inspect_scans_the_host_sources(capsys: pytest.CaptureFixture[str]) -> None:
    """The real module and hosts: nothing unused, nothing unimplemented."""
    assert main(["inspect"]) == 0
    out = capsys.readouterr().out
    assert "exports nothing uses: none" in out
    assert "imports no host implements: none" in out
