"""M2 for the native build: the arena chains malloc'd blocks, resets as in WASM and frees
what it grew. Driven through ctypes on a private load of the library."""

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
FIRST = 2 * MiB  # FEATHER_ARENA_NATIVE_FIRST
MAX = 256 * MiB  # FEATHER_ARENA_NATIVE_MAX


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


@pytest.fixture
def arena(native_lib: Path) -> Iterator[Arena]:
    lib = _native._acquire(native_lib)
    a = Arena(lib)
    a.reset()
    yield a
    a.reset()
    _native._give_back(lib)


def test_allocations_are_aligned_distinct_and_counted(arena: Arena) -> None:
    p = arena.alloc(1)
    q = arena.alloc(13)
    r = arena.alloc(0)
    assert p % 8 == 0 and q % 8 == 0 and r % 8 == 0
    assert q == p + 8 and r == q + 16
    assert arena.used() == 24
    assert arena.alloc(0) == r  # nothing taken


def test_growth_chains_blocks_and_reset_frees_them(arena: Arena) -> None:
    arena.alloc(8)
    assert arena.capacity() == FIRST
    ptrs = [arena.alloc(MiB) for _ in range(12)]
    assert all(ptrs)
    for p in ptrs:  # every byte is real, writable memory
        ctypes.memset(p, 0xAB, MiB)
    assert arena.capacity() > FIRST
    assert arena.used() >= 12 * MiB
    high = arena.high_water()
    arena.reset()
    assert arena.used() == 0 and arena.capacity() == FIRST  # what it grew is freed
    assert arena.high_water() == high  # kept for diagnostics
    assert arena.alloc(8) == arena.alloc(0) - 8


def test_release_returns_to_a_mark_in_an_earlier_block_and_reuses_later_blocks(
    arena: Arena,
) -> None:
    arena.alloc(FIRST - 64)
    mark = arena.used()
    a = arena.alloc(MiB)  # does not fit: a new block
    assert arena.used() > mark + MiB - 1
    grown = arena.capacity()
    arena.release(mark)
    assert arena.used() == mark
    assert arena.alloc(32) == arena.alloc(0) - 32  # back in the first block
    b = arena.alloc(MiB)  # the kept block is reused
    assert b == a and arena.capacity() == grown
    arena.release(arena.used() + 8)  # a mark above the usage is ignored
    assert arena.used() > mark


def test_an_allocation_larger_than_a_block_gets_its_own(arena: Arena) -> None:
    p = arena.alloc(40 * MiB)
    assert p
    ctypes.memset(p, 1, 40 * MiB)
    assert arena.capacity() >= FIRST + 40 * MiB


def test_beyond_the_maximum_the_arena_returns_null_and_changes_nothing(arena: Arena) -> None:
    arena.alloc(16)
    used, capacity = arena.used(), arena.capacity()
    assert arena.alloc(MAX) == 0
    assert arena.alloc(2**63) == 0
    assert arena.alloc(2**64 - 1) == 0
    assert (arena.used(), arena.capacity()) == (used, capacity)
    assert arena.alloc(16)


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
