"""Interp.subst: the feather_subst export, as JS's feather.subst (js/test/api.test.js)."""

from __future__ import annotations

import pytest

from feather_tcl import Interp, TclError

pytestmark = pytest.mark.milestone("M4")


def test_subst_substitutes_like_tcl() -> None:
    interp = Interp()
    interp.eval("set x 5; proc twice {n} {expr {$n * 2}}")
    assert interp.subst("x=$x [twice $x] \\t|") == "x=5 10 \t|"
    assert interp.subst("$x [twice 1] \\n", 1) == "5 2 \\n"  # no backslashes
    assert interp.subst("$x [twice 1]", 2) == "$x 2"  # no variables
    assert interp.subst("$x [twice 1]", 4) == "5 [twice 1]"  # no commands


def test_subst_errors_and_state() -> None:
    interp = Interp()
    with pytest.raises(TclError, match='can\'t read "nope": no such variable') as info:
        interp.subst("a $nope b")
    assert info.value.code == 1
    assert interp.subst("[set y 7]") == "7" and interp.eval("set y") == "7"
    assert interp.memory_stats()["scratch_handles"] == 0
