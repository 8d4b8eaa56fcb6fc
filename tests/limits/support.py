"""Shared helpers of the limit tests: state an interp must keep across any stop."""

from __future__ import annotations

from feather_tcl import Interp

SETUP = r"""
set ::kept 42
array set ::arr {a 1 b 2}
namespace eval ::keep { variable v ns-value; proc hello {who} { return "hello $who" } }
proc twice {x} { expr {2 * $x} }
trace add variable ::watched write {lappend ::trace_log}
"""

# What the state set up by SETUP answers, whatever happened in between.
PROBE = (
    "list $::kept $::arr(b) $::keep::v [::keep::hello you] [twice 21]"
    " [namespace exists ::keep] [set ::watched 1]"
)
PROBE_ANSWER = "42 2 ns-value {hello you} 42 1 1"


def set_up_state(interp: Interp) -> None:
    interp.eval(SETUP)
    assert interp.eval(PROBE) == PROBE_ANSWER


def assert_state_kept(interp: Interp) -> None:
    """Variables, arrays, namespaces, procs and traces are all there, the interp
    evaluates normally, and nothing of the last eval is left in scratch memory."""
    assert interp.eval(PROBE) == PROBE_ANSWER
    assert interp.eval("set n 0; for {set i 0} {$i < 2000} {incr i} {incr n $i}; set n") == str(
        sum(range(2000))
    )
    assert_clean(interp)


def assert_clean(interp: Interp) -> None:
    stats = interp.memory_stats()
    assert stats["scratch_handles"] == 0
    assert stats["wasm_arena_used"] == 0
    assert stats["eval_depth"] == 0
