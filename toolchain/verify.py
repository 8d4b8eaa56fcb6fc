"""The gate runner: run gates in order, stop at the first failure, print one table."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from toolchain.checks import NOT_IMPLEMENTED, Context
from toolchain.gates import ALL, Gate
from toolchain.manifest import gate_index
from toolchain.table import render

PASSED = "passed"
FAILED = "FAILED"
NOT_IMPL = "not implemented"
NOT_RUN = "not run"


@dataclass(frozen=True)
class GateResult:
    gate: Gate
    status: str
    run: int = 0
    passed: int = 0
    failed: int = 0
    seconds: float = 0.0
    executed: bool = True


def select(through: str | None = None, only: str | None = None) -> list[Gate]:
    """The gates to run: all, M1..through, or just ``only``."""
    if only is not None:
        return [ALL[gate_index(only)]]
    if through is not None:
        return list(ALL[: gate_index(through) + 1])
    return list(ALL)


def run_gate(gate: Gate, ctx: Context) -> GateResult:
    print(f"== {gate.name}: {gate.title}", flush=True)
    started = time.monotonic()
    passed = failed = 0
    real_failure = False
    for number, check in enumerate(gate.checks, 1):
        print(f"-- {gate.name} [{number}/{len(gate.checks)}] {check.name}", flush=True)
        outcome = check.run(ctx)
        if outcome.ok:
            passed += 1
        else:
            failed += 1
            real_failure = real_failure or outcome.detail != NOT_IMPLEMENTED
        mark = "ok" if outcome.ok else f"FAILED: {outcome.detail}"
        print(f"   {gate.name} [{number}/{len(gate.checks)}] {mark}", flush=True)
    if not gate.checks:
        failed = 1
    status = PASSED if failed == 0 else (FAILED if real_failure else NOT_IMPL)
    return GateResult(gate, status, len(gate.checks), passed, failed, time.monotonic() - started)


def run(gates: Sequence[Gate], ctx: Context) -> list[GateResult]:
    """Run ``gates`` in order; after a failure the rest are reported, not run."""
    results: list[GateResult] = []
    stopped = False
    for gate in gates:
        if stopped:
            status = NOT_RUN if gate.implemented else NOT_IMPL
            results.append(GateResult(gate, status, executed=False))
            continue
        result = run_gate(gate, ctx)
        results.append(result)
        stopped = result.status != PASSED
    return results


def summary(results: Sequence[GateResult]) -> str:
    """The table and a closing ``gates: N passed, N failed[, N skipped]`` line."""
    rows = [
        [r.gate.name, r.gate.title, r.run, r.passed, r.failed, f"{r.seconds:.1f}", r.status]
        if r.executed
        else [r.gate.name, r.gate.title, "-", "-", "-", "-", r.status]
        for r in results
    ]
    headers = ["gate", "title", "checks run", "passed", "failed", "seconds", "status"]
    passed = sum(r.status == PASSED for r in results)
    failed = sum(r.executed and r.status != PASSED for r in results)
    skipped = len(results) - passed - failed
    closing = f"gates: {passed} passed, {failed} failed"
    if skipped:
        closing += f", {skipped} skipped"
    return "\n".join([render(headers, rows, indent=""), closing])


def listing() -> str:
    lines = []
    for gate in ALL:
        state = "implemented" if gate.implemented else NOT_IMPL
        lines.append(f"{gate.name}: {gate.title} [{state}]")
        for check in gate.checks:
            lines.append(f"    [{'x' if check.implemented else ' '}] {check.name}")
    return "\n".join(lines)


def failed(results: Sequence[GateResult]) -> bool:
    return any(r.executed and r.status != PASSED for r in results)
