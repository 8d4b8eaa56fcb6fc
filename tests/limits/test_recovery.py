"""After any stop and after a trap of any kind (issue 7), the same Interp keeps its
variables, arrays, procs, namespaces and traces and evaluates the next script normally;
so do the other interps of its runtime."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from feather_tcl import Interp, Runtime, TclError
from tests.host.conftest import needs_wasm
from tests.limits.support import assert_state_kept, set_up_state

pytestmark = needs_wasm

MIB = 1 << 20


def time_stop(interp: Interp) -> None:
    interp.eval("proc spin {} {while 1 {incr ::spins}}; spin", time_limit=0.2)


def memory_refused(interp: Interp) -> None:
    interp.eval("set ::big [lrepeat 10000000 x]")


def arena_exhausted(interp: Interp) -> None:
    # Padding is built in the arena alone: no host value grows before it fails (a
    # string repeat first would be stopped by the host's check at a poll).
    interp.eval("string length [format %20000000s x]")


def wild_pointer(interp: Interp) -> None:
    """A command that makes the core read a script far outside linear memory: a
    genuine WASM trap, in a nested call, in the middle of an eval."""
    rt, core = interp.runtime, interp._core

    def wild() -> None:
        rt.run(core, lambda: rt.inst.call("feather_script_eval", 0, core.id, 0x7FFFFFF0, 64, 0))

    interp.register("wild", wild)


def wasm_trap(interp: Interp) -> None:
    wild_pointer(interp)
    interp.eval("set ::before 1; catch wild; set ::after 1")


def nesting_error(interp: Interp) -> None:
    interp.eval("proc r {} {r}; r")


def python_exception_in_command(interp: Interp) -> None:
    def boom() -> None:
        raise KeyboardInterrupt

    interp.register("boom", boom)
    interp.eval("set ::before 1; boom; set ::after 1")


def stop_inside_a_trace(interp: Interp) -> None:
    interp.eval("trace add variable ::tripwire write {while 1 {} ;#}")
    try:
        interp.eval("set ::tripwire 1", time_limit=0.2)
    finally:
        interp.eval("trace remove variable ::tripwire write {while 1 {} ;#}")


def stop_inside_a_nested_python_eval(interp: Interp) -> None:
    interp.register("inner", lambda: interp.eval("while 1 {}"))
    interp.eval("catch inner; set x 1", time_limit=0.2)


STOPS: dict[str, tuple[Callable[[Interp], None], type[BaseException], str]] = {
    "time": (time_stop, TclError, "time limit of 0.2 s exceeded"),
    "memory-host": (memory_refused, TclError, "memory limit of 16 MiB exceeded"),
    "memory-arena": (arena_exhausted, TclError, "out of memory"),
    "trap": (wasm_trap, TclError, "feather: trap:"),
    "nesting": (nesting_error, TclError, "too many nested evaluations"),
    "keyboard-interrupt": (python_exception_in_command, KeyboardInterrupt, ""),
    "time-in-trace": (stop_inside_a_trace, TclError, "time limit of 0.2 s exceeded"),
    "time-in-python-eval": (stop_inside_a_nested_python_eval, TclError, "time limit"),
}


@pytest.mark.parametrize("kind", sorted(STOPS))
def test_state_survives(kind: str) -> None:
    stop, exc_type, message = STOPS[kind]
    rt = Runtime(memory_limit=16 * MIB)
    interp = Interp(runtime=rt)
    other = Interp(runtime=rt)
    set_up_state(interp)
    set_up_state(other)
    other.eval("set ::mine other")
    before = interp.eval("info commands"), interp.eval("info vars ::*")
    with pytest.raises(exc_type) as info:
        stop(interp)
    if message:
        assert message in str(info.value)
    assert_state_kept(interp)
    assert_state_kept(other)
    assert other.eval("set ::mine") == "other"
    assert interp.eval("info exists ::mine") == "0"
    # Nothing lost (a stopped script may have added things, never removed them).
    commands, variables = interp.eval("info commands"), interp.eval("info vars ::*")
    assert set(before[0].split()) <= set(commands.split())
    assert set(before[1].split()) <= set(variables.split())
    # The traces still fire.
    log = interp.eval("set ::trace_log {}; set ::watched 2; set ::trace_log")
    assert log == "::watched {} write"
    # And it stops again just as well.
    with pytest.raises(exc_type):
        stop(interp)
    assert_state_kept(interp)


def test_a_trap_replaces_the_instance_and_only_then() -> None:
    interp = Interp(recursion_limit=1_000_000)
    set_up_state(interp)
    before = interp.memory_stats()["instances"]
    for script in ("proc r {} {r}; r", "proc r {} {expr {[expr {[r]}]}}; r"):
        with pytest.raises(TclError) as info:
            interp.eval(script)  # Tcl's error (the core's bounds): no new instance
        assert info.value.result == "too many nested evaluations (infinite loop?)"
    assert interp.memory_stats()["instances"] == before
    wild_pointer(interp)
    with pytest.raises(TclError) as info:
        interp.eval("catch wild")  # a trap: catch cannot catch it either
    assert info.value.result.startswith("feather: trap:")
    assert interp.memory_stats()["instances"] == before + 1
    assert_state_kept(interp)
