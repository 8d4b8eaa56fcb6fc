"""Hostile input, generated (issue 7): random and mutated scripts into eval.

Every outcome is a result or a TclError; after each script the runtime's scratch
memory is empty (no handle, no arena byte, depth 0) and a sentinel interp of the
same runtime still gives its known answer. The fuzzed interp itself keeps whatever
state the scripts left; when a script has damaged it as Tcl allows (renamed ``set``,
deleted ``::``), it is replaced by a fresh one.

Scale: ``FEATHER_FUZZ_BATCHES`` batches of 10 scripts (default 1000: 10,000
scripts, well under a minute); ``FEATHER_FUZZ_RANDOM=1`` explores new inputs instead
of the fixed derandomized ones (``nox -s fuzz`` sets both).
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feather_tcl import Interp, Runtime, TclError
from tests.fuzz.scripts import CASE_SCRIPTS, MUTATED_SCRIPTS, RANDOM_SCRIPTS, SCRIPTS
from tests.host.conftest import needs_wasm
from tests.limits.support import PROBE, PROBE_ANSWER, set_up_state

pytestmark = needs_wasm

BATCH = 10
BATCHES = int(os.environ.get("FEATHER_FUZZ_BATCHES", "1000"))
RANDOM = os.environ.get("FEATHER_FUZZ_RANDOM", "") not in ("", "0")
TIME_LIMIT = 0.05  # seconds per script: a mutated loop may never end
MEMORY_LIMIT = 64 << 20

FUZZ_SETTINGS: dict[str, Any] = {
    "deadline": None,
    "derandomize": not RANDOM,
    "database": None,
    "print_blob": True,
    "suppress_health_check": list(HealthCheck),
}


class Discard:
    """A puts writer that keeps nothing (scripts may print a lot)."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


class Harness:
    def __init__(self) -> None:
        self.rt = Runtime(memory_limit=MEMORY_LIMIT)
        self.sentinel = Interp(runtime=self.rt)
        set_up_state(self.sentinel)
        self.interp = self.fresh()
        self.scripts = 0
        self.outcomes = {"ok": 0, "error": 0, "limit": 0, "trap": 0}
        self.replaced = 0

    def fresh(self) -> Interp:
        return Interp(Discard(), Discard(), runtime=self.rt, time_limit=TIME_LIMIT)  # type: ignore[arg-type]

    def run(self, script: str) -> None:
        try:
            self.interp.eval(script)
            self.outcomes["ok"] += 1
        except TclError as err:  # anything else fails the test
            kind = (
                "limit"
                if err.error_code in ("TCL LIMIT TIME", "TCL LIMIT MEMORY")
                else "trap"
                if err.result.startswith("feather: trap:")
                else "error"
            )
            self.outcomes[kind] += 1
        self.scripts += 1
        self.check()

    def check(self) -> None:
        stats = self.interp.memory_stats()
        assert stats["scratch_handles"] == 0
        assert stats["wasm_arena_used"] == 0
        assert stats["eval_depth"] == 0
        assert self.sentinel.eval(PROBE) == PROBE_ANSWER
        try:
            healthy = self.interp.eval("::set ::__fuzz [::expr {6 * 7}]") == "42"
        except TclError:
            healthy = False
        if not healthy:
            self.interp.close()
            self.interp = self.fresh()
            self.replaced += 1


def test_case_scripts_themselves_run_in_one_long_lived_interp() -> None:
    """The unmutated cases, one after another in one interp: the baseline."""
    h = Harness()
    for script in CASE_SCRIPTS:
        h.run(script)
    assert h.scripts == len(CASE_SCRIPTS)
    assert h.outcomes["ok"] > len(CASE_SCRIPTS) // 2


_HARNESS: list[Harness] = []


def harness() -> Harness:
    """The harness of the generated scripts: one runtime and interp for them all."""
    if not _HARNESS:
        _HARNESS.append(Harness())
    return _HARNESS[0]


@settings(max_examples=BATCHES, **FUZZ_SETTINGS)
@given(st.lists(SCRIPTS, min_size=BATCH, max_size=BATCH))
def test_generated_scripts_never_break_the_runtime(scripts: list[str]) -> None:
    h = harness()
    for script in scripts:
        h.run(script)


def test_the_fuzz_run_was_real() -> None:
    """Runs after the property test (pytest keeps file order): it made at least
    BATCH * BATCHES scripts, of every kind of outcome."""
    h = harness()
    assert h.scripts >= BATCH * BATCHES
    assert h.outcomes["ok"] > 0 and h.outcomes["error"] > 0
    print(f"fuzz: {h.scripts} scripts, {h.outcomes}, interp replaced {h.replaced} times")


@settings(max_examples=max(50, BATCHES // 10), **FUZZ_SETTINGS)
@given(st.lists(RANDOM_SCRIPTS, min_size=1, max_size=3), st.lists(MUTATED_SCRIPTS, max_size=3))
def test_scripts_as_python_command_results_and_arguments(
    results: list[str], args: list[str]
) -> None:
    """Generated text through the Python side: returned by a command, passed to
    call(), evaluated by a command in a nested eval."""
    h = harness()
    pending = list(results)
    for _ in results:
        h.interp.register("gen", lambda: pending.pop() if pending else "")
        h.run("set r [gen]; string length $r; catch {eval $r}; llength [split $r]")
    for text in args:
        it = h.interp
        it.register("nested", lambda s, it=it: it.eval(s))
        try:
            it.call("set", "arg", text)
            it.call("nested", text)
        except TclError:
            pass
        h.check()
