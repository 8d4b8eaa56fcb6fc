"""Time limits (issue 7): ``Interp(time_limit=...)``, ``eval(..., time_limit=...)``.

The core polls the host every 1024 commands or loop releases; the host answers with a
monotonic deadline. The only timing assertions are generous bounds: stopped within
the limit plus a second (plus the slack a busy CI machine needs).
"""

from __future__ import annotations

import time

import pytest

from feather_tcl import Interp, Runtime, TclError
from tests.host.conftest import needs_wasm
from tests.limits.support import assert_clean, assert_state_kept, set_up_state

pytestmark = needs_wasm

LIMIT = 0.3
MARGIN = 1.5  # seconds past the limit a stop may take on a slow, busy machine

RUNAWAYS = {
    "while": "while 1 {}",
    "for": "for {} 1 {} {}",
    "while-body": "set i 0; while 1 {incr i; set x [string length $i]}",
    "foreach-nested": "proc spin {} {while 1 {foreach a {1 2 3} {set b $a}}}; spin",
    "catch-swallows": "while 1 {catch {while 1 {}}}",
    "catch-each-command": "while 1 {catch {for {set i 0} {$i < 5} {incr i} {}} m o}",
    "try-finally": "while 1 {try {while 1 {}} on error {m} {} finally {set x 1}}",
    "recursion-with-catch": "proc f {} {catch f; catch f}; while 1 {f}",
    "exponential-recursion": "proc f {n} {if {$n > 0} {f [incr n -1]; f $n}}; f 60",
    "error-loop": "while 1 {catch {error boom}}",
}


def expect_stop(interp: Interp, script: str, limit: float = LIMIT, **kw: float) -> TclError:
    start = time.monotonic()
    with pytest.raises(TclError) as info:
        interp.eval(script, **kw)
    elapsed = time.monotonic() - start
    assert elapsed < limit + MARGIN, f"stopped after {elapsed:.2f} s"
    err = info.value
    assert err.code == 1
    assert err.result == f"time limit of {limit:g} s exceeded"
    assert err.error_code == "TCL LIMIT TIME"  # as tclsh's `interp limit ... time`
    return err


@pytest.mark.parametrize("name", sorted(RUNAWAYS))
def test_runaway_script_is_stopped_and_the_interp_goes_on(name: str) -> None:
    interp = Interp(time_limit=LIMIT, recursion_limit=3000)
    set_up_state(interp)
    expect_stop(interp, RUNAWAYS[name])
    assert_state_kept(interp)
    expect_stop(interp, RUNAWAYS[name])  # and again: nothing of the first stop lingers
    assert_state_kept(interp)


def test_deep_recursion_at_a_raised_limit_ends_in_an_error_never_a_crash() -> None:
    interp = Interp(time_limit=LIMIT, recursion_limit=100_000)
    set_up_state(interp)
    with pytest.raises(TclError) as info:
        interp.eval("proc f {} {f}; f")
    # Tcl's nesting error (the core's own C recursion bound), or a recovered trap.
    assert info.value.result == "too many nested evaluations (infinite loop?)" or (
        info.value.result.startswith("feather: trap:")
    )
    assert_state_kept(interp)


def test_catch_cannot_catch_a_stop() -> None:
    interp = Interp(time_limit=LIMIT)
    expect_stop(interp, "catch {while 1 {}} m; set ::after_catch $m")
    assert interp.eval("info exists ::after_catch") == "0"
    expect_stop(interp, "try {while 1 {}} on error {m} {set ::in_handler 1}")
    assert interp.eval("info exists ::in_handler") == "0"


def test_per_call_limit_overrides_the_interps() -> None:
    interp = Interp()
    assert interp.time_limit is None
    expect_stop(interp, "while 1 {}", time_limit=LIMIT)
    with pytest.raises(TclError) as info:
        interp.call("while", "1", "", time_limit=LIMIT)
    assert info.value.result == f"time limit of {LIMIT:g} s exceeded"
    # The limit was for those calls only.
    assert interp.eval("for {set i 0} {$i < 3000} {incr i} {}; set i") == "3000"
    assert_clean(interp)


def test_a_longer_per_call_limit_lets_a_slow_script_finish() -> None:
    interp = Interp(time_limit=0.05)
    interp.register("nap", lambda s: time.sleep(float(s)))
    slow = "nap 0.2; for {set i 0} {$i < 3000} {incr i} {}; set i"
    expect_stop(interp, slow, limit=0.05)  # the loop after the nap polls past the deadline
    assert interp.eval(slow, time_limit=60) == "3000"


def test_time_limit_property() -> None:
    interp = Interp()
    interp.time_limit = LIMIT
    assert interp.time_limit == LIMIT
    expect_stop(interp, "while 1 {}")
    interp.time_limit = None
    interp.register("nap", lambda s: time.sleep(float(s)))
    assert interp.eval("nap 0.1; for {set i 0} {$i < 3000} {incr i} {}; set i") == "3000"


def test_zero_limit_stops_at_the_first_poll() -> None:
    interp = Interp(time_limit=0)
    assert interp.eval("set a 1") == "1"  # too short to reach a poll
    expect_stop(interp, "for {set i 0} {$i < 5000} {incr i} {}", limit=0)


@pytest.mark.parametrize("bad", [-1, -0.5, float("nan")])
def test_invalid_limits_are_refused(bad: float) -> None:
    with pytest.raises(ValueError):
        Interp(time_limit=bad)
    interp = Interp()
    with pytest.raises(ValueError):
        interp.time_limit = bad
    with pytest.raises(ValueError):
        interp.eval("set a 1", time_limit=bad)


def test_a_nested_eval_never_outlives_the_outer_deadline() -> None:
    """A Python command of a limited interp evaluating a runaway script in an
    unlimited interp of the same runtime: the outer deadline stops both."""
    rt = Runtime()
    outer = Interp(runtime=rt, time_limit=LIMIT)
    inner = Interp(runtime=rt)
    set_up_state(inner)
    seen: list[str] = []

    def run_inner() -> str:
        try:
            return inner.eval("while 1 {}")
        except TclError as err:
            seen.append(err.result)
            raise

    outer.register("run_inner", run_inner)
    expect_stop(outer, "catch run_inner; while 1 {}")
    assert seen == [f"time limit of {LIMIT:g} s exceeded"]
    assert_state_kept(inner)
    assert outer.eval("set x ok") == "ok"


def test_a_nested_eval_with_its_own_shorter_limit() -> None:
    """The inner eval's limit stops it; the outer eval, with no limit, decides what
    to do with the error."""
    rt = Runtime()
    outer = Interp(runtime=rt)
    inner = Interp(runtime=rt)

    def run_inner() -> str:
        try:
            return inner.eval("while 1 {}", time_limit=0.1)
        except TclError as err:
            return "inner: " + err.result

    outer.register("run_inner", run_inner)
    assert outer.eval("set r [run_inner]; set r") == "inner: time limit of 0.1 s exceeded"
    assert_clean(outer)


def test_huge_single_command_is_stopped_near_the_deadline() -> None:
    """One command building a huge value polls no more, but the host checks the
    deadline whenever it builds a large value (lrepeat appends in blocks)."""
    interp = Interp(time_limit=LIMIT)
    set_up_state(interp)
    expect_stop(interp, "llength [lrepeat 20000000 x]")
    assert_state_kept(interp)


def test_limits_are_idle_between_evals() -> None:
    """A stop leaves no deadline behind: the next eval without a limit runs."""
    interp = Interp()
    expect_stop(interp, "while 1 {}", time_limit=LIMIT)
    interp.register("nap", lambda s: time.sleep(float(s)))
    assert interp.eval("nap 0.4; for {set i 0} {$i < 3000} {incr i} {}; set i") == "3000"
    assert interp.runtime.limits.deadline == float("inf")
    assert interp.runtime.imports.checking is False
