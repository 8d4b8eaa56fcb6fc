"""The object store: Tcl values, the scratch handle table, materialize and wrap.

Value model (every value is immutable in meaning):

- ``str``: a string; ``int``: an integer (any size); ``float``: a double.
- :class:`TclList`: a list. Its elements are ``items[:n]``; ``items`` may be longer
  when another list was made by appending to this one (see below).
- :class:`TclDict`: a dict; keys are strings, insertion ordered.
- :class:`Text`: a string being built by ``append``: UTF-8 bytes ``buf[:n]``.

Copy-on-write by ownership of the tail: a list whose ``n`` equals ``len(items)``
owns the end of its backing list, so appending extends ``items`` in place and
returns a new :class:`TclList` with a larger ``n``; every older value still sees its
own prefix, unchanged. Appending to a list that does not own the tail copies its
prefix first. So a handle, a variable and a list element can share one value, a
``lappend`` loop is linear, and no value ever changes under a holder. ``Text`` uses
the same rule on a ``bytearray``.

Scratch handles: :class:`Scratch` maps a handle (``index + 1``; 0 is nil) to a value.
It is cleared when the outermost eval on the WASM instance returns.
``materialize`` (handle -> value) and ``wrap`` (value -> fresh handle) store and
return the same Python object: O(1), no per-element copy.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

__all__ = [
    "PIN_BASE",
    "Scratch",
    "TclDict",
    "TclList",
    "Text",
    "Value",
    "decode",
    "encode",
    "format_double",
    "format_list",
    "from_python",
    "as_list",
    "list_items_of",
    "remember_list",
    "quote_element",
    "to_bytes",
    "to_str",
]


class TclList:
    """A Tcl list: the first ``n`` elements of ``items`` (values, not handles)."""

    __slots__ = ("items", "n", "rep")

    def __init__(self, items: list[Value], n: int | None = None, rep: str | None = None) -> None:
        self.items = items
        self.n = len(items) if n is None else n
        self.rep = rep  # cached string rep (the parsed string for a list made from text)

    def elements(self) -> list[Value]:
        """The elements as a fresh Python list (O(n))."""
        items = self.items
        return items[: self.n] if len(items) != self.n else list(items)

    def append(self, new: Sequence[Value]) -> TclList:
        """This list with ``new`` appended; extends the backing in place when this
        value owns its tail (amortised O(len(new)))."""
        items, n = self.items, self.n
        if len(items) == n:
            items.extend(new)
        else:
            items = items[:n]
            items.extend(new)
        return TclList(items, n + len(new))

    def __repr__(self) -> str:
        return f"TclList({self.items[: self.n]!r})"


class _Diff:
    """An older dict version: its base with ``key`` restored (``had``: to ``old``)."""

    __slots__ = ("base", "key", "had", "old")

    def __init__(self, base: TclDict, key: str, had: bool, old: Value | None) -> None:
        self.base = base
        self.key = key
        self.had = had
        self.old = old


class TclDict:
    """A Tcl dict: string keys in insertion order.

    Persistent by Baker's trick (twin of js/values.js): ``put`` moves the Python
    dict to the new version in O(1) and leaves this one a diff against it;
    reading an older version later moves the dict back along the chain
    (``_reroot``). So a ``dict set`` loop is linear and every version keeps its
    meaning."""

    __slots__ = ("m", "diff", "rep", "lst", "fl")

    def __init__(self, d: dict[str, Value], rep: str | None = None) -> None:
        self.m: dict[str, Value] | None = d  # None while this version is a diff
        self.diff: _Diff | None = None
        self.rep = rep
        # The list this dict was made from when that list had duplicate keys: its
        # list rep is then that list, not the canonical key/value list.
        self.lst: TclList | None = None
        # This version's list rep once made (as_list): a version never changes meaning.
        self.fl: TclList | None = None

    @property
    def d(self) -> dict[str, Value]:
        """The entries (read them, never change them)."""
        m = self.m
        if m is None:
            _reroot(self)
            m = self.m
            assert m is not None
        return m

    def put(self, key: str, value: Value | None) -> TclDict:
        """This dict with key set to value (None: key removed). Removing a key
        copies: a dict cannot put a key back at its old position."""
        m = self.d
        if value is None:
            copy = dict(m)
            copy.pop(key, None)
            return TclDict(copy)
        nxt = TclDict(m)
        had = key in m
        self.diff = _Diff(nxt, key, had, m.get(key))
        self.m = None
        m[key] = value
        return nxt

    def flat(self) -> list[Value]:
        """The dict as a flat key/value list (its list rep)."""
        if self.lst is not None:
            return self.lst.elements()
        out: list[Value] = []
        for k, v in self.d.items():
            out.append(k)
            out.append(v)
        return out

    def __repr__(self) -> str:
        return f"TclDict({self.d!r})"


def _reroot(d: TclDict) -> None:
    """Move the entries of a chain of dict versions to version d."""
    chain: list[TclDict] = []
    node = d
    while node.m is None:
        chain.append(node)
        assert node.diff is not None
        node = node.diff.base
    for c in reversed(chain):
        diff = c.diff
        assert diff is not None
        b = diff.base  # holds the entries now
        m = b.m
        assert m is not None
        b.diff = _Diff(c, diff.key, diff.key in m, m.get(diff.key))
        b.m = None
        if diff.had:
            m[diff.key] = diff.old  # type: ignore[assignment]
        else:
            m.pop(diff.key, None)
        c.m = m
        c.diff = None


class Text:
    """A string built by ``append``: UTF-8 bytes ``buf[:n]``, same tail-ownership
    rule as :class:`TclList`."""

    __slots__ = ("buf", "n", "s")

    def __init__(self, buf: bytearray, n: int | None = None) -> None:
        self.buf = buf
        self.n = len(buf) if n is None else n
        self.s: str | None = None  # cached decoded string

    def append(self, data: bytes) -> Text:
        buf, n = self.buf, self.n
        if len(buf) != n:
            buf = buf[:n]
        buf += data
        return Text(buf, n + len(data))

    def bytes(self) -> bytes:
        return bytes(self.buf[: self.n]) if len(self.buf) != self.n else bytes(self.buf)

    def __repr__(self) -> str:
        return f"Text({to_str(self)!r})"


Value = str | int | float | TclList | TclDict | Text


# ---------------------------------------------------------------- UTF-8


def decode(data: bytes | bytearray | memoryview) -> str:
    """UTF-8 from the core to str; bytes that are not UTF-8 survive a round trip."""
    return str(data, "utf-8", "surrogateescape")


def encode(s: str) -> bytes:
    try:
        return s.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate from Python code
        return s.encode("utf-8", "surrogatepass")


# ---------------------------------------------------------------- doubles


def format_double(x: float) -> str:
    """A double as Tcl 8.6 prints it (tcl_precision 0): shortest round-trip digits,
    exponent form below 1e-4 and from 1e17 ("1e-5", "1e+17"), "Inf", "-Inf", "NaN"
    ("-NaN" with the sign bit), integral values ending in ".0"."""
    r = repr(x)
    if "e" not in r:
        if r[-1] in "nf":  # nan, inf, -inf
            if x != x:
                return "-NaN" if math.copysign(1.0, x) < 0 else "NaN"
            return "Inf" if x > 0 else "-Inf"
        return r  # Python's fixed form (1e-4 <= |x| < 1e16) is Tcl's
    sign = ""
    if r[0] == "-":
        sign, r = "-", r[1:]
    mant, _, e = r.partition("e")
    whole, _, frac = mant.partition(".")
    digits = (whole + frac).rstrip("0")
    point = len(whole) + int(e)  # value = 0.<digits> * 10**point with whole's leading digit
    stripped = digits.lstrip("0")
    point -= len(digits) - len(stripped)
    digits = stripped
    sci = point - 1
    if sci < -4 or sci > 16:
        m = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        return f"{sign}{m}e{'+' if sci >= 0 else '-'}{abs(sci)}"
    if point <= 0:
        return f"{sign}0.{'0' * -point}{digits}"
    if point >= len(digits):
        return f"{sign}{digits}{'0' * (point - len(digits))}.0"
    return f"{sign}{digits[:point]}.{digits[point:]}"


# ---------------------------------------------------------------- list formatting

# Characters that make an element need braces or backslashes (Tcl's TclScanElement).
_SPECIAL = re.compile(r'[{}\[\]"$;\\ \f\n\r\t\v]')
_ESCAPES = {
    "]": "\\]",
    "[": "\\[",
    "$": "\\$",
    ";": "\\;",
    " ": "\\ ",
    "\\": "\\\\",
    '"': '\\"',
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
}
_ESCAPE_RE = re.compile(r'[\]\[$; \\"\f\n\r\t\v]')
_ESCAPE_ALL_RE = re.compile(r'[\]\[$; \\"\f\n\r\t\v{}]')
_ESCAPES_ALL = dict(_ESCAPES, **{"{": "\\{", "}": "\\}"})


def quote_element(s: str, first: bool = False) -> str:
    """One list element quoted as Tcl 8.6 does (Tcl_Merge / the list string rep).
    ``first``: the element begins the list, so a leading '#' is quoted."""
    if not s:
        return "{}"
    if _SPECIAL.search(s) is None:
        if first and s[0] == "#":
            return "{" + s + "}"
        return s
    return _quote_special(s, first)


def _quote_special(s: str, first: bool) -> str:
    hash_quote = first and s[0] == "#"
    forbid_none = False
    require_escape = False
    prefer_escape = False
    prefer_brace = hash_quote
    if s[0] in '{"':
        forbid_none = prefer_brace = True
    nesting = 0
    i, length = 0, len(s)
    while i < length:
        c = s[i]
        if c == "{":
            nesting += 1
        elif c == "}":
            nesting -= 1
            if nesting < 0:
                require_escape = True
        elif c in '"]':
            forbid_none = prefer_escape = True
        elif c in "[$; \f\n\r\t\v":
            forbid_none = prefer_brace = True
        elif c == "\\":
            if i + 1 == length:
                require_escape = True
            elif s[i + 1] == "\n":
                require_escape = True
                i += 1
            else:
                if s[i + 1] in "{}\\":
                    i += 1
                forbid_none = prefer_brace = True
        i += 1
    if nesting != 0:
        require_escape = True
    if require_escape:
        body = _ESCAPE_ALL_RE.sub(lambda m: _ESCAPES_ALL[m.group()], s)
        return "\\" + body if hash_quote else body
    if forbid_none:
        if prefer_escape and not prefer_brace:
            # Quoting only for ] or an inner ": escape all but braces (CONVERT_MASK).
            return _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group()], s)
        return "{" + s + "}"
    if hash_quote:
        return "{" + s + "}"
    return s


def format_list(items: Iterable[Value]) -> str:
    """The string rep of a list, as Tcl 8.6 formats it."""
    out: list[str] = []
    first = True
    for v in items:
        if type(v) is int:
            out.append(str(v))
        else:
            out.append(quote_element(to_str(v), first))
        first = False
    return " ".join(out)


# ---------------------------------------------------------------- conversions


def _elements(v: TclList | TclDict) -> list[Value]:
    if isinstance(v, TclList):
        items = v.items
        return items if len(items) == v.n else items[: v.n]
    return v.flat()


def _fill_reps(root: TclList | TclDict) -> None:
    """Give root and the lists and dicts nested in it their string reps,
    innermost first, without recursion: a list nested 100,000 deep is fine."""
    stack: list[tuple[TclList | TclDict, bool]] = [(root, False)]
    while stack:
        node, ready = stack.pop()
        if ready:
            if node.rep is None:
                node.rep = format_list(_elements(node))
            continue
        stack.append((node, True))
        for child in _elements(node):
            if isinstance(child, (TclList, TclDict)) and child.rep is None:
                stack.append((child, False))


def to_str(v: Value) -> str:
    """The string rep of any value."""
    t = type(v)
    if t is str:
        return v  # type: ignore[return-value]
    if t is int:
        return str(v)
    if t is TclList:
        lst: TclList = v  # type: ignore[assignment]
        rep = lst.rep
        if rep is None:
            _fill_reps(lst)
            rep = lst.rep
            assert rep is not None
        return rep
    if t is float:
        return format_double(v)  # type: ignore[arg-type]
    if t is Text:
        txt: Text = v  # type: ignore[assignment]
        s = txt.s
        if s is None:
            s = txt.s = decode(memoryview(txt.buf)[: txt.n])
        return s
    if t is TclDict:
        d: TclDict = v  # type: ignore[assignment]
        if d.rep is None:
            _fill_reps(d)
        assert d.rep is not None
        return d.rep
    if isinstance(v, bool):
        return "1" if v else "0"
    return str(v)


def to_bytes(v: Value) -> bytes:
    """The string rep of any value as UTF-8."""
    if type(v) is Text:
        return v.bytes()
    return encode(to_str(v))


# Pinned scratch handles start above this (ordinary ones stay far below it).
PIN_BASE = 1 << 30

# Parsed lists by string: the core parses a string's list rep once (the host
# installs it with list_from_spans); later uses of an equal string, e.g. a literal
# list or a proc's argument list in another eval, find it here. Bounded.
_PARSED: dict[str, TclList] = {}
_PARSED_ENTRIES = 1024
_PARSED_MAX_LEN = 4096


def remember_list(s: str, lst: TclList) -> None:
    """Record that string s parses as list lst."""
    if len(s) <= _PARSED_MAX_LEN:
        if len(_PARSED) >= _PARSED_ENTRIES:
            _PARSED.clear()
        _PARSED[s] = lst


def as_list(v: Value) -> TclList | None:
    """v as a TclList when it has a list rep or a remembered parse, else None. A
    number is a one-element list; the empty string is the empty list."""
    t = type(v)
    if t is TclList:
        return v  # type: ignore[return-value]
    if t is TclDict:
        d: TclDict = v  # type: ignore[assignment]
        if d.lst is not None:
            return d.lst
        if d.fl is None:
            d.fl = TclList(d.flat())
        return d.fl
    if t is int or t is float:
        return TclList([v])
    s = to_str(v)
    if not s:
        return TclList([], 0, "")
    return _PARSED.get(s)


def list_items_of(v: Value) -> list[Value] | None:
    """The elements of v (a fresh Python list) when it has a list rep, else None."""
    lst = as_list(v)
    return None if lst is None else lst.elements()


def from_python(obj: object) -> Value:
    """A Python value returned by an embedder command as a Tcl value."""
    if obj is None:
        return ""
    if isinstance(obj, bool):
        return "1" if obj else "0"
    if isinstance(obj, (str, int, float, TclList, TclDict, Text)):
        return obj
    if isinstance(obj, (list, tuple)):
        return TclList([from_python(x) for x in obj])
    if isinstance(obj, dict):
        return TclDict({to_str(from_python(k)): from_python(x) for k, x in obj.items()})
    return str(obj)


def is_finite_int64(v: int) -> bool:
    return -(1 << 63) <= v < (1 << 63)


# ---------------------------------------------------------------- scratch handles


class Scratch:
    """The scratch handle table of one WASM instance.

    Two handle spaces: ordinary handles ``1..len(objs)`` (``objs[h - 1]``), which a
    release to a mark drops, and pinned handles from ``PIN_BASE`` up
    (``pins[h - PIN_BASE - 1]``), which live until the outermost eval returns. 0 is
    nil. Both are cleared after each outermost eval.
    """

    __slots__ = ("objs", "pins", "gen", "high_water")

    def __init__(self) -> None:
        self.objs: list[Value] = []
        self.pins: list[Value] = []
        self.gen = 0  # bumped on every reset: caches of handles compare it
        self.high_water = 0  # the most handles one outermost eval has held at once

    def new(self, v: Value) -> int:
        """A fresh handle to v (O(1): the same object, never a copy). Lifetime: until a
        release to a mark taken before it, or the reset after the outermost eval. v itself
        must never be changed in place (variables and other handles may share it)."""
        objs = self.objs
        objs.append(v)
        return len(objs)

    def pin(self, v: Value) -> int:
        """A fresh handle to v that no release drops: it dies at the reset after the
        outermost eval."""
        pins = self.pins
        pins.append(v)
        return PIN_BASE + len(pins)

    def get(self, h: int) -> Value | None:
        """The value of handle h, or None for nil or a stale handle."""
        if 0 < h <= len(self.objs):
            return self.objs[h - 1]
        if h > PIN_BASE and h - PIN_BASE <= len(self.pins):
            return self.pins[h - PIN_BASE - 1]
        return None

    def set(self, h: int, v: Value) -> None:
        """Give handle h another rep of the same value (a parsed list, a dict)."""
        if 0 < h <= len(self.objs):
            self.objs[h - 1] = v
        elif h > PIN_BASE and h - PIN_BASE <= len(self.pins):
            self.pins[h - PIN_BASE - 1] = v

    def mark(self) -> int:
        """A mark for release: the ordinary handles made after it die there."""
        return len(self.objs)

    def release(self, mark: int) -> None:
        """Drop the ordinary handles made after mark."""
        objs = self.objs
        if len(objs) > self.high_water:
            self.high_water = len(objs)
        del objs[mark:]

    def reset(self) -> None:
        """Forget every handle, ordinary and pinned (only after the outermost eval)."""
        n = len(self.objs) + len(self.pins)
        if n > self.high_water:
            self.high_water = n
        self.objs.clear()  # in place: the import table holds these lists
        self.pins.clear()
        self.gen += 1

    def __len__(self) -> int:
        return len(self.objs) + len(self.pins)

    # The seed's names, for tests and readers of the design.
    def materialize(self, h: int) -> Value | None:
        """The value behind h, to store persistently (O(1): the same object). The value
        outlives the eval; h does not: store the value, never h."""
        return self.get(h)

    def wrap(self, v: Value | None) -> int:
        """A fresh scratch handle for a persistent value (O(1)); None gives 0. The handle
        lives until the outermost eval returns."""
        if v is None:
            return 0
        return self.new(v)
