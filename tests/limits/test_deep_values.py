"""Values nested thousands deep (issue 7, hostile input).

A list or dict built by wrapping a value thousands of times has no string rep until one is
asked for; the host then formats every level without recursion, so the answer comes
back as in tclsh instead of a host stack overflow (twin of js/test/deep_values.test.js,
where the recursive conversion exhausted Node's stack).
"""

from __future__ import annotations

import pytest

from feather_tcl import Interp
from tests.host.conftest import needs_wasm
from tests.limits.support import assert_state_kept, set_up_state

pytestmark = needs_wasm

# 5000 levels in the JS twin (where the recursive conversion failed); formatting is
# quadratic in the depth and Python's element quoting is slow: 3000 here keeps the
# file at a few seconds.
DEPTH = 3000
WRAP = {
    "list": ("set v {x y}", "set v [list $v]", "{" * DEPTH + "x y" + "}" * DEPTH),
    "list-pair": ("set v {x y}", "set v [list $v z]", "{" * DEPTH + "x y" + "} z" * DEPTH),
    "dict": ("set v {x y}", "set v [dict create k $v]", "k {" * DEPTH + "x y" + "}" * DEPTH),
}


@pytest.mark.parametrize("kind", sorted(WRAP))
def test_a_value_nested_thousands_deep_gives_its_string(kind: str) -> None:
    start, wrap, text = WRAP[kind]
    interp = Interp()
    set_up_state(interp)
    build = f"{start}; for {{set i 0}} {{$i < {DEPTH}}} {{incr i}} {{{wrap}}}"
    assert interp.eval(f"{build}; string length $v") == str(len(text))
    assert interp.eval("set v") == text
    assert_state_kept(interp)


def test_deep_lists_and_dicts_index_and_format() -> None:
    interp = Interp()
    lst = f"set l {{x y}}; for {{set i 0}} {{$i < {DEPTH}}} {{incr i}} {{set l [list $l]}}"
    assert interp.eval(f"{lst}; lindex $l {{*}}[lrepeat {DEPTH} 0]") == "x y"
    assert interp.eval("llength [lappend l z]") == "2"
    dct = f"set d {{x y}}; for {{set i 0}} {{$i < {DEPTH}}} {{incr i}} {{set d [dict create k $d]}}"
    assert interp.eval(f"{dct}; dict get $d {{*}}[lrepeat {DEPTH} k]") == "x y"
    assert interp.eval("string length [list $d $d]") == str(2 * (4 * DEPTH + 3 + 2) + 1)
