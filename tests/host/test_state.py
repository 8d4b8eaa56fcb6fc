"""The interpreter state on its own (no WASM): resolution, arrays, links, frames,
commands and traces, as Tcl 8.6 defines them."""

from __future__ import annotations

import pytest

from feather_tcl import state as st
from feather_tcl.state import State, split_element, split_name
from feather_tcl.values import TclList, Text, Value, to_str


class Recorder:
    """A stand-in evaluator: records trace scripts, can fail on demand."""

    def __init__(self) -> None:
        self.scripts: list[str] = []
        self.fail = False
        self.action: object = None

    def __call__(self, script: str) -> tuple[int, Value]:
        self.scripts.append(script)
        if callable(self.action):
            self.action()
        if self.fail:
            return st.TCL_ERROR, "trace failed"
        return st.TCL_OK, ""


@pytest.fixture
def rec() -> Recorder:
    return Recorder()


@pytest.fixture
def s(rec: Recorder) -> State:
    return State(rec)


def test_split_names() -> None:
    assert split_name("x") == (False, [], "x")
    assert split_name("a::b") == (False, ["a"], "b")
    assert split_name("::a::b::c") == (True, ["a", "b"], "c")
    assert split_name(":::a::::b") == (True, ["a"], "b")
    assert split_name("::") == (True, [], "")
    assert split_name("a:b") == (False, [], "a:b")
    assert split_element("a(k)") == ("a", "k")
    assert split_element("a(x(y))") == ("a", "x(y)")
    assert split_element("(k)") == ("(k)", None)
    assert split_element("plain") == ("plain", None)


# ---------------------------------------------------------------- variables (M4)


@pytest.mark.milestone("M4")
def test_scalar_and_array_statuses(s: State) -> None:
    assert s.var_get("x", None) == (st.VAR_NO_SUCH_VAR, None)
    assert s.var_set("x", None, "1") == (st.VAR_OK, "1")
    assert s.var_get("x", None) == (st.VAR_OK, "1")
    assert s.var_get("x", "k")[0] == st.VAR_NOT_ARRAY
    assert s.var_set("x", "k", "v")[0] == st.VAR_NOT_ARRAY
    assert s.var_set("a", "k", "v") == (st.VAR_OK, "v")
    assert s.var_get("a", None)[0] == st.VAR_IS_ARRAY
    assert s.var_set("a", None, "v")[0] == st.VAR_IS_ARRAY
    assert s.var_get("a", "zz")[0] == st.VAR_NO_SUCH_ELEMENT
    assert s.var_unset("a", "zz")[0] == st.VAR_NO_SUCH_ELEMENT
    assert s.var_unset("nope", None)[0] == st.VAR_NO_SUCH_VAR
    assert s.var_kind("a") == 2 and s.var_kind("x") == 1 and s.var_kind("q") == 0
    assert s.var_kind("a(k)") == 1 and s.var_kind("a(z)") == 0
    assert s.var_unset("a", None) == (st.VAR_OK, None)
    assert s.var_kind("a") == 0


@pytest.mark.milestone("M4")
def test_qualified_names_and_missing_namespaces(s: State) -> None:
    assert s.var_set("nons::x", None, "1")[0] == st.VAR_NO_NAMESPACE
    assert s.var_get("nons::x", None)[0] == st.VAR_NO_SUCH_VAR
    s.create_ns("ns")
    assert s.var_set("ns::x", None, "1")[0] == st.VAR_OK
    assert s.var_get("::ns::x", None) == (st.VAR_OK, "1")
    assert "x" in s.namespaces["::ns"].vars


@pytest.mark.milestone("M4")
def test_namespace_frame_falls_back_to_global_variables(s: State) -> None:
    s.var_set("x", None, "global")
    s.create_ns("foo")
    s.push_frame(None, "::foo", True)
    s.var_set("x", None, "6")  # Tcl 8.6: an existing global is found, not created in foo
    s.var_set("y", None, "new")  # no global y: created in foo
    s.pop_frame()
    assert s.var_get("x", None) == (st.VAR_OK, "6")
    assert "y" in s.namespaces["::foo"].vars and "y" not in s.global_ns.vars


@pytest.mark.milestone("M4")
def test_proc_frame_has_locals(s: State) -> None:
    s.var_set("x", None, "global")
    s.push_frame(None, None, False)
    assert s.var_get("x", None)[0] == st.VAR_NO_SUCH_VAR
    s.var_set("x", None, "local")
    s.pop_frame()
    assert s.var_get("x", None) == (st.VAR_OK, "global")


@pytest.mark.milestone("M4")
def test_links_follow_names_not_values(s: State) -> None:
    s.var_set("g", None, "1")
    s.push_frame(None, None, False)
    assert s.var_link("g", -1, "::g") == st.VAR_OK
    assert s.var_get("g", None) == (st.VAR_OK, "1")
    s.var_set("g", None, "2")
    assert s.var_unset("g", None)[0] == st.VAR_OK  # unsets the global through the link
    assert "g" not in s.global_ns.vars
    s.var_set("g", None, "3")  # and sets it again
    s.pop_frame()
    assert s.var_get("g", None) == (st.VAR_OK, "3")


@pytest.mark.milestone("M4")
def test_upvar_to_a_frame_and_to_an_element(s: State) -> None:
    s.push_frame(None, None, False)  # level 1
    s.var_set("here", None, "a")
    s.var_set("arr", "k", "elem")
    s.push_frame(None, None, False)  # level 2
    assert s.var_link("up", 1, "here") == st.VAR_OK
    assert s.var_link("el", 1, "arr(k)") == st.VAR_OK
    s.var_set("up", None, "b")
    assert s.var_get("el", None) == (st.VAR_OK, "elem")
    assert s.var_get("el", "x")[0] == st.VAR_NOT_ARRAY
    s.var_set("el", None, "changed")
    s.var_set("mine", None, "x")
    assert s.var_link("mine", 1, "here") == st.VAR_EXISTS
    assert s.var_link("c1", 2, "c0") == st.VAR_OK  # c1 -> c0
    assert s.var_link("c0", 2, "c1") == st.VAR_SELF  # c0 -> c1 -> c0: refused
    s.pop_frame()
    assert s.var_get("here", None) == (st.VAR_OK, "b")
    assert s.var_get("arr", "k") == (st.VAR_OK, "changed")
    s.pop_frame()


@pytest.mark.milestone("M4")
def test_variable_declaration_is_listed_while_undefined(s: State) -> None:
    ns = s.create_ns("n")
    s.push_frame(None, "::n", True)
    assert s.var_link("q", -1, "q") == st.VAR_OK
    assert s.var_names("vars")[:1] == ["q"]
    assert s.var_get("q", None)[0] == st.VAR_NO_SUCH_VAR
    s.pop_frame()
    assert ns.vars["q"].declared


@pytest.mark.milestone("M4")
def test_incr_fast_path(s: State) -> None:
    assert s.var_incr("n", None, 5) == (st.VAR_OK, 5)  # created holding delta
    assert s.var_incr("n", None, -2) == (st.VAR_OK, 3)
    s.var_set("str", None, "12")
    assert s.var_incr("str", None, 1)[0] == st.VAR_NOT_INT  # no int rep: the core parses
    s.var_set("big", None, (1 << 63) - 1)
    assert s.var_incr("big", None, 1)[0] == st.VAR_NOT_INT
    assert s.var_get("big", None) == (st.VAR_OK, (1 << 63) - 1)
    assert s.var_incr("a", "k", 2) == (st.VAR_OK, 2)


@pytest.mark.milestone("M4")
def test_lappend_is_linear_in_place(s: State) -> None:
    status, first = s.var_lappend("l", None, ["0"])
    assert status == st.VAR_OK and isinstance(first, TclList)
    backing = first.items
    for i in range(1, 100_000):
        s.var_lappend("l", None, [str(i)])
    value = s.var_get("l", None)[1]
    assert isinstance(value, TclList)
    assert value.items is backing  # appended in place every time: never copied
    assert value.n == 100_000
    assert first.elements() == ["0"]  # the first value is unchanged
    # Text never parsed before (a parse of the same text may be cached): the core parses.
    s.var_set("s", None, f"fresh{id(object())} text")
    assert s.var_lappend("s", None, ["c"])[0] == st.VAR_NOT_LIST


@pytest.mark.milestone("M4")
def test_append_is_amortised_in_place(s: State) -> None:
    s.var_append("t", None, b"x")
    first = s.var_get("t", None)[1]
    assert isinstance(first, Text)
    buf = first.buf
    for _ in range(10_000):
        s.var_append("t", None, b"yz")
    value = s.var_get("t", None)[1]
    assert isinstance(value, Text) and value.buf is buf
    assert to_str(value) == "x" + "yz" * 10_000
    assert to_str(first) == "x"


# ---------------------------------------------------------------- commands (M5)


@pytest.mark.milestone("M5")
def test_command_lookup_rename_delete(s: State, rec: Recorder) -> None:
    s.define("set", st.CMD_BUILTIN, 3, None, None)
    s.create_ns("ns")
    s.push_frame(None, "::ns", True)
    s.define("local", st.CMD_PROC, 0, "a", "body")
    assert s.lookup_command("set") is not None  # falls back to the global namespace
    found = s.lookup_command("local")
    assert found is not None and found.qualified() == "::ns::local"
    s.pop_frame()
    assert s.lookup_command("local") is None
    assert s.lookup_command("ns::local") is found
    assert s.rename("nosuch", "x") == 1
    assert s.rename("ns::local", "set") == 2
    assert s.rename("ns::local", "nons::x") == 0  # rename creates the namespace, as in Tcl
    assert s.find_ns("::nons") is not None
    assert s.rename("nons::x", "ns::local") == 0
    s.trace_add(st.TRACE_COMMAND, "ns::local", ["rename", "delete"], "cb")
    assert s.rename("ns::local", "moved") == 0
    moved = s.lookup_command("moved")
    assert moved is found and moved.ns is s.global_ns
    assert s.rename("moved", "") == 0
    assert s.lookup_command("moved") is None
    assert rec.scripts == ["cb ::ns::local ::moved rename", "cb ::moved {} delete"]
    assert s.define("nonsuch::p", st.CMD_PROC, 0, "", "") == st.VAR_NO_NAMESPACE


@pytest.mark.milestone("M5")
def test_proc_count_and_listings(s: State) -> None:
    s.define("set", st.CMD_BUILTIN, 0, None, None)
    s.define("p1", st.CMD_PROC, 0, "", "")
    ns = s.create_ns("n")
    s.push_frame(None, "::n", True)
    s.define("p2", st.CMD_PROC, 0, "", "")
    assert s.command_names(None, True) == ["p2"]
    assert sorted(s.command_names(None, False)) == ["p1", "p2", "set"]
    s.pop_frame()
    assert s.command_names(ns, False) == ["::n::p2"]
    assert s.proc_count() == 2


# ---------------------------------------------------------------- namespaces (M6)


@pytest.mark.milestone("M6")
def test_namespace_resolution_and_deletion(s: State) -> None:
    a = s.create_ns("a::b")
    assert a.name == "::a::b" and "::a" in s.namespaces
    s.push_frame(None, "::a", True)
    assert s.find_ns("b") is a  # relative to the active namespace
    assert s.find_ns("a::b") is a  # then to the global one
    assert s.create_ns("c").name == "::a::c"
    s.pop_frame()
    assert s.children(s.namespaces["::a"]) == ["::a::b", "::a::c"]
    s.var_set("a::b::v", None, "1")
    s.define("a::b::cmd", st.CMD_PROC, 0, "", "")
    assert s.delete_ns("::a")
    assert s.find_ns("a") is None and "::a::b" not in s.namespaces
    assert s.lookup_command("::a::b::cmd") is None
    assert not s.delete_ns("::a")
    assert not s.delete_ns("::")


# ---------------------------------------------------------------- frames (M7)


@pytest.mark.milestone("M7")
def test_levels_and_uplevel(s: State) -> None:
    assert s.push_frame(["a"], None, False) == 1
    assert s.push_frame(["b"], None, False) == 2
    assert s.push_frame(["c"], None, False) == 3
    assert s.activate(1) == 3  # uplevel 2
    assert s.active.level == 1
    assert s.push_frame(["d"], None, False) == 2  # a proc called from there
    assert s.frame_at(2) is not None and s.frame_at(2).words == ["d"]  # type: ignore[union-attr]
    assert s.frames[-1].level == 2
    s.pop_frame()
    assert s.active.level == 1
    assert s.activate(3) == 1  # back
    assert s.active.words == ["c"]
    assert s.activate(7) == -1
    assert s.frame_at(0) is s.global_frame
    s.reset_frames()
    assert s.active is s.global_frame and len(s.frames) == 1


@pytest.mark.milestone("M7")
def test_uplevel_zero_is_balanced(s: State) -> None:
    s.push_frame(None, None, False)
    assert s.activate(1) == 1
    assert s.activate(1) == 1
    assert s.history == []


# ---------------------------------------------------------------- traces (M8)


@pytest.mark.milestone("M8")
def test_variable_traces(s: State, rec: Recorder) -> None:
    assert s.trace_add(st.TRACE_VARIABLE, "v", ["write"], "first") == 0
    assert s.trace_add(st.TRACE_VARIABLE, "v", ["r", "write"], "second") == 0
    assert to_str(s.trace_info(st.TRACE_VARIABLE, "v")) == "{{read write} second} {write first}"
    s.var_set("v", None, "1")
    assert rec.scripts == ["second v {} write", "first v {} write"]  # most recent first
    rec.scripts.clear()
    s.var_get("v", None)
    assert rec.scripts == ["second v {} read"]
    rec.scripts.clear()
    s.var_get("v", None, traces=False)
    assert rec.scripts == []
    assert s.trace_remove(st.TRACE_VARIABLE, "v", ["write"], "second") == 1  # ops differ
    assert s.trace_remove(st.TRACE_VARIABLE, "v", ["write", "read"], "second") == 0
    assert to_str(s.trace_info(st.TRACE_VARIABLE, "v")) == "{write first}"


@pytest.mark.milestone("M8")
def test_trace_errors_and_unset(s: State, rec: Recorder) -> None:
    s.trace_add(st.TRACE_VARIABLE, "v", ["write", "unset"], "cb")
    rec.fail = True
    assert s.var_set("v", None, "1") == (st.VAR_TRACE_ERROR, "trace failed")
    assert s.var_get("v", None, traces=False) == (st.VAR_OK, "1")  # the value stays set
    rec.scripts.clear()
    assert s.var_unset("v", None)[0] == st.VAR_OK  # unset trace errors are ignored
    assert rec.scripts == ["cb v {} unset"]
    assert s.trace_info(st.TRACE_VARIABLE, "v").n == 0  # traces go with the variable


@pytest.mark.milestone("M8")
def test_traces_are_disabled_while_one_runs(s: State, rec: Recorder) -> None:
    s.trace_add(st.TRACE_VARIABLE, "v", ["write"], "cb")
    rec.action = lambda: s.var_set("v", None, "from trace")
    assert s.var_set("v", None, "1") == (st.VAR_OK, "from trace")
    assert rec.scripts == ["cb v {} write"]  # the write inside the trace fired nothing


@pytest.mark.milestone("M8")
def test_array_and_element_traces(s: State, rec: Recorder) -> None:
    s.trace_add(st.TRACE_VARIABLE, "arr", ["write"], "whole")
    s.trace_add(st.TRACE_VARIABLE, "arr(k)", ["write"], "elem")
    s.var_set("arr", "k", "1")
    s.var_set("arr", "other", "2")
    # The whole array's traces fire first, as in Tcl.
    assert rec.scripts == ["whole arr k write", "elem arr k write", "whole arr other write"]
    assert to_str(s.trace_info(st.TRACE_VARIABLE, "arr(k)")) == "{write elem}"


@pytest.mark.milestone("M8")
def test_trace_on_missing_command(s: State) -> None:
    assert s.trace_add(st.TRACE_COMMAND, "nosuch", ["delete"], "cb") == 1
    assert s.trace_info(st.TRACE_COMMAND, "nosuch").n == 0


@pytest.mark.milestone("M4")
def test_array_keys_in_insertion_order_through_links(s: State) -> None:
    s.var_set("arr", "z", "1")
    s.var_set("arr", "a", "2")
    s.var_set("arr", "m", "3")
    s.var_unset("arr", "a")
    s.var_set("arr", "a", "4")
    assert s.array_keys("arr") == ["z", "m", "a"]
    s.push_frame(None, None, False)
    s.var_link("alias", 0, "arr")
    assert s.array_keys("alias") == ["z", "m", "a"]
    s.pop_frame()
    s.var_set("scalar", None, "x")
    assert s.array_keys("scalar") == [] and s.array_keys("missing") == []


@pytest.mark.milestone("M6")
def test_namespace_deletion_fires_unset_traces_and_lists_qualified_vars(
    s: State, rec: Recorder
) -> None:
    ns = s.create_ns("n")
    s.var_set("n::v", None, "1")
    s.push_frame(None, "::n", True)
    s.var_link("w", -1, "w")  # variable w: declared, undefined
    s.pop_frame()
    assert s.ns_var_names(ns) == ["::n::v", "::n::w"]
    s.trace_add(st.TRACE_VARIABLE, "n::v", ["unset"], "cb")
    s.trace_add(st.TRACE_VARIABLE, "n::w", ["unset"], "cb")
    s.delete_ns("::n")
    assert rec.scripts == ["cb ::n::v {} unset", "cb ::n::w {} unset"]


@pytest.mark.milestone("M5")
def test_cacheable_lookups_and_change_notifications(s: State) -> None:
    changes: list[int] = []
    s.on_change = lambda: changes.append(1)
    s.define("x", st.CMD_PROC, 0, "", "")
    x = s.lookup_command("x")
    assert x is not None
    assert s.resolves_everywhere("x", x)
    assert s.resolves_everywhere("::x", x)
    s.create_ns("n")
    s.define("n::x", st.CMD_PROC, 0, "", "")  # now "x" means ::n::x inside n
    assert not s.resolves_everywhere("x", x)
    nx = s.lookup_command("n::x")
    assert nx is not None and not s.resolves_everywhere("n::x", nx)
    assert s.rename("n::x", "::y") == 0  # the shadow is gone with it
    assert s.resolves_everywhere("x", x)
    s.rename("y", "")
    s.delete_ns("::n")
    # define x, create n, define n::x, rename (remove + insert), delete y, delete n
    assert len(changes) == 7
