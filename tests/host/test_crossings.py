"""Host crossings per loop iteration: exact counts (issue 6), not timings.

Each loop runs at n and 2n iterations in fresh interps; the difference of the
host call counts divided by n is what one iteration costs, whatever the set-up
(plus a scratch release every few dozen iterations: the count is rounded).
The twin is js/test/crossings.test.js (same loops, same budgets).
"""

from __future__ import annotations

import pytest

from feather_tcl import Interp

N = 200

# name -> (script run with the string variable n holding the iteration count,
#          crossings one iteration may cost)
LOOPS: dict[str, tuple[str, int]] = {
    # $i < $n reads i (an integer rep) and n (a canonical decimal string) with
    # their numbers: no crossing to read or parse "200".
    "for-incr": ("for {set i 0} {$i < $n} {incr i} {}", 3),
    "while-expr": (
        "set i 0; set acc 1\nwhile {$i < $n} {set acc [expr {($acc * 31 + $i) % 1000003}]; incr i}",
        7,
    ),
    # $i, is formatted by the core from the integer it read.
    "append": ('set s ""; for {set i 0} {$i < $n} {incr i} {append s $i,}', 6),
    # incr's increment read from a variable holding a canonical string.
    "incr-by-var": ("set d 7; set t 0; for {set i 0} {$i < $n} {incr i} {incr t $d}", 5),
    # The frame and its five arguments in one crossing (frame_push_proc).
    "proc-5-args": (
        "proc p5 {a b c d e} {return $e}\n"
        "set t 0; for {set i 0} {$i < $n} {incr i} {incr t [p5 a b c d $i]}",
        8,
    ),
}


def crossings(script: str, n: int) -> int:
    interp = Interp()
    interp.eval(f"set n {n}")
    before = interp.host_calls
    interp.eval(script)
    return interp.host_calls - before


@pytest.mark.parametrize("name", LOOPS)
def test_crossings_per_iteration(name: str) -> None:
    script, budget = LOOPS[name]
    per_iteration = (crossings(script, 2 * N) - crossings(script, N)) / N
    assert round(per_iteration) <= budget, f"{name}: {per_iteration} crossings per iteration"


def test_a_canonical_string_is_read_as_its_integer() -> None:
    interp = Interp()
    # Only the canonical decimal form: 010 is octal to expr, 0x10 hex, " 5" and
    # +5 keep their string, -0 is no canonical integer.
    script = (
        "set r {}; foreach v {5 -12 0 010 0x10 +5 { 5} -0 9223372036854775807 "
        "9223372036854775808} {set x $v; lappend r [catch {expr {$x + 1}} m] $m $x,}; set r"
    )
    assert interp.eval(script) == (
        "0 6 5, 0 -11 -12, 0 1 0, 0 9 010, 0 17 0x10, 0 6 +5, 0 6 { 5,} 0 1 -0, "
        "0 9223372036854775808 9223372036854775807, 0 9223372036854775809 9223372036854775808,"
    )
