"""The raw wasmtime layer: the only module that touches ctypes and ``wasmtime._ffi``.

- The compiled module is cached per process (:func:`compiled_module`).
- Imports are registered through wasmtime's unchecked callback API
  (``wasmtime_linker_define_func_unchecked``): a callback receives the address of
  the ``wasmtime_val_raw`` array and reads its arguments through a ctypes
  Structure laid over it (one slot is 16 bytes), then writes its result into
  slot 0. This costs about 0.5 µs a call, against about 12 µs for wasmtime-py's
  ``Func`` trampoline.
- Exports are called with ``wasmtime_func_call_unchecked``.
- Linear memory is read and written through memoryviews over its base address.
  The memory is imported (32-bit, max 256 MiB); wasmtime's default configuration
  reserves 4 GiB of address space for a 32-bit memory on 64-bit hosts, so the
  base never moves when memory grows. Only the size changes: the views are
  rebuilt when an access goes past the size last seen (``refresh``), and a moved
  base, should it ever happen, is detected there and counted in ``moves``
  (tests/host/test_wasm.py proves it stays 0 while memory grows to its maximum).

No Python exception ever leaves a callback: it is recorded in
:attr:`Instance.pending` and the callback returns a trap, which unwinds the WASM
stack back to the export call, where :meth:`Instance.call` raises it again.
"""

from __future__ import annotations

import ctypes
import functools
import os
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import wasmtime
from wasmtime import _ffi as ffi

from feather_tcl._memory import MemoryViews
from feather_tcl.errors import TclError

__all__ = ["HostTrap", "Instance", "compiled_module", "wasm_path"]

# One wasmtime_val_raw slot: 16 bytes (it holds a v128).
_SLOT = 16
_CTYPE: dict[str, Any] = {"i32": ctypes.c_int32, "i64": ctypes.c_int64, "f64": ctypes.c_double}
_VALTYPE = {"i32": wasmtime.ValType.i32, "i64": wasmtime.ValType.i64, "f64": wasmtime.ValType.f64}

_RAW_CALLBACK = ctypes.CFUNCTYPE(
    ctypes.c_size_t, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t
)
_NO_FINALIZER = ctypes.cast(0, ctypes.CFUNCTYPE(None, ctypes.c_void_p))


# wasmtime_func_call_unchecked with every pointer passed as a plain address: the
# cheapest ctypes call (no pointer objects built per call).
_call_unchecked = ctypes.CFUNCTYPE(
    ctypes.c_void_p,
    ctypes.c_void_p,
    ctypes.c_void_p,
    ctypes.c_void_p,
    ctypes.c_size_t,
    ctypes.c_void_p,
)(("wasmtime_func_call_unchecked", ffi.dll))


class _CallFrame:
    """The val_raw array and trap slot of one export call in progress."""

    __slots__ = ("raw", "ints", "raw_addr", "trap", "trap_addr")

    def __init__(self) -> None:
        self.raw = (ffi.wasmtime_val_raw * 8)()
        self.ints = (ctypes.c_int32 * (8 * 4)).from_buffer(self.raw)
        self.raw_addr = ctypes.addressof(self.raw)
        self.trap = ctypes.c_void_p()
        self.trap_addr = ctypes.addressof(self.trap)


class HostTrap(TclError):
    """The WASM code trapped: a bug in the core, or the native stack was exhausted.
    A TclError (code 1) whose message starts with "feather: trap:"."""

    def __init__(self, message: str) -> None:
        super().__init__(f"feather: trap: {message}")


def wasm_path() -> Path:
    """feather.wasm: $FEATHER_WASM when set, else the copy in the package directory
    (the build puts it there)."""
    override = os.environ.get("FEATHER_WASM")
    if override:
        return Path(override)
    return Path(str(resources.files("feather_tcl").joinpath("feather.wasm")))


# Native stack wasm code may use (wasmtime's default is 512 KiB): the core nests
# about 1.6 KiB of native stack per Tcl call level, and Tcl's nesting limit of
# 1000 must be reached as a Tcl error before this traps. Far below the 8 MiB of
# a Python thread's stack.
MAX_WASM_STACK = 4 << 20


@functools.lru_cache(maxsize=4)
def _compiled(path: str, mtime: float) -> tuple[wasmtime.Engine, wasmtime.Module]:
    config = wasmtime.Config()
    # wasmtime requires async_stack_size >= max_wasm_stack (async is not used).
    ffi.wasmtime_config_async_stack_size_set(config.ptr(), MAX_WASM_STACK + (1 << 20))
    ffi.wasmtime_config_max_wasm_stack_set(config.ptr(), MAX_WASM_STACK)
    engine = wasmtime.Engine(config)
    return engine, wasmtime.Module.from_file(engine, path)


def compiled_module(path: Path | None = None) -> tuple[wasmtime.Engine, wasmtime.Module]:
    """The engine and compiled module, cached per process (per file version)."""
    p = path or wasm_path()
    return _compiled(str(p), p.stat().st_mtime)


def _capped(memory_type: wasmtime.MemoryType, max_memory: int) -> wasmtime.MemoryType:
    """The module's memory type with its maximum lowered to max_memory bytes (whole
    pages, never above the module's own maximum nor below its initial size)."""
    limits = memory_type.limits
    pages = max_memory // 65536
    if pages < limits.min:
        raise ValueError(
            f"memory_limit of {max_memory} bytes is below the module's initial memory "
            f"({limits.min * 65536} bytes)"
        )
    if limits.max is not None:
        pages = min(pages, limits.max)
    return wasmtime.MemoryType(wasmtime.Limits(limits.min, pages))


def _args_struct(params: Sequence[str]) -> type[ctypes.Structure]:
    """A Structure laid over the val_raw array: field aK is parameter K."""
    fields: list[tuple[str, Any]] = []
    for k, kind in enumerate(params):
        fields.append((f"a{k}", _CTYPE[kind]))
        pad = _SLOT - ctypes.sizeof(_CTYPE[kind])
        if k + 1 < len(params):
            fields.append((f"_p{k}", ctypes.c_char * pad))
    if not fields:
        fields.append(("a0", ctypes.c_int32))
    return type("Args", (ctypes.Structure,), {"_fields_": fields})


def _trampoline(
    impl: Callable[..., Any],
    nparams: int,
    has_result: bool,
    from_address: Callable[[int], Any],
    calls: list[int],
    fail: Callable[[BaseException], int],
) -> Callable[[Any, Any, int, int], int]:
    """A raw callback for impl, specialised to its arity: it counts the crossing
    for the interp (parameter 0), reads the parameters in place and writes the
    result to slot 0. Generated source, so that no per-call tuple is built."""
    params = ", ".join(["i"] + [f"v.a{k}" for k in range(1, nparams)]) if nparams else ""
    call = f"v.a0 = impl({params})" if has_result else f"impl({params})"
    count = "    i = v.a0\n    calls[i] += 1\n" if nparams else ""
    src = (
        "def callback(env, caller, args, nargs):\n"
        "  try:\n"
        "    v = from_address(args)\n"
        f"{count}"
        f"    {call}\n"
        "    return 0\n"
        "  except BaseException as e:\n"
        "    return fail(e)\n"
    )
    scope: dict[str, Any] = {
        "impl": impl,
        "from_address": from_address,
        "calls": calls,
        "fail": fail,
    }
    exec(compile(src, f"<feather import {getattr(impl, '__name__', '?')}>", "exec"), scope)
    return scope["callback"]  # type: ignore[no-any-return]


class Instance(MemoryViews):
    """One instantiation of feather.wasm with its imported memory and raw imports.

    ``imports`` maps an import name to (implementation, param kinds, result kind or
    None); parameter 0 of every import is the interp id, used to count crossings
    in ``calls`` (a list indexed by interp id, grown by the caller).
    """

    what = "linear memory"

    def __init__(
        self,
        imports: dict[str, tuple[Callable[..., Any], tuple[str, ...], str | None]],
        calls: list[int],
        path: Path | None = None,
        max_memory: int | None = None,
    ) -> None:
        engine, module = compiled_module(path)
        self.store = wasmtime.Store(engine)
        self._ctx = self.store._context()
        self.pending: BaseException | None = None  # raised by a callback, re-raised by call()
        self.moves = 0  # times the memory base was seen to move (expected: never)
        self._keep: list[Any] = []  # CFUNCTYPE objects must outlive the instance
        linker = wasmtime.Linker(engine)
        memory_type = None
        for imp in module.imports:
            if imp.module == "env" and imp.name == "memory":
                memory_type = imp.type
        if not isinstance(memory_type, wasmtime.MemoryType):
            raise RuntimeError("feather.wasm does not import env.memory")
        if max_memory is not None:
            memory_type = _capped(memory_type, max_memory)
        self.memory = wasmtime.Memory(self.store, memory_type)
        linker.define(self.store, "env", "memory", self.memory)
        for imp in module.imports:
            if imp.module != "env" or imp.name == "memory":
                continue
            name = imp.name or ""
            entry = imports.get(name)
            if entry is None:
                raise RuntimeError(f"the Python host does not provide import {name}")
            self._define(linker, name, *entry, calls=calls)
        self.instance = linker.instantiate(self.store, module)
        self._exports: dict[str, Any] = {}
        self._funcs: dict[str, int] = {}  # export name -> address of its wasmtime_func_t
        for name, ext in self.instance.exports(self.store).items():
            if isinstance(ext, wasmtime.Func):
                self._exports[name] = ext._func
                self._funcs[name] = ctypes.addressof(ext._func)
        self._ctx_addr = ctypes.cast(self._ctx, ctypes.c_void_p).value or 0
        self._pool: list[_CallFrame] = []  # argument arrays, one per nesting depth
        self._depth = 0
        MemoryViews.__init__(self)
        self.base = 0
        self.size = 0
        self.refresh()

    # ------------------------------------------------------------ imports

    def _fail(self, exc: BaseException) -> int:
        """Record exc and return a trap (its address) for the callback to return."""
        if self.pending is None:
            self.pending = exc
        msg = f"feather host: {type(exc).__name__}: {exc}".encode("utf-8", "replace")
        trap = ffi.wasmtime_trap_new(ctypes.create_string_buffer(msg), len(msg))
        return ctypes.cast(trap, ctypes.c_void_p).value or 0

    def _define(
        self,
        linker: wasmtime.Linker,
        name: str,
        impl: Callable[..., Any],
        params: tuple[str, ...],
        result: str | None,
        calls: list[int],
    ) -> None:
        functype = wasmtime.FuncType(
            [_VALTYPE[p]() for p in params], [_VALTYPE[result]()] if result else []
        )
        struct = _args_struct(params)
        callback = _trampoline(
            impl, len(params), result is not None, struct.from_address, calls, self._fail
        )
        raw = _RAW_CALLBACK(callback)
        self._keep += [functype, struct, callback, raw]
        module_b, name_b = b"env", name.encode()
        err = ffi.wasmtime_linker_define_func_unchecked(
            linker.ptr(),
            module_b,
            len(module_b),
            name_b,
            len(name_b),
            functype.ptr(),
            ctypes.cast(raw, ffi.wasmtime_func_unchecked_callback_t),
            None,
            _NO_FINALIZER,
        )
        if err:
            raise wasmtime.WasmtimeError._from_ptr(err)

    # ------------------------------------------------------------ exports

    def has_export(self, name: str) -> bool:
        return name in self._exports

    def call(self, name: str, *args: int) -> int:
        """Call an export taking and returning i32 values (unchecked path). Raises
        the exception a callback recorded, or HostTrap when the code trapped."""
        func = self._funcs[name]
        depth = self._depth
        if depth == len(self._pool):
            self._pool.append(_CallFrame())
        frame = self._pool[depth]
        ints = frame.ints
        for k, a in enumerate(args):
            ints[4 * k] = a  # slot k's i32 (a slot is 4 ints wide)
        frame.trap.value = None
        self._depth = depth + 1
        try:
            err = _call_unchecked(self._ctx_addr, func, frame.raw_addr, 8, frame.trap_addr)
        finally:
            self._depth = depth
        trapped = frame.trap.value
        if err or trapped:
            if err:
                error = ctypes.cast(err, ctypes.POINTER(ffi.wasmtime_error_t))
                message = str(wasmtime.WasmtimeError._from_ptr(error))
            else:
                trap = ctypes.cast(trapped or 0, ctypes.POINTER(ffi.wasm_trap_t))
                message = str(wasmtime.Trap._from_ptr(trap))
            pending, self.pending = self.pending, None
            if pending is not None:
                raise pending
            raise HostTrap(message)
        return int(ints[0])

    # ------------------------------------------------------------ linear memory

    def refresh(self) -> None:
        """Rebuild the memory views after growth (the base is checked, not assumed)."""
        mem = ctypes.byref(self.memory._memory)
        base = ctypes.cast(ffi.wasmtime_memory_data(self._ctx, mem), ctypes.c_void_p).value or 0
        size = int(ffi.wasmtime_memory_data_size(self._ctx, mem))
        if self.base and base != self.base:
            self.moves += 1
        if base == self.base and size == self.size:
            return
        self.base, self.size = base, size
        self.raw = (ctypes.c_char * size).from_address(base)
        self.r32 = (ctypes.c_uint32 * (size >> 2)).from_address(base)
        mv = memoryview((ctypes.c_ubyte * size).from_address(base)).cast("B")
        self.mv = mv
        self.m32 = mv.cast("I")
        self.m64 = mv.cast("q")
        self.mf64 = mv.cast("d")

    def memory_bytes(self) -> int:
        return int(ffi.wasmtime_memory_data_size(self._ctx, ctypes.byref(self.memory._memory)))

    def grow(self, pages: int) -> int:
        """Grow linear memory by pages (for tests); returns the previous size in pages."""
        return int(self.memory.grow(self.store, pages))
