"""Isolation (issue 7): the module imports nothing beyond the contract; an interp
exposes nothing beyond its builtins and the commands the embedder registers (puts,
clock by default); two interps never see each other's state."""

from __future__ import annotations

import re

import pytest
import wasmtime

from feather_tcl import Interp, Runtime
from feather_tcl._wasm import compiled_module
from feather_tcl.imports import PREFIX, SIGNATURES
from tests.host.conftest import needs_wasm

pytestmark = needs_wasm

HOST_H = __import__("pathlib").Path(__file__).resolve().parents[2] / "src" / "host.h"


def test_module_imports_only_the_contract_and_its_memory() -> None:
    _engine, module = compiled_module()
    funcs: set[str] = set()
    others: list[tuple[str, str, str]] = []
    for imp in module.imports:
        name = imp.name or ""
        if imp.module == "env" and isinstance(imp.type, wasmtime.FuncType):
            if not name.startswith(PREFIX):
                others.append((imp.module, name, "func"))
            funcs.add(name)
        elif imp.module == "env" and name == "memory" and isinstance(imp.type, wasmtime.MemoryType):
            continue
        else:
            others.append((imp.module, name, type(imp.type).__name__))
    assert others == []
    # Exactly the functions of host.h: no fewer, no more.
    declared = set(re.findall(r"FEATHER_HOST\((feather_host_\w+)\)", HOST_H.read_text()))
    assert funcs == declared
    assert {PREFIX + n for n in SIGNATURES} == declared
    # One memory, imported: the module defines none of its own and exports none.
    assert sum(isinstance(i.type, wasmtime.MemoryType) for i in module.imports) == 1
    assert not any(isinstance(e.type, wasmtime.MemoryType) for e in module.exports)


def test_the_only_host_commands_are_puts_clock_and_registered_ones() -> None:
    interp = Interp()
    state = interp._core.state
    host = sorted(
        name
        for name in interp.eval("info commands").split()
        if (cmd := state.lookup_command(name)) is not None and cmd.kind == 3
    )
    assert host == ["clock", "puts"]
    interp.register("mine", lambda: "x")
    assert "mine" in interp.eval("info commands")
    # No I/O or process commands exist.
    for name in ("open", "exec", "source", "file", "socket", "load", "cd", "exit", "interp"):
        assert interp.eval(f"info commands {name}") == "", name


@pytest.mark.parametrize("shared", [True, False], ids=["same-runtime", "own-runtimes"])
def test_two_interps_never_see_each_others_state(shared: bool) -> None:
    if shared:
        rt = Runtime()
        a, b = Interp(runtime=rt), Interp(runtime=rt)
    else:
        a, b = Interp(), Interp(memory_limit=64 << 20)
    a.eval(
        "set ::secret a; array set ::arr {k a}; proc only_a {} {return a};"
        " namespace eval ::ns_a {variable v 1; proc p {} {}};"
        " trace add variable ::traced write {set ::fired a ;#}"
    )
    a.register("cmd_a", lambda: "a")
    assert b.eval("info exists ::secret") == "0"
    assert b.eval("info exists ::arr") == "0"
    assert b.eval("info commands only_a") == ""
    assert b.eval("info commands cmd_a") == ""
    assert b.eval("namespace exists ::ns_a") == "0"
    assert b.eval("info procs") == ""
    b.eval("set ::traced 1")
    assert b.eval("info exists ::fired") == "0"
    assert a.eval("info exists ::fired") == "0"
    # b's changes of the same names do not reach a.
    b.eval("set ::secret b; proc only_a {} {return b}; namespace eval ::ns_a {variable v 2}")
    assert a.eval("list $::secret [only_a] $::ns_a::v") == "a a 1"
    # Renaming or deleting a builtin in one interp leaves the other's alone.
    b.eval("rename set {}; rename rename {}")
    assert a.eval("set x 5; rename only_a renamed; renamed") == "a"
    # A command of a evaluating in b changes b only.
    a.register("poke_b", lambda: b.eval("proc poked {} {}"))
    a.eval("poke_b")
    assert a.eval("info commands poked") == ""
    assert b.eval("info commands poked") == "poked"
