"""Namespace state beyond names (issue 5): imported commands, command paths, export
lists, unknown handlers and ensembles, and the command epoch that keeps the core's
cached lookups correct when any of them changes."""

from __future__ import annotations

import pytest

from feather_tcl import Interp
from feather_tcl import state as st
from feather_tcl.state import State
from feather_tcl.values import TclList, to_str


class Changes:
    """Counts State.on_change calls (each moves the core's command epoch)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


@pytest.fixture
def s() -> State:
    state = State(None)
    for name in ("::a", "::b", "::c"):
        state.create_ns(name)
    return state


def proc(s: State, name: str, body: str = "") -> None:
    assert s.define(name, st.CMD_PROC, 0, TclList([]), body) == 0


def test_import_refers_to_the_original(s: State) -> None:
    proc(s, "::a::f", "af")
    assert s.import_command("::b::f", "::a::f") == 0
    assert s.import_command("::f", "::b::f") == 0
    imp = s.lookup_command("::f")
    assert imp is not None and imp.real().body == "af"
    assert s.command_origin("::f", deep=False) == "::b::f"
    assert s.command_origin("::f", deep=True) == "::a::f"
    assert s.command_origin("::a::f", deep=True) == "::a::f"
    assert s.command_origin("::nope", deep=True) is None
    assert s.import_command("::g", "::nope") == 1
    assert s.import_command("::zz::g", "::a::f") == 3


def test_deleting_the_original_deletes_the_chain(s: State) -> None:
    proc(s, "::a::f")
    s.import_command("::b::f", "::a::f")
    s.import_command("::c::f", "::b::f")
    s.import_command("::f", "::a::f")
    assert s.rename("::a::f", "") == 0
    for name in ("::b::f", "::c::f", "::f"):
        assert s.lookup_command(name) is None


def test_deleting_an_import_keeps_the_original(s: State) -> None:
    proc(s, "::a::f")
    s.import_command("::f", "::a::f")
    s.rename("::f", "")
    original = s.lookup_command("::a::f")
    assert original is not None and not original.importers


def test_redefining_the_original_keeps_its_imports(s: State) -> None:
    proc(s, "::a::f", "old")
    s.import_command("::f", "::a::f")
    proc(s, "::a::f", "new")
    imp = s.lookup_command("::f")
    assert imp is not None and imp.real().body == "new"


def test_renaming_the_original_keeps_its_imports(s: State) -> None:
    proc(s, "::a::f", "af")
    s.import_command("::f", "::a::f")
    assert s.rename("::a::f", "::c::g") == 0
    assert s.command_origin("::f", deep=True) == "::c::g"


def test_imported_procs_are_listed_as_procs(s: State) -> None:
    proc(s, "::a::f")
    s.import_command("::b::f", "::a::f")
    b = s.find_ns("::b")
    assert b is not None
    assert s.command_names(b, procs_only=True) == ["::b::f"]


def test_path_lookup_order_and_dead_namespaces(s: State) -> None:
    proc(s, "::h", "global")
    proc(s, "::a::h", "a")
    proc(s, "::b::h", "b")
    app = s.create_ns("::app")
    s.ns_attr(app, st.NS_PATH, TclList(["::b", "::a"]))
    s.push_frame(None, "::app", True)
    found = s.lookup_command("h")
    assert found is not None and found.body == "b"
    s.delete_ns("::b")
    found = s.lookup_command("h")
    assert found is not None and found.body == "a"
    assert to_str(s.ns_attr(app, st.NS_PATH, None)) == "::a"
    s.delete_ns("::a")
    found = s.lookup_command("h")
    assert found is not None and found.body == "global"


def test_attributes_are_per_namespace(s: State) -> None:
    a, b = s.find_ns("::a"), s.find_ns("::b")
    assert a is not None and b is not None
    s.ns_attr(a, st.NS_EXPORT, TclList(["f*"]))
    s.ns_attr(a, st.NS_UNKNOWN, "handler")
    assert to_str(s.ns_attr(a, st.NS_EXPORT, None)) == "f*"
    assert to_str(s.ns_attr(b, st.NS_EXPORT, None)) == ""
    assert to_str(s.ns_attr(a, st.NS_UNKNOWN, None)) == "handler"
    assert to_str(s.ns_attr(b, st.NS_UNKNOWN, None)) == ""


def test_ensembles_die_with_their_namespace_and_are_never_cacheable(s: State) -> None:
    assert s.define("::e", st.CMD_ENSEMBLE, 0, TclList([]), "::a") == 0
    ens = s.lookup_command("::e")
    assert ens is not None
    assert not s.resolves_everywhere("::e", ens)
    assert s.update_command("::e", TclList(["-map", "x"])) == 0
    assert to_str(ens.params or "") == "-map x"
    assert s.update_command("::nope", TclList([])) == 1
    s.delete_ns("::a")
    assert s.lookup_command("::e") is None


def test_every_change_moves_the_epoch(s: State) -> None:
    changes = Changes()
    s.on_change = changes
    proc(s, "::a::f")
    a = s.find_ns("::a")
    assert a is not None
    steps = [
        lambda: s.import_command("::f", "::a::f"),
        lambda: s.ns_attr(a, st.NS_PATH, TclList(["::b"])),
        lambda: s.ns_attr(a, st.NS_EXPORT, TclList(["f"])),
        lambda: s.ns_attr(a, st.NS_UNKNOWN, "u"),
        lambda: s.define("::e", st.CMD_ENSEMBLE, 0, TclList([]), "::a"),
        lambda: s.update_command("::e", TclList(["-map", "x"])),
        lambda: s.rename("::a::f", ""),  # deletes ::f too
    ]
    for step in steps:
        before = changes.count
        step()
        assert changes.count > before


def test_interp_epoch_moves_on_namespace_changes() -> None:
    interp = Interp()
    rt = interp._rt
    addr = rt.imports.epoch_addr
    if not addr:
        pytest.skip("this module has no command epoch")
    interp.register("epoch", lambda: rt.inst.m32[addr >> 2])
    script = """
        namespace eval a {proc f {} {}; namespace export f}
        namespace ensemble create -command ::e -map {x ::list}
        set r {}
        foreach step {
            {namespace path ::a}
            {namespace export g}
            {namespace unknown ::u}
            {namespace import a::f}
            {namespace forget a::f}
            {namespace ensemble configure ::e -map {y ::list}}
        } {
            set before [epoch]
            eval $step
            lappend r [expr {[epoch] != $before}]
        }
        set r
    """
    assert interp.eval(script) == "1 1 1 1 1 1"


def test_registered_commands_import_path_and_ensemble() -> None:
    interp = Interp()
    interp.eval("namespace eval lib {namespace export *}")
    interp.register("::lib::hc", lambda *args: "host:" + " ".join(args))
    script = """
        namespace import lib::hc
        namespace eval lib {namespace ensemble create}
        namespace eval app {namespace path ::lib}
        list [hc 1 2] [namespace origin hc] [lib hc 3] [namespace eval app {hc 4}]
    """
    assert interp.eval(script) == "{host:1 2} ::lib::hc host:3 host:4"
    assert interp.eval("rename ::lib::hc {}; info commands hc") == ""
