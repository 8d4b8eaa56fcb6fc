"""M2 for the native build: the arena is one contiguous region as in WASM (address space
reserved once, made accessible as the arena grows); the reset gives back what it grew.
Driven through ctypes on a private load of the library."""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feather_tcl import _native

pytestmark = pytest.mark.milestone("M2")

MiB = 1 << 20
FIRST = 2 * MiB  # FEATHER_ARENA_NATIVE_FIRST: kept across resets
MAX = 256 * MiB  # FEATHER_ARENA_NATIVE_MAX
STEP = 65536


class Arena:
    def __init__(self, lib: _native._Library) -> None:
        self.e = lib.entries

    def alloc(self, n: int) -> int:
        return int(self.e["feather_arena_alloc"](n))

    def used(self) -> int:
        return int(self.e["feather_arena_used"]())

    def capacity(self) -> int:
        return int(self.e["feather_arena_capacity"]())

    def high_water(self) -> int:
        return int(self.e["feather_arena_high_water"]())

    def release(self, mark: int) -> None:
        self.e["feather_arena_release"](mark)

    def reset(self) -> None:
        self.e["feather_arena_reset"]()

    def limit(self, n: int) -> None:
        self.e["feather_arena_native_limit"](n)

    def base(self) -> int:
        assert self.used() == 0
        return self.alloc(0)


@pytest.fixture
def arena(native_lib: Path) -> Iterator[Arena]:
    lib = _native._acquire(native_lib)
    a = Arena(lib)
    a.limit(0)
    a.reset()
    yield a
    a.limit(0)
    a.reset()
    _native._give_back(lib)


def test_allocations_are_aligned_contiguous_and_counted(arena: Arena) -> None:
    p = arena.alloc(1)
    q = arena.alloc(13)
    r = arena.alloc(0)
    assert p % 8 == 0 and q == p + 8 and r == q + 16
    assert arena.used() == 24
    assert arena.alloc(0) == r  # nothing taken
    assert arena.capacity() == FIRST


def test_growth_stays_contiguous_and_the_reset_gives_it_back(arena: Arena) -> None:
    base = arena.base()
    ptrs = [arena.alloc(MiB) for _ in range(12)]
    assert ptrs == [base + k * MiB for k in range(12)]  # one region, as in WASM
    for p in ptrs:  # every byte is real, writable memory
        ctypes.memset(p, 0xAB, MiB)
    assert arena.capacity() == 12 * MiB  # opened in 64 KiB steps, as needed
    high = arena.high_water()
    assert high >= 12 * MiB
    arena.reset()
    assert arena.used() == 0 and arena.capacity() == FIRST  # what it grew is given back
    assert arena.high_water() == high  # kept for diagnostics
    assert arena.base() == base  # the same region again
    p = arena.alloc(3 * MiB)  # pages given back are fresh (zero) when opened again
    assert ctypes.string_at(p + 2 * MiB, 16) == bytes(16)


def test_release_returns_to_a_mark(arena: Arena) -> None:
    arena.alloc(100)
    mark = arena.used()
    a = arena.alloc(3 * MiB)
    arena.release(mark)
    assert arena.used() == mark
    assert arena.alloc(3 * MiB) == a
    arena.release(arena.used() + 8)  # a mark above the usage is ignored
    assert arena.used() == mark + 3 * MiB


def test_beyond_the_maximum_the_arena_returns_null_and_changes_nothing(arena: Arena) -> None:
    arena.alloc(16)
    used, capacity = arena.used(), arena.capacity()
    assert arena.alloc(MAX) == 0
    assert arena.alloc(2**63) == 0
    assert arena.alloc(2**64 - 1) == 0
    assert (arena.used(), arena.capacity()) == (used, capacity)
    big = arena.alloc(MAX - 64)  # the whole maximum is usable
    assert big
    ctypes.memset(big + MAX - 64 - 8, 1, 8)


def test_a_lower_limit_holds_the_arena_as_a_lower_memory_maximum_does(arena: Arena) -> None:
    arena.limit(4 * MiB)
    assert arena.alloc(3 * MiB)
    assert arena.alloc(2 * MiB) == 0
    assert arena.capacity() <= 4 * MiB
    arena.limit(0)
    assert arena.alloc(2 * MiB)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.integers(0, 3 * MiB), st.just(-1)), max_size=40))
def test_live_allocations_never_overlap(native_lib: Path, ops: list[int]) -> None:
    """Random allocations and releases (-1: release to a random earlier mark): live
    allocations never overlap and keep what was written into them."""
    lib = _native._acquire(native_lib)
    arena = Arena(lib)
    arena.reset()
    try:
        live: list[tuple[int, int, int, int]] = []  # (mark before, ptr, size, byte)
        for k, op in enumerate(ops):
            if op < 0:
                if live:
                    mark = live[len(live) // 2][0]
                    arena.release(mark)
                    live = [a for a in live if a[0] < mark]
                continue
            mark = arena.used()
            p = arena.alloc(op)
            assert p and p % 8 == 0
            for _, q, n, _ in live:
                assert p + op <= q or q + n <= p
            byte = k % 251
            if op:
                ctypes.memset(p, byte, op)
            live.append((mark, p, op, byte))
        for _, p, n, byte in live:
            if n:
                assert ctypes.string_at(p, 1) == bytes([byte])
                assert ctypes.string_at(p + n - 1, 1) == bytes([byte])
    finally:
        arena.reset()
        _native._give_back(lib)
