"""The gate runner: order, stopping, not-implemented gates, the table, milestone selection."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from toolchain import ROOT, gates, verify
from toolchain.checks import NOT_IMPLEMENTED, Check, Context, Outcome, planned
from toolchain.cli import main
from toolchain.gates import Gate
from toolchain.manifest import GATES, Manifest

CLOSING = re.compile(r"^gates: \d+ passed, \d+ failed(, \d+ skipped)?$")


def passing(name: str, calls: list[str]) -> Check:
    def body(ctx: Context) -> Outcome:
        calls.append(name)
        return Outcome(True)

    return Check(name, body)


def failing(name: str, calls: list[str]) -> Check:
    def body(ctx: Context) -> Outcome:
        calls.append(name)
        return Outcome(False, "broken on purpose")

    return Check(name, body)


def test_every_gate_exists_in_order_with_named_checks() -> None:
    assert tuple(g.name for g in gates.ALL) == GATES
    assert all(g.checks and all(c.name for c in g.checks) for g in gates.ALL)
    implemented = {g.name for g in gates.ALL if g.implemented}
    assert {"M1", "M2"} <= implemented
    for gate in gates.ALL:
        assert gate.implemented == all(check.implemented for check in gate.checks)


def test_planned_check_fails_as_not_implemented(manifest: Manifest) -> None:
    outcome = planned("later").run(Context(manifest))
    assert not outcome.ok and outcome.detail == NOT_IMPLEMENTED


def test_run_stops_at_the_first_failing_gate(
    manifest: Manifest, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[str] = []
    chosen = [
        Gate("M1", "one", (passing("a", calls), passing("b", calls))),
        Gate("M2", "two", (passing("c", calls), failing("d", calls), passing("e", calls))),
        Gate("M3", "three", (passing("f", calls),)),
        Gate("M4", "four", (planned("g"),)),
    ]
    results = verify.run(chosen, Context(manifest))
    assert calls == ["a", "b", "c", "d", "e"]
    assert [r.status for r in results] == [
        verify.PASSED,
        verify.FAILED,
        verify.NOT_RUN,
        verify.NOT_IMPL,
    ]
    assert (results[1].run, results[1].passed, results[1].failed) == (3, 2, 1)
    assert verify.failed(results)
    table = verify.summary(results)
    assert table.splitlines()[-1] == "gates: 1 passed, 1 failed, 2 skipped"
    assert "broken on purpose" in capsys.readouterr().out


def test_a_gate_with_planned_checks_is_not_implemented(manifest: Manifest) -> None:
    calls: list[str] = []
    gate = Gate("M3", "partial", (passing("real", calls), planned("todo")))
    (result,) = verify.run([gate], Context(manifest))
    assert calls == ["real"] and result.status == verify.NOT_IMPL and result.failed == 1
    assert not gate.implemented and Gate("M3", "empty", ()).implemented is False


def test_all_passing_exits_clean(manifest: Manifest) -> None:
    results = verify.run([Gate("M1", "ok", (passing("x", []),))], Context(manifest))
    assert not verify.failed(results)
    assert CLOSING.match(verify.summary(results).splitlines()[-1])


def test_select() -> None:
    assert [g.name for g in verify.select(through="M2")] == ["M1", "M2"]
    assert [g.name for g in verify.select(only="M5")] == ["M5"]
    assert len(verify.select()) == 12


def test_cli_list_and_not_implemented(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = tuple(
        Gate(name, f"gate {name}", (passing("works", []),) if name == "M1" else (planned("x"),))
        for name in GATES
    )
    monkeypatch.setattr(verify, "ALL", fake)
    assert main(["verify", "--list"]) == 0
    listing = capsys.readouterr().out
    assert "M1: gate M1 [implemented]" in listing and "M12: gate M12 [not implemented]" in listing
    assert main(["verify", "--through", "M1"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "gates: 1 passed, 0 failed"
    assert main(["verify"]) == 1
    out = capsys.readouterr().out
    assert re.search(r"M2 .* not implemented", out) and re.search(r"M12 .* not implemented", out)
    assert out.splitlines()[-1] == "gates: 1 passed, 1 failed, 10 skipped"


def test_milestone_option_selects_one_gate() -> None:
    command = [sys.executable, "-m", "pytest", "--collect-only", "-q", "tests/toolchain"]
    result = subprocess.run(
        [*command, "--milestone", "M1"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    collected = [line for line in result.stdout.splitlines() if "::" in line]
    assert result.returncode == 0 and collected
    assert all("test_arena_header.py" in line for line in collected)
    bad = subprocess.run(
        [*command, "--milestone", "M13"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert bad.returncode != 0 and "gates are M1..M12" in bad.stderr
