"""The public API and the seed's milestones M4–M10 on the Python host.

Expected Tcl output comes from tclsh, run on the same script at test time. The
"across resets" cases run each part as its own top-level eval (so the scratch
handles and the WASM arena are reset between parts) and compare with tclsh
running the parts as one script.
"""

from __future__ import annotations

import io
import tracemalloc
from collections.abc import Callable

import pytest

from feather_tcl import Interp, Runtime, TclError
from tests.host.conftest import Session, needs_tclsh, needs_wasm

pytestmark = needs_wasm


def across_resets(session: Session, tclsh: Callable[[str], str], parts: list[str]) -> str:
    """Run each part as a top-level eval; check memory is reclaimed after each; the
    puts output must equal tclsh's for the whole script."""
    for part in parts:
        try:
            result = session.eval(part)
        except TclError as err:
            result = f"ERROR: {err.result}"
        session.out.write(f"=> {result}\n")
        stats = session.interp.memory_stats()
        assert stats["scratch_handles"] == 0 and stats["wasm_arena_used"] == 0
    got = session.output()
    script = "".join(
        "if {[catch {" + part + '} __r]} {set __r "ERROR: $__r"}\nputs "=> $__r"\n'
        for part in parts
    )
    assert got == tclsh(script)
    return got


# ---------------------------------------------------------------- M4 variables


@pytest.mark.milestone("M4")
@needs_tclsh
def test_variables_survive_resets(session: Session, tclsh: Callable[[str], str]) -> None:
    across_resets(
        session,
        tclsh,
        [
            "set x hello",
            "set y $x",
            "puts $y",
            "set a(k) v; set a(z) w",
            "puts $a(k)$a(z)",
            "incr n 5; incr n",
            "append s abc; append s def",
            "puts $s",
            "unset x",
            "info exists x",
            "set x",
            "set a",
            "set nosuch(1)",
            "set y(1) 2",
        ],
    )


@pytest.mark.milestone("M4")
@needs_tclsh
def test_links_and_namespace_variables(session: Session, tclsh: Callable[[str], str]) -> None:
    across_resets(
        session,
        tclsh,
        [
            "set g 1",
            "proc bump {} {global g; incr g}",
            "bump; bump",
            "puts $g",
            "proc up {name} {upvar 1 $name v; set v changed}",
            "set local orig; up local; puts $local",
            "namespace eval ns {variable v 10}",
            "puts $ns::v",
            "proc ns::get {} {variable v; return $v}",
            "ns::get",
            "set ::ns::v 11; ns::get",
            "set nons::x 1",
            "set nons::x",
        ],
    )


@pytest.mark.milestone("M4")
def test_value_stored_in_variable_is_not_copied(session: Session) -> None:
    session.eval("set x hello")
    var = session.interp._core.state.global_ns.vars["x"]
    first = var.value
    session.eval("set y $x")
    assert session.interp._core.state.global_ns.vars["y"].value is first


# ---------------------------------------------------------------- M5 procs


@pytest.mark.milestone("M5")
@needs_tclsh
def test_procs_survive_resets(session: Session, tclsh: Callable[[str], str]) -> None:
    across_resets(
        session,
        tclsh,
        [
            'proc greet {who {greeting hello}} {return "$greeting, $who"}',
            "greet world",
            "greet you hi",
            "info body greet",
            "info args greet",
            "proc greet {} {return replaced}",
            "greet",
            "rename greet salute",
            "salute",
            "greet",
            "rename salute {}",
            "info procs salute",
            "proc va {args} {return $args}",
            "va",
        ],
    )


@pytest.mark.milestone("M5")
def test_proc_count(session: Session) -> None:
    base = session.interp.memory_stats()["proc_count"]
    session.eval("proc a {} {}; proc b {} {}")
    assert session.interp.memory_stats()["proc_count"] == base + 2
    session.eval("rename a {}")
    assert session.interp.memory_stats()["proc_count"] == base + 1


# ---------------------------------------------------------------- M6 namespaces


@pytest.mark.milestone("M6")
@needs_tclsh
def test_namespaces_survive_resets(session: Session, tclsh: Callable[[str], str]) -> None:
    across_resets(
        session,
        tclsh,
        [
            "namespace eval counter {variable n 0; proc next {} {variable n; incr n}}",
            "counter::next",
            "counter::next",
            "namespace eval counter {namespace current}",
            "namespace eval counter {proc inner {} {namespace current}}",
            "counter::inner",
            "namespace eval a::b {proc c {} {return abc}}",
            "a::b::c",
            "namespace eval a {b::c}",
            "namespace children ::a",
            "set x 5; namespace eval q {set x 6}; set x",
            "namespace delete counter",
            "counter::next",
            "namespace eval ::zz {info level}",
        ],
    )


@pytest.mark.milestone("M6")
def test_namespace_count(session: Session) -> None:
    base = session.interp.memory_stats()["namespace_count"]
    session.eval("namespace eval one::two {}")
    assert session.interp.memory_stats()["namespace_count"] == base + 2
    session.eval("namespace delete one")
    assert session.interp.memory_stats()["namespace_count"] == base


# ---------------------------------------------------------------- M7 frames


@pytest.mark.milestone("M7")
@needs_tclsh
def test_frames_within_an_eval(session: Session, tclsh: Callable[[str], str]) -> None:
    across_resets(
        session,
        tclsh,
        [
            "proc lvl {} {info level}",
            "lvl",
            "proc outer {} {inner x}",
            "proc inner {a} {return [info level][info level 0][info level 1]}",
            "outer",
            "info level",
            "proc up0 {} {uplevel #0 {info level}}",
            "up0",
            "proc setter {} {uplevel 1 {set made here}}",
            "proc caller {} {setter; return $made}",
            "caller",
            "proc deep {} {uplevel #0 lvl}",
            "deep",
            "proc viaup {n} {upvar #0 gv v; set v $n}",
            "viaup 9; set gv",
        ],
    )


# ---------------------------------------------------------------- M8 traces


@pytest.mark.milestone("M8")
@needs_tclsh
def test_traces_survive_resets(session: Session, tclsh: Callable[[str], str]) -> None:
    across_resets(
        session,
        tclsh,
        [
            'proc tracecb {name1 name2 op} { puts "traced: $name1 <$name2> $op" }',
            "trace add variable x write tracecb",
            "set x 1",
            "set x 2",
            "trace info variable x",
            "trace add variable x {read unset} tracecb",
            "trace info variable x",
            "set y $x",
            "trace remove variable x write tracecb",
            "set x 3",
            "trace info variable x",
            "unset x",
            "trace info variable x",
            "trace add variable arr write tracecb",
            "set arr(k) 1",
            "proc fail {a b c} {error nope}",
            "trace add variable f write fail",
            "set f 1",
            "set f",
            "proc change {a b c} {upvar 1 $a v; set v changed}",
            "trace add variable c write change",
            "set c orig",
            "set c",
            'proc cmdcb {args} {puts "cmd: $args"}',
            "proc victim {} {}",
            "trace add command victim {rename delete} cmdcb",
            "rename victim renamed",
            "rename renamed {}",
        ],
    )


@pytest.mark.milestone("M8")
def test_trace_script_is_stored_as_a_string(session: Session) -> None:
    session.eval("trace add variable t write {puts hi}")
    var = session.interp._core.state.global_ns.vars["t"]
    assert var.traces is not None
    assert [t.script for t in var.traces] == ["puts hi"]
    assert all(type(t.script) is str for t in var.traces)


@pytest.mark.milestone("M8")
def test_trace_fires_on_every_write(session: Session) -> None:
    session.eval("proc cb {a b c} {puts fired}; trace add variable v write cb")
    for i in range(5):
        session.eval(f"set v {i}")
    assert session.output() == "fired\n" * 5


# ---------------------------------------------------------------- M9 resets


def _clean(interp: Interp) -> None:
    stats = interp.memory_stats()
    assert stats["scratch_handles"] == 0
    assert stats["wasm_arena_used"] == 0
    assert stats["eval_depth"] == 0


@pytest.mark.milestone("M9")
def test_reset_after_ok_error_exception_and_break(session: Session) -> None:
    interp = session.interp
    interp.eval("set a 1; proc p {} {return x}; p")
    _clean(interp)
    with pytest.raises(TclError):
        interp.eval("set b 2; error boom")
    _clean(interp)

    def explode(*args: str) -> None:
        raise ValueError("python says no")

    interp.register("explode", explode)
    with pytest.raises(TclError, match="python says no"):
        interp.eval("set c 3; explode 1 2")
    _clean(interp)
    with pytest.raises(TclError, match='invoked "break" outside of a loop'):
        interp.eval("break")
    _clean(interp)
    with pytest.raises(TclError, match='invoked "continue" outside of a loop'):
        interp.eval("continue")
    _clean(interp)
    assert interp.eval("set a") == "1" and interp.eval("set c") == "3"


@pytest.mark.milestone("M9")
def test_trace_nested_eval_leaves_outer_intact(session: Session) -> None:
    session.eval("proc cb {n1 n2 op} {set ::seen [set ::$n1]; set junk xxxxxxxxxx}")
    session.eval("trace add variable w write cb")
    result = session.eval("set before 1; set r [set w 5]; set after $r; set after")
    assert result == "5"
    assert session.eval("set seen") == "5"
    _clean(session.interp)


@pytest.mark.milestone("M9")
def test_python_command_nested_eval_leaves_outer_intact(session: Session) -> None:
    interp = session.interp
    depths: list[int] = []

    def inner(arg: str) -> str:
        depths.append(interp.memory_stats()["eval_depth"])
        interp.eval("set inner_ran 1; proc made_inside {} {return ok}")
        return interp.eval(f"set echo {arg}")

    interp.register("inner", inner)
    out = interp.eval("set a outer; set b [inner hello]; set c $a; return $b-$c")
    assert out == "hello-outer"
    assert depths == [1]
    assert interp.eval("made_inside") == "ok"
    _clean(interp)


@pytest.mark.milestone("M9")
def test_command_in_one_interp_evaluating_in_another_resets_nothing() -> None:
    rt = Runtime()
    a = Interp(runtime=rt)
    b = Interp(runtime=rt)
    seen: list[tuple[int, int]] = []

    def other(script: str) -> str:
        r = b.eval(script)
        seen.append((rt.depth, len(rt.scratch)))
        return r

    a.register("other", other)
    b.eval("set x inB")
    out = a.eval("set x inA; set y [other {set z [set x]}]; return $y/$x")
    assert out == "inB/inA"
    depth, handles = seen[0]
    assert depth == 1 and handles > 0  # b's eval ran nested: nothing was reset under a
    _clean(a)
    _clean(b)
    assert b.eval("set z") == "inB"


@pytest.mark.milestone("M9")
def test_each_interp_has_its_own_state() -> None:
    a, b = Interp(), Interp()
    a.eval("set v a; proc who {} {return a}")
    b.eval("set v b")
    assert a.eval("set v") == "a" and b.eval("set v") == "b"
    assert a.eval("who") == "a"
    with pytest.raises(TclError, match='invalid command name "who"'):
        b.eval("who")


# ---------------------------------------------------------------- M10 diagnostics


@pytest.mark.milestone("M10")
def test_memory_stats_keys(session: Session) -> None:
    stats = session.interp.memory_stats()
    for key in (
        "scratch_handles",
        "wasm_arena_used",
        "wasm_arena_high_water",
        "wasm_memory_bytes",
        "namespace_count",
        "proc_count",
        "eval_depth",
        "host_calls",
    ):
        assert isinstance(stats[key], int), key
    assert stats["wasm_memory_bytes"] >= 2 * 1024 * 1024
    assert stats["namespace_count"] >= 1
    session.eval("set a [list " + " ".join(f"w{k}" for k in range(300)) + "]; llength $a")
    assert session.interp.memory_stats()["scratch_high_water"] >= 300


def test_tailcall_chain_memory_stays_bounded() -> None:
    """A proc tailcalling itself runs each tail in its caller's place: the scratch
    handles and the WASM arena of 100,000 tail calls stay at those of 100."""
    interp = Interp()
    interp.eval("proc loop {n} {if {$n == 0} {return [info level]}; tailcall loop [expr {$n-1}]}")
    assert interp.eval("loop 100") == "1"
    base = interp.memory_stats()
    assert interp.eval("loop 100000") == "1"
    stats = interp.memory_stats()
    assert stats["scratch_high_water"] <= base["scratch_high_water"] + 64
    assert stats["wasm_arena_high_water"] <= base["wasm_arena_high_water"] + 1024
    assert stats["wasm_memory_bytes"] == base["wasm_memory_bytes"]
    assert stats["scratch_handles"] == 0 and stats["eval_depth"] == 0


@pytest.mark.milestone("M10")
def test_force_reset(session: Session) -> None:
    interp = session.interp
    interp.force_reset()  # idle: fine
    _clean(interp)

    def reset_now() -> None:
        interp.force_reset()

    interp.register("reset_now", reset_now)
    with pytest.raises(TclError, match="cannot reset while an eval is running"):
        interp.eval("set keep 1; reset_now")
    assert interp.eval("set keep") == "1"
    _clean(interp)


SEED_STRESS = """
set x [list a b c d e f g h i j]
lappend x [string repeat "x" 100]
proc tmp {} { return [expr {1 + 2}] }
tmp
rename tmp {}
"""

# The same shape with only the builtins every core has had since M3.
BASIC_STRESS = """
set x {a b c d e f g h i j}
append x [set y xxxxxxxxxx]
proc tmp {} { incr ::n; return 3 }
tmp
rename tmp {}
"""


def _stress(interp: Interp, script: str, iterations: int) -> None:
    interp.eval(script)
    tracemalloc.start()
    try:
        memory_at_100 = 0
        heap_at_100 = 0
        for i in range(iterations):
            interp.eval(script)
            stats = interp.memory_stats()
            assert stats["scratch_handles"] == 0, i
            assert stats["wasm_arena_used"] == 0, i
            if i == 99:
                memory_at_100 = stats["wasm_memory_bytes"]
                heap_at_100 = tracemalloc.get_traced_memory()[0]
        heap_end = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert interp.memory_stats()["wasm_memory_bytes"] == memory_at_100
    assert heap_end - heap_at_100 < 1024 * 1024


@pytest.mark.milestone("M10")
def test_seed_stress_test(session: Session, need: Callable[..., None]) -> None:
    need("list", "lappend", "string", "expr", probe="expr {1 + 2}")
    _stress(session.interp, SEED_STRESS, 10_000)


@pytest.mark.milestone("M10")
def test_basic_stress_test(session: Session) -> None:
    _stress(session.interp, BASIC_STRESS, 10_000)


# ---------------------------------------------------------------- public API


def test_eval_and_call(session: Session) -> None:
    interp = session.interp
    assert interp.eval("set x {a b}") == "a b"
    assert interp.call("set", "y", "two words") == "two words"
    assert interp.call("set", "y") == "two words"
    assert interp.call("set", "z", "[no substitution]") == "[no substitution]"
    assert interp.call("set", "n", 42) == "42"


def test_tcl_error_fields(session: Session) -> None:
    session.eval("proc f {} {error boom {} {MY CODE}}")
    with pytest.raises(TclError) as info:
        session.eval("f")
    err = info.value
    assert err.code == 1
    assert err.result == "boom" and str(err) == "boom"
    assert err.error_code == "MY CODE"
    assert err.error_info.startswith("boom\n    while executing")
    assert '(procedure "f" line 1)' in err.error_info


def test_register_conversions(session: Session) -> None:
    interp = session.interp
    interp.register("none", lambda *a: None)
    interp.register("num", lambda *a: 7)
    interp.register("real", lambda *a: 2.5)
    interp.register("yes", lambda *a: True)
    interp.register("no", lambda *a: False)
    interp.register("items", lambda *a: ["a b", "", ("x", 1)])
    interp.register("echo", lambda *a: "|".join(a))
    assert interp.eval("none") == ""
    assert interp.eval("num") == "7"
    assert interp.eval("real") == "2.5"
    assert interp.eval("yes") == "1" and interp.eval("no") == "0"
    assert interp.eval("items") == "{a b} {} {x 1}"
    assert interp.eval("echo a {b c} [num]") == "a|b c|7"
    assert interp.eval("incr [set v num]; set num") == "1"


def test_register_exception_becomes_tcl_error(session: Session) -> None:
    def bad(*args: str) -> str:
        raise KeyError("missing thing")

    session.interp.register("bad", bad)
    assert session.eval("catch {bad} msg; set msg") == "'missing thing'"


@needs_tclsh
def test_puts_variants(session: Session, tclsh: Callable[[str], str]) -> None:
    err = io.StringIO()
    interp = Interp(stdout=session.out, stderr=err)
    script = "\n".join(
        [
            "puts hello",
            "puts -nonewline a; puts b",
            "puts stdout c",
            "puts -nonewline stdout d\\n",
            "puts -nonewline",
            "puts stdout",
            "catch {puts foo bar} m; puts $m",
            "catch {puts -nonewline foo bar} m; puts $m",
            "catch {puts} m; puts $m",
            "catch {puts a b c} m; puts $m",
            "catch {puts a b c d} m; puts $m",
        ]
    )
    interp.eval(script)
    assert session.output() == tclsh(script)
    interp.eval("puts stderr oops")
    assert err.getvalue() == "oops\n"


def test_close(session: Session) -> None:
    interp = Interp()
    interp.close()
    with pytest.raises(RuntimeError):
        interp.eval("set x 1")


def test_list_helper() -> None:
    assert Interp.list("a", "b c", "", 3) == "a {b c} {} 3"


def test_collected_interp_leaves_the_runtime() -> None:
    import gc

    rt = Runtime()
    interp = Interp(runtime=rt)
    ident = interp._core.id
    assert rt.interps[ident] is not None
    del interp
    gc.collect()
    assert rt.interps[ident] is None


def test_register_tcl_error_carries_its_code(session: Session) -> None:
    def stop(*args: str) -> None:
        raise TclError("", code=3)  # break

    session.interp.register("stop", stop)
    assert session.eval("set n 0; foreach x {a b c} {incr n; stop}; set n") == "1"
    assert session.eval("catch {stop} m") == "3"


@pytest.mark.milestone("M10")
def test_lappend_and_append_loops_never_copy(
    session: Session, need: Callable[..., None], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Linear, shown structurally: no append copies the accumulated value."""
    need("lrepeat", "lappend", "foreach", "llength", probe="lrepeat 2 x")
    from feather_tcl import values

    copies = {"list": 0, "text": 0}
    list_append, text_append = values.TclList.append, values.Text.append

    def counting_list(self: values.TclList, new: list[values.Value]) -> values.TclList:
        result = list_append(self, new)
        copies["list"] += result.items is not self.items
        return result

    def counting_text(self: values.Text, data: bytes) -> values.Text:
        result = text_append(self, data)
        copies["text"] += result.buf is not self.buf
        return result

    monkeypatch.setattr(values.TclList, "append", counting_list)
    monkeypatch.setattr(values.Text, "append", counting_text)
    n = 20_000
    assert session.eval(f"set l [lrepeat {n} x]; foreach x $l {{lappend r $x}}; llength $r") == str(
        n
    )
    session.eval("foreach x $l {append s $x}")
    assert session.eval("string length $s") == str(n)
    assert copies == {"list": 0, "text": 0}


@pytest.mark.milestone("M10")
def test_repeated_words_share_handles_within_an_eval(session: Session) -> None:
    rt = session.interp.runtime
    seen: list[int] = []
    session.interp.register("probe", lambda: seen.append(len(rt.scratch)))
    session.eval("probe\n" + "set a 1\n" * 5000 + "probe\n")
    assert seen[1] - seen[0] < 50  # not a handle per word: 15,000 words were read
    session.eval("set a 1; probe")
    assert seen[2] < 50  # a fresh table after the reset


@needs_tclsh
def test_dict_keeps_the_string_rep_it_was_made_from(
    session: Session, tclsh: Callable[[str], str], need: Callable[..., None]
) -> None:
    need("dict", probe="dict size {}")
    script = (
        "puts [dict merge {a  1}]\n"
        "set d {  }; dict with d {}; puts [string length $d]\n"
        "set e {k 1 k 2}; puts [dict get $e k]; puts [llength $e]; puts $e\n"
        "set f [list x 1 y 2]; puts [dict get $f y]; puts $f\n"
    )
    session.eval(script)
    assert session.output() == tclsh(script)
