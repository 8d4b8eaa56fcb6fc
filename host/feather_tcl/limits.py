"""Limits on a running eval: time, host memory; the answer to ``feather_host_interp_poll``.

The core polls the host every 1024 poll units (one per command invoked and one per
64 loop iterations). :meth:`Limits.poll` answers it: go on, or stop with a message.
A stop unwinds to the outermost eval of that interp; ``catch`` and ``try`` do not
catch it (errorCode ``TCL LIMIT TIME`` or ``TCL LIMIT MEMORY``).

- **Time.** Each public eval (``Interp.eval``, ``Interp.call``) may carry a time
  limit; its deadline is ``time.monotonic()`` at entry plus the limit. Deadlines
  nest: a nested eval (a Python command calling eval, on this or another interp of
  the runtime) never outlives the deadline of the eval it runs in.
- **Memory (host side).** With ``memory_limit`` set on the runtime, one outermost
  eval may not make the process grow by more than the limit on the host side
  (resident memory measured at each poll, minus the growth of linear memory, which
  is capped separately), may not hold more scratch handles than limit / 8 at a
  poll, and no single string or list the host is asked to build (a concatenation,
  an append, a list) may be larger than the room left (strings by their UTF-8 size,
  lists at 8 bytes an element). Such a value is never built: the import raises
  :class:`LimitExceeded`, which unwinds the WASM stack at once (as a trap does) and
  the instance is replaced when the outermost eval returns; every interp keeps its
  state.

Linear memory itself is capped by creating the instance's memory with a lower
maximum (see :class:`feather_tcl.runtime.Runtime`): the arena then returns NULL and
the core raises "out of memory: the scratch arena reached the memory limit".
"""

from __future__ import annotations

import importlib
import math
import os
import signal
import sys
import threading
import time
from typing import TYPE_CHECKING, Any

from feather_tcl._wasm import HostTrap
from feather_tcl.errors import TclError
from feather_tcl.values import TclDict, TclList, Text, Value

if TYPE_CHECKING:
    from feather_tcl.runtime import Runtime

__all__ = [
    "CHUNK",
    "ERROR_CODES",
    "STOP_MEMORY",
    "STOP_TIME",
    "stop_kind",
    "HANDLE_BYTES",
    "LimitExceeded",
    "Limits",
    "NESTED_CHECK",
    "NESTING_MESSAGE",
    "python_stack_room",
    "format_bytes",
    "format_seconds",
    "rss_bytes",
    "value_size",
]

HANDLE_BYTES = 8  # what a scratch handle costs at least: one slot of the table
_INF = math.inf


# The answers of feather_host_interp_poll that stop an eval, and the errorCode the
# core then sets (as tclsh's `interp limit` gives TCL LIMIT TIME; Tcl has no memory
# limit: Feather's is TCL LIMIT MEMORY).
STOP_TIME = 2
STOP_MEMORY = 3
ERROR_CODES = {STOP_TIME: "TCL LIMIT TIME", STOP_MEMORY: "TCL LIMIT MEMORY"}
TIME_MESSAGE_PREFIX = "time limit of "


def stop_kind(message: str) -> int:
    """STOP_TIME or STOP_MEMORY: which limit a stop message is about."""
    return STOP_TIME if message.startswith(TIME_MESSAGE_PREFIX) else STOP_MEMORY


class LimitExceeded(HostTrap):
    """A limit was crossed inside a host function (a value too large to build): the
    eval is unwound at once. A :class:`TclError` (code 1, errorCode ``TCL LIMIT
    TIME`` or ``TCL LIMIT MEMORY``)."""

    def __init__(self, message: str) -> None:
        TclError.__init__(self, message, 1, message, ERROR_CODES[stop_kind(message)])


def value_size(v: Value) -> int:
    """What a value costs for the memory limit, in O(1): a string its length (UTF-8
    bytes for a string being appended to), a list 8 bytes an element, a dict 16 an
    entry (the elements themselves were counted when they were made)."""
    t = type(v)
    if t is str:
        return len(v)  # type: ignore[arg-type]
    if t is TclList:
        return v.n * HANDLE_BYTES  # type: ignore[union-attr]
    if t is Text:
        return v.n  # type: ignore[union-attr]
    if t is TclDict:
        return 2 * HANDLE_BYTES * len(v.d)  # type: ignore[union-attr]
    return 0


def format_seconds(seconds: float) -> str:
    return f"{seconds:g} s"


def format_bytes(n: int) -> str:
    if n and n % (1 << 20) == 0:
        return f"{n >> 20} MiB"
    if n and n % (1 << 10) == 0:
        return f"{n >> 10} KiB"
    return f"{n} bytes"


# ---------------------------------------------------------------- the Python stack

# Evals nested through the host (a trace, a Python command calling eval) take about a
# dozen Python frames each. From this nesting on, the runtime measures the Python
# stack before entering the instance again and fails the eval as Tcl does when fewer
# than STACK_MARGIN frames would be left below the recursion limit. (Frames undercount
# Python's recursion depth where C code calls back into Python, hence the margin; a
# RecursionError that still happens unwinds the whole eval and becomes that same Tcl
# error at the outermost Interp.eval.)
NESTED_CHECK = 8
STACK_MARGIN = 200
NESTING_MESSAGE = "too many nested evaluations (infinite loop?)"


def python_stack_room() -> bool:
    """Whether one more nested eval fits below Python's recursion limit."""
    frame = sys._getframe(1)
    depth = 0
    while frame is not None:
        depth += 1
        frame = frame.f_back  # type: ignore[assignment]
    return depth + STACK_MARGIN < sys.getrecursionlimit()


# ---------------------------------------------------------------- signals

# Python runs a signal's handler (SIGINT's raises KeyboardInterrupt) at the next
# bytecode boundary of the main thread. While the core runs, that is the start of
# the next import callback, before its ``try``: an exception raised there escapes
# the ctypes callback ("Exception ignored") and the callback's result is garbage
# (wasmtime reads it as a trap: a crash). Blocking the signals is not enough (another
# thread may receive one and the main thread still runs its handler there). So while
# the core runs in the main thread, the Python handlers of the usual asynchronous
# signals are replaced by SIGNALS.defer, which only records the signal; the records
# are handed to the original handlers at the next poll (inside a callback's ``try``:
# what a handler raises unwinds the eval as an exception from a command does, the
# instance is replaced and every interp keeps its state) or when the outermost eval
# returns. Embedder commands run with the handlers called at once (a sleeping
# command is interrupted). Off the main thread Python runs no handler: nothing to do.
_DEFERRED_SIGNALS = tuple(
    int(getattr(signal, name))
    for name in (
        "SIGINT", "SIGTERM", "SIGALRM", "SIGVTALRM", "SIGPROF", "SIGUSR1", "SIGUSR2",
        "SIGHUP", "SIGQUIT", "SIGCHLD", "SIGWINCH", "SIGIO", "SIGPIPE", "SIGBREAK",
    )
    if hasattr(signal, name)
)  # fmt: skip
_MAIN = threading.main_thread()
# signal.signal and signal.getsignal wrap these in enum conversions costing some µs a
# call (an exception for each non-int handler); an eval must not pay that.
_raw_signal: Any = importlib.import_module("_signal")


class SignalDeferral:
    """The process's deferral of signal handlers while the core runs (one for all
    runtimes: handlers are per process)."""

    def __init__(self) -> None:
        self.depth = 0  # core runs entered (nested through embedder commands)
        self.saved: dict[int, Any] = {}  # signal -> the handler deferred
        self.pending: list[int] = []  # signals received, not yet handled
        self.exposed = False  # embedder code is running: handlers run at once

    def enter(self) -> bool:
        """The core is about to run. Returns whether leave() must be called."""
        if threading.current_thread() is not _MAIN:
            return False
        self.depth += 1
        self.exposed = False  # from here on a handler may only be deferred
        if self.depth == 1:
            try:
                for sig in _DEFERRED_SIGNALS:
                    handler = _raw_signal.getsignal(sig)
                    if callable(handler) and handler != self.defer:
                        self.saved[sig] = handler
                        _raw_signal.signal(sig, self.defer)
            except BaseException:  # a handler ran and raised before its turn came
                self.leave()
                raise
        return True

    def leave(self) -> None:
        """The core run entered last is over: at the outermost, the handlers are put
        back and the signals received meanwhile are handled now."""
        self.depth -= 1
        if self.depth:
            return
        saved, self.saved = self.saved, {}
        try:
            for sig, handler in saved.items():
                if _raw_signal.getsignal(sig) == self.defer:
                    _raw_signal.signal(sig, handler)
        finally:
            self.deliver(saved)

    def defer(self, signum: int, frame: Any) -> None:
        """The replacement handler: remember the signal (or, while embedder code runs,
        call the original handler now)."""
        if self.exposed:
            handler = self.saved.get(signum)
            if callable(handler):
                handler(signum, frame)
                return
        self.pending.append(signum)

    def deliver(self, saved: dict[int, Any] | None = None) -> None:
        """Hand the signals received to their original handlers (what they raise
        propagates from here)."""
        handlers = self.saved if saved is None else saved
        while self.pending:
            signum = self.pending.pop(0)
            handler = handlers.get(signum)
            if callable(handler):
                handler(signum, None)

    def expose(self) -> bool:
        """Embedder code is about to run inside the core: returns the previous state,
        for unexpose."""
        was, self.exposed = self.exposed, True
        if self.pending:
            self.deliver()
        return was

    def unexpose(self, was: bool) -> None:
        self.exposed = was


SIGNALS = SignalDeferral()


# ---------------------------------------------------------------- resident memory


def _rss_reader() -> object:
    """A function returning the process's resident memory in bytes (Linux:
    /proc/self/statm; elsewhere the peak RSS from getrusage), or None."""
    try:
        fd = os.open("/proc/self/statm", os.O_RDONLY)
    except OSError:
        fd = -1
    if fd >= 0:
        page = os.sysconf("SC_PAGE_SIZE")

        def statm() -> int:
            return int(os.pread(fd, 64, 0).split()[1]) * page

        try:
            statm()
            return statm
        except (OSError, ValueError, IndexError):
            os.close(fd)
    try:
        import resource
    except ImportError:  # Windows: no cheap measure; the other checks still hold
        return None
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB else

    def peak() -> int:
        return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * scale

    return peak


_RSS = _rss_reader()


def rss_bytes() -> int:
    """Resident memory of the process (peak resident memory where the current
    figure is not available; 0 when unknown)."""
    return _RSS() if _RSS is not None else 0  # type: ignore[operator]


# ---------------------------------------------------------------- limits of a runtime

# Values from this size on are checked against the deadline too when they are built:
# a single command building a huge value (lrepeat, string repeat) polls no more.
BIG = 1 << 20
# A host function building a value of more elements than this builds it in chunks of
# this many and checks the deadline between them (Limits.tick).
CHUNK = 1 << 16


class Limits:
    """The limits in force on one runtime (its WASM instance and scratch table)."""

    def __init__(self, rt: Runtime, memory_limit: int | None) -> None:
        self.rt = rt
        self.memory_limit = memory_limit
        # Time: the earliest deadline of the evals running, and its message.
        self.deadline = _INF
        self.deadline_message = ""
        # A stop decided by a host function (LimitExceeded): every poll repeats it
        # until the outermost eval returns, so that nothing swallows it.
        self.stop: str | None = None
        # Memory, measured from the start of the outermost eval.
        self.room: float = memory_limit or _INF  # bytes a new value may still take
        self.rss0 = 0
        self.linear0 = 0
        self.memory_message = (
            f"memory limit of {format_bytes(memory_limit)} exceeded" if memory_limit else ""
        )
        rt.imports.checking = bool(memory_limit)

    # ------------------------------------------------------------ eval scope

    def enter(self, seconds: float | None) -> tuple[float, str]:
        """An eval begins with this time limit (None: none of its own). Returns what
        :meth:`leave` restores."""
        saved = (self.deadline, self.deadline_message)
        if self.rt.depth == 0:
            self.stop = None
            if self.memory_limit:
                self.rss0 = rss_bytes()
                self.linear0 = self.rt.inst.memory_bytes()
                self.room = self.memory_limit
        if seconds is not None:
            deadline = time.monotonic() + seconds
            if deadline < self.deadline:
                self.deadline = deadline
                self.deadline_message = f"{TIME_MESSAGE_PREFIX}{format_seconds(seconds)} exceeded"
                self.rt.imports.checking = True
        return saved

    def leave(self, saved: tuple[float, str]) -> None:
        self.deadline, self.deadline_message = saved
        self.rt.imports.checking = bool(self.memory_limit) or self.deadline != _INF
        if self.rt.depth == 0:
            self.stop = None

    # ------------------------------------------------------------ checks

    def poll(self) -> str | None:
        """The core asks whether it may go on: None, or the message to stop with."""
        if self.stop is not None:
            return self.stop
        if SIGNALS.pending and SIGNALS.depth:
            SIGNALS.deliver()
        if self.deadline != _INF and time.monotonic() >= self.deadline:
            return self.deadline_message
        limit = self.memory_limit
        if limit:
            rt = self.rt
            if len(rt.scratch) * HANDLE_BYTES > limit:
                return self.memory_message
            grown = rss_bytes() - self.rss0 - (rt.inst.memory_bytes() - self.linear0)
            if grown < 0:
                grown = 0
            if grown > limit:
                return self.memory_message
            self.room = limit - grown
        return None

    def check(self, size: int) -> None:
        """A host function is about to build a value of `size` bytes (strings: their
        length; lists: 8 bytes an element): refuse it when it is larger than the
        memory left, or when it is large and the deadline has passed. Called only
        while ``imports.checking``."""
        if size > self.room:
            self.refuse(self.memory_message)
        if size >= BIG and self.deadline != _INF and time.monotonic() >= self.deadline:
            self.refuse(self.deadline_message)

    def tick(self) -> None:
        """A host function building a huge value checks the deadline between chunks
        of it (CHUNK elements): past it, the eval is stopped at once. Called only
        while ``imports.checking``."""
        if self.deadline != _INF and time.monotonic() >= self.deadline:
            self.refuse(self.deadline_message)

    def refuse(self, message: str) -> None:
        """Stop the eval from inside a host function: every later poll says so too,
        and LimitExceeded unwinds the WASM stack now."""
        self.stop = message
        raise LimitExceeded(message)
