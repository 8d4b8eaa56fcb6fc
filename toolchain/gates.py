"""The milestone gates M1..M12 (from the seed), each a named list of checks.

To implement a gate, replace its ``planned(...)`` entries with real checks from
toolchain/checks.py (``pytest_milestone``, ``exports_through``, ``host_imports``,
``node_tests``, ``file_present``, ``file_absent``, ``command``, ``wasm_build``,
``host_sources``).
A gate that still holds a planned check reports "not implemented" and fails.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from toolchain.checks import (
    Check,
    command,
    exports_through,
    file_absent,
    host_imports,
    host_sources,
    node_milestone,
    node_tests,
    pytest_milestone,
    wasm_build,
)
from toolchain.manifest import GATES


@dataclass(frozen=True)
class Gate:
    name: str
    title: str
    checks: tuple[Check, ...]

    @property
    def implemented(self) -> bool:
        return bool(self.checks) and all(check.implemented for check in self.checks)


ALL: tuple[Gate, ...] = (
    Gate(
        "M1",
        "arena.h: the arena API",
        (pytest_milestone("M1", "arena.h compiles alone; seed signatures"),),
    ),
    Gate(
        "M2",
        "arena.c: bounds-checked WASM arena",
        (
            wasm_build(),
            exports_through("M2"),
            file_absent("js/wasm_alloc.c"),
            pytest_milestone("M2", "the arena through wasmtime"),
        ),
    ),
    Gate(
        "M3",
        "scratch handle arena, materialize/wrap",
        (
            wasm_build(),
            exports_through("M3"),
            host_imports(),
            pytest_milestone("M3", "scratch handles; materialize -> reset -> wrap"),
            node_milestone("M3"),
        ),
    ),
    Gate(
        "M4",
        "variables across evals",
        (pytest_milestone("M4", "var set/get materialize and wrap"), node_milestone("M4")),
    ),
    Gate(
        "M5",
        "procs across evals",
        (pytest_milestone("M5", "proc params and body materialized"), node_milestone("M5")),
    ),
    Gate(
        "M6",
        "namespaces across evals",
        (pytest_milestone("M6", "namespace vars and commands"), node_milestone("M6")),
    ),
    Gate(
        "M7",
        "frames within an eval",
        (pytest_milestone("M7", "info level within one eval"), node_milestone("M7")),
    ),
    Gate(
        "M8",
        "traces store their script",
        (pytest_milestone("M8", "trace fires on each write; trace info"), node_milestone("M8")),
    ),
    Gate(
        "M9",
        "arena reset after every top-level eval",
        (
            pytest_milestone("M9", "reset after ok, error, exception, nested evals"),
            node_milestone("M9"),
        ),
    ),
    Gate(
        "M10",
        "diagnostics and stress test",
        (
            pytest_milestone("M10", "memory_stats, force_reset, 10k iterations"),
            node_milestone("M10"),
            command("node js/stress-test.js", ["node", "js/stress-test.js"]),
        ),
    ),
    Gate(
        "M11",
        "documentation, no dead code",
        (
            pytest_milestone("M11", "WASM.md names every export and import group; memory model"),
            file_absent("js/wasm_alloc.c"),
            wasm_build(),
            host_sources(),
        ),
    ),
    Gate(
        "M12",
        "verify all",
        (
            node_tests("js/test"),
            command(
                "10,000 commands through the REPL on a pseudo-terminal",
                [sys.executable, "js/test/repl_pty.py", "10000"],
            ),
            command(
                "clean build: toolchain clean and build, then gates M1-M11 again",
                [
                    sys.executable,
                    "-c",
                    "import subprocess, sys; "
                    "subprocess.run([sys.executable, '-m', 'toolchain', 'clean'], check=True); "
                    "subprocess.run([sys.executable, '-m', 'toolchain', 'build'], check=True); "
                    "sys.exit(subprocess.run([sys.executable, '-m', 'toolchain', 'verify', "
                    "'--through', 'M11']).returncode)",
                ],
            ),
        ),
    ),
)

if tuple(gate.name for gate in ALL) != GATES:
    raise RuntimeError("toolchain.gates.ALL must list the gates M1..M12 in order")


def by_name(name: str) -> Gate:
    for gate in ALL:
        if gate.name == name:
            return gate
    raise KeyError(name)
