"""Hostile input, targeted (issue 7): every outcome is a result or a TclError, the
interp stays usable and nothing is left in scratch memory."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest

from feather_tcl import Interp, Runtime, TclError
from tests.host.conftest import needs_wasm
from tests.limits.support import assert_clean, assert_state_kept, set_up_state

pytestmark = needs_wasm

MIB = 1 << 20
N = 100_000  # nesting levels


@pytest.fixture
def interp() -> Iterator[Interp]:
    it = Interp(time_limit=30)
    set_up_state(it)
    yield it
    assert_state_kept(it)


def outcome(interp: Interp, script: str) -> str:
    """'ok: result' or 'error: message' (anything else propagates and fails)."""
    try:
        return "ok: " + interp.eval(script)
    except TclError as err:
        return "error: " + err.result


# ---------------------------------------------------------------- bytes


def test_nul_bytes_in_scripts_names_and_values(interp: Interp) -> None:
    assert interp.eval("set x a\x00b; string length $x") == "3"
    assert interp.eval("set x") == "a\x00b"
    assert interp.eval("set {n\x00m} 7; set {n\x00m}") == "7"
    assert interp.eval("proc p\x00q {} {return z}; p\x00q") == "z"
    assert interp.eval("string map [list \x00 -] a\x00b\x00") == "a-b-"
    assert interp.eval("split a\x00b \x00") == "a b"
    assert interp.eval("string length [string repeat \x00 1000]") == "1000"


def test_invalid_utf8_in_scripts_round_trips(interp: Interp) -> None:
    # Bytes that are not UTF-8 reach the core as they are (surrogateescape) and
    # come back unchanged.
    junk = bytes([0xFF, 0xFE, 0xC0, 0x80, 0xED, 0xA0, 0x80, 0xF8, 0x88]).decode(
        "utf-8", "surrogateescape"
    )
    interp.eval(f"set x {{{junk}}}")
    assert interp.eval("set x") == junk
    for script in (
        "string length $x",
        "string toupper $x",
        "string reverse $x",
        "string index $x 3",
        "string range $x 1 end-1",
        "split $x {}",
        "regexp -inline . $x",
        "format %s $x",
        "scan $x %c",
        "string is print $x",
        "list $x $x",
        "dict create $x $x",
        "lsort [split $x {}]",
    ):
        assert outcome(interp, script).startswith(("ok: ", "error: "))
    # A lone surrogate from Python code (not from bytes) is encoded, not refused.
    assert outcome(interp, "string length \ud800x").startswith("ok: ")
    for bad in ("\udcff{", "}\udcff", "[\udcff", '"\udcff', "$\udcff", "\\\udcff"):
        assert outcome(interp, bad).startswith(("ok: ", "error: "))


def test_odd_values_from_python_commands(interp: Interp) -> None:
    returns: dict[str, object] = {
        "nul": "a\x00b",
        "surrogates": "\udcff\udcfe",
        "lone": "\ud800",
        "bytes": b"\xff\x00abc",
        "bytearray": bytearray(b"xyz"),
        "object": object(),
        "set": {1, 2},
        "frozenset": frozenset(),
        "generator": (i for i in range(3)),
        "class": Interp,
        "nan": math.nan,
        "inf": -math.inf,
        "huge-int": 10**400,
        "complex": 1 + 2j,
        "nested": {"a": [1, (2.5, None, True)], "b": {"c": b"d"}},
        "deep-list": [[[[[[["x"]]]]]]],
        "exception": ValueError("not raised, returned"),
    }
    for name, value in returns.items():
        interp.register(f"ret_{name}", lambda v=value: v)
        result = outcome(interp, f"set r [ret_{name}]; list [string length $r] [llength $r]")
        assert result.startswith(("ok: ", "error: ")), name
        assert outcome(interp, f"ret_{name}").startswith(("ok: ", "error: "))
    assert interp.eval("string length [ret_nul]") == "3"
    assert interp.eval("expr {[ret_huge-int] > 0}") == "1"
    assert interp.eval("ret_nan") == "NaN"
    assert interp.eval("dict get [ret_nested] a") == "1 {2.5 {} 1}"


def test_python_command_arguments_with_odd_bytes(interp: Interp) -> None:
    seen: list[tuple[str, ...]] = []
    interp.register("echo", lambda *a: seen.append(a) or len(a))
    assert interp.eval("echo a\x00b [string repeat \x00 3] {} \udcff") == "4"
    assert seen == [("a\x00b", "\x00\x00\x00", "", "\udcff")]


# ---------------------------------------------------------------- size


def test_a_100_mb_string() -> None:
    interp = Interp(memory_limit=256 * MIB, time_limit=60)
    set_up_state(interp)
    assert interp.eval("string length [string repeat x 100000000]") == "100000000"
    assert interp.call("string", "length", "y" * 100_000_000) == "100000000"
    assert_state_kept(interp)
    capped = Interp(memory_limit=50 * MIB, time_limit=60)
    with pytest.raises(TclError):
        capped.eval("string length [string repeat x 100000000]")
    assert_clean(capped)


def test_million_element_lists(interp: Interp) -> None:
    assert interp.eval("llength [set l [lrepeat 1000000 x]]") == "1000000"
    assert interp.eval("llength [set s [split [string repeat {a } 999999]a]]") == "1000000"
    assert interp.eval("set n [lsearch -all $s a]; llength $n") == "1000000"
    assert interp.eval("lindex [lsort -integer -decreasing $n] 0") == "999999"
    assert interp.eval("llength [lreverse $n]") == "1000000"
    assert interp.eval("string length [join $l {}]") == "1000000"
    assert interp.eval("dict size [dict create {*}$n]") == "500000"
    assert interp.eval("llength [lrange $n 10 end-10]") == "999980"
    assert interp.eval("lindex [linsert $n 500000 mid] 500000") == "mid"
    interp.eval("unset l s n")


def test_deep_nesting_of_braces_brackets_and_scripts(interp: Interp) -> None:
    assert interp.eval("set x " + "{" * N + "}" * N + "; string length $x") == str(2 * N - 2)
    assert interp.eval("list " + "{" * N + "a" + "}" * N).startswith("{" * 100)
    assert interp.eval("expr {" + "(" * N + "1" + ")" * N + "}") == "1"
    for script in (
        "set x " + "[" * N + "]" * N,
        'set x "' + "[" * N,
        "set x " + "[list " * N + "]" * N,
        "if 1 {" * N + "}" * N,
        "subst {" + "[set a " * N + "x" + "]" * N + "}",
        "expr {" + "[expr {" * 5000 + "1" + "}]" * 5000 + "}",
        "set x " + "{" * N,
        "set x " + "}" * N,
        '"' * N,
        "set a(" * N,
        "$" * N,
        "\\" * N,
        "lindex " + "{" * N + "}" * N + " " + "0 " * N,
        "list " + "\\{" * N,
        "string map [list " + "{" * 1000 + "a" + "}" * 1000 + " b] a",
    ):
        assert outcome(interp, script).startswith(("ok: ", "error: ")), script[:40]
    assert interp.parse_status("{" * N) == 1
    assert interp.parse_status("[" * N + "]" * N) in (0, 2)


# ---------------------------------------------------------------- rename


def builtins() -> list[str]:
    return sorted(Interp().eval("info commands").split())


@pytest.mark.parametrize("name", builtins())
def test_deleting_any_builtin_leaves_a_working_interp(name: str) -> None:
    interp = Interp(time_limit=10)
    interp.eval(f"rename {name} {{}}")
    for script in (
        "set a 1; incr a; list $a [string length abc]",
        "proc p {x} {return [expr {$x * 2}]}; p 4",
        "foreach i {1 2} {lappend l $i}; catch {error x} m; dict set d k v",
        f"{name} a b c",
        "rename rename {}",
    ):
        assert outcome(interp, script).startswith(("ok: ", "error: "))
    assert_clean(interp)
    assert Interp().eval(f"info commands {name}") == name  # others are untouched


def test_rename_rename_and_unknown_tricks(interp: Interp) -> None:
    assert interp.eval("rename rename {}; info commands rename") == ""
    assert outcome(interp, "rename set x") == 'error: invalid command name "rename"'
    fresh = Interp()
    assert outcome(fresh, "rename set myset; myset a 1; set a") == (
        'error: invalid command name "set"'
    )
    assert fresh.eval("myset a") == "1"
    assert fresh.eval("proc unknown {args} {return [list unknown {*}$args]}; nosuch a") == (
        "unknown nosuch a"
    )
    assert outcome(fresh, "proc unknown {args} {nosuch2}; nosuch") == (
        "error: too many nested evaluations (infinite loop?)"
    )
    assert outcome(fresh, "rename unknown {}; rename proc {}; rename if {}; if 1 {}") == (
        'error: invalid command name "if"'
    )
    assert_clean(fresh)


# ---------------------------------------------------------------- traces

# Trace scripts and tclsh 8.6's answers ("code result" per line).
TRACES = [
    ("trace add variable ::e1 write {error boom ;#}; set ::e1 1", '1 {can\'t set "::e1": boom}'),
    ("set ::e1", "0 1"),
    ("proc s {n1 n2 op} {incr ::s1}; trace add variable ::s1 write s; set ::s1 1; set ::s1", "0 2"),
    (
        "proc wx {args} {set ::ry [expr {[set ::ry] + 1}]};"
        " proc wy {args} {set ::rx [expr {[set ::rx] + 1}]}; set ::rx 0; set ::ry 0;"
        " trace add variable ::rx write wx; trace add variable ::ry write wy;"
        " set ::rx 1; list $::rx $::ry",
        "0 {2 1}",
    ),
    (
        "proc rx {args} {set ::ry}; proc ry {args} {set ::rx}; set ::rx 1; set ::ry 2;"
        " trace add variable ::rx read rx; trace add variable ::ry read ry; set ::rx",
        "0 3",
    ),
    (
        "proc foo {} {}; trace add command foo delete {error x ;#}; rename foo {};"
        " info commands foo",
        "0 {}",
    ),
    (
        "proc bar {} {}; trace add command bar rename {error y ;#}; rename bar baz;"
        " info commands baz",
        "0 baz",
    ),
    (
        "trace add variable ::u1 unset {error nope ;#}; set ::u1 1; unset ::u1; info exists ::u1",
        "0 0",
    ),
    (
        "proc ar {n1 n2 op} {unset -nocomplain ::tarr}; array set ::tarr {a 1};"
        " trace add variable ::tarr write ar; set ::tarr(b) 2; info exists ::tarr",
        "0 0",
    ),
    (
        "proc rec {args} {incr ::depth; set ::rv [expr {$::depth}]}; set ::depth 0;"
        " trace add variable ::rv write rec; set ::rv 0; set ::depth",
        "0 1",
    ),
]

# Traces that unset their own variable, as tclsh: a write trace that unsets it (Tcl's
# set then returns ""), a read trace that unsets it (Tcl's read then fails).
TRACE_DIFFERENCES = [
    ("proc t {n1 n2 op} {unset ::d1}; trace add variable ::d1 write t; set ::d1 5", "0 {}"),
    (
        "proc tr {n1 n2 op} {unset ::d2}; set ::d2 1; trace add variable ::d2 read tr; set ::d2",
        '1 {can\'t read "::d2": no such variable}',
    ),
]


def tcl_outcome(interp: Interp, script: str) -> str:
    return interp.eval(f"list [catch {{{script}}} r] $r")


def test_traces_that_error_delete_and_recurse(interp: Interp) -> None:
    for script, expected in TRACES:
        assert tcl_outcome(interp, script) == expected, script


@pytest.mark.parametrize(("script", "expected"), TRACE_DIFFERENCES)
def test_traces_that_unset_their_variable_as_tcl(script: str, expected: str) -> None:
    assert tcl_outcome(Interp(), script) == expected


def test_traces_that_delete_their_own_variable_never_break_the_interp(interp: Interp) -> None:
    for script, _expected in TRACE_DIFFERENCES:
        assert tcl_outcome(interp, script).startswith(("0 ", "1 "))
    script = (
        "proc again {n1 n2 op} {unset -nocomplain ::v; set ::v x;"
        " trace add variable ::v write again; trace add variable ::v read again};"
        " trace add variable ::v write again; set ::v 1; set ::v"
    )
    assert outcome(interp, script).startswith(("ok: ", "error: "))


# ---------------------------------------------------------------- Python commands


def test_python_commands_that_raise(interp: Interp) -> None:
    def raiser(kind: str) -> None:
        errors: dict[str, BaseException] = {
            "value": ValueError("bad value"),
            "type": TypeError("bad type"),
            "tcl": TclError("tcl says no"),
            "break": TclError("", 3),
            "zero": ZeroDivisionError("division by zero"),
            "lookup": KeyError("k"),
            "unicode": UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"),
            "stop": StopIteration(),
        }
        raise errors[kind]

    interp.register("raiser", raiser)
    assert outcome(interp, "raiser value") == "error: bad value"
    assert outcome(interp, "raiser tcl") == "error: tcl says no"
    assert interp.eval("set r {}; foreach i {1 2} {raiser break; lappend r $i}; set r") == ""
    for kind in ("type", "zero", "lookup", "unicode", "stop"):
        assert outcome(interp, f"raiser {kind}").startswith("error: ")
    assert interp.eval("catch {raiser value} m; set m") == "bad value"
    assert outcome(interp, "raiser").startswith("error: ")  # wrong arity: a TypeError


def test_python_command_evaluating_in_another_interp() -> None:
    rt = Runtime()
    a, b = Interp(runtime=rt), Interp(runtime=rt)
    set_up_state(a)
    set_up_state(b)
    a.register("in_b", lambda script: b.eval(script))
    b.register("in_a", lambda script: a.eval(script))
    assert a.eval("in_b {set ::only_b 1}") == "1"
    assert a.eval("info exists ::only_b") == "0"
    assert b.eval("set ::only_b") == "1"
    # Ping-pong until the nesting runs out: a Tcl error, never a Python one.
    a.eval("proc ping {} {in_b {in_a ping}}")
    assert outcome(a, "ping").startswith("error: ")
    assert outcome(a, "in_b {error {from b}}") == "error: from b"
    assert_state_kept(a)
    assert_state_kept(b)


def test_force_reset_from_inside_a_command(interp: Interp) -> None:
    interp.register("reset_now", interp.force_reset)
    assert outcome(interp, "set ::x 1; reset_now") == (
        "error: feather: cannot reset while an eval is running"
    )
    assert interp.eval("set ::x") == "1"
    assert interp.eval("catch reset_now m; list $m [set ::x]") == (
        "{feather: cannot reset while an eval is running} 1"
    )
    # Outside an eval it is allowed and harmless.
    interp.force_reset()
    assert interp.eval("set ::x") == "1"
