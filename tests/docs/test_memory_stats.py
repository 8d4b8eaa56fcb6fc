"""Both hosts' memory statistics have the fields of WASM.md's Diagnostics table, in its
order, with the same meaning: the JS name is the Python name in camelCase, and a field the
table marks "runtime" is the same for every interp sharing the runtime (host_calls
included: crossings made for any interp), while an "interp" field is the interp's own."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from feather_tcl import Interp, Runtime
from toolchain import ROOT

pytestmark = pytest.mark.milestone("M10")

_ROW = re.compile(r"^\| `(\w+)` \| `(\w+)` \| (runtime|interp) \| .+\|$", re.MULTILINE)


def table() -> list[tuple[str, str, str]]:
    text = (ROOT / "WASM.md").read_text(encoding="utf-8")
    rows = _ROW.findall(text)
    assert len(rows) >= 10, "WASM.md's memory statistics table not found"
    return rows


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def test_the_js_names_are_the_python_names_in_camel_case() -> None:
    for python, js, _scope in table():
        assert js == camel(python), f"{python} is {js} in JS, not {camel(python)}"


def scenario(stats_a: dict[str, int], stats_b: dict[str, int], before: dict[str, int]) -> None:
    """a defined a proc and ran evals after `before` (b's stats then); b did nothing."""
    for python, _js, scope in table():
        if scope == "runtime":
            assert stats_a[python] == stats_b[python], python
        else:
            assert python in ("namespace_count", "proc_count"), python
    assert stats_a["proc_count"] == stats_b["proc_count"] + 1
    assert stats_a["namespace_count"] == stats_b["namespace_count"] + 1
    # b made no eval, yet its count grew: the count is the runtime's.
    assert stats_b["host_calls"] > before["host_calls"]


def test_python_fields_order_and_scope() -> None:
    rt = Runtime()
    a, b = Interp(runtime=rt), Interp(runtime=rt)
    assert list(a.memory_stats()) == [python for python, _js, _scope in table()]
    before = b.memory_stats()
    a.eval("proc p {} {}; namespace eval ns {}; set x [string repeat y 100]")
    scenario(a.memory_stats(), b.memory_stats(), before)
    assert a.host_calls == b.host_calls == a.memory_stats()["host_calls"]


JS_SCENARIO = """
const { createFeather } = await import(process.argv[1]);
const feather = await createFeather();
const a = feather.create(), b = feather.create();
const before = feather.memoryStats(b);
feather.eval(a, "proc p {} {}; namespace eval ns {}; set x [string repeat y 100]");
console.log(JSON.stringify({
  keys: Object.keys(feather.memoryStats(a)),
  a: feather.memoryStats(a), b: feather.memoryStats(b), before,
  total: feather.hostCalls,
}));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed")
def test_js_fields_order_and_scope() -> None:
    module = (ROOT / "js" / "feather.js").resolve().as_uri()
    proc = subprocess.run(
        ["node", "--input-type=module", "-e", JS_SCENARIO, module],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    rows = table()
    assert out["keys"] == [js for _python, js, _scope in rows]

    def snake(stats: dict[str, int]) -> dict[str, int]:
        return {python: stats[js] for python, js, _scope in rows}

    scenario(snake(out["a"]), snake(out["b"]), snake(out["before"]))
    assert out["total"] == out["a"]["hostCalls"]
