"""Depth (issue 7): ``Interp.recursion_limit`` (Tcl's interp recursionlimit).

The core reads the limit when an outermost eval begins and fails deeper nesting with
"too many nested evaluations (infinite loop?)"; its own C recursion bound (3000
nested scripts) and the WASM stacks (1 MiB shadow stack in linear memory, 4 MiB of
native stack for wasm code) make anything deeper a Tcl error or a recovered trap,
never a crash. Evals nested through the host (traces, Python commands calling eval)
take Python frames: the runtime fails them as Tcl does before Python's recursion
limit is reached.
"""

from __future__ import annotations

import pytest

from feather_tcl import Interp, TclError
from tests.host.conftest import needs_wasm
from tests.limits.support import assert_state_kept, set_up_state

pytestmark = needs_wasm

NESTING = "too many nested evaluations (infinite loop?)"

# Recursion through each construct: r calls itself once per step.
FORMS = {
    "proc": "r [incr n]",
    "if": "if 1 {r [incr n]}",
    "expr": "expr {[r [incr n]]}",
    "eval": "eval [list r [incr n]]",
    "uplevel": "uplevel 1 [list r [incr n]]",
    "catch": "catch {r [incr n]} m; error $m",
    "try": "try {r [incr n]} finally {}",
    "foreach": "foreach x {1} {r [incr n]}",
    "while": "while 1 {r [incr n]}",
    "switch": "switch -- a a {r [incr n]}",
    "subst": "subst {[r [incr n]]}",
    "lmap": "lmap x {1} {r [incr n]}",
    "dict-for": "dict for {k v} {a 1} {r [incr n]}",
    "apply": "apply {{n} {r $n}} [incr n]",
    "namespace-eval": "namespace eval ::q [list ::r [incr n]]",
    "lsort-command": "lsort -command {apply {{a b} {r [incr ::n2]; return 0}}} {2 1}",
    "brackets": "set x [list [list [list [r [incr n]]]]]",
    "time": "time {r [incr n]}",
}

# Forms whose C frames are large enough that the 1 MiB shadow stack would overflow
# before Tcl's default limit of 1000 (traps at depths 744 and 515 before the core
# checked its stack): the core stops them with Tcl's error while room remains.
DEEP_FRAMES = {
    "expr-in-expr": "expr {[expr {[r [incr n]]}]}",
    "expr-3": "expr {[expr {[expr {[r [incr n]]}]}]}",
}


def recurse(interp: Interp, body: str) -> TclError:
    interp.eval(f"set ::n2 0; set ::depth 0; proc r {{{{n 0}}}} {{set ::depth $n; {body}}}")
    with pytest.raises(TclError) as info:
        interp.eval("r")
    return info.value


def test_default_and_property() -> None:
    interp = Interp()
    assert interp.recursion_limit == 1000
    interp.recursion_limit = 3000
    assert interp.recursion_limit == 3000
    assert Interp(recursion_limit=50).recursion_limit == 50
    for bad in (0, -1, 1.5, "10", True, 1 << 31):
        with pytest.raises(ValueError):
            interp.recursion_limit = bad  # type: ignore[assignment]
        with pytest.raises(ValueError):
            Interp(recursion_limit=bad)  # type: ignore[arg-type]


def test_the_core_reads_the_limit_at_each_outermost_eval() -> None:
    interp = Interp(recursion_limit=10)
    interp.eval("proc f {n} {if {$n > 0} {f [expr {$n - 1}]}; return ok}")
    assert interp.eval("f 5") == "ok"
    with pytest.raises(TclError) as info:
        interp.eval("f 20")
    assert info.value.result == NESTING
    assert info.value.error_code == "TCL LIMIT STACK"
    interp.recursion_limit = 100
    assert interp.eval("f 20") == "ok"
    interp.recursion_limit = 10
    with pytest.raises(TclError):
        interp.eval("f 20")


@pytest.mark.parametrize("form", sorted(FORMS))
def test_default_limit_is_reached_as_a_tcl_error(form: str) -> None:
    """The margin: at the default limit every form ends in Tcl's error, no trap."""
    interp = Interp()
    set_up_state(interp)
    instances = interp.memory_stats()["instances"]
    err = recurse(interp, FORMS[form])
    assert NESTING in err.result
    assert "trap" not in err.result
    assert interp.memory_stats()["instances"] == instances  # no trap replaced it
    assert_state_kept(interp)


@pytest.mark.parametrize("limit", [3000, 1_000_000])
@pytest.mark.parametrize("form", sorted({**FORMS, **DEEP_FRAMES}))
def test_raised_limit_gives_a_tcl_error_or_a_recovered_trap(form: str, limit: int) -> None:
    interp = Interp(recursion_limit=limit)
    set_up_state(interp)
    err = recurse(interp, {**FORMS, **DEEP_FRAMES}[form])
    assert NESTING in err.result or err.result.startswith("feather: trap:"), err.result
    assert int(interp.eval("set ::depth")) > 200
    assert_state_kept(interp)


@pytest.mark.parametrize("form", sorted(DEEP_FRAMES))
def test_default_limit_before_the_shadow_stack_for_nested_expr(form: str) -> None:
    # The core stops with Tcl's error while 96 KiB of shadow stack remain.
    interp = Interp()
    err = recurse(interp, DEEP_FRAMES[form])
    assert "trap" not in err.result
    assert NESTING in err.result


def test_trace_recursion_is_a_tcl_error_not_a_python_recursion_error() -> None:
    interp = Interp(recursion_limit=100_000)
    set_up_state(interp)
    interp.eval(
        "proc r {n} {set ::tv$n 1;"
        " trace add variable ::tv$n read [list apply {{n args} {r $n}} [expr {$n+1}]];"
        " set ::tv$n}"
    )
    with pytest.raises(TclError) as info:
        interp.eval("r 0")
    assert NESTING in info.value.result
    assert_state_kept(interp)


def test_python_command_recursion_is_a_tcl_error() -> None:
    interp = Interp(recursion_limit=100_000)
    set_up_state(interp)
    interp.register("again", lambda: interp.eval("again"))
    with pytest.raises(TclError) as info:
        interp.eval("again")
    assert info.value.result == NESTING
    assert_state_kept(interp)
    # Through a proc and catch as well: the nesting error is caught at each level.
    interp.register("again2", lambda: interp.eval("catch again2 m; set m"))
    assert interp.eval("again2") == NESTING
    assert_state_kept(interp)


def test_nested_evals_from_a_deep_python_stack_end_in_a_tcl_error() -> None:
    """Called with little Python stack left, host-nested evals fail as Tcl does (the
    runtime's stack check, or a RecursionError turned into Tcl's error once the
    whole eval has unwound), never with a Python RecursionError."""
    import sys

    interp = Interp(recursion_limit=100_000)
    set_up_state(interp)
    interp.eval(
        "proc r {n} {set ::tv$n 1;"
        " trace add variable ::tv$n read [list apply {{n args} {r $n}} [expr {$n+1}]];"
        " set ::tv$n}"
    )
    outcomes: list[str] = []

    def deep(n: int) -> None:
        if n > 0:
            deep(n - 1)
            return
        try:
            interp.eval("r 0")
            outcomes.append("ok")
        except TclError as err:
            outcomes.append(err.result)

    room = sys.getrecursionlimit() - len(__import__("inspect").stack(0))
    for spare in (300, 150, 60, 25):
        deep(room - spare)
    assert all(NESTING in o for o in outcomes), outcomes
    assert_state_kept(interp)
