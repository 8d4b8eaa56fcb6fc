"""The native backend of the Python host: Interp(backend="native"), failures unwinding the
core as a trap does in WASM, private instances, and the arena giving back what it grew."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from feather_tcl import Interp, Runtime, TclError, _native

pytestmark = pytest.mark.milestone("M9")


@pytest.fixture
def rt(native_lib: Path) -> Runtime:
    return Runtime(backend="native")


def test_backend_is_chosen_per_interp_and_by_the_environment(
    rt: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert Interp(runtime=rt).eval("expr {6 * 7}") == "42"
    assert rt.backend == "native" and type(rt.inst).__name__ == "NativeInstance"
    with pytest.raises(ValueError, match="runtime is 'native'"):
        Interp(runtime=rt, backend="wasm")
    monkeypatch.setenv("FEATHER_BACKEND", "native")
    assert _native.default_backend() == "native"
    monkeypatch.setenv("FEATHER_BACKEND", "wasm")
    assert Runtime().backend == "wasm"
    monkeypatch.setenv("FEATHER_BACKEND", "jvm")
    with pytest.raises(ValueError, match="backends are wasm, native"):
        _native.default_backend()


def test_an_exception_in_a_command_unwinds_the_core_at_once(rt: Runtime) -> None:
    """catch cannot swallow it and the loop does not go on: the forwarder longjmps back to
    the export entry, and a fresh instance keeps every interp's state."""
    interp = Interp(runtime=rt)
    interp.eval("set keep 42; proc p {} {return 7}")
    calls = []

    def boom() -> None:
        calls.append(1)
        raise KeyboardInterrupt

    interp.register("boom", boom)
    with pytest.raises(KeyboardInterrupt):
        interp.eval("while 1 {catch {boom}}")
    assert calls == [1]
    assert rt.instances == 2 and rt.depth == 0 and len(rt.scratch) == 0
    assert interp.eval("set keep") == "42" and interp.eval("p") == "7"
    assert interp.memory_stats()["wasm_arena_used"] == 0


def test_an_exception_two_evals_deep_unwinds_both(rt: Runtime) -> None:
    interp = Interp(runtime=rt)

    class Boom(Exception):
        pass

    def inner() -> None:
        raise Boom("deep")

    def outer() -> str:
        return interp.eval("set x [inner]; set never 1")

    interp.register("inner", inner)
    interp.register("outer", outer)
    # A Python error in a command is a Tcl error (its message) ...
    with pytest.raises(TclError, match="deep"):
        interp.eval("outer")
    # ... a BaseException unwinds every level.
    interp.register("inner", lambda: (_ for _ in ()).throw(SystemExit(3)))
    with pytest.raises(SystemExit):
        interp.eval("set a [outer]; set b 2")
    assert interp.eval("info exists never") == "0" and interp.eval("info exists b") == "0"
    assert rt.depth == 0
    assert interp.eval("expr {1 + 1}") == "2"


def test_runtimes_have_private_instances(native_lib: Path) -> None:
    """A command of one runtime evaluating in another: each has its own arena and core
    state, as two WASM instances do."""
    ra, rb = Runtime(backend="native"), Runtime(backend="native")
    assert ra.inst._lib is not rb.inst._lib  # type: ignore[attr-defined]
    a, b = Interp(runtime=ra), Interp(runtime=rb)
    b.eval("set x inB")
    a.register("other", lambda script: b.eval(script))
    out = a.eval("set x inA; set y [other {set z [string repeat $x 1000]}]; return $x")
    assert out == "inA"
    assert a.eval("string length $y") == "3000"
    assert a.memory_stats()["wasm_arena_used"] == 0 and b.memory_stats()["wasm_arena_used"] == 0


def test_loads_are_reused_once_an_instance_is_gone(native_lib: Path) -> None:
    for _ in range(3):
        Interp(runtime=Runtime(backend="native")).eval("set a 1")
        gc.collect()
    copies = len(_native._copies)
    for _ in range(5):
        Interp(runtime=Runtime(backend="native")).eval("set a 1")
        gc.collect()
    assert len(_native._copies) == copies


def test_the_arena_gives_back_what_an_eval_grew(rt: Runtime) -> None:
    interp = Interp(runtime=rt)
    before = interp.memory_stats()["wasm_memory_bytes"]
    script = "set s {}\n" + "append s [string repeat x 100]\n" * 100000
    interp.eval(script)
    stats = interp.memory_stats()
    assert stats["wasm_arena_high_water"] > before  # the script alone is 3 MB
    assert stats["wasm_memory_bytes"] == before and stats["wasm_arena_used"] == 0
