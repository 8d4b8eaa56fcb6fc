"""Memory limits (issue 7): ``Interp(memory_limit=bytes)``.

Linear memory is created with that maximum (the arena then fails and the core raises
"out of memory: the scratch arena reached the memory limit"); on the host side an
outermost eval may not grow the process by more than the limit, hold more scratch
handles than limit / 8, nor ask the host for a single string or list larger than the
room left. Never a crash, never the test process running out of memory.
"""

from __future__ import annotations

import pytest

from feather_tcl import Interp, Runtime, TclError
from feather_tcl.limits import Limits, format_bytes, rss_bytes
from tests.host.conftest import needs_wasm
from tests.limits.support import assert_state_kept, set_up_state

pytestmark = needs_wasm

MIB = 1 << 20
CAP = 50 * MIB
HOST_MESSAGE = "memory limit of 50 MiB exceeded"
ARENA_MESSAGE = "out of memory: the scratch arena reached the memory limit"

BOMBS = {
    "string-repeat": "string repeat x 100000000",
    "lrepeat": "lrepeat 10000000 x",
    "append-many": "set s [string repeat x 10000000]; append y $s $s $s $s $s $s",
    "lappend-loop": "while 1 {lappend x [string repeat y 10000]}",
    "concat-doubling": "set s x; while 1 {set s $s$s}",
    "list-doubling": "set l {x}; while 1 {set l [concat $l $l]}",
    "split-huge": "split [string repeat {a } 20000000]",
    "dict-grow": "while 1 {dict set d [incr i] [string repeat z 1000]}",
    "array-grow": "while 1 {set a([incr i]) [string repeat z 1000]}",
}


@pytest.fixture(scope="module")
def capped() -> Interp:
    interp = Interp(memory_limit=CAP, time_limit=60)
    set_up_state(interp)
    return interp


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_memory_bomb_is_a_tcl_error(capped: Interp, name: str) -> None:
    rss0 = rss_bytes()
    with pytest.raises(TclError) as info:
        capped.eval(BOMBS[name])
    err = info.value
    assert err.code == 1
    assert err.result in (HOST_MESSAGE, ARENA_MESSAGE), err.result
    # Either way the errorCode names the limit (the arena's is an ordinary error).
    assert err.error_code == "TCL LIMIT MEMORY"
    # The process grew by no more than about the limit: linear memory (capped at
    # CAP) plus the host side (held to CAP), with slack for the allocator.
    if rss0:
        assert rss_bytes() - rss0 < 3 * CAP
    assert capped.memory_stats()["wasm_memory_bytes"] <= CAP
    capped.eval("unset -nocomplain s x y l d a i")
    assert_state_kept(capped)


def test_linear_memory_has_the_lower_maximum() -> None:
    cap = 16 * MIB
    interp = Interp(memory_limit=cap)
    set_up_state(interp)
    limits = interp.runtime.inst.memory.type(interp.runtime.inst.store).limits
    assert limits.max is not None and limits.max * 65536 == cap
    interp.eval("set s [string repeat x 10000000]")
    with pytest.raises(TclError) as info:
        interp.eval("string length [string toupper $s]")  # two copies do not fit the arena
    assert info.value.result == ARENA_MESSAGE
    assert interp.memory_stats()["wasm_memory_bytes"] <= cap
    # An arena failure is an ordinary error: catch sees it, as Tcl's memory errors.
    assert interp.eval("catch {string toupper $s} m; set m") == ARENA_MESSAGE
    interp.eval("unset s")
    assert_state_kept(interp)


def test_work_within_the_limit_succeeds(capped: Interp) -> None:
    assert capped.eval("string length [string repeat x 10000000]") == "10000000"
    assert capped.eval("llength [lrepeat 1000000 x]") == "1000000"
    # A long loop making and dropping values never accumulates against the limit.
    script = "for {set i 0} {$i < 20000} {incr i} {set s [string repeat $i 100]}; set i"
    assert capped.eval(script) == "20000"
    assert_state_kept(capped)


def test_a_script_larger_than_the_arena_is_a_tcl_error() -> None:
    interp = Interp(memory_limit=4 * MIB)
    set_up_state(interp)
    with pytest.raises(TclError) as info:
        interp.eval("set x {" + "y" * (8 * MIB) + "}")
    assert info.value.result.startswith("out of memory")
    assert_state_kept(interp)


def test_memory_limit_belongs_to_the_runtime() -> None:
    a = Interp(memory_limit=CAP)
    b = Interp(memory_limit=CAP)
    assert a.runtime is not b.runtime
    assert a.memory_limit == CAP and a.runtime.memory_limit == CAP
    assert Interp().memory_limit is None
    rt = Runtime(memory_limit=CAP)
    c = Interp(runtime=rt, memory_limit=CAP)
    assert c.runtime is rt
    with pytest.raises(ValueError):
        Interp(runtime=rt, memory_limit=2 * CAP)
    with pytest.raises(ValueError):
        Interp(memory_limit=0)
    with pytest.raises(ValueError):
        Interp(memory_limit=64 * 1024)  # below the module's initial memory


def test_a_stop_in_one_interp_leaves_the_others_of_the_runtime_alone() -> None:
    rt = Runtime(memory_limit=CAP)
    victim = Interp(runtime=rt)
    bystander = Interp(runtime=rt)
    set_up_state(victim)
    set_up_state(bystander)
    with pytest.raises(TclError):
        victim.eval("lrepeat 10000000 x")
    assert_state_kept(victim)
    assert_state_kept(bystander)


def test_handles_held_at_a_poll_count_against_the_limit() -> None:
    """Unit test of the poll's handle check: more than limit / 8 scratch handles."""
    rt = Runtime(memory_limit=4 * MIB)
    limits: Limits = rt.limits
    limits.enter(None)
    try:
        assert limits.poll() is None
        rt.scratch.objs.extend([""] * (4 * MIB // 8 + 1))
        assert limits.poll() == "memory limit of 4 MiB exceeded"
    finally:
        rt.scratch.reset()
        limits.leave((float("inf"), ""))


def test_a_value_larger_than_the_room_left_is_never_built() -> None:
    """check() refuses before building: the import raises, nothing is appended."""
    interp = Interp(memory_limit=CAP)
    interp.eval("set l [lrepeat 1000 x]")
    with pytest.raises(TclError) as info:
        interp.eval("lappend l {*}[lrepeat 7000000 y]")
    assert info.value.result == HOST_MESSAGE
    assert interp.eval("llength $l") == "1000"


@pytest.mark.parametrize(
    ("n", "text"), [(50 * MIB, "50 MiB"), (3 * 1024, "3 KiB"), (1000, "1000 bytes")]
)
def test_limit_messages_name_the_limit(n: int, text: str) -> None:
    assert format_bytes(n) == text


def test_memory_errors_name_the_limit_in_error_code() -> None:
    """Every memory-limit error has errorCode TCL LIMIT MEMORY (Tcl has no memory
    limit; WASM.md): a script too large for the arena, the arena reaching the limit,
    a builtin's own out of memory, a value refused by the host."""
    interp = Interp(memory_limit=4 * MIB)
    set_up_state(interp)
    too_large = "out of memory: the scratch arena cannot hold the script"
    cases = {
        "set x {" + "a" * (5 * MIB) + "}": too_large,
        "format %20000000s x": "out of memory",
        "string length [string repeat x 3000000][string repeat y 3000000]": "",
    }
    for script, message in cases.items():
        with pytest.raises(TclError) as info:
            interp.eval(script)
        if message:
            assert info.value.result == message
        assert info.value.error_code == "TCL LIMIT MEMORY", info.value.result
        assert_state_kept(interp)
