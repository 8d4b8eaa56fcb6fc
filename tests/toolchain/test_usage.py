"""toolchain/usage.py: which exports the hosts' sources call, which imports they implement,
and the M11 check that fails on an export nothing uses or an import a host lacks."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.toolchain.conftest import small_project, write
from toolchain.build import build
from toolchain.checks import Context, host_sources
from toolchain.gates import by_name
from toolchain.manifest import Manifest
from toolchain.usage import HostSource, read_sources, scan
from toolchain.zig import Zig

pytestmark = pytest.mark.milestone("M11")


@pytest.mark.parametrize(
    ("text", "export", "called"),
    [
        ('self.inst.call("feather_script_eval", 0, i)', "feather_script_eval", True),
        ("this.inst.exports.feather_subst(0, id)", "feather_subst", True),
        ("'feather_arena_used'", "feather_arena_used", True),
        ("feather_script_eval_obj is gone", "feather_script_eval_obj", False),
        ('"feather_script_evaluate"', "feather_script_eval", False),
        ("# feather_script_eval in a comment", "feather_script_eval", False),
    ],
)
def test_calls(text: str, export: str, called: bool) -> None:
    assert HostSource("h", text).calls(export) is called


@pytest.mark.parametrize(
    ("text", "implemented"),
    [
        ("    def var_get(\n        self, i: int\n    ) -> int:", True),
        ("    def var_get(self, i: int) -> int:", True),
        ("  var_get(i, name, nlen, key, klen, flags, out) {", True),
        ("function feather_host_var_get(i) {", True),
        ("    return self.var_get(i)", False),
        ("  this.var_get(i);", False),
        ("    def var_get_fast(self) -> int:", False),
    ],
)
def test_implements(text: str, implemented: bool) -> None:
    assert HostSource("h", text).implements("feather_host_var_get") is implemented


def test_scan_reports_both_kinds_of_dead_interface() -> None:
    python = HostSource("python", '"run"\ndef a(self):\ndef b(self):')
    js = HostSource("js", "x.run(1)\n  a() {\n  }\n")
    imports = ["feather_host_a", "feather_host_b", "feather_host_c"]
    usage = scan(["run", "spare"], imports, [python, js])
    assert usage.unused_exports == ["spare"]
    assert usage.unimplemented_imports == ["feather_host_c"]
    assert usage.problems() == [
        "export spare: no host calls it",
        "import feather_host_c: no host implements it",
        "import feather_host_b: the js host does not implement it",
    ]


def test_read_sources_reads_only_the_host_directories(tmp_path: Path) -> None:
    write(tmp_path, "host/feather_tcl/runtime.py", 'x = "feather_a"\n')
    write(tmp_path, "js/runtime.js", "exports.feather_b();\n")
    write(tmp_path, "js/test/t.test.js", 'call("feather_c");\n')
    sources = {s.name: s for s in read_sources(tmp_path)}
    assert sorted(sources) == ["js", "python"]
    assert sources["python"].calls("feather_a") and sources["js"].calls("feather_b")
    assert not sources["js"].calls("feather_c")


def test_m11_gate_checks_the_host_sources() -> None:
    names = [check.name for check in by_name("M11").checks]
    assert host_sources().name in names


def test_the_check_fails_on_an_export_nothing_uses(
    tmp_path: Path, manifest: Manifest, zig: Zig
) -> None:
    source = "int host_sum(int a, int b);\nint add2(int a) { return host_sum(a, 2); }\n"
    write(tmp_path, "src/mod.c", source + "int spare(void) { return 1; }\n")
    project = replace(small_project(manifest, tmp_path, {"add2": "M2", "spare": "M2"}), copies=())
    build(project, zig=zig, log=lambda _: None)
    python = 'inst.call("add2", 1)\ndef host_sum(self, a, b):\n'
    write(tmp_path, "host/feather_tcl/runtime.py", python)
    write(tmp_path, "js/runtime.js", "exports.add2(1);\n  host_sum(a, b) {\n  }\n")
    outcome = host_sources().run(Context(project))
    assert not outcome.ok and "export spare: no host calls it" in outcome.detail
    js = "exports.add2(1); exports.spare();\n  host_sum(a, b) {\n  }\n"
    write(tmp_path, "js/runtime.js", js)
    assert host_sources().run(Context(project)).ok
