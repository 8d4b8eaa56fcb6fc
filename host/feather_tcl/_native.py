"""The native backend's raw layer: libfeather.so through ctypes, the twin of _wasm.py.

The native build (``python -m toolchain build-native``) is the same C core as a shared
library. Its ``feather_host_*`` functions forward to a FeatherHostOps table the host installs
with ``feather_set_ops``; here that table holds ctypes callbacks to the same
:class:`~feather_tcl.imports.Imports` methods the WASM instance uses. :class:`NativeInstance`
has the interface of :class:`feather_tcl._wasm.Instance` (``call``, ``read``/``write``, the
memory views), so the runtime and the import methods serve both backends unchanged:

- Memory: pointers are real addresses. The views (``raw``, ``mv``, ``m32``...) are laid over
  the whole address space from address 0, so "linear memory offset" and "address" are the
  same number and every bounds test of the import methods still holds.
- Types: the library describes its host functions itself (``feather_native_signatures``,
  generated from src/host.h). A 32-bit argument reaches the callback as a signed int32, as a
  WASM i32 does; a pointer as an int address. A mismatch with the import table is an error
  at load time.
- Failures: no Python exception leaves a callback. It is recorded, the library's
  ``feather_native_unwind`` flag is set, and the forwarder ``longjmp``s back to the guarded
  export entry (``feather_native_*``), which is what a trap does in WASM; :meth:`call`
  raises it again. The library's static state is then inconsistent, so the instance is
  poisoned and the runtime makes a new one.
- Instances: each instance owns a private load of the library (a copy in a temporary
  directory after the first), so its static state (arena, entry depth, caches) is its own,
  as a WASM instance's memory is. A clean instance's library returns to a pool when the
  instance is collected.
"""

from __future__ import annotations

import atexit
import ctypes
import os
import shutil
import tempfile
import threading
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

from feather_tcl._memory import MemoryViews

__all__ = [
    "BACKENDS",
    "NativeInstance",
    "NativeUnavailable",
    "default_backend",
    "library_path",
]

BACKENDS = ("wasm", "native")
LIBRARY = "libfeather.so"

# FEATHER_ARENA_NATIVE_FIRST of src/arena.c: what the arena keeps across resets.
FIRST_BLOCK = 2 << 20

# The views reach this far: beyond any user-space address of a 64-bit process.
_SPAN = 1 << 57

# C type codes of feather_native_signatures (toolchain/native.py: type_code).
_ARG: dict[str, Any] = {
    "u": ctypes.c_int32,  # u32 reaches Python as a WASM i32 does: signed
    "i": ctypes.c_int32,
    "l": ctypes.c_int64,
    "d": ctypes.c_double,
    "p": ctypes.c_size_t,  # an address, as an int (c_void_p would give None for NULL)
    "z": ctypes.c_size_t,
}
_RESULT: dict[str, Any] = {**_ARG, "v": None}
_WASM_KIND = {"u": "i32", "i": "i32", "l": "i64", "d": "f64", "p": "i32", "z": "i32"}

# The exports the runtime calls: argument codes and result code (as in feather.h/arena.h;
# tests/native checks this table against the headers).
_EXPORT_TYPES: dict[str, Any] = {
    "u": ctypes.c_uint32,
    "i": ctypes.c_int,
    "p": ctypes.c_void_p,
    "z": ctypes.c_size_t,
}
_EXPORT_RESULT: dict[str, Any] = {
    "u": ctypes.c_uint32,
    "i": ctypes.c_int,
    "p": ctypes.c_size_t,
    "z": ctypes.c_size_t,
    "v": None,
}
EXPORTS: dict[str, tuple[str, str]] = {
    "feather_arena_alloc": ("z", "p"),
    "feather_arena_reset": ("", "v"),
    "feather_arena_release": ("z", "v"),
    "feather_arena_used": ("", "z"),
    "feather_arena_capacity": ("", "z"),
    "feather_arena_high_water": ("", "z"),
    "feather_arena_native_limit": ("z", "v"),
    "feather_interp_init": ("pu", "i"),
    "feather_script_eval": ("pupzi", "i"),
    "feather_command_exec": ("puui", "i"),
    "feather_subst": ("puui", "i"),
    "feather_parse_status": ("pupz", "i"),
    "feather_epoch_ptr": ("", "p"),
    "feather_native_stack_floor": ("p", "v"),
}


class NativeUnavailable(RuntimeError):
    """libfeather.so is not built (or not loadable)."""


def default_backend() -> str:
    """The backend of an Interp or Runtime created without one: $FEATHER_BACKEND when
    set (``wasm`` or ``native``), else ``wasm``."""
    backend = os.environ.get("FEATHER_BACKEND", "").strip().lower() or "wasm"
    if backend not in BACKENDS:
        raise ValueError(f"FEATHER_BACKEND={backend!r}: backends are {', '.join(BACKENDS)}")
    return backend


def library_path() -> Path:
    """libfeather.so: $FEATHER_NATIVE_LIB when set, else a copy in the package directory,
    else build/native/ of the checkout the package lives in."""
    override = os.environ.get("FEATHER_NATIVE_LIB")
    if override:
        return Path(override)
    here = Path(__file__).resolve().parent
    packaged = here / LIBRARY
    if packaged.is_file():
        return packaged
    return here.parent.parent / "build" / "native" / LIBRARY


# ---------------------------------------------------------------- library loads


class _Library:
    """One load of the library: its own copy of the core's static state."""

    def __init__(self, path: Path, key: tuple[str, int]) -> None:
        self.path = path
        self.key = key
        try:
            # PyDLL: calls keep the GIL (the callbacks need it anyway).
            self.dll = ctypes.PyDLL(str(path))
        except OSError as exc:
            raise NativeUnavailable(f"cannot load {path}: {exc}") from exc
        count = ctypes.c_uint.in_dll(self.dll, "feather_native_ops_count").value
        sigs = ctypes.string_at(
            ctypes.addressof(ctypes.c_char.in_dll(self.dll, "feather_native_signatures"))
        )
        self.signatures = _parse_signatures(sigs.decode())
        if len(self.signatures) != count:
            raise NativeUnavailable(
                f"{path}: {count} host functions, {len(self.signatures)} described"
            )
        self.unwind = ctypes.c_int.in_dll(self.dll, "feather_native_unwind")
        self.stack_thread = 0  # the thread whose stack floor the load holds (0: none yet)
        self.entries: dict[str, Any] = {}
        for name, (args, result) in EXPORTS.items():
            guarded = "feather_native_" + name.removeprefix("feather_")
            try:
                fn = getattr(self.dll, guarded)
            except AttributeError:
                try:
                    fn = getattr(self.dll, name)
                except AttributeError:
                    continue
            fn.argtypes = [_EXPORT_TYPES[c] for c in args]
            fn.restype = _EXPORT_RESULT[result]
            self.entries[name] = fn
        self.set_ops = self.dll.feather_set_ops
        self.set_ops.argtypes = [ctypes.c_void_p]
        self.set_ops.restype = None


# ---------------------------------------------------------------- the C stack

# What the core keeps free below its last check: its frames between two checks and the
# host's callbacks (ctypes and Python frames on the same stack).
_STACK_MARGIN_MAX = 1 << 20
_threads = threading.local()


def stack_floor() -> int:
    """The lowest address the core's frames may reach on the calling thread: the bottom
    of its stack (glibc's pthread_getattr_np) plus a margin of an eighth of the stack, at
    most 1 MiB. 0 when the stack cannot be measured (the core then keeps a budget below
    its outermost entry). Measured once per thread."""
    floor: int | None = getattr(_threads, "stack_floor", None)
    if floor is None:
        floor = _measure_stack_floor()
        _threads.stack_floor = floor
    return floor


def _measure_stack_floor() -> int:
    try:
        libc = ctypes.CDLL(None)
        getattr_np = libc.pthread_getattr_np
    except (OSError, AttributeError):
        return 0
    libc.pthread_self.restype = ctypes.c_void_p
    getattr_np.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    attr = ctypes.create_string_buffer(256)  # a pthread_attr_t (56 bytes on x86-64)
    if getattr_np(libc.pthread_self(), attr) != 0:
        return 0
    low, size = ctypes.c_void_p(), ctypes.c_size_t()
    found = libc.pthread_attr_getstack(attr, ctypes.byref(low), ctypes.byref(size)) == 0
    libc.pthread_attr_destroy(attr)
    if not found or not low.value:
        return 0
    return low.value + min(size.value // 8, _STACK_MARGIN_MAX)


def _parse_signatures(text: str) -> list[tuple[str, str, str]]:
    """``name:R(ARGS);...`` -> [(name, result code, argument codes)] in table order."""
    out = []
    for item in text.split(";"):
        name, _, rest = item.partition(":")
        result, _, args = rest.partition("(")
        out.append((name, result, args.rstrip(")")))
    return out


_lock = threading.Lock()
_pool: dict[tuple[str, int], list[_Library]] = {}
_loaded: set[str] = set()  # paths loaded as they are (the loader keeps one load per name)
_copies: list[Path] = []


def _acquire(path: Path) -> _Library:
    """A load of the library at path that no live instance uses."""
    if not path.is_file():
        raise NativeUnavailable(
            f"{path} not found: build it with `python -m toolchain build-native` "
            "(or `nox -s build-native`)"
        )
    key = (str(path.resolve()), path.stat().st_mtime_ns)
    with _lock:
        free = _pool.get(key)
        if free:
            return free.pop()
        first = key[0] not in _loaded  # a rebuilt file at the same path needs a copy too
        _loaded.add(key[0])
    if first:
        return _Library(path, key)
    # The dynamic loader shares one load per file: a private copy gets its own state.
    tmp = Path(tempfile.mkdtemp(prefix="feather-native-"))
    copy = tmp / LIBRARY
    shutil.copyfile(path, copy)
    _copies.append(tmp)
    return _Library(copy, key)


def _give_back(lib: _Library) -> None:
    with _lock:
        _pool.setdefault(lib.key, []).append(lib)


@atexit.register
def _remove_copies() -> None:
    for tmp in _copies:
        shutil.rmtree(tmp, ignore_errors=True)


# ---------------------------------------------------------------- the instance


def _callback(
    impl: Callable[..., Any],
    nparams: int,
    void: bool,
    calls: list[int],
    fail: Callable[[BaseException], int],
) -> Callable[..., Any]:
    """A Python function for one host function: counts the crossing for the interp
    (parameter 0), calls impl, and never lets an exception out. Generated source, so
    that no per-call tuple is built (as _wasm._trampoline)."""
    params = ", ".join(["i"] + [f"a{k}" for k in range(1, nparams)])
    body = f"impl({params})" if void else f"return impl({params})"
    on_error = "fail(e)" if void else "return fail(e)"
    src = (
        f"def callback({params}):\n"
        "  try:\n"
        "    calls[i] += 1\n"
        f"    {body}\n"
        "  except BaseException as e:\n"
        f"    {on_error}\n"
    )
    scope: dict[str, Any] = {"impl": impl, "calls": calls, "fail": fail}
    exec(compile(src, f"<feather native {getattr(impl, '__name__', '?')}>", "exec"), scope)
    return scope["callback"]  # type: ignore[no-any-return]


class NativeInstance(MemoryViews):
    """One load of libfeather.so with the host's FeatherHostOps installed.

    ``imports`` is the same table the WASM instance takes: import name -> (implementation,
    param kinds, result kind or None); ``calls`` counts crossings per interp id.
    """

    backend = "native"
    low = 1  # NULL is no address
    what = "native memory"

    def __init__(
        self,
        imports: dict[str, tuple[Callable[..., Any], tuple[str, ...], str | None]],
        calls: list[int],
        path: Path | None = None,
        memory_limit: int | None = None,
    ) -> None:
        if memory_limit is not None and memory_limit < FIRST_BLOCK:
            raise ValueError(
                f"memory_limit of {memory_limit} bytes is below the native arena's first "
                f"{FIRST_BLOCK} bytes"
            )
        lib = _acquire(path or library_path())
        self.pending: BaseException | None = None
        self.poisoned = False
        self.moves = 0
        self.base = 0
        self.size = _SPAN
        self._lib = lib
        self._entries = lib.entries
        self._unwind = lib.unwind
        self._keep: list[Any] = []
        fields: list[tuple[str, Any]] = []
        values: list[Any] = []
        for name, result, args in lib.signatures:
            entry = imports.get("feather_host_" + name)
            if entry is None:
                raise NativeUnavailable(f"the Python host does not provide feather_host_{name}")
            impl, params, res = entry
            kinds = tuple(_WASM_KIND[c] for c in args)
            wanted = (kinds, None if result == "v" else _WASM_KIND[result])
            if (tuple(params), res) != wanted:
                raise NativeUnavailable(
                    f"feather_host_{name}: the library has {wanted}, the host {(params, res)}"
                )
            proto = ctypes.CFUNCTYPE(_RESULT[result], *[_ARG[c] for c in args])
            fn = proto(_callback(impl, len(args), result == "v", calls, self._fail))
            fields.append((name, proto))
            values.append(fn)
        ops_type = type("FeatherHostOps", (ctypes.Structure,), {"_fields_": fields})
        self._ops = ops_type(*values)
        self._keep += [ops_type, values]
        lib.set_ops(ctypes.addressof(self._ops))
        # memory_limit: the arena's blocks are held to it, as WASM's linear memory is.
        lib.entries["feather_arena_native_limit"](memory_limit or 0)
        MemoryViews.__init__(self)
        self.raw = (ctypes.c_char * _SPAN).from_address(0)
        self.r32 = (ctypes.c_uint32 * (_SPAN >> 2)).from_address(0)
        mv = memoryview((ctypes.c_ubyte * _SPAN).from_address(0)).cast("B")
        self.mv = mv
        self.m32 = mv.cast("I")
        self.m64 = mv.cast("q")
        self.mf64 = mv.cast("d")
        self._poison_flag = [False]
        weakref.finalize(self, NativeInstance._retire, lib, self._poison_flag)

    @staticmethod
    def _retire(lib: _Library, poisoned: list[bool]) -> None:
        """The instance is gone: free what its arena grew; a clean load is reused."""
        try:
            lib.entries["feather_arena_reset"]()
        except Exception:  # noqa: BLE001 - best effort at interpreter exit
            return
        if not poisoned[0]:
            _give_back(lib)
        else:
            lib.set_ops(None)  # never called again; keep no pointer to freed callbacks

    # ------------------------------------------------------------ callbacks

    def _fail(self, exc: BaseException) -> int:
        """Record exc and ask the core to unwind to the guarded entry."""
        if self.pending is None:
            self.pending = exc
        self._unwind.value = 1
        return 0

    # ------------------------------------------------------------ exports

    def has_export(self, name: str) -> bool:
        return name in self._entries

    def call(self, name: str, *args: int) -> int:
        """Call an export. Raises the exception a callback recorded (the core was
        unwound: this instance is poisoned). The first call from a thread tells the core
        where that thread's stack ends (its stack check)."""
        lib = self._lib
        if lib.stack_thread != threading.get_ident():
            lib.stack_thread = threading.get_ident()
            floor = self._entries.get("feather_native_stack_floor")
            if floor is not None:
                floor(stack_floor())
        result = self._entries[name](*args)
        if self.pending is not None:
            pending, self.pending = self.pending, None
            self.poisoned = True
            self._poison_flag[0] = True
            raise pending
        return 0 if result is None else int(result)

    # ------------------------------------------------------------ memory (addresses)

    def memory_bytes(self) -> int:
        """The memory the instance's arena holds now (its accessible pages)."""
        return int(self._entries["feather_arena_capacity"]())

    def grow(self, pages: int) -> int:
        raise NotImplementedError("native memory does not grow by pages")
