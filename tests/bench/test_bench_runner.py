"""bench/run.py keeps working: one quick run on every host that exists.

No timing assertions (timing goals live in the benchmark itself): the table lists
every workload, tclsh runs every workload, and the hosts that ran a workload agree
with each other on its result.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUNNER = ROOT / "bench" / "run.py"
WORKLOADS = sorted(p.stem for p in (ROOT / "bench").glob("*.tcl") if p.stem != "tclsh_driver")


@pytest.fixture(scope="module")
def quick_run(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[subprocess.CompletedProcess[str], dict[str, Any]]:
    out = tmp_path_factory.mktemp("bench")
    proc = subprocess.run(
        [sys.executable, str(RUNNER), "--quick", "--quiet", "--timeout", "120", "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=1200,
        check=False,
    )
    report = json.loads((out / "bench.json").read_text(encoding="utf-8"))
    return proc, report


def test_the_issue_lists_fourteen_workloads() -> None:
    assert len(WORKLOADS) == 14, WORKLOADS


def test_help() -> None:
    proc = subprocess.run(
        [sys.executable, str(RUNNER), "--help"], capture_output=True, text=True, check=True
    )
    for option in ("--quick", "--only", "--hosts"):
        assert option in proc.stdout


def test_table_has_every_workload(
    quick_run: tuple[subprocess.CompletedProcess[str], dict[str, Any]],
) -> None:
    proc, report = quick_run
    assert [r["workload"] for r in report["workloads"]] == WORKLOADS
    table = [line for line in proc.stdout.splitlines() if line.startswith("| ")]
    for name in WORKLOADS:
        assert any(line.startswith(f"| {name} ") for line in table), name
    for row in report["workloads"]:
        assert set(row["hosts"]) == set(report["meta"]["hosts"]) == {"python", "js", "tclsh"}


@pytest.mark.skipif(shutil.which("tclsh") is None, reason="tclsh not found")
def test_tclsh_runs_every_workload(
    quick_run: tuple[subprocess.CompletedProcess[str], dict[str, Any]],
) -> None:
    _proc, report = quick_run
    for row in report["workloads"]:
        tcl = row["hosts"]["tclsh"]
        assert tcl["error"] is None, (row["workload"], tcl["error"])
        assert tcl["result"], row["workload"]
        assert tcl["median_s"] is not None and tcl["median_2n_s"] is not None


def test_hosts_agree(quick_run: tuple[subprocess.CompletedProcess[str], dict[str, Any]]) -> None:
    proc, report = quick_run
    for row in report["workloads"]:
        assert row["agree"] != "MISMATCH", (row["workload"], row["problems"])
        ran = {h: e["result"] for h, e in row["hosts"].items() if e["error"] is None}
        assert len(set(ran.values())) <= 1, (row["workload"], ran)
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_every_run_has_a_cold_first_run(
    quick_run: tuple[subprocess.CompletedProcess[str], dict[str, Any]],
) -> None:
    """Each timed run is a process's second run of the workload: the first (cold) one
    is timed too and reported beside it, on every host that ran the workload."""
    proc, report = quick_run
    for row in report["workloads"]:
        for host, e in row["hosts"].items():
            if e["error"] is not None:
                continue
            assert len(e["cold_times_s"]) == len(e["times_s"]) > 0, (row["workload"], host)
            assert e["cold_median_s"] is not None, (row["workload"], host)
            if host != "tclsh":
                assert e["cold_ratio_to_tclsh"] is not None, (row["workload"], host)
    for host, g in report["geomean"].items():
        assert g["cold_geomean_ratio"] is not None, host
        assert f"first runs in a fresh process (cold), {host} / tclsh" in proc.stdout
