"""M2: the exported arena, driven through wasmtime (a module built from src/arena.c alone)."""

from __future__ import annotations

from pathlib import Path

import pytest
import wasmtime
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.toolchain.conftest import ARENA_MAX_MEMORY

pytestmark = pytest.mark.milestone("M2")

ALIGN = 8
PAGE = 65536
ENGINE = wasmtime.Engine()


def rounded(size: int) -> int:
    return (size + ALIGN - 1) // ALIGN * ALIGN


class Arena:
    """One instance of the module with its own imported memory."""

    def __init__(self, module: wasmtime.Module) -> None:
        self.store = wasmtime.Store(ENGINE)
        memory_type = module.imports[0].type
        assert isinstance(memory_type, wasmtime.MemoryType)
        self.memory = wasmtime.Memory(self.store, memory_type)
        instance = wasmtime.Instance(self.store, module, [self.memory])
        self.exports = instance.exports(self.store)

    def call(self, name: str, *args: int) -> int:
        func = self.exports[name]
        assert isinstance(func, wasmtime.Func)
        result = func(self.store, *args)
        return 0 if result is None else int(result) & 0xFFFFFFFF

    def alloc(self, size: int) -> int:
        return self.call("feather_arena_alloc", size)

    def used(self) -> int:
        return self.call("feather_arena_used")

    def capacity(self) -> int:
        return self.call("feather_arena_capacity")

    def high_water(self) -> int:
        return self.call("feather_arena_high_water")

    def reset(self) -> None:
        self.call("feather_arena_reset")

    def memory_bytes(self) -> int:
        return self.memory.data_len(self.store)

    def base(self) -> int:
        """Where the arena starts: the first pointer handed out after a reset."""
        assert self.used() == 0
        return self.alloc(0)


@pytest.fixture(scope="module")
def module(arena_wasm: Path) -> wasmtime.Module:
    return wasmtime.Module.from_file(ENGINE, str(arena_wasm))


@pytest.fixture
def arena(module: wasmtime.Module) -> Arena:
    return Arena(module)


def test_memory_is_imported_from_env_with_the_manifest_limits(module: wasmtime.Module) -> None:
    (memory,) = module.imports
    assert (memory.module, memory.name) == ("env", "memory")
    assert isinstance(memory.type, wasmtime.MemoryType)
    assert memory.type.limits.max == ARENA_MAX_MEMORY // PAGE


def test_allocations_are_aligned_and_contiguous(arena: Arena) -> None:
    pointer = arena.base()
    for size in (1, 2, 3, 7, 8, 9, 15, 16, 17, 100, 4096, 5):
        got = arena.alloc(size)
        assert got % ALIGN == 0
        assert got == pointer
        pointer += rounded(size)


def test_used_grows_and_returns_to_zero_after_reset(arena: Arena) -> None:
    assert arena.used() == 0
    arena.alloc(10)
    arena.alloc(30)
    assert arena.used() == 16 + 32
    arena.alloc(0)
    assert arena.used() == 48
    arena.reset()
    assert arena.used() == 0
    assert arena.high_water() == 48
    arena.alloc(8)
    assert arena.high_water() == 48


def test_capacity_is_the_room_above_the_base(arena: Arena) -> None:
    base = arena.base()
    assert arena.capacity() == arena.memory_bytes() - base
    assert arena.capacity() > 0


def test_allocation_larger_than_memory_grows_it(arena: Arena) -> None:
    before = arena.memory_bytes()
    size = arena.capacity() + 3 * PAGE + 5
    pointer = arena.alloc(size)
    assert pointer != 0 and pointer % ALIGN == 0
    assert arena.memory_bytes() > before
    assert pointer + size <= arena.memory_bytes()
    arena.memory.write(arena.store, b"\xff", pointer + size - 1)
    assert arena.capacity() == arena.memory_bytes() - pointer
    assert arena.used() == rounded(size)


def test_one_past_the_maximum_returns_zero_without_a_trap(arena: Arena) -> None:
    room = ARENA_MAX_MEMORY - arena.base()
    assert arena.alloc(room + 1) == 0
    assert arena.used() == 0
    assert arena.alloc(0xFFFFFFFF) == 0
    pointer = arena.alloc(room)
    assert pointer != 0 and arena.memory_bytes() == ARENA_MAX_MEMORY
    assert arena.used() == room
    assert arena.alloc(1) == 0
    assert arena.used() == room and arena.high_water() == room


def test_reset_after_growth_reuses_memory_from_the_base(arena: Arena) -> None:
    first = arena.alloc(16)
    arena.alloc(2 * 1024 * 1024)
    grown = arena.memory_bytes()
    arena.reset()
    assert arena.alloc(16) == first
    assert arena.used() == 16
    assert arena.memory_bytes() == grown


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.one_of(st.integers(0, 300_000), st.just(-1)),  # -1 stands for a reset
        max_size=40,
    )
)
def test_arena_model(module: wasmtime.Module, steps: list[int]) -> None:
    arena = Arena(module)
    base = arena.base()
    used = 0
    for step in steps:
        if step < 0:
            arena.reset()
            used = 0
            continue
        pointer = arena.alloc(step)
        if base + used + rounded(step) > ARENA_MAX_MEMORY:
            assert pointer == 0
        else:
            assert pointer == base + used and pointer % ALIGN == 0
            assert pointer + step <= arena.memory_bytes()
            used += rounded(step)
        assert arena.used() == used
        assert arena.capacity() == arena.memory_bytes() - base
