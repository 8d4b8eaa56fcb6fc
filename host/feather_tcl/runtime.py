"""A WASM instance and what its interpreters share: scratch handles, eval depth.

Several interpreters may share one instance (the default: one instance per
process). The scratch arena of the instance (linear memory) and the handle table
belong to the instance, so the eval depth is counted here: only when the outermost
eval on the instance returns are ``feather_arena_reset()`` and the scratch reset
run, in a ``finally``, whatever happened (TCL_ERROR, a Python exception, a trap).
Nested evals (trace scripts, Python commands calling eval, possibly on another
interp) never reset.

A trap leaves the core's static state (its own entry depth, saved interp states)
inconsistent, so after one the instance is replaced by a fresh instance of the
same compiled module when the depth returns to 0. All interpreter state lives in
the host, so every interp keeps its variables, procs and namespaces.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO, cast

from feather_tcl import state as st
from feather_tcl._native import default_backend
from feather_tcl._wasm import HostTrap, Instance
from feather_tcl.errors import TclError
from feather_tcl.imports import Imports
from feather_tcl.limits import (
    NESTED_CHECK,
    NESTING_MESSAGE,
    SIGNALS,
    Limits,
    python_stack_room,
)
from feather_tcl.values import TclList, Value, encode, from_python, to_str

# A command implemented by the host: (arguments as values) -> (Tcl code, result).
HostCommand = Callable[[list[Value]], "tuple[int, Value]"]


class InterpCore:
    """Host-side state of one interpreter: its Tcl state, embedder commands, the
    result of its last eval and its output streams."""

    def __init__(
        self,
        rt: Runtime,
        ident: int,
        stdout: TextIO | None,
        stderr: TextIO | None,
        limit: int,
    ) -> None:
        self.rt = rt
        self.id = ident
        self.state = st.State(self.evaluate_nested)
        self.commands: list[HostCommand] = []
        self.result: Value | None = None
        self.limit = limit
        self._stdout = stdout
        self._stderr = stderr
        self.closed = False

    @property
    def stdout(self) -> TextIO:
        return self._stdout if self._stdout is not None else sys.stdout

    @property
    def stderr(self) -> TextIO:
        return self._stderr if self._stderr is not None else sys.stderr

    def add_command(self, name: str, fn: HostCommand) -> None:
        """Define (or replace) an embedder command named name (kind HOST)."""
        self.commands.append(fn)
        self.state.define(name, st.CMD_HOST, len(self.commands) - 1, None, None)

    def invoke(self, ident: int, args: list[Value]) -> tuple[int, Value]:
        """Run embedder command ident. A Python exception becomes a Tcl error with
        its message; a trap or an interrupt unwinds the whole eval."""
        if not 0 <= ident < len(self.commands):
            return st.TCL_ERROR, f"invalid command id {ident}"
        was = SIGNALS.exposed
        try:
            SIGNALS.expose()  # embedder code: signal handlers run at once
            return self.commands[ident](args)
        except (HostTrap, KeyboardInterrupt, SystemExit, MemoryError, RecursionError):
            raise
        except TclError as exc:  # a nested eval's error, or a chosen code (e.g. break)
            return exc.code, exc.result
        except Exception as exc:  # noqa: BLE001 - any embedder error is a Tcl error
            return st.TCL_ERROR, str(exc)
        finally:
            SIGNALS.unexpose(was)

    def evaluate_nested(self, script: str) -> tuple[int, Value]:
        """Evaluate a script on this interp from inside an eval (traces)."""
        return self.rt.eval_script(self, script)

    def global_value(self, name: str) -> str:
        var = self.state.global_ns.vars.get(name)
        if var is None or var.value is None:
            return ""
        return to_str(var.value)


class Runtime:
    """One WASM instance shared by interpreters."""

    _shared: Runtime | None = None
    _shared_native: Runtime | None = None  # native backend (issue 8)

    def __init__(
        self,
        path: Path | None = None,
        backend: str | None = None,
        *,
        memory_limit: int | None = None,
    ) -> None:
        # backend: "wasm" (default) or "native" (libfeather.so, feather_tcl/_native.py);
        # None: $FEATHER_BACKEND, else "wasm". Both take the same import table.
        self.backend = backend or default_backend()
        # memory_limit (bytes): linear memory is created with this maximum, and the host
        # side of each outermost eval is held to it (limits.py). None: no limit.
        if memory_limit is not None and memory_limit <= 0:
            raise ValueError("memory_limit must be a positive number of bytes")
        self.memory_limit = memory_limit
        from feather_tcl.values import Scratch

        self.path = path
        self.scratch = Scratch()
        self.calls: list[int] = []  # host crossings per interp id
        self.interps: list[InterpCore | None] = []
        self.depth = 0
        self.poisoned = False
        self.instances = 1  # instances made so far (a trap makes a new one)
        self.imports = Imports(self)
        self.limits = Limits(self, memory_limit)
        self.imports.limits = self.limits
        self._table = self.imports.table()
        self.inst = self._instance()
        self._attach()
        self.has_parse_status = self.inst.has_export("feather_parse_status")

    def _attach(self) -> None:
        """Point the import table at the (new) instance."""
        self.imports.inst = self.inst
        has_epoch = self.inst.has_export("feather_epoch_ptr")
        self.imports.epoch_addr = self.inst.call("feather_epoch_ptr") if has_epoch else 0

    def _instance(self) -> Instance:
        """A new instance of the backend's module (the native one has the same interface)."""
        if self.backend == "native":
            from feather_tcl._native import NativeInstance

            native = NativeInstance(self._table, self.calls, self.path, self.memory_limit)  # type: ignore[arg-type]
            return cast(Instance, native)
        return Instance(self._table, self.calls, self.path, self.memory_limit)  # type: ignore[arg-type]

    @classmethod
    def shared(cls, backend: str | None = None) -> Runtime:
        """The process-wide runtime (one per backend) used by Interps created without one."""
        if (backend or default_backend()) == "native":
            if cls._shared_native is None:
                cls._shared_native = cls(backend="native")
            return cls._shared_native
        if cls._shared is None:
            cls._shared = cls(backend="wasm")
        return cls._shared

    # ------------------------------------------------------------ interps

    def core(self, ident: int) -> InterpCore:
        if 0 <= ident < len(self.interps):
            core = self.interps[ident]
            if core is not None:
                return core
        raise LookupError(f"no interp {ident} in this runtime")

    def add_interp(self, stdout: TextIO | None, stderr: TextIO | None, limit: int) -> InterpCore:
        ident = len(self.interps)
        core = InterpCore(self, ident, stdout, stderr, limit)
        core.state.on_change = self.imports.bump_epoch
        self.interps.append(core)
        self.calls.append(0)
        self.run(core, lambda: self.inst.call("feather_interp_init", 0, ident))
        return core

    def remove_interp(self, core: InterpCore) -> None:
        if 0 <= core.id < len(self.interps) and self.interps[core.id] is core:
            self.interps[core.id] = None
            core.closed = True

    # ------------------------------------------------------------ entry

    def run(self, core: InterpCore, call: Callable[[], int]) -> tuple[int, Value]:
        """Enter the instance, make one export call for core, leave: returns the
        code and the result the core handed over. At depth 0 the arena and the
        scratch handles are reset afterwards, whatever happened. Lifetime: every
        handle and arena pointer made during the call dies at that reset; the result
        is a value (never a handle), and core's pending result is saved around nested
        calls. While the core runs, the asynchronous signals are deferred (limits.py,
        signals)."""
        entered = False
        was = SIGNALS.exposed
        try:
            entered = SIGNALS.enter()
            SIGNALS.exposed = False
            return self._run(core, call)
        finally:
            SIGNALS.exposed = was
            if entered:
                SIGNALS.leave()  # last: a deferred handler runs here, after the reset

    def _run(self, core: InterpCore, call: Callable[[], int]) -> tuple[int, Value]:
        if self.depth >= NESTED_CHECK and not python_stack_room():
            # Evals nested through the host (traces, commands calling eval) each take
            # Python frames: fail as Tcl does before Python's recursion limit is hit.
            return st.TCL_ERROR, NESTING_MESSAGE
        if self.depth == 0 and self.poisoned:
            # The last outermost eval could not replace its poisoned instance (no
            # Python stack left): never run on it, its static state is stale.
            self._replace()
        saved = core.result
        core.result = None
        self.depth += 1
        try:
            code = call()
            result = core.result if core.result is not None else ""
            return code, result
        except HostTrap:
            self.poisoned = True
            raise
        except BaseException:
            # A callback failed and unwound the WASM stack: the core's own state
            # is inconsistent now, as after a trap.
            self.poisoned = True
            raise
        finally:
            core.result = saved
            self.depth -= 1
            if self.depth == 0:
                self._reset()

    def _reset(self) -> None:
        """The reset after the outermost eval (depth 0 only): scratch handles, frames
        above the global one and the arena die here; persistent state (variables,
        procs, namespaces, traces) is untouched. A poisoned instance is replaced."""
        self.scratch.reset()
        self.imports.reset()
        for core in self.interps:
            if core is not None:
                core.state.reset_frames()
        if self.poisoned:
            self._replace()
        else:
            self.inst.call("feather_arena_reset")

    def _replace(self) -> None:
        # Cleared only once the new instance is in place: should making it fail
        # (e.g. no Python stack left), the next outermost eval tries again.
        self.inst = self._instance()
        self._attach()
        self.instances += 1
        self.poisoned = False

    def _script(self, data: bytes) -> int:
        """Copy a script into the scratch arena; the pointer is valid until the
        outermost eval returns (call it only inside run)."""
        ptr = self.inst.call("feather_arena_alloc", len(data) or 1)
        if ptr == 0:
            raise MemoryError("feather: the WASM arena cannot hold the script")
        self.inst.write(ptr, data)
        return ptr

    def eval_script(self, core: InterpCore, script: str) -> tuple[int, Value]:
        data = encode(script)

        def call() -> int:
            ptr = self._script(data)
            return self.inst.call("feather_script_eval", 0, core.id, ptr, len(data), 0)

        return self.run(core, call)

    def command(self, core: InterpCore, words: list[Any]) -> tuple[int, Value]:
        value = TclList([from_python(w) for w in words])

        def call() -> int:
            h = self.scratch.new(value)
            return self.inst.call("feather_command_exec", 0, core.id, h, 0)

        return self.run(core, call)

    def subst(self, core: InterpCore, text: str, flags: int) -> tuple[int, Value]:
        value = from_python(text)

        def call() -> int:
            h = self.scratch.new(value)
            return self.inst.call("feather_subst", 0, core.id, h, flags)

        return self.run(core, call)

    def parse_status(self, core: InterpCore, script: str) -> tuple[int, Value]:
        data = encode(script)

        def call() -> int:
            ptr = self._script(data)
            return self.inst.call("feather_parse_status", 0, core.id, ptr, len(data))

        return self.run(core, call)

    def force_reset(self) -> None:
        """The outermost eval's reset, now; refused while an eval runs on the instance
        (its handles and arena memory are still in use)."""
        if self.depth > 0:
            raise RuntimeError("feather: cannot reset while an eval is running")
        self._reset()

    # ------------------------------------------------------------ diagnostics

    @property
    def host_calls(self) -> int:
        """Crossings from the core into the host on this runtime so far, every interp's
        (counted per interp id as they happen; JS counts one total)."""
        return sum(self.calls)

    def arena(self, name: str) -> int:
        return self.inst.call(name) & 0xFFFFFFFF
