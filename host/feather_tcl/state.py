"""Interpreter state: namespaces, frames, variables (arrays, links), commands, traces.

Everything here outlives a top-level eval except frames above the global frame,
which hold raw handles (the words of their command) and are always popped before
the outermost eval returns. Persistent storage holds values (see values.py), never
handles. Variable links name their target (the variable table of a frame or
namespace plus a name), never a handle, so a target that is unset and set again is
still the link's target, as in Tcl.

Resolution follows Tcl 8.6:
- a qualified name (``a::b``, ``::a::b``) resolves its namespace relative to the
  active namespace, then to the global namespace;
- an unqualified variable name in a proc frame is a local; in a namespace frame it
  is a variable of that namespace, or of the global namespace when only that one
  has it (Tcl 8.6's lookup rule for ``namespace eval``);
- an unqualified command name is looked up in the active namespace, then globally.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from feather_tcl.values import (
    TclList,
    Text,
    Value,
    list_items_of,
    quote_element,
    to_bytes,
    to_str,
)

# Status of variable operations (host.h FEATHER_VAR_*).
VAR_OK: Final = 0
VAR_NO_SUCH_VAR: Final = 1
VAR_NO_SUCH_ELEMENT: Final = 2
VAR_IS_ARRAY: Final = 3
VAR_NOT_ARRAY: Final = 4
VAR_NO_NAMESPACE: Final = 5
VAR_TRACE_ERROR: Final = 6
VAR_NOT_INT: Final = 7
VAR_NOT_LIST: Final = 8
VAR_EXISTS: Final = 9
VAR_SELF: Final = 10

# Kinds of command (FEATHER_CMD_*).
CMD_NONE: Final = 0
CMD_BUILTIN: Final = 1
CMD_PROC: Final = 2
CMD_HOST: Final = 3
CMD_ENSEMBLE: Final = 4

# Namespace attributes (FEATHER_NS_*).
NS_EXPORT: Final = 0
NS_PATH: Final = 1
NS_UNKNOWN: Final = 2

# Tcl completion codes.
TCL_OK: Final = 0
TCL_ERROR: Final = 1
TCL_RETURN: Final = 2
TCL_BREAK: Final = 3
TCL_CONTINUE: Final = 4

# Trace kinds (feather_host_trace_*).
TRACE_VARIABLE: Final = 0
TRACE_COMMAND: Final = 1
TRACE_EXECUTION: Final = 2

# Canonical order of trace operations, as ``trace info`` lists them.
_OP_ORDER: Final = {
    TRACE_VARIABLE: ("array", "read", "write", "unset"),
    TRACE_COMMAND: ("rename", "delete"),
    TRACE_EXECUTION: ("enter", "leave", "enterstep", "leavestep"),
}

_SEP = re.compile(r"::+")
_LINK_DEPTH: Final = 1000  # a longer chain of links is a cycle

# Runs a script in the interp (nested, never resetting memory): (code, result).
Evaluator = Callable[[str], "tuple[int, Value]"]


def split_name(name: str) -> tuple[bool, list[str], str]:
    """(absolute, namespace path, tail) of a possibly qualified name."""
    parts = _SEP.split(name)
    absolute = parts[0] == "" and name.startswith("::")
    if absolute:
        parts = parts[1:]
    return absolute, [p for p in parts[:-1] if p], parts[-1] if parts else ""


def split_element(name: str) -> tuple[str, str | None]:
    """Split ``a(k)`` into ("a", "k"); other names give (name, None)."""
    if name.endswith(")"):
        i = name.find("(")
        if i > 0:
            return name[:i], name[i + 1 : -1]
    return name, None


class Trace:
    __slots__ = ("ops", "script")

    def __init__(self, ops: tuple[str, ...], script: str) -> None:
        self.ops = ops  # canonical order
        self.script = script


class Link:
    """Where a linked variable points: a variable table, a name, maybe an element."""

    __slots__ = ("table", "name", "key", "ns")

    def __init__(
        self, table: dict[str, Var], name: str, key: str | None, ns: Namespace | None
    ) -> None:
        self.table = table
        self.name = name
        self.key = key
        self.ns = ns  # the namespace owning `table`, if any (dead when deleted)


class Var:
    """A variable: a scalar (``value``), an array (``arr``), a link, or undefined
    (both None) while traces or a ``variable`` declaration keep it."""

    __slots__ = ("value", "arr", "link", "traces", "etraces", "busy", "declared")

    def __init__(self) -> None:
        self.value: Value | None = None
        self.arr: dict[str, Value] | None = None
        self.link: Link | None = None
        self.traces: list[Trace] | None = None
        self.etraces: dict[str, list[Trace]] | None = None  # per-element traces
        self.busy = False  # a trace on this variable is running
        self.declared = False  # made by `variable`: listed by info vars while undefined

    def defined(self) -> bool:
        return self.value is not None or self.arr is not None


class Namespace:
    __slots__ = (
        "name",
        "parent",
        "children",
        "vars",
        "commands",
        "dead",
        "hgen",
        "hname",
        "exports",
        "path",
        "unknown",
    )

    def __init__(self, name: str, parent: Namespace | None) -> None:
        self.name = name  # fully qualified, "::" for the global namespace
        self.parent = parent
        self.children: dict[str, Namespace] = {}
        self.vars: dict[str, Var] = {}
        self.commands: dict[str, Command] = {}
        self.dead = False
        self.hgen = -1  # scratch generation of the cached handle to `name`
        self.hname = 0
        self.exports: Value = TclList([])  # namespace export patterns
        self.path: list[Namespace] = []  # namespace path (dead ones are skipped)
        self.unknown: Value = ""  # namespace unknown handler ("" when none)

    def qualify(self, tail: str) -> str:
        return ("::" if self.name == "::" else self.name + "::") + tail


class Command:
    __slots__ = (
        "kind",
        "id",
        "params",
        "body",
        "ns",
        "name",
        "traces",
        "etraces",
        "hgen",
        "hparams",
        "hbody",
        "hns",
        "hname",
        "origin",
        "importers",
    )

    def __init__(
        self,
        kind: int,
        ident: int,
        params: Value | None,
        body: Value | None,
        ns: Namespace,
        name: str,
    ) -> None:
        self.kind = kind
        self.id = ident
        self.params = params
        self.body = body
        self.ns = ns
        self.name = name  # simple name inside ns
        self.traces: list[Trace] | None = None  # rename/delete traces
        self.etraces: list[Trace] | None = None  # execution traces (fired by the core)
        self.hgen = -1  # scratch generation of the cached handles below
        self.hparams = 0
        self.hbody = 0
        self.hns = 0
        self.hname = 0
        self.origin: Command | None = None  # an imported command: what it imports
        self.importers: list[Command] | None = None  # commands imported from this one

    def qualified(self) -> str:
        return self.ns.qualify(self.name)  # (cached by cmd_lookup's handle cache)

    def real(self) -> Command:
        """The command at the end of this command's chain of imports."""
        cmd = self
        for _ in range(_LINK_DEPTH):
            if cmd.origin is None:
                break
            cmd = cmd.origin
        return cmd


class Frame:
    __slots__ = ("level", "ns", "locals", "words", "caller")

    def __init__(
        self,
        level: int,
        ns: Namespace,
        local_vars: dict[str, Var] | None,
        words: list[Value] | None,
        caller: Frame | None,
    ) -> None:
        self.level = level
        self.ns = ns
        self.locals = local_vars  # a proc frame's variables; None for a namespace frame
        self.words = words  # the words of the invoking command (values, for info level)
        self.caller = caller  # the frame that was active when this one was pushed


# Outcome of a variable operation: (status, value or trace error message or None).
VarResult = tuple[int, "Value | None"]


class State:
    """The persistent state of one interpreter."""

    def __init__(self, evaluate: Evaluator | None = None) -> None:
        self.global_ns = Namespace("::", None)
        self.namespaces: dict[str, Namespace] = {"::": self.global_ns}
        self.global_frame = Frame(0, self.global_ns, None, None, None)
        self.frames: list[Frame] = [self.global_frame]
        self.active = self.global_frame
        self.history: list[Frame] = []  # frames made inactive by frame_activate
        self.evaluate = evaluate
        # Called when a command lookup could answer differently than before (a
        # command defined, renamed or deleted; a namespace created or deleted).
        self.on_change: Callable[[], None] | None = None
        # Simple name -> how many namespaces other than :: define a command so named.
        self._shadows: dict[str, int] = {}
        # Ensemble commands (each dies with the namespace it serves).
        self._ensembles: set[Command] = set()
        # The traced variable whose lappend the core retries (after NOT_LIST): its
        # read trace has fired once already.
        self._lappend_retry: Var | None = None

    # ------------------------------------------------------------ namespaces

    def find_ns(self, name: str, base: Namespace | None = None) -> Namespace | None:
        """A namespace by name: absolute, or relative to base (default: the active
        namespace) and then to the global namespace."""
        if name == "::" or name == "":
            return self.global_ns if name == "::" else (base or self.active.ns)
        absolute, path, tail = split_name(name)
        if tail:
            path = [*path, tail]
        if absolute:
            return self._walk(self.global_ns, path)
        start = base or self.active.ns
        found = self._walk(start, path)
        if found is None and start is not self.global_ns:
            found = self._walk(self.global_ns, path)
        return found

    @staticmethod
    def _walk(ns: Namespace, path: list[str]) -> Namespace | None:
        for part in path:
            child = ns.children.get(part)
            if child is None:
                return None
            ns = child
        return ns

    def create_ns(self, name: str) -> Namespace:
        """Find or create a namespace (relative names under the active one)."""
        found = self.find_ns(name)
        if found is not None:
            return found
        absolute, path, tail = split_name(name)
        if tail:
            path = [*path, tail]
        return self._make_path(self.global_ns if absolute else self.active.ns, path)

    def _make_path(self, ns: Namespace, path: list[str]) -> Namespace:
        """The namespace path names below ns, each created where missing."""
        for part in path:
            child = ns.children.get(part)
            if child is None:
                child = Namespace(ns.qualify(part), ns)
                ns.children[part] = child
                self.namespaces[child.name] = child
                self._changed()
            ns = child
        return ns

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

    def delete_ns(self, name: str) -> bool:
        ns = self.namespaces.get(name) if name.startswith("::") else self.find_ns(name)
        if ns is None or ns is self.global_ns:
            return False
        self._delete_tree(ns)
        if ns.parent is not None:
            ns.parent.children.pop(ns.name.rsplit("::", 1)[1], None)
        self._changed()
        return True

    def _delete_tree(self, ns: Namespace) -> None:
        for child in list(ns.children.values()):
            self._delete_tree(child)
        for ens in list(self._ensembles):
            if to_str(ens.body or "") == ns.name:
                self.delete_command(ens)
        for name in list(ns.commands):
            cmd = ns.commands.get(name)
            if cmd is not None:
                self.delete_command(cmd)
        for name, var in list(ns.vars.items()):
            if var.traces:
                self._fire_list(var.traces, ns.qualify(name), None, "unset")
        ns.vars.clear()
        ns.children.clear()
        ns.dead = True
        self.namespaces.pop(ns.name, None)

    def qualified_target(self, name: str, base: Namespace) -> tuple[Namespace | None, str]:
        """(namespace, tail) of a qualified name as seen from namespace base."""
        absolute, path, tail = split_name(name)
        if absolute:
            return self._walk(self.global_ns, path), tail
        found = self._walk(base, path)
        if found is None and base is not self.global_ns:
            found = self._walk(self.global_ns, path)
        return found, tail

    def _var_target(self, name: str, base: Namespace) -> tuple[Namespace | None, str]:
        """Where a qualified variable name lives, as Tcl finds it: a relative name
        in the namespace under base when it exists there, else under the global
        namespace when it exists there, else (to be created) under base only."""
        absolute, path, tail = split_name(name)
        if absolute:
            return self._walk(self.global_ns, path), tail
        ns = self._walk(base, path)
        if base is not self.global_ns and (ns is None or tail not in ns.vars):
            alt = self._walk(self.global_ns, path)
            if alt is not None and tail in alt.vars:
                return alt, tail
        return ns, tail

    def _new_target(self, name: str) -> tuple[Namespace | None, str]:
        """Where a command is created: a relative qualified name under the active
        namespace only, as in Tcl."""
        absolute, path, tail = split_name(name)
        return self._walk(self.global_ns if absolute else self.active.ns, path), tail

    # ------------------------------------------------------------ frames

    def push_frame(self, words: list[Value] | None, ns_name: str | None, is_ns: bool) -> int:
        active = self.active
        ns = active.ns
        if ns_name is not None:
            ns = self.namespaces.get(ns_name) or self.find_ns(ns_name) or ns
        frame = Frame(active.level + 1, ns, None if is_ns else {}, words, active)
        self.frames.append(frame)
        self.active = frame
        return frame.level

    def push_proc_frame(
        self, words: list[Value], ns_name: str | None, names: list[str], values: list[Value]
    ) -> int:
        """push_frame of a proc frame with its arguments as locals: names are simple
        (no "::") and the frame is new, so no link or trace can be involved."""
        level = self.push_frame(words, ns_name, False)
        local_vars = self.active.locals
        assert local_vars is not None
        for name, value in zip(names, values, strict=True):
            v = Var()
            v.value = value
            local_vars[name] = v
        if len(local_vars) < len(names):
            # A repeated parameter name: the first one's argument is the value (as in Tcl).
            for name, value in reversed(list(zip(names, values, strict=True))):
                local_vars[name].value = value
        return level

    def pop_frame(self) -> None:
        if len(self.frames) > 1:
            frame = self.frames.pop()
            self.active = frame.caller or self.global_frame
            while self.history and self.history[-1] is frame:
                self.history.pop()
            if frame.locals:
                self._unset_locals(frame)

    def frame_at(self, level: int) -> Frame | None:
        """The frame at an absolute level, along the chain of callers of the active
        frame (as Tcl's uplevel and upvar address frames)."""
        frame: Frame | None = self.active
        if level > frame.level or level < 0:  # type: ignore[union-attr]
            return None
        while frame is not None and frame.level > level:
            frame = frame.caller
        return frame

    def activate(self, level: int) -> int:
        """Make the frame at `level` active (uplevel) or, when it is the frame an
        earlier activate made inactive, reactivate it. Returns the previous level or
        -1 when there is no such frame."""
        previous = self.active
        found = self.frame_at(level)
        history = self.history
        if history and history[-1].level == level and (found is None or found is history[-1]):
            self.active = history.pop()
            return previous.level
        if found is None:
            return -1
        history.append(previous)
        self.active = found
        return previous.level

    def reset_frames(self) -> None:
        """Back to the global frame (after the outermost eval, whatever happened)."""
        del self.frames[1:]
        self.active = self.global_frame
        self.history.clear()

    def _unset_locals(self, frame: Frame) -> None:
        """A proc's locals die with its frame: their unset traces fire once it is
        gone (as in Tcl); links are not the variables they name."""
        assert frame.locals is not None
        for name, var in list(frame.locals.items()):
            if var.link is not None or not (var.traces or var.etraces) or var.busy:
                continue
            del frame.locals[name]
            var.busy = True
            try:
                if var.arr is not None and var.etraces:
                    for k in list(var.arr):
                        self._fire_list(var.etraces.get(k), name, k, "unset")
                self._fire_list(var.traces, name, None, "unset")
            finally:
                var.busy = False

    # ------------------------------------------------------------ variable lookup

    def _table(
        self, name: str, frame: Frame
    ) -> tuple[dict[str, Var] | None, str, Namespace | None]:
        """The variable table holding `name` as seen from `frame`, and the simple name."""
        if "::" in name:
            ns, tail = self._var_target(name, frame.ns)
            if ns is None:
                return None, tail, None
            return ns.vars, tail, ns
        if frame.locals is not None:
            return frame.locals, name, None
        ns = frame.ns
        if ns is not self.global_ns and name not in ns.vars:
            gvars = self.global_ns.vars
            if name in gvars:
                return gvars, name, self.global_ns
        return ns.vars, name, ns

    def locate(self, name: str) -> tuple[dict[str, Var] | None, str, str | None]:
        """Follow links from `name` in the active frame: (table, name, element key
        imposed by a link to an array element). table None: no such namespace."""
        table, tail, _ns = self._table(name, self.active)
        key: str | None = None
        for _ in range(_LINK_DEPTH):
            if table is None:
                return None, tail, None
            var = table.get(tail)
            if var is None or var.link is None:
                return table, tail, key
            link = var.link
            if link.ns is not None and link.ns.dead:
                return None, link.name, None
            table, tail, key = link.table, link.name, link.key
        return None, tail, None

    def find_var(self, name: str) -> Var | None:
        table, tail, key = self.locate(name)
        if table is None or key is not None:
            return None
        return table.get(tail)

    # ------------------------------------------------------------ variable operations

    def _direct(self, name: str) -> Var | None:
        """The variable an unqualified name denotes in the active frame when it
        exists and is not a link (the common case, resolved without locate)."""
        frame = self.active
        table = frame.locals
        if table is not None:
            var = table.get(name)
        else:
            ns = frame.ns
            var = ns.vars.get(name)
            if var is None and ns is not self.global_ns:
                var = self.global_ns.vars.get(name)
        if var is None or var.link is not None:
            return None
        return var

    def var_get(self, name: str, key: str | None, traces: bool = True) -> VarResult:
        var = self._direct(name)
        if var is not None and key is None and var.traces is None and var.value is not None:
            return VAR_OK, var.value
        table, tail, lkey = self.locate(name)
        if table is None:
            return VAR_NO_SUCH_VAR, None
        if lkey is not None:
            if key is not None:
                return VAR_NOT_ARRAY, None
            key = lkey
        var = table.get(tail)
        if var is None:
            return VAR_NO_SUCH_VAR, None
        if traces and (var.traces or var.etraces) and not var.busy:
            err = self._fire(var, name, key, "read")
            if err is not None:
                return VAR_TRACE_ERROR, err
        return self._read(var, key)

    def var_array_trace(self, name: str) -> VarResult:
        """Fire the traces on the "array" operation of array (or undefined) `name`."""
        if split_element(name)[1] is not None:
            return VAR_OK, None
        table, tail, lkey = self.locate(name)
        var = table.get(tail) if table is not None and lkey is None else None
        if var is None or not var.traces or var.busy or var.value is not None:
            return VAR_OK, None
        err = self._fire(var, name, None, "array")
        return (VAR_OK, None) if err is None else (VAR_TRACE_ERROR, err)

    @staticmethod
    def _read(var: Var, key: str | None) -> VarResult:
        if key is None:
            if var.arr is not None:
                return VAR_IS_ARRAY, None
            if var.value is None:
                return VAR_NO_SUCH_VAR, None
            return VAR_OK, var.value
        arr = var.arr
        if arr is None:
            return (VAR_NOT_ARRAY if var.value is not None else VAR_NO_SUCH_VAR), None
        value = arr.get(key)
        if value is None:
            return VAR_NO_SUCH_ELEMENT, None
        return VAR_OK, value

    def _target(self, name: str, key: str | None) -> tuple[int, Var | None, str | None]:
        """(status, var, key) for a write: the variable, created when missing."""
        table, tail, lkey = self.locate(name)
        if table is None:
            return VAR_NO_NAMESPACE, None, key
        if lkey is not None:
            if key is not None:
                return VAR_NOT_ARRAY, None, key
            key = lkey
        var = table.get(tail)
        if var is None:
            var = table[tail] = Var()
        return VAR_OK, var, key

    def var_set(self, name: str, key: str | None, value: Value) -> VarResult:
        var = self._direct(name)
        if var is not None and key is None and var.traces is None and var.arr is None:
            var.value = value
            return VAR_OK, value
        status, var, key = self._target(name, key)
        if var is None:
            return status, None
        if key is None:
            if var.arr is not None:
                return VAR_IS_ARRAY, None
            var.value = value
        else:
            arr = var.arr
            if arr is None:
                if var.value is not None:
                    return VAR_NOT_ARRAY, None
                arr = var.arr = {}
            arr[key] = value
        if (var.traces or var.etraces) and not var.busy:
            err = self._fire(var, name, key, "write")
            if err is not None:
                return VAR_TRACE_ERROR, err
            now = var.value if key is None else (var.arr or {}).get(key)
            value = now if now is not None else ""  # a trace unset it: Tcl's set gives ""

        return VAR_OK, value

    def var_unset(self, name: str, key: str | None) -> VarResult:
        table, tail, lkey = self.locate(name)
        if table is None:
            return VAR_NO_SUCH_VAR, None
        if lkey is not None:
            if key is not None:
                return VAR_NOT_ARRAY, None
            key = lkey
        var = table.get(tail)
        if var is None or not var.defined():
            return VAR_NO_SUCH_VAR, None
        if key is None:
            del table[tail]
            keys = list(var.arr) if var.arr is not None else None
            var.value = var.arr = None  # whoever still holds it sees it unset
            if var.traces or var.etraces:
                var.busy = True
                try:
                    self._fire_list(var.traces, name, None, "unset")
                    if keys is not None and var.etraces:
                        for k in keys:
                            self._fire_list(var.etraces.get(k), name, k, "unset")
                finally:
                    var.busy = False
            return VAR_OK, None
        arr = var.arr
        if arr is None:
            return VAR_NOT_ARRAY, None
        if key not in arr:
            return VAR_NO_SUCH_ELEMENT, None
        del arr[key]
        if var.traces or var.etraces:
            etr = var.etraces.pop(key, None) if var.etraces else None
            if not var.busy:
                var.busy = True
                try:
                    self._fire_list(var.traces, name, key, "unset")
                    self._fire_list(etr, name, key, "unset")
                finally:
                    var.busy = False
        return VAR_OK, None

    def _current(self, name: str, key: str | None, traces: bool = True) -> tuple[int, Value | None]:
        """For the read-modify-write fast paths: the value now (None when unset), read
        with traces when the variable has any (and `traces`); status not OK means fail
        with it."""
        status, var, key = self._target(name, key)
        if var is None:
            return status, None
        if traces and (var.traces or var.etraces):
            status, value = self.var_get(name, key)
            if status in (VAR_NO_SUCH_VAR, VAR_NO_SUCH_ELEMENT):
                return VAR_OK, None
            return status, value
        if key is None:
            if var.arr is not None:
                return VAR_IS_ARRAY, None
            return VAR_OK, var.value
        if var.arr is None and var.value is not None:
            return VAR_NOT_ARRAY, None
        return VAR_OK, var.arr.get(key) if var.arr is not None else None

    def var_incr(self, name: str, key: str | None, delta: int) -> VarResult:
        """incr's fast path: VAR_NOT_INT when the value is not an integer rep or the
        sum leaves 64 bits (nothing changed then)."""
        var = self._direct(name)
        if var is not None and key is None and var.traces is None:
            current = var.value
            if type(current) is int:
                total = current + delta
                if -(1 << 63) <= total < (1 << 63):
                    var.value = total
                    return VAR_OK, total
                return VAR_NOT_INT, None
        _status, tvar, _key = self._target(name, key)
        if tvar is not None and (tvar.traces or tvar.etraces):
            return VAR_NOT_INT, None  # the core's general path: one read, one write
        status, current = self._current(name, key)
        if status != VAR_OK:
            return status, current
        if current is None:
            current = 0
        if type(current) is not int:
            return VAR_NOT_INT, None
        total = current + delta
        if not -(1 << 63) <= total < (1 << 63):
            return VAR_NOT_INT, None
        return self.var_set(name, key, total)

    def var_lappend(self, name: str, key: str | None, items: list[Value]) -> VarResult:
        """lappend's fast path: VAR_NOT_LIST when the value has no list rep."""
        var = self._direct(name)
        if var is not None and key is None and var.traces is None:
            current = var.value
            if type(current) is TclList:
                new = current.append(items)
                var.value = new
                return VAR_OK, new
        _status, tvar, _key = self._target(name, key)
        traced = tvar is not None and bool(tvar.traces or tvar.etraces)
        if traced:
            # One read trace, as Tcl: the core's retry after NOT_LIST read it already.
            retry = self._lappend_retry is tvar
            self._lappend_retry = None
            status, current = self._current(name, key, traces=False)
            if status == VAR_OK and current is not None and list_items_of(current) is None:
                self._lappend_retry = tvar
                return VAR_NOT_LIST, None
            if not retry:
                status, current = self._current(name, key)
        else:
            status, current = self._current(name, key)
        if status != VAR_OK:
            return status, current
        appended = _appended(current, items)
        if appended is None:
            if traced:
                self._lappend_retry = tvar
            return VAR_NOT_LIST, None
        return self.var_set(name, key, appended)

    def var_append(self, name: str, key: str | None, data: bytes) -> VarResult:
        """append: the variable's string with `data` (UTF-8) appended (no read trace
        fires, as in Tcl)."""
        status, current = self._current(name, key, traces=False)
        if status != VAR_OK:
            return status, current
        if current is None:
            new: Value = Text(bytearray(data))
        elif type(current) is Text:
            new = current.append(data)
        else:
            new = Text(bytearray(to_bytes(current))).append(data)
        return self.var_set(name, key, new)

    def array_keys(self, name: str) -> list[Value]:
        """The element keys of array `name` in insertion order (links followed); empty
        when it is no array."""
        var = self.find_var(name)
        if var is None or var.arr is None:
            return []
        return list(var.arr)

    def var_kind(self, name: str) -> int:
        base, key = split_element(name)
        table, tail, lkey = self.locate(base)
        if table is None:
            return 0
        var = table.get(tail)
        if var is None:
            return 0
        if lkey is not None:
            key = lkey if key is None else None
        if key is not None:
            return 1 if var.arr is not None and key in var.arr else 0
        if var.arr is not None:
            return 2
        return 1 if var.value is not None else 0

    @staticmethod
    def _links_to(table: dict[str, Var], name: str, local: dict[str, Var], lname: str) -> bool:
        """Whether the scalar link chain from table[name] reaches local[lname]."""
        var = table.get(name)
        for _ in range(1000):  # a chain is never a cycle; bound it anyway
            if var is None or var.link is None or var.link.key is not None:
                return False
            table, name = var.link.table, var.link.name
            if table is local and name == lname:
                return True
            var = table.get(name)
        return False

    def var_link(self, name: str, level: int, target: str) -> int:
        frame = self.active
        local = frame.locals if frame.locals is not None else frame.ns.vars
        if "::" in name:
            table, tail, _ = self._table(name, frame)
            if table is None:
                return VAR_NO_NAMESPACE
            local, name = table, tail
        tname, tkey = split_element(target)
        ns: Namespace | None
        if level < 0:
            if "::" in tname:
                ns, ttail = self.qualified_target(tname, frame.ns)
                if ns is None:
                    return VAR_NO_NAMESPACE
            else:
                ns, ttail = frame.ns, tname
            ttable = ns.vars
        else:
            tframe = self.frame_at(level)
            if tframe is None:
                return VAR_NO_SUCH_VAR
            maybe_table, ttail, ns = self._table(tname, tframe)
            if maybe_table is None:
                return VAR_NO_NAMESPACE
            ttable = maybe_table
        if ttable is local and ttail == name and tkey is None:
            if level >= 0:
                return VAR_SELF
            var = local.get(name)
            if var is None:
                var = local[name] = Var()
            var.declared = True  # `variable x` in its own namespace
            return VAR_OK
        if tkey is None and self._links_to(ttable, ttail, local, name):
            return VAR_SELF  # e.g. upvar 0 a b; upvar 0 b a
        existing = local.get(name)
        if existing is not None and existing.link is None and existing.defined():
            return VAR_EXISTS
        if level < 0 and ttable is not self.global_ns.vars:
            declared = ttable.get(ttail)
            if declared is None:
                declared = ttable[ttail] = Var()
            if declared.link is None:
                declared.declared = True  # `variable x` from a proc: listed by info vars
        var = existing if existing is not None else Var()
        var.value = None
        var.arr = None
        var.link = Link(ttable, ttail, tkey, ns)
        local[name] = var
        return VAR_OK

    # ------------------------------------------------------------ traces

    def _fire(self, var: Var, name: str, key: str | None, op: str) -> Value | None:
        """Run var's traces (and its element's) for op; the first error message."""
        var.busy = True
        try:  # the whole array's traces first, then the element's (as Tcl)
            err = self._fire_list(var.traces, name, key, op)
            if err is None and key is not None and var.etraces:
                err = self._fire_list(var.etraces.get(key), name, key, op)
            return err
        finally:
            var.busy = False

    def _fire_list(
        self, traces: list[Trace] | None, name1: str, name2: str | None, op: str
    ) -> Value | None:
        if not traces or self.evaluate is None:
            return None
        for trace in reversed(list(traces)):
            if op not in trace.ops:
                continue
            script = " ".join((trace.script, quote_element(name1), quote_element(name2 or ""), op))
            code, result = self.evaluate(script)
            if code != TCL_OK and op != "unset":
                # TODO(contract): Tcl's errorInfo goes on from the trace script's own
                # ("...\n    (write trace on "v")\n    invoked from within"); ::errorInfo
                # holds the script's part now, but the core starts afresh on
                # FEATHER_VAR_TRACE_ERROR.
                return result
        return None

    @staticmethod
    def normalize_ops(kind: int, ops: list[str]) -> tuple[str, ...]:
        order = _OP_ORDER.get(kind, ())
        chosen = set()
        for op in ops:
            matches = [o for o in order if o.startswith(op)] if op else []
            chosen.add(matches[0] if len(matches) == 1 or op in order else op)
        known = tuple(o for o in order if o in chosen)
        return known + tuple(sorted(chosen - set(order)))

    def trace_add(self, kind: int, name: str, ops: list[str], script: str) -> int:
        trace = Trace(self.normalize_ops(kind, ops), script)
        if kind == TRACE_VARIABLE:
            base, key = split_element(name)
            table, tail, lkey = self.locate(base)
            if table is None:
                return VAR_NO_NAMESPACE
            if lkey is not None and key is None:
                key = lkey
            var = table.get(tail)
            if var is None:
                var = table[tail] = Var()
            if key is None:
                var.traces = [*(var.traces or []), trace]
            else:
                etraces = var.etraces if var.etraces is not None else {}
                etraces[key] = [*etraces.get(key, []), trace]
                var.etraces = etraces
            return 0
        cmd = self.lookup_command(name)
        if cmd is None:
            return 1
        if kind == TRACE_COMMAND:
            cmd.traces = [*(cmd.traces or []), trace]
        else:
            cmd.etraces = [*(cmd.etraces or []), trace]
            self._changed()  # lookups report the command as traced (host.h: traced)
        return 0

    def _trace_list(self, kind: int, name: str) -> tuple[object, str, list[Trace] | None]:
        if kind == TRACE_VARIABLE:
            base, key = split_element(name)
            table, tail, lkey = self.locate(base)
            var = table.get(tail) if table is not None else None
            if var is None:
                return None, "", None
            if lkey is not None and key is None:
                key = lkey
            if key is None:
                return var, "", var.traces
            return var, key, (var.etraces or {}).get(key)
        cmd = self.lookup_command(name)
        if cmd is None:
            return None, "", None
        return cmd, "", cmd.traces if kind == TRACE_COMMAND else cmd.etraces

    def trace_remove(self, kind: int, name: str, ops: list[str], script: str) -> int:
        holder, key, traces = self._trace_list(kind, name)
        if not traces:
            return 1
        want = self.normalize_ops(kind, ops)
        for i in range(len(traces) - 1, -1, -1):
            t = traces[i]
            if t.ops == want and t.script == script:
                rest = traces[:i] + traces[i + 1 :]
                if isinstance(holder, Var):
                    if key:
                        assert holder.etraces is not None
                        if rest:
                            holder.etraces[key] = rest
                        else:
                            del holder.etraces[key]
                    else:
                        holder.traces = rest or None
                elif isinstance(holder, Command):
                    if kind == TRACE_COMMAND:
                        holder.traces = rest or None
                    else:
                        holder.etraces = rest or None
                        self._changed()
                return 0
        return 1

    def trace_info(self, kind: int, name: str) -> TclList:
        _holder, _key, traces = self._trace_list(kind, name)
        return TclList([TclList([TclList(list(t.ops)), t.script]) for t in reversed(traces or [])])

    # ------------------------------------------------------------ commands

    def lookup_command(self, name: str) -> Command | None:
        if "::" not in name:
            cur = self.active.ns
            cmd = cur.commands.get(name)
            if cmd is None:
                if cur.path:
                    cmd = self._path_lookup(cur, name)
                if cmd is None:
                    cmd = self.global_ns.commands.get(name)
            return cmd
        ns, tail = self.qualified_target(name, self.active.ns)
        if ns is None and (name.startswith("::") or not self.active.ns.path):
            return None
        cmd = ns.commands.get(tail) if ns is not None else None
        if cmd is None and not name.startswith("::") and ns is not self.global_ns:
            if self.active.ns.path:
                cmd = self._path_lookup(self.active.ns, name)
                if cmd is not None:
                    return cmd
            other, tail = self.qualified_target("::" + name, self.global_ns)
            if other is not None:
                cmd = other.commands.get(tail)
        return cmd

    def _path_lookup(self, cur: Namespace, name: str) -> Command | None:
        """A relative command name looked up along cur's namespace path."""
        _absolute, parts, tail = split_name(name)
        for ns in cur.path:
            if ns.dead:
                continue
            where = self._walk(ns, parts)
            if where is not None:
                cmd = where.commands.get(tail)
                if cmd is not None:
                    return cmd
        return None

    def _creation_target(self, name: str) -> tuple[Namespace | None, str]:
        if "::" not in name:
            return self.active.ns, name
        return self._new_target(name)

    def define(
        self, name: str, kind: int, ident: int, params: Value | None, body: Value | None
    ) -> int:
        ns, tail = self._creation_target(name)
        if ns is None:
            return VAR_NO_NAMESPACE
        self._replace(Command(kind, ident, params, body, ns, tail))
        return 0

    def _replace(self, cmd: Command) -> None:
        """Insert cmd, deleting a command of its name first; commands imported from
        that one now refer to cmd (as Tcl keeps imports of a redefined command)."""
        old = cmd.ns.commands.get(cmd.name)
        importers = None
        if old is not None:
            importers, old.importers = old.importers, None
            self.delete_command(old)
        if importers:
            for imp in importers:
                imp.origin = cmd
            cmd.importers = importers
        if cmd.kind == CMD_ENSEMBLE:
            self._ensembles.add(cmd)
        self._insert(cmd)

    def import_command(self, name: str, target: str) -> int:
        """Make `name` an imported command referring to command `target` (host.h
        feather_host_cmd_import)."""
        origin = self.lookup_command(target)
        if origin is None:
            return 1
        ns, tail = self._creation_target(name)
        if ns is None:
            return 3
        cmd = Command(CMD_NONE, 0, None, None, ns, tail)
        self._replace(cmd)
        if origin.ns.dead or origin.ns.commands.get(origin.name) is not origin:
            self.delete_command(cmd)  # replacing deleted the target itself
            return 1
        cmd.origin = origin
        origin.importers = [*(origin.importers or []), cmd]
        return 0

    def command_origin(self, name: str, deep: bool) -> str | None:
        cmd = self.lookup_command(name)
        if cmd is None:
            return None
        if cmd.origin is not None:
            cmd = cmd.real() if deep else cmd.origin
        return cmd.qualified()

    def update_command(self, name: str, params: Value) -> int:
        cmd = self.lookup_command(name)
        if cmd is None:
            return 1
        cmd.params = params
        cmd.hgen = -1
        self._changed()
        return 0

    # ------------------------------------------------------------ namespace attributes

    def ns_attr(self, ns: Namespace, which: int, value: Value | None) -> Value:
        """Read (value None) or replace an attribute FEATHER_NS_* of ns."""
        if which == NS_PATH:
            if value is not None:
                found = [self.namespaces.get(to_str(n)) for n in list_items_of(value) or []]
                ns.path = [p for p in found if p is not None]
                self._changed()
            ns.path = [p for p in ns.path if not p.dead]
            return TclList([p.name for p in ns.path])
        if which == NS_EXPORT:
            if value is not None:
                ns.exports = value
                self._changed()
            return ns.exports
        if which == NS_UNKNOWN:
            if value is not None:
                ns.unknown = value
                self._changed()
            return ns.unknown
        return ""

    def _insert(self, cmd: Command) -> None:
        cmd.ns.commands[cmd.name] = cmd
        if cmd.ns is not self.global_ns:
            self._shadows[cmd.name] = self._shadows.get(cmd.name, 0) + 1
        self._changed()

    def _remove(self, cmd: Command) -> None:
        if cmd.ns.commands.get(cmd.name) is cmd:
            del cmd.ns.commands[cmd.name]
            if cmd.ns is not self.global_ns:
                left = self._shadows.get(cmd.name, 1) - 1
                if left > 0:
                    self._shadows[cmd.name] = left
                else:
                    self._shadows.pop(cmd.name, None)
            self._changed()

    def resolves_everywhere(self, name: str, cmd: Command) -> bool:
        """Whether `name` finds cmd from every namespace: it is fully qualified, or
        it is a simple name no namespace but :: defines (host.h: cacheable).
        An ensemble is never cacheable: its configuration changes in place."""
        if cmd.kind == CMD_ENSEMBLE:
            return False
        if name.startswith("::"):
            return True
        if "::" in name:
            return False
        return cmd.ns is self.global_ns and name not in self._shadows

    def delete_command(self, cmd: Command) -> None:
        self._remove(cmd)
        self._ensembles.discard(cmd)
        origin = cmd.origin
        if origin is not None:
            cmd.origin = None
            if origin.importers and cmd in origin.importers:
                origin.importers.remove(cmd)
        importers, cmd.importers = cmd.importers, None
        for imp in importers or ():
            self.delete_command(imp)  # imports vanish with their original
        traces = cmd.traces
        cmd.traces = None
        if traces:
            self._fire_cmd(traces, cmd.qualified(), "", "delete")

    def _fire_cmd(self, traces: list[Trace], old: str, new: str, op: str) -> None:
        if self.evaluate is None:
            return
        for trace in reversed(list(traces)):
            if op in trace.ops:
                script = " ".join((trace.script, quote_element(old), quote_element(new), op))
                self.evaluate(script)  # errors in command traces are ignored, as in Tcl

    def rename(self, old: str, new: str) -> int:
        cmd = self.lookup_command(old)
        if cmd is None:
            return 1
        if not new:
            self.delete_command(cmd)
            return 0
        ns, tail = self._creation_target(new)
        if ns is None and tail:
            # rename creates the namespaces the new name needs, as Tcl does.
            absolute, path, _ = split_name(new)
            ns = self._make_path(self.global_ns if absolute else self.active.ns, path)
        if ns is None:
            return 3
        if tail in ns.commands:
            return 2
        old_name = cmd.qualified()
        self._remove(cmd)
        cmd.ns = ns
        cmd.name = tail
        cmd.hgen = -1
        self._insert(cmd)
        if cmd.traces:
            self._fire_cmd(cmd.traces, old_name, cmd.qualified(), "rename")
        return 0

    # ------------------------------------------------------------ listings

    def command_names(self, ns: Namespace | None, procs_only: bool) -> list[str]:
        """info commands / info procs: ns None means the active namespace with simple
        names (commands also from the global namespace); an explicit namespace gives
        fully qualified names."""
        if ns is not None:
            return [
                c.qualified()
                for c in ns.commands.values()
                if not procs_only or c.real().kind == CMD_PROC
            ]
        cur = self.active.ns
        names = [n for n, c in cur.commands.items() if not procs_only or c.real().kind == CMD_PROC]
        if not procs_only and cur is not self.global_ns:
            seen = set(names)
            names += [n for n in self.global_ns.commands if n not in seen]
        return names

    def var_names(self, which: str) -> list[str]:
        frame = self.active
        if which == "globals":
            return [n for n, v in self.global_ns.vars.items() if _visible(v)]
        if frame.locals is not None:
            if which == "locals":
                return [n for n, v in frame.locals.items() if v.link is None and v.defined()]
            return [n for n, v in frame.locals.items() if self._link_visible(v)]
        if which == "locals":
            return []
        ns = frame.ns
        names = [n for n, v in ns.vars.items() if self._link_visible(v)]
        if ns is not self.global_ns:
            seen = set(names)
            names += [n for n, v in self.global_ns.vars.items() if n not in seen and _visible(v)]
        return names

    def ns_var_names(self, ns: Namespace) -> list[str]:
        """The variables of a namespace, fully qualified (info vars ns::*)."""
        return [ns.qualify(n) for n, v in ns.vars.items() if self._link_visible(v)]

    def _link_visible(self, var: Var) -> bool:
        if var.link is None:
            return _visible(var)
        return True

    def children(self, ns: Namespace) -> list[str]:
        return [c.name for c in ns.children.values()]

    def proc_count(self) -> int:
        return sum(
            1 for ns in self.namespaces.values() for c in ns.commands.values() if c.kind == CMD_PROC
        )


def _visible(var: Var) -> bool:
    return var.defined() or var.declared


def _appended(current: Value | None, items: list[Value]) -> Value | None:
    """current's list with items appended, or None when current has no list rep."""
    if current is None:
        return TclList(list(items))
    if type(current) is TclList:
        return current.append(items)
    elems = list_items_of(current)
    if elems is None:
        return None
    elems.extend(items)
    return TclList(elems)
