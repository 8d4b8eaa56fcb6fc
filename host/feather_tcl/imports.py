"""The import table: one method per ``feather_host_*`` import of src/host.h.

Each method receives the raw WASM arguments (interp id first; pointers and lengths
into linear memory; handles) and returns the raw result. Handles are resolved in
the runtime's scratch table; strings are read from and written to linear memory
through the instance's views. Bad input never raises: a stale handle reads as the
empty string and an unknown interp id as a fresh state (see host.h: "No function
traps on bad input").

``SIGNATURES`` is the single source of the import types; ``provided()`` in
host_imports.py and the instance's linker both read it.
"""

from __future__ import annotations

import operator
import re
import struct
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from feather_tcl import state as st
from feather_tcl.limits import CHUNK, HANDLE_BYTES, stop_kind, value_size
from feather_tcl.values import (
    PIN_BASE,
    TclDict,
    TclList,
    Text,
    Value,
    as_list,
    decode,
    remember_list,
    to_bytes,
    to_str,
)

if TYPE_CHECKING:
    from feather_tcl._wasm import Instance
    from feather_tcl.limits import Limits
    from feather_tcl.runtime import Runtime

_I, _L, _D = "i32", "i64", "f64"

# Is a string the canonical decimal form of an integer ("0", "-12"; not "012",
# "+1", " 1" or "-0"), short enough to be one of 64 bits? Then it has the same
# string rep as that integer, and integer_get and var_get's number read it as one.
# A regular expression, not a Python function: a callback may run with little
# Python stack left, and a call there could be the one that exceeds it.
_canonical_int = re.compile(r"-?[1-9][0-9]{0,17}|0", re.ASCII).fullmatch

# name (without the feather_host_ prefix) -> (parameter kinds, result kind or None)
SIGNATURES: Final[dict[str, tuple[tuple[str, ...], str | None]]] = {
    "string_new": ((_I, _I, _I), _I),
    "string_get": ((_I, _I, _I, _I), _I),
    "string_concat": ((_I, _I, _I), _I),
    "rune_case": ((_I, _I, _I), _I),
    "rune_class": ((_I, _I), _I),
    "integer_new": ((_I, _L), _I),
    "integer_get": ((_I, _I, _I), _I),
    "integer_new32": ((_I, _I), _I),
    "double_new": ((_I, _D), _I),
    "double_parse": ((_I, _I, _I, _I), _I),
    "list_new": ((_I, _I, _I), _I),
    "list_length": ((_I, _I), _I),
    "list_from_spans": ((_I, _I, _I, _I, _I), _I),
    "list_items": ((_I, _I, _I, _I, _I), _I),
    "list_range": ((_I, _I, _I, _I), _I),
    "list_append": ((_I, _I, _I, _I), _I),
    "list_splice": ((_I, _I, _I, _I, _I, _I), _I),
    "dict_size": ((_I, _I), _I),
    "dict_from_list": ((_I, _I), _I),
    "dict_get": ((_I, _I, _I), _I),
    "dict_put": ((_I, _I, _I, _I), _I),
    "var_get": ((_I, _I, _I, _I, _I, _I, _I), _I),
    "var_set": ((_I, _I, _I, _I, _I, _I, _I), _I),
    "var_unset": ((_I, _I, _I, _I, _I, _I), _I),
    "var_incr": ((_I, _I, _I, _I, _I, _I, _I), _I),
    "var_lappend": ((_I, _I, _I, _I, _I, _I, _I, _I), _I),
    "var_append": ((_I, _I, _I, _I, _I, _I, _I, _I), _I),
    "var_link": ((_I, _I, _I, _I, _I, _I), _I),
    "var_kind": ((_I, _I, _I), _I),
    "frame_push": ((_I, _I, _I, _I, _I, _I), _I),
    "frame_pop": ((_I,), None),
    "frame_level": ((_I, _I), _I),
    "frame_activate": ((_I, _I), _I),
    "frame_words": ((_I, _I), _I),
    "frame_push_proc": ((_I, _I, _I, _I, _I, _I, _I, _I, _I), _I),
    "cmd_lookup": ((_I, _I, _I, _I), _I),
    "proc_define": ((_I, _I, _I, _I, _I, _I, _I), _I),
    "cmd_rename": ((_I, _I, _I, _I, _I), _I),
    "cmd_invoke": ((_I, _I, _I, _I, _I), _I),
    "names": ((_I, _I, _I, _I), _I),
    "ns_current": ((_I,), _I),
    "ns_resolve": ((_I, _I, _I, _I), _I),
    "ns_delete": ((_I, _I, _I), _I),
    "ns_attr": ((_I, _I, _I, _I, _I), _I),
    "cmd_import": ((_I, _I, _I, _I, _I), _I),
    "cmd_origin": ((_I, _I, _I, _I), _I),
    "cmd_update": ((_I, _I, _I, _I), _I),
    "trace_add": ((_I, _I, _I, _I, _I, _I), _I),
    "trace_remove": ((_I, _I, _I, _I, _I, _I), _I),
    "trace_info": ((_I, _I, _I, _I), _I),
    "scratch_mark": ((_I,), _I),
    "scratch_release": ((_I, _I, _I), _I),
    "pin": ((_I, _I), _I),
    "interp_set_result": ((_I, _I), None),
    "interp_limit": ((_I,), _I),
    "interp_poll": ((_I, _I), _I),
}

PREFIX: Final = "feather_host_"

# FEATHER_NAMES_*
_NAMES_COMMANDS, _NAMES_PROCS, _NAMES_VARS = 0, 1, 2
_NAMES_LOCALS, _NAMES_GLOBALS, _NAMES_CHILDREN, _NAMES_ELEMENTS = 3, 4, 5, 6

_U32: Final = 0xFFFFFFFF
POLL_STACK: Final = 1  # FEATHER_POLL_STACK (host.h): the core asks about the native stack
_INTERN_MAX: Final = 32  # bytes: strings up to this length are interned per eval
_INTERN_ENTRIES: Final = 4096
_ENCODED_MAX: Final = 4096  # bytes: string reps up to this size are cached per handle
_INFO: Final = struct.Struct("<iiIIIIii")  # FeatherCmdInfo
_VAR_INT: Final = struct.Struct("<Iiq")  # FeatherVarNumber with an integer
_VAR_DOUBLE: Final = struct.Struct("<Iid")  # FeatherVarNumber with a double


@lru_cache(maxsize=4096)
def rune_case(cp: int, mode: int) -> int:
    """Simple (one code point) case mapping, as Tcl's Tcl_UniCharTo*."""
    try:
        ch = chr(cp)
    except ValueError:
        return cp
    mapped = ch.lower() if mode == 0 else ch.upper() if mode == 1 else ch.title()
    if len(mapped) == 1:
        return ord(mapped)
    if mode == 0 and cp == 0x130:  # İ: the simple lowercase mapping is i
        return 0x69
    return cp


_SPACE_EXTRA: Final = frozenset({0x85, 0x180E, 0x200B, 0x2060, 0xFEFF})


@lru_cache(maxsize=4096)
def rune_class(cp: int) -> int:
    """Unicode class bits of a code point >= 128 (host.h), matching tclsh 8.6:
    bit 0 alpha, 1 digit, 2 space, 3 upper, 4 lower, 5 punct, 6 print, 7 control."""
    if cp > 0xFFFF:  # Tcl 8.6 (TCL_UTF_MAX 3) sees every such character as printable
        return 1 << 6
    try:
        cat = unicodedata.category(chr(cp))
    except ValueError:
        return 0
    bits = 0
    major = cat[0]
    if major == "L":
        bits |= 1
    if cat == "Nd":
        bits |= 2
    if major == "Z" or cp in _SPACE_EXTRA:
        bits |= 4
    if cat == "Lu":
        bits |= 8
    if cat == "Ll":
        bits |= 16
    if major == "P":
        bits |= 32
    if major != "C":
        bits |= 64
    if cat in ("Cc", "Cf", "Co"):
        bits |= 128
    return bits


class Imports:
    """The implementations of every import, bound to one runtime."""

    def __init__(self, rt: Runtime) -> None:
        self.rt = rt
        self.scratch = rt.scratch
        self.objs = rt.scratch.objs  # ordinary handles (cleared in place, never replaced)
        self.pins = rt.scratch.pins  # pinned handles, from PIN_BASE + 1
        self.cores = rt.interps  # interp id -> InterpCore (appended to, never replaced)
        self.inst: Instance = None  # type: ignore[assignment]  # set by the runtime
        # Short strings made during this eval: bytes -> pinned handle. A repeated
        # word (a command name, a variable name in a loop body) gets one handle per
        # eval, so a loop does not grow the scratch table with copies of its words.
        self.interned: dict[bytes, int] = {}
        # handle -> UTF-8 of its string rep, for strings read more than once per eval
        self.encoded: dict[int, bytes] = {}
        self.epoch_addr = 0  # address of the core's command epoch (0: none)
        # Limits (limits.py), set by the runtime. While a memory or time limit is in
        # force (checking), every import that builds a value of unbounded size asks
        # limits.check first: a value too large for the memory left, or a large one
        # past the deadline, is refused (the eval is unwound at once).
        self.limits: Limits = None  # type: ignore[assignment]
        self.checking = False

    def table(self) -> dict[str, tuple[object, tuple[str, ...], str | None]]:
        """import name -> (implementation, parameter kinds, result kind)."""
        return {
            PREFIX + name: (getattr(self, name), params, result)
            for name, (params, result) in SIGNATURES.items()
        }

    # ------------------------------------------------------------ helpers

    def new(self, v: Value) -> int:
        objs = self.objs
        objs.append(v)
        return len(objs)

    def get(self, h: int) -> Value:
        if 0 < h <= len(self.objs):
            return self.objs[h - 1]
        if h > PIN_BASE and h - PIN_BASE <= len(self.pins):
            return self.pins[h - PIN_BASE - 1]
        return ""

    def pinned(self, v: Value) -> int:
        pins = self.pins
        pins.append(v)
        return PIN_BASE + len(pins)

    def bump_epoch(self) -> None:
        """Commands or namespaces changed: the core drops its cached lookups."""
        addr = self.epoch_addr
        if addr:
            m32 = self.inst.m32
            m32[addr >> 2] = (m32[addr >> 2] + 1) & _U32

    def values(self, ptr: int, n: int) -> list[Value]:
        if n <= 0:
            return []
        if n > CHUNK and self.checking:
            return self._values_chunked(ptr, n)
        objs = self.objs
        hs = self.inst.u32s(ptr, n)
        try:
            return [objs[h - 1] if h else "" for h in hs]
        except IndexError:
            return [self.get(h) for h in hs]

    def _values_chunked(self, ptr: int, n: int) -> list[Value]:
        """values() of a huge vector, checking the deadline between chunks."""
        out: list[Value] = []
        for start in range(0, n, CHUNK):
            self.limits.tick()
            out.extend(self.values(ptr + 4 * start, min(CHUNK, n - start)))
        return out

    def text(self, ptr: int, n: int) -> str:
        inst = self.inst
        if n >= 0 and 0 <= ptr and ptr + n <= inst.size:
            return inst.raw[ptr : ptr + n].decode("utf-8", "surrogateescape")  # type: ignore[no-any-return]
        return inst.read(ptr, n).decode("utf-8", "surrogateescape")

    def key(self, ptr: int, n: int) -> str | None:
        return None if n < 0 else self.text(ptr, n)

    def state(self, i: int) -> st.State:
        core = self.cores[i] if 0 <= i < len(self.cores) else None
        if core is None:
            raise LookupError(f"no interp {i}")
        return core.state

    def elements(self, h: int) -> list[Value] | None:
        """Elements of the value of h when it has a list rep (or a remembered parse,
        which then becomes the handle's list rep)."""
        v = self.get(h)
        lst = as_list(v)
        if lst is None:
            return None
        if lst is not v and type(v) is str:
            self.scratch.set(h, lst)
        return lst.elements()

    def _out(self, ptr: int, r: st.VarResult, h: int = 0) -> int:
        """Write the value of a variable operation to *ptr; h: a handle that already
        holds exactly that value."""
        status, value = r
        if value is not None and ptr:
            if not h:
                objs = self.objs
                objs.append(value)
                h = len(objs)
            inst = self.inst
            if not ptr & 3 and 0 < ptr and ptr + 4 <= inst.size:
                inst.m32[ptr >> 2] = h
            else:
                inst.set_u32(ptr, h)
        return status

    # ------------------------------------------------------------ string

    def reset(self) -> None:
        """The scratch table was cleared: forget handles cached for this eval."""
        self.interned.clear()
        self.encoded.clear()

    def string_new(self, i: int, s: int, n: int) -> int:
        inst = self.inst
        if n <= _INTERN_MAX and 0 <= s and s + n <= inst.size and n >= 0:
            data = inst.raw[s : s + n]
            interned = self.interned
            h = interned.get(data)
            if h is not None:
                return h
            text = data.decode("utf-8", "surrogateescape")
            if len(interned) < _INTERN_ENTRIES:
                h = interned[data] = self.pinned(text)
                return h
            objs = self.objs
            objs.append(text)
            return len(objs)
        if self.checking:
            self.limits.check(n)
        objs = self.objs
        objs.append(self.text(s, n))
        return len(objs)

    def string_get(self, i: int, o: int, buf: int, cap: int) -> int:
        data: bytes | memoryview | None = self.encoded.get(o)
        if data is None:
            v = self.get(o)
            if type(v) is Text:
                data = memoryview(v.buf)[: v.n]
            else:
                data = to_bytes(v)
                # A handle's string rep never changes (a list or dict rep installed
                # later keeps it): remember the UTF-8 of short ones for this eval.
                if len(data) <= _ENCODED_MAX and (0 < o <= len(self.objs) or o > PIN_BASE):
                    self.encoded[o] = data
        n = len(data)
        if n <= (cap & _U32) and n:
            inst = self.inst
            if 0 <= buf and buf + n <= inst.size:
                inst.mv[buf : buf + n] = data
            else:
                inst.write(buf, data)
        return n

    def string_concat(self, i: int, parts: int, n: int) -> int:
        vals = self.values(parts, n)
        if n > CHUNK and self.checking:
            strs: list[str] = []
            for start in range(0, n, CHUNK):
                self.limits.tick()
                strs.extend([to_str(v) for v in vals[start : start + CHUNK]])
        else:
            strs = [to_str(v) for v in vals]
        if self.checking:
            self.limits.check(sum(map(len, strs)))
        return self.new("".join(strs))

    # ------------------------------------------------------------ rune

    def rune_case(self, i: int, cp: int, mode: int) -> int:
        return rune_case(cp & _U32, mode)

    def rune_class(self, i: int, cp: int) -> int:
        return rune_class(cp & _U32)

    # ------------------------------------------------------------ integer, double

    def integer_new(self, i: int, v: int) -> int:
        objs = self.objs
        objs.append(v)
        return len(objs)

    def integer_new32(self, i: int, v: int) -> int:
        objs = self.objs
        objs.append(v)
        return len(objs)

    def integer_get(self, i: int, o: int, out: int) -> int:
        v: Value | None = self.get(o)
        t = type(v)
        if t is str:
            # A canonical decimal string reads as the integer it denotes.
            if not _canonical_int(v):  # type: ignore[arg-type]
                return 0
            v = int(v)  # type: ignore[arg-type]
            t = int
        if t is int:
            if -(1 << 63) <= v < (1 << 63):  # type: ignore[operator]
                self.inst.set_i64(out, v)  # type: ignore[arg-type]
                return 1
            return 0
        if t is float:
            self.inst.set_f64(out, v)  # type: ignore[arg-type]
            return 2
        return 0

    def double_new(self, i: int, v: float) -> int:
        return self.new(v)

    def double_parse(self, i: int, s: int, n: int, out: int) -> int:
        try:
            value = float(self.inst.read(s, n))
        except ValueError:
            return 0
        self.inst.set_f64(out, value)
        return 1

    # ------------------------------------------------------------ list

    def list_new(self, i: int, items: int, n: int) -> int:
        if self.checking:
            self.limits.check(n * HANDLE_BYTES)
        return self.new(TclList(self.values(items, n)))

    def list_length(self, i: int, o: int) -> int:
        v = self.get(o)
        t = type(v)
        if t is TclList:
            return v.n  # type: ignore[union-attr]
        if t is TclDict:
            lst = v.lst  # type: ignore[union-attr]
            return lst.n if lst is not None else 2 * len(v.d)  # type: ignore[union-attr]
        if t is int or t is float:
            return 1
        lst = as_list(v)
        if lst is None:
            return -1
        self.scratch.set(o, lst)
        return lst.n

    def list_from_spans(self, i: int, target: int, buf: int, spans: int, n: int) -> int:
        sp = self.inst.u32s(spans, 2 * n) if n > 0 else []
        end = max(map(operator.add, sp[0::2], sp[1::2]), default=0)
        if self.checking:
            self.limits.check(n * HANDLE_BYTES + end)
        data = self.inst.read(buf, end) if end else b""
        whole = data.decode("ascii") if data.isascii() else None

        def build(lo: int, hi: int) -> list[Value]:
            if whole is not None:
                return [whole[sp[2 * k] : sp[2 * k] + sp[2 * k + 1]] for k in range(lo, hi)]
            return [decode(data[sp[2 * k] : sp[2 * k] + sp[2 * k + 1]]) for k in range(lo, hi)]

        if n > CHUNK and self.checking:
            items: list[Value] = []
            for start in range(0, n, CHUNK):
                self.limits.tick()
                items.extend(build(start, min(n, start + CHUNK)))
        else:
            items = build(0, n)
        if not target:
            return self.new(TclList(items))
        rep = to_str(self.get(target))
        lst = TclList(items, None, rep)
        self.scratch.set(target, lst)
        remember_list(rep, lst)
        return target

    def list_items(self, i: int, o: int, first: int, count: int, out: int) -> int:
        v = self.get(o)
        first &= _U32
        count &= _U32
        # A dict's list rep is made once per dict version (as_list), not per chunk.
        lst = v if type(v) is TclList else as_list(v) if type(v) is TclDict else None
        if lst is not None:
            n = lst.n
            if first >= n:
                return 0
            end = n if count >= n - first else first + count
            chunk = lst.items[first:end]
        else:
            elems = self.elements(o)
            if not elems or first >= len(elems):
                return 0
            chunk = elems[first : first + count]
        if self.checking:
            self.limits.check(len(chunk) * HANDLE_BYTES)
        objs = self.objs
        base = len(objs) + 1
        objs.extend(chunk)
        k = len(chunk)
        self.inst.set_u32s(out, range(base, base + k))
        return k

    def list_range(self, i: int, o: int, first: int, count: int) -> int:
        elems = self.elements(o) or []
        first &= _U32
        count &= _U32
        chunk = elems[first : first + count]
        if self.checking:
            self.limits.check(len(chunk) * HANDLE_BYTES)
        return self.new(TclList(chunk))

    def list_append(self, i: int, o: int, items: int, n: int) -> int:
        v = self.get(o)
        if self.checking:
            self.limits.check(value_size(v) + n * HANDLE_BYTES)
        new = self.values(items, n)
        if type(v) is TclList:
            return self.new(v.append(new))
        elems = self.elements(o) or []
        elems.extend(new)
        return self.new(TclList(elems))

    def list_splice(self, i: int, o: int, first: int, remove: int, items: int, n: int) -> int:
        v = self.get(o)
        if self.checking:
            self.limits.check(value_size(v) + n * HANDLE_BYTES)
        new = self.values(items, n)
        first &= _U32
        remove &= _U32
        if type(v) is TclList and remove == 0 and first >= v.n:
            return self.new(v.append(new))
        elems = self.elements(o) or []
        first = min(first, len(elems))
        elems[first : first + remove] = new
        return self.new(TclList(elems))

    # ------------------------------------------------------------ dict

    def dict_size(self, i: int, o: int) -> int:
        v = self.get(o)
        if type(v) is TclDict:
            return len(v.d)
        return -1

    def dict_from_list(self, i: int, o: int) -> int:
        v = self.get(o)
        if type(v) is TclDict:
            return o
        elems = self.elements(o) or []
        d: dict[str, Value] = {}
        for k in range(0, len(elems) - 1, 2):
            d[to_str(elems[k])] = elems[k + 1]
        lst = self.get(o)
        canonical = 2 * len(d) == len(elems)
        # The string rep stays what it was (a dict from "a  1" still prints "a  1");
        # a list without one has the canonical rep, unless duplicate keys were dropped.
        if type(lst) is TclList:
            rep = lst.rep if canonical else to_str(lst)
        else:
            rep = to_str(lst)
        dv = TclDict(d, rep)
        if not canonical:
            dv.lst = lst if type(lst) is TclList else TclList(elems)
        self.scratch.set(o, dv)
        return o

    def dict_get(self, i: int, o: int, key: int) -> int:
        v = self.get(o)
        if type(v) is not TclDict:
            return 0
        found = v.d.get(to_str(self.get(key)))
        return 0 if found is None else self.new(found)

    def dict_put(self, i: int, o: int, key: int, value: int) -> int:
        v = self.get(o)
        base = v if type(v) is TclDict else TclDict({})
        return self.new(base.put(to_str(self.get(key)), self.get(value) if value else None))

    # ------------------------------------------------------------ var

    def var_get(
        self, i: int, name: int, nlen: int, key: int, klen: int, flags: int, out: int
    ) -> int:
        if flags & 4:
            return self._out(out, self.state(i).var_array_trace(self.text(name, nlen)))
        r = self.state(i).var_get(self.text(name, nlen), self.key(key, klen), not flags & 1)
        if not flags & 2:
            return self._out(out, r)
        # out is a FeatherVarNumber: the value and its numeric rep in one crossing.
        status, value = r
        if value is not None:
            h = self.new(value)
            inst = self.inst
            if out < 0 or out + 16 > inst.size:
                inst.check(out, 16)
            if type(value) is int and -(1 << 63) <= value < (1 << 63):
                _VAR_INT.pack_into(inst.mv, out, h, 1, value)
            elif type(value) is float:
                _VAR_DOUBLE.pack_into(inst.mv, out, h, 2, value)
            elif type(value) is str and _canonical_int(value):
                _VAR_INT.pack_into(inst.mv, out, h, 1, int(value))
            else:
                _VAR_INT.pack_into(inst.mv, out, h, 0, 0)
        return status

    def var_set(
        self, i: int, name: int, nlen: int, key: int, klen: int, value: int, out: int
    ) -> int:
        v = self.get(value)
        r = self.state(i).var_set(self.text(name, nlen), self.key(key, klen), v)
        return self._out(out, r, value if r[1] is v else 0)

    def var_unset(self, i: int, name: int, nlen: int, key: int, klen: int, out: int) -> int:
        r = self.state(i).var_unset(self.text(name, nlen), self.key(key, klen))
        return self._out(out, r)

    def var_incr(
        self, i: int, name: int, nlen: int, key: int, klen: int, delta: int, out: int
    ) -> int:
        r = self.state(i).var_incr(self.text(name, nlen), self.key(key, klen), delta)
        return self._out(out, r)

    def var_lappend(
        self, i: int, name: int, nlen: int, key: int, klen: int, items: int, n: int, out: int
    ) -> int:
        r = self.state(i).var_lappend(
            self.text(name, nlen), self.key(key, klen), self.values(items, n)
        )
        if self.checking and r[1] is not None:
            self.limits.check(value_size(r[1]))
        return self._out(out, r)

    def var_append(
        self, i: int, name: int, nlen: int, key: int, klen: int, parts: int, n: int, out: int
    ) -> int:
        # One value at a time, as Tcl appends: each fires the write traces and sees
        # what the previous one's traces left; an error stops there.
        state = self.state(i)
        vname, vkey = self.text(name, nlen), self.key(key, klen)
        r: st.VarResult | None = None
        for v in self.values(parts, n) or [""]:
            data = to_bytes(v)
            if self.checking:
                self.limits.check(len(data))
            r = state.var_append(vname, vkey, data)
            if self.checking and r[1] is not None:
                self.limits.check(value_size(r[1]))
            if r[0] != st.VAR_OK:
                break
        assert r is not None
        return self._out(out, r)

    def var_link(self, i: int, name: int, nlen: int, level: int, target: int, tlen: int) -> int:
        return self.state(i).var_link(self.text(name, nlen), level, self.text(target, tlen))

    def var_kind(self, i: int, name: int, nlen: int) -> int:
        return self.state(i).var_kind(self.text(name, nlen))

    # ------------------------------------------------------------ frame

    def frame_push(self, i: int, words: int, nwords: int, ns: int, nslen: int, is_ns: int) -> int:
        return self.state(i).push_frame(
            self.values(words, nwords), self.key(ns, nslen), bool(is_ns)
        )

    def frame_push_proc(
        self,
        i: int,
        words: int,
        nwords: int,
        ns: int,
        nslen: int,
        buf: int,
        spans: int,
        values: int,
        n: int,
    ) -> int:
        names: list[str] = []
        if n > 0:
            sp = self.inst.u32s(spans, 2 * n)
            text = self.text
            names = [text(buf + sp[2 * k], sp[2 * k + 1]) for k in range(n)]
        return self.state(i).push_proc_frame(
            self.values(words, nwords), self.key(ns, nslen), names, self.values(values, n)
        )

    def frame_pop(self, i: int) -> None:
        self.state(i).pop_frame()

    def frame_level(self, i: int, top: int) -> int:
        s = self.state(i)
        if top:
            self.inst.set_u32(top, s.frames[-1].level)
        return s.active.level

    def frame_activate(self, i: int, level: int) -> int:
        return self.state(i).activate(level)

    def frame_words(self, i: int, level: int) -> int:
        frame = self.state(i).frame_at(level)
        if frame is None or frame.words is None:
            return 0
        return self.new(TclList(list(frame.words)))

    # ------------------------------------------------------------ commands

    def _ns_handle(self, ns: st.Namespace) -> int:
        gen = self.scratch.gen
        if ns.hgen != gen:
            ns.hgen, ns.hname = gen, self.pinned(ns.name)
        return ns.hname

    def cmd_lookup(self, i: int, name: int, nlen: int, out: int) -> int:
        s = self.state(i)
        text = self.text(name, nlen)
        cmd = s.lookup_command(text)
        inst = self.inst
        if cmd is None:
            inst.set_u32s(out, (0, 0, 0, 0, 0, 0, 0, 0))
            return 0
        gen = self.scratch.gen
        if cmd.hgen != gen:  # handles cached for this eval: pinned, no release drops them
            self._cmd_handles(cmd, gen)
        real = cmd
        if cmd.origin is not None:  # an imported command: the original's description
            real = cmd.real()
            if real.hgen != gen:
                self._cmd_handles(real, gen)
        cacheable = 1 if s.resolves_everywhere(text, cmd) else 0
        fields = (
            real.kind,
            real.id,
            real.hparams,
            real.hbody,
            real.hns,
            cmd.hname,
            cacheable,
            1 if cmd.etraces else 0,
        )
        if 0 <= out and out + _INFO.size <= inst.size:
            _INFO.pack_into(inst.mv, out, *fields)
        else:
            inst.set_u32s(out, fields)
        return real.kind

    def _cmd_handles(self, cmd: st.Command, gen: int) -> None:
        cmd.hgen = gen
        cmd.hparams = self.pinned(cmd.params) if cmd.params is not None else 0
        cmd.hbody = self.pinned(cmd.body) if cmd.body is not None else 0
        cmd.hns = self._ns_handle(cmd.ns)
        cmd.hname = self.pinned(cmd.qualified())

    def cmd_import(self, i: int, name: int, nlen: int, target: int, tlen: int) -> int:
        return self.state(i).import_command(self.text(name, nlen), self.text(target, tlen))

    def cmd_origin(self, i: int, name: int, nlen: int, deep: int) -> int:
        found = self.state(i).command_origin(self.text(name, nlen), deep != 0)
        return 0 if found is None else self.new(found)

    def cmd_update(self, i: int, name: int, nlen: int, params: int) -> int:
        return self.state(i).update_command(self.text(name, nlen), self.get(params))

    def proc_define(
        self, i: int, name: int, nlen: int, kind: int, ident: int, params: int, body: int
    ) -> int:
        return self.state(i).define(
            self.text(name, nlen),
            kind,
            ident,
            self.get(params) if params else None,
            self.get(body) if body else None,
        )

    def cmd_rename(self, i: int, old: int, olen: int, new: int, nlen: int) -> int:
        return self.state(i).rename(self.text(old, olen), self.text(new, nlen) if nlen else "")

    def cmd_invoke(self, i: int, ident: int, argv: int, argc: int, result: int) -> int:
        code, value = self.rt.core(i).invoke(ident, self.values(argv, argc))
        if self.checking:
            self.limits.check(value_size(value))
        self.inst.set_u32(result, self.new(value))
        return code

    def names(self, i: int, which: int, ns: int, nslen: int) -> int:
        s = self.state(i)
        if which == _NAMES_ELEMENTS:
            return self.new(TclList(s.array_keys(self.text(ns, nslen)) if nslen >= 0 else []))
        where = None
        if nslen >= 0:
            where = s.find_ns(self.text(ns, nslen))
            if where is None:
                return self.new(TclList([]))
        if which == _NAMES_COMMANDS or which == _NAMES_PROCS:
            names = s.command_names(where, which == _NAMES_PROCS)
        elif which == _NAMES_VARS:
            # An explicit namespace (info vars ns::*): its variables, fully qualified.
            names = s.var_names("vars") if where is None else s.ns_var_names(where)
        elif which == _NAMES_LOCALS:
            names = s.var_names("locals")
        elif which == _NAMES_GLOBALS:
            names = s.var_names("globals")
        elif which == _NAMES_CHILDREN:
            names = s.children(where or s.active.ns)
        else:
            names = []
        return self.new(TclList(list(names)))

    # ------------------------------------------------------------ namespaces

    def ns_current(self, i: int) -> int:
        return self._ns_handle(self.state(i).active.ns)

    def ns_resolve(self, i: int, name: int, nlen: int, create: int) -> int:
        s = self.state(i)
        text = self.text(name, nlen)
        ns = s.create_ns(text) if create else s.find_ns(text)
        return 0 if ns is None else self._ns_handle(ns)

    def ns_delete(self, i: int, name: int, nlen: int) -> int:
        return 0 if self.state(i).delete_ns(self.text(name, nlen)) else 1

    def ns_attr(self, i: int, which: int, ns: int, nslen: int, value: int) -> int:
        s = self.state(i)
        where = s.active.ns if nslen < 0 else s.find_ns(self.text(ns, nslen))
        if where is None:
            return 0
        return self.new(s.ns_attr(where, which, self.get(value) if value else None))

    # ------------------------------------------------------------ traces

    def _ops(self, h: int) -> list[str]:
        elems = self.elements(h)
        if elems is None:
            return to_str(self.get(h)).split()
        return [to_str(e) for e in elems]

    def trace_add(self, i: int, kind: int, name: int, nlen: int, ops: int, script: int) -> int:
        return self.state(i).trace_add(
            kind, self.text(name, nlen), self._ops(ops), to_str(self.get(script))
        )

    def trace_remove(self, i: int, kind: int, name: int, nlen: int, ops: int, script: int) -> int:
        return self.state(i).trace_remove(
            kind, self.text(name, nlen), self._ops(ops), to_str(self.get(script))
        )

    def trace_info(self, i: int, kind: int, name: int, nlen: int) -> int:
        return self.new(self.state(i).trace_info(kind, self.text(name, nlen)))

    # ------------------------------------------------------------ scratch

    def scratch_mark(self, i: int) -> int:
        return len(self.objs)

    def scratch_release(self, i: int, mark: int, keep: int) -> int:
        objs = self.objs
        mark &= _U32
        if mark >= len(objs):
            return keep
        kept = objs[keep - 1] if mark < keep <= len(objs) else None
        self.scratch.release(mark)
        encoded = self.encoded
        if encoded:
            self.encoded = {h: b for h, b in encoded.items() if h <= mark or h > PIN_BASE}
        if kept is not None:
            objs.append(kept)
            return len(objs)
        return keep

    def pin(self, i: int, o: int) -> int:
        if o > PIN_BASE or o == 0:
            return o
        return self.pinned(self.get(o))

    # ------------------------------------------------------------ interp

    def interp_set_result(self, i: int, result: int) -> None:
        self.rt.core(i).result = self.get(result) if result else ""

    def interp_limit(self, i: int) -> int:
        return self.rt.core(i).limit

    def interp_poll(self, i: int, message: int) -> int:
        """May the running eval go on? 2 or 3 stop it with *message (limits.py).
        Asked about the native stack (*message FEATHER_POLL_STACK): wasmtime's (4 MiB,
        _wasm.py) and the native backend's C stack hold the core's own bounds: room."""
        if self.inst.u32s(message, 1)[0] == POLL_STACK:
            return 0
        stop = self.limits.poll()
        if stop is None:
            return 0
        self.inst.set_u32(message, self.new(stop))
        return stop_kind(stop)
