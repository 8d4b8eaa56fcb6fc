"""The raw layer and the runtime: memory views, the import table, traps, crossings."""

from __future__ import annotations

import pytest
import wasmtime

from feather_tcl import Interp, Runtime, TclError
from feather_tcl._wasm import HostTrap, compiled_module
from feather_tcl.host_imports import provided
from tests.host.conftest import needs_wasm

pytestmark = needs_wasm


@pytest.mark.milestone("M3")
def test_provided_imports_match_the_module() -> None:
    _engine, module = compiled_module()
    wanted = {}
    for imp in module.imports:
        if isinstance(imp.type, wasmtime.FuncType):
            wanted[imp.name] = (len(imp.type.params), len(imp.type.results))
    assert provided() == wanted


@pytest.mark.milestone("M3")
def test_memory_base_never_moves_while_memory_grows_to_its_maximum() -> None:
    rt = Runtime()
    inst = rt.inst
    base = inst.base
    limit = 4096  # pages: the module's maximum (256 MiB)
    pages = inst.memory_bytes() // 65536
    while pages < limit:
        step = min(256, limit - pages)
        inst.grow(step)
        pages += step
        inst.check(pages * 65536 - 8, 8)  # an access past the old size refreshes the views
        assert inst.base == base
        assert inst.size == pages * 65536
    assert inst.moves == 0
    with pytest.raises(wasmtime.WasmtimeError):
        inst.grow(1)
    inst.write(inst.size - 4, b"end!")
    assert bytes(inst.read(inst.size - 4, 4)) == b"end!"
    with pytest.raises(IndexError):
        inst.read(inst.size - 2, 4)


@pytest.mark.milestone("M3")
def test_memory_helpers_round_trip() -> None:
    rt = Runtime()
    inst = rt.inst
    ptr = rt.inst.call("feather_arena_alloc", 64)
    inst.set_u32s(ptr, [1, 2, 0xFFFFFFFF])
    assert inst.u32s(ptr, 3) == [1, 2, 0xFFFFFFFF]
    inst.set_u32(ptr + 1, 7)  # unaligned
    assert int.from_bytes(inst.read(ptr + 1, 4), "little") == 7
    inst.set_i64(ptr, -5)
    assert int.from_bytes(inst.read(ptr, 8), "little", signed=True) == -5
    inst.set_f64(ptr + 8, 2.5)
    assert inst.mf64[(ptr + 8) >> 3] == 2.5
    rt.force_reset()


@pytest.mark.milestone("M9")
def test_every_import_callback_counts_a_host_call() -> None:
    interp = Interp(runtime=Runtime())
    before = interp.host_calls
    interp.eval("set a 1")
    first = interp.host_calls - before
    assert first > 0
    before = interp.host_calls
    interp.eval("set a 1")
    assert interp.host_calls - before == first  # exact and repeatable


@pytest.mark.milestone("M9")
def test_a_trap_is_a_tcl_error_and_a_fresh_instance_keeps_the_state() -> None:
    rt = Runtime()
    interp = Interp(runtime=rt)
    interp.eval("set keep 42; proc p {} {return 7}")
    core = interp._core
    first = rt.inst
    with pytest.raises(HostTrap) as info:
        # A script pointer far outside linear memory: the core traps reading it.
        rt.run(core, lambda: rt.inst.call("feather_script_eval", 0, core.id, 0x7FFFFFF0, 64, 0))
    assert isinstance(info.value, TclError)
    assert str(info.value).startswith("feather: trap:")
    assert rt.inst is not first and rt.instances == 2
    assert rt.depth == 0 and len(rt.scratch) == 0
    assert interp.eval("set keep") == "42"
    assert interp.eval("p") == "7"
    assert interp.memory_stats()["wasm_arena_used"] == 0


@pytest.mark.milestone("M9")
def test_a_failing_import_never_escapes_the_callback() -> None:
    rt = Runtime()
    interp = Interp(runtime=rt)
    interp.eval("set x 1")

    class Boom(Exception):
        pass

    def broken(*args: int) -> int:
        raise Boom("host bug")

    good = rt._table
    bad = dict(good)
    bad["feather_host_var_get"] = (broken, *good["feather_host_var_get"][1:])
    rt._table, rt.poisoned = bad, True
    rt.force_reset()  # a fresh instance built from the broken table
    with pytest.raises(Boom, match="host bug"):
        interp.eval("set y $x")  # the Python exception crosses the WASM frames as a trap
    assert rt.depth == 0 and len(rt.scratch) == 0
    assert rt.instances == 3  # the unwound instance was replaced
    rt._table, rt.poisoned = good, True
    rt.force_reset()
    assert interp.eval("set x") == "1"
    assert interp.eval("info exists y") == "0"


@pytest.mark.milestone("M9")
def test_keyboard_interrupt_in_a_command_unwinds_and_recovers() -> None:
    rt = Runtime()
    interp = Interp(runtime=rt)

    def interrupt() -> None:
        raise KeyboardInterrupt

    interp.register("interrupt", interrupt)
    interp.eval("set before 1")
    with pytest.raises(KeyboardInterrupt):
        interp.eval("set a 1; interrupt; set b 2")
    assert interp.eval("info exists a") == "1"
    assert interp.eval("info exists b") == "0"
    stats = interp.memory_stats()
    assert stats["scratch_handles"] == 0 and stats["wasm_arena_used"] == 0
    assert stats["eval_depth"] == 0


@pytest.mark.milestone("M9")
def test_scratch_release_keeps_one_value_and_pinned_handles() -> None:
    rt = Runtime()
    im = rt.imports
    ptr = rt.inst.call("feather_arena_alloc", 16)
    rt.inst.write(ptr, b"word")
    before = im.new("before")
    mark = im.scratch_mark(0)
    word = im.string_new(0, ptr, 4)  # interned: pinned
    gone = im.new("gone")
    keep = im.new("keep me")
    im.encoded[gone] = b"gone"
    pinned = im.pin(0, gone)
    assert im.pin(0, pinned) == pinned
    kept = im.scratch_release(0, mark, keep)
    assert im.get(kept) == "keep me" and kept == mark + 1
    assert im.get(before) == "before"
    assert im.get(word) == "word" and im.string_new(0, ptr, 4) == word
    assert im.get(pinned) == "gone"
    assert gone not in im.encoded
    assert im.scratch_release(0, mark + 5, before) == before  # nothing newer: unchanged
    assert im.scratch_release(0, mark, before) == before  # keep older than the mark
    assert len(rt.scratch.objs) == mark
    rt.force_reset()
    assert len(rt.scratch) == 0
