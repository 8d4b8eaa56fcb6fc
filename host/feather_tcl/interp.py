"""The public API: :class:`Interp`."""

from __future__ import annotations

import ctypes
import weakref
from collections.abc import Callable
from typing import Any, TextIO

from feather_tcl.commands import clock, make_puts
from feather_tcl.errors import TclError
from feather_tcl.limits import NESTING_MESSAGE
from feather_tcl.runtime import Runtime
from feather_tcl.state import TCL_ERROR, TCL_OK
from feather_tcl.values import TclList, Value, from_python, to_str

__all__ = ["Interp", "PARSE_COMPLETE", "PARSE_ERROR", "PARSE_INCOMPLETE"]

PARSE_COMPLETE = 0
PARSE_INCOMPLETE = 1
PARSE_ERROR = 2


class Interp:
    """A Tcl interpreter running in a sandboxed WASM module.

    >>> interp = Interp()
    >>> interp.eval("set x [expr {6 * 7}]")
    '42'

    ``stdout``/``stderr`` receive what ``puts`` writes (default: ``sys.stdout`` and
    ``sys.stderr`` at the time of writing). Interps share one WASM instance per
    process unless given their own ``runtime``. Not thread-safe.
    """

    def __init__(
        self,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
        *,
        runtime: Runtime | None = None,
        backend: str | None = None,
        recursion_limit: int = 1000,
        time_limit: float | None = None,
        memory_limit: int | None = None,
    ) -> None:
        # backend: "wasm" or "native" (issue 8); None: $FEATHER_BACKEND, else "wasm".
        if runtime is not None and backend is not None and runtime.backend != backend:
            raise ValueError(f"runtime is {runtime.backend!r}, not {backend!r}")
        # Limits (issue 7): memory_limit belongs to the runtime (its linear memory is
        # created with that maximum), so an Interp with one gets a runtime of its own.
        if memory_limit is not None and runtime is None:
            runtime = Runtime(backend=backend, memory_limit=memory_limit)
        elif memory_limit is not None and runtime is not None:
            if runtime.memory_limit != memory_limit:
                raise ValueError("memory_limit differs from the memory_limit of runtime")
        _check_recursion_limit(recursion_limit)
        self._time_limit = _check_time_limit(time_limit)
        self._rt = runtime if runtime is not None else Runtime.shared(backend)
        self._core = self._rt.add_interp(stdout, stderr, recursion_limit)
        core = self._core
        # Forget the interp's state when the Interp object is collected.
        self._finalizer = weakref.finalize(self, self._rt.remove_interp, core)
        self._core.add_command("puts", make_puts(lambda: core.stdout, lambda: core.stderr))
        self._core.add_command("clock", clock)

    # ------------------------------------------------------------ evaluation

    def eval(self, script: str, *, time_limit: float | None = None) -> str:
        """Evaluate a script; returns its result. Raises TclError on error.
        time_limit (seconds): for this call instead of the interp's time_limit.
        May be called from inside a command (a nested eval: nothing is reset until
        the outermost eval on the runtime returns)."""
        self._check_open()
        rt, core = self._rt, self._core
        code, result = self._limited(lambda: rt.eval_script(core, script), time_limit)
        return self._finish(code, result)

    def call(self, cmd: str, *args: Any, time_limit: float | None = None) -> str:
        """Invoke one command with these words, without substitution."""
        self._check_open()
        rt, core = self._rt, self._core
        code, result = self._limited(lambda: rt.command(core, [cmd, *args]), time_limit)
        return self._finish(code, result)

    def subst(self, text: str, flags: int = 0, *, time_limit: float | None = None) -> str:
        """Substitute variables, commands and backslashes in text, as Tcl's subst does;
        flags: 1 no backslashes, 2 no variables, 4 no commands (JS: feather.subst)."""
        self._check_open()
        rt, core = self._rt, self._core
        code, result = self._limited(lambda: rt.subst(core, text, flags), time_limit)
        return self._finish(code, result)

    def _limited(
        self, run: Callable[[], tuple[int, Value]], time_limit: float | None
    ) -> tuple[int, Value]:
        """Run an eval under the limits (limits.py): a stop the core made is its
        result; a value refused by a host function raises LimitExceeded (a TclError)."""
        limits = self._rt.limits
        seconds = self._time_limit if time_limit is None else _check_time_limit(time_limit)
        saved = limits.enter(seconds)
        try:
            return run()
        except MemoryError as exc:  # the script does not fit in the capped arena
            if not str(exc).startswith("feather:"):
                raise
            message = "out of memory: the scratch arena cannot hold the script"
            raise TclError(message, TCL_ERROR, message, "TCL LIMIT MEMORY") from None
        except (RecursionError, ctypes.ArgumentError) as exc:
            # Evals nested through Python ran out of Python stack (ctypes reports it as
            # an ArgumentError): the whole eval has unwound (the instance is replaced);
            # at the outermost eval it is Tcl's error.
            if self._rt.depth > 0 or "RecursionError" not in f"{type(exc).__name__}{exc}":
                raise
            raise TclError(NESTING_MESSAGE, TCL_ERROR, NESTING_MESSAGE, "TCL LIMIT STACK") from None
        finally:
            limits.leave(saved)

    def _finish(self, code: int, result: Value) -> str:
        text = to_str(result)
        if code == TCL_OK:
            return text
        if code == TCL_ERROR:
            raise TclError(
                text,
                code,
                self._core.global_value("errorInfo"),
                self._core.global_value("errorCode") or "NONE",
            )
        raise TclError(text, code)

    def parse_status(self, script: str) -> int:
        """0 when script is complete, 1 when it is incomplete (an unclosed brace,
        quote or bracket), 2 on a syntax error."""
        self._check_open()
        if not self._rt.has_parse_status:
            return PARSE_COMPLETE
        code, _result = self._rt.parse_status(self._core, script)
        return code

    # ------------------------------------------------------------ embedding

    def register(self, name: str, fn: Callable[..., Any]) -> None:
        """Make fn a Tcl command. fn receives the arguments as str and may return
        None, str, int, float, bool ("1"/"0") or a list/tuple (a Tcl list); an
        exception becomes a Tcl error carrying its message, and a TclError its own
        code and result (``TclError("", code=3)`` is a ``break``)."""
        self._check_open()

        def command(argv: list[Value]) -> tuple[int, Value]:
            return TCL_OK, from_python(fn(*[to_str(a) for a in argv[1:]]))

        self._core.add_command(name, command)

    def memory_stats(self) -> dict[str, int]:
        """Scratch and persistent memory, and host crossings, for diagnostics: the
        fields of JS's memoryStats(id) in snake_case, with the same meaning. Per
        interp: namespace_count, proc_count. The others belong to the runtime (the
        instance and its handle table) and so are shared by every interp of it: a
        handle lives until the outermost eval on the instance returns; host_calls
        counts every crossing made on the runtime."""
        rt = self._rt
        return {
            "scratch_handles": len(rt.scratch),
            "scratch_high_water": max(rt.scratch.high_water, len(rt.scratch)),
            "wasm_arena_used": rt.arena("feather_arena_used"),
            "wasm_arena_high_water": rt.arena("feather_arena_high_water"),
            "wasm_arena_capacity": rt.arena("feather_arena_capacity"),
            "wasm_memory_bytes": rt.inst.memory_bytes(),
            "namespace_count": len(self._core.state.namespaces),
            "proc_count": self._core.state.proc_count(),
            "eval_depth": rt.depth,
            "host_calls": rt.host_calls,
            "instances": rt.instances,
        }

    def force_reset(self) -> None:
        """Reset the WASM arena and the scratch handles now. Raises RuntimeError
        while an eval is running on this interp's WASM instance."""
        self._rt.force_reset()

    # ------------------------------------------------------------ limits

    @property
    def time_limit(self) -> float | None:
        """Seconds each eval or call may run (None: no limit). A stop raises TclError
        "time limit of N s exceeded" (errorCode TCL LIMIT), which catch cannot catch."""
        return self._time_limit

    @time_limit.setter
    def time_limit(self, seconds: float | None) -> None:
        self._time_limit = _check_time_limit(seconds)

    @property
    def recursion_limit(self) -> int:
        """Tcl's interp recursionlimit (default 1000): the nesting depth past which an
        eval fails with "too many nested evaluations (infinite loop?)". Read by the core
        when an outermost eval begins."""
        return self._core.limit

    @recursion_limit.setter
    def recursion_limit(self, limit: int) -> None:
        _check_recursion_limit(limit)
        self._core.limit = limit

    @property
    def memory_limit(self) -> int | None:
        """The memory limit of this interp's runtime in bytes (None: none)."""
        return self._rt.memory_limit

    @property
    def host_calls(self) -> int:
        """Crossings from the core into the host on this interp's runtime so far (every
        interp sharing it; JS: feather.hostCalls)."""
        return self._rt.host_calls

    @property
    def runtime(self) -> Runtime:
        return self._rt

    # ------------------------------------------------------------ helpers

    def getvar(self, name: str) -> str:
        """The value of a global variable (raises TclError when it does not exist)."""
        return self.call("set", name if "::" in name else "::" + name)

    def setvar(self, name: str, value: Any) -> str:
        return self.call("set", name if "::" in name else "::" + name, value)

    @staticmethod
    def list(*items: Any) -> str:
        """Python values as one Tcl list (quoted as Tcl does)."""
        return to_str(TclList([from_python(i) for i in items]))

    def close(self) -> None:
        """Forget this interp (its state is dropped)."""
        self._finalizer()

    def _check_open(self) -> None:
        if self._core.closed:
            raise RuntimeError("feather: this interp is closed")

    def __enter__(self) -> Interp:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _check_time_limit(seconds: float | None) -> float | None:
    if seconds is None:
        return None
    seconds = float(seconds)
    if not seconds >= 0:  # also NaN
        raise ValueError("time_limit must be a number of seconds >= 0, or None")
    return seconds


def _check_recursion_limit(limit: int) -> None:
    if not isinstance(limit, int) or isinstance(limit, bool) or not 0 < limit < 1 << 31:
        raise ValueError("recursion_limit must be an integer > 0")
