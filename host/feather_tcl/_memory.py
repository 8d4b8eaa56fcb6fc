"""The core's memory as the import methods see it, for both backends.

:class:`MemoryViews` holds the views (``raw``, ``r32``, ``mv``, ``m32``, ``m64``,
``mf64``) over the memory the core reads and writes, and the accessors the import
methods use. A backend sets ``size`` (one past the highest valid address), ``low``
(the lowest valid address) and the views, and may override :meth:`refresh` (WASM
rebuilds its views after the memory grew). Every accessor tests its bounds inline
and only calls :meth:`check` (refresh, test again, raise) when the test fails, so
the common access costs one comparison chain. A zero-length access is valid at any
address (the core passes NULL with a length of 0).
"""

from __future__ import annotations

import struct
from array import array
from collections.abc import Sequence
from typing import Any


class MemoryViews:
    size: int = 0
    low: int = 0  # below this no address is valid (the native backend: 1, NULL is not)
    what: str = "memory"  # for the error: "linear memory", "native memory"

    def __init__(self) -> None:
        self.raw: Any = b""  # a c_char array: slicing it is the fastest way out
        self.r32: Any = []
        self.mv = memoryview(b"")  # memoryviews: the fastest way in
        self.m32 = memoryview(b"").cast("I")
        self.m64 = memoryview(b"").cast("q")
        self.mf64 = memoryview(b"").cast("d")

    def refresh(self) -> None:
        """Make the views current (nothing to do unless the memory can move or grow)."""

    def check(self, ptr: int, n: int) -> None:
        """Make sure [ptr, ptr+n) is inside memory (refreshing once after growth)."""
        if ptr < self.low or n < 0 or ptr + n > self.size:
            self.refresh()
            if ptr < self.low or n < 0 or ptr + n > self.size:
                raise IndexError(f"{self.what} access out of bounds: {ptr}+{n}")

    def read(self, ptr: int, n: int) -> bytes:
        if ptr + n > self.size or ptr < self.low or n <= 0:
            if n == 0:
                return b""
            self.check(ptr, n)
        return self.raw[ptr : ptr + n]  # type: ignore[no-any-return]

    def write(self, ptr: int, data: bytes | bytearray | memoryview) -> None:
        n = len(data)
        if ptr + n > self.size or ptr < self.low or n == 0:
            if n == 0:
                return
            self.check(ptr, n)
        self.mv[ptr : ptr + n] = data

    def u32s(self, ptr: int, n: int) -> list[int]:
        """n u32 values at ptr (4-aligned, as every FeatherObj array is)."""
        if ptr + 4 * n > self.size or ptr < self.low or n <= 0:
            if n == 0:
                return []
            self.check(ptr, 4 * n)
        if ptr & 3:
            return list(memoryview(self.raw[ptr : ptr + 4 * n]).cast("I"))
        k = ptr >> 2
        return self.r32[k : k + n]  # type: ignore[no-any-return]

    def set_u32(self, ptr: int, value: int) -> None:
        if ptr + 4 > self.size or ptr < self.low:
            self.check(ptr, 4)
        if ptr & 3:
            self.mv[ptr : ptr + 4] = (value & 0xFFFFFFFF).to_bytes(4, "little")
        else:
            self.m32[ptr >> 2] = value & 0xFFFFFFFF

    def set_u32s(self, ptr: int, values: Sequence[int]) -> None:
        n = len(values)
        if ptr + 4 * n > self.size or ptr < self.low or n == 0:
            if n == 0:
                return
            self.check(ptr, 4 * n)
        if ptr & 3:
            for k, v in enumerate(values):
                self.set_u32(ptr + 4 * k, v)
        else:
            k = ptr >> 2
            self.m32[k : k + n] = array("I", values)

    def set_i64(self, ptr: int, value: int) -> None:
        if ptr + 8 > self.size or ptr < self.low:
            self.check(ptr, 8)
        if ptr & 7:
            self.mv[ptr : ptr + 8] = value.to_bytes(8, "little", signed=True)
        else:
            self.m64[ptr >> 3] = value

    def set_f64(self, ptr: int, value: float) -> None:
        if ptr + 8 > self.size or ptr < self.low:
            self.check(ptr, 8)
        if ptr & 7:
            self.mv[ptr : ptr + 8] = struct.pack("<d", value)
        else:
            self.mf64[ptr >> 3] = value
