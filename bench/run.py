#!/usr/bin/env python3
"""Feather benchmarks: every ``bench/*.tcl`` workload on the Python host, the JS host
(Node.js) and tclsh, in the same run.

Each workload runs at its size N and at 2N, on every host, interleaved (for each
repetition, each host in turn), several repetitions. Every repetition is a new process
(a new wasmtime runtime on Python) that runs the workload twice at the same size, each
time in a fresh interpreter: the first run is "cold" (V8 still compiling the module's
hot functions with its optimizing tier, Tcl's allocator and caches empty), the second
is the timed one the table and ratios use (a long-lived program's steady state); the
cold times are reported beside them. The table shows the median wall
time per host, the ratio to tclsh, the host calls per iteration (exact: the host's
crossing counter over the timed part, divided by N), the peak scratch handles and
arena bytes, the scaling 2N/N (flagged above 2.2) and whether the hosts' results
agree. A workload a host cannot run (a missing command, a missing host) is an error
cell in the table, never a crash. Writes ``build/bench.json`` and, when matplotlib is
installed, ``build/bench.png`` (the ratios to tclsh).

Workload files: ``# size: N=100000 K=25`` and ``# quick: N=100`` give the variables
the runner sets before the script (only N is doubled); the lines before ``# @timed``
are untimed setup, the lines after it are timed, and the lines after ``# @check``
(optional) give the result compared across hosts (otherwise the timed part's result).
``# mode: evals`` evaluates the timed part N times as separate top-level evals.

Exit status: 0, or 1 when two hosts disagree on a workload's result.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import gc
import hashlib
import io
import json
import math
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any, Protocol

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
HOSTS = ("python", "js", "tclsh")
FEATHER_HOSTS = ("python", "js")
SCALING_FLAG = 2.2
TARGET_RATIO = {"python": 30.0, "js": 5.0}  # issue 6: geometric mean of the ratios to tclsh
MARKER = "FEATHER-BENCH "
# The for loop of the memory check: N in one eval, at these two sizes.
MEMORY_SIZES = (10_000, 1_000_000)
MEMORY_SIZES_QUICK = (100, 1_000)
UNAVAILABLE_KEYS = (
    "median_s",
    "median_2n_s",
    "scaling",
    "ratio_to_tclsh",
    "cold_median_s",
    "cold_ratio_to_tclsh",
    "result",
    "host_calls",
    "host_calls_per_iteration",
)


# --------------------------------------------------------------------------- workloads


@dataclass(frozen=True)
class Workload:
    """One ``bench/NAME.tcl`` file, split into its parts."""

    name: str
    description: str
    size: dict[str, int]
    quick: dict[str, int]
    mode: str  # "script" or "evals"
    setup: str
    timed: str
    check: str

    def variables(self, quick: bool, factor: int = 1) -> dict[str, int]:
        """The variables for one run: N times factor, the others as given."""
        base = dict(self.quick if quick else self.size)
        base["N"] = base["N"] * factor
        return base


def prelude(variables: dict[str, int]) -> str:
    return "".join(f"set {k} {v}\n" for k, v in variables.items())


def parse_sizes(text: str, where: str) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for item in text.split():
        key, sep, value = item.partition("=")
        if not sep or not key.isidentifier():
            raise ValueError(f"{where}: expected NAME=INTEGER, got {item!r}")
        sizes[key] = int(value.replace("_", ""))
    if "N" not in sizes:
        raise ValueError(f"{where}: no N")
    return sizes


HEADER = re.compile(r"^#\s*(bench|size|quick|mode):\s*(.*?)\s*$")


def load_workload(path: Path) -> Workload:
    """Parse a workload file (see the module docstring for its format)."""
    meta: dict[str, str] = {}
    parts: dict[str, list[str]] = {"setup": [], "timed": [], "check": []}
    part = "setup"
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        stripped = line.strip()
        if stripped == "# @timed":
            part = "timed"
            continue
        if stripped == "# @check":
            part = "check"
            continue
        m = HEADER.match(stripped)
        if m and part == "setup":
            meta[m.group(1)] = m.group(2)
            continue
        parts[part].append(line)
    where = str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    if "size" not in meta:
        raise ValueError(f"{where}: no '# size:' line")
    if not "".join(parts["timed"]).strip():
        raise ValueError(f"{where}: no '# @timed' part")
    mode = meta.get("mode", "script")
    if mode not in ("script", "evals"):
        raise ValueError(f"{where}: mode must be script or evals, not {mode!r}")
    size = parse_sizes(meta["size"], where)
    return Workload(
        name=path.stem,
        description=meta.get("bench", path.stem),
        size=size,
        quick=parse_sizes(meta["quick"], where) if "quick" in meta else size,
        mode=mode,
        setup="".join(parts["setup"]).strip("\n"),
        timed="".join(parts["timed"]).strip("\n"),
        check="".join(parts["check"]).strip("\n"),
    )


def load_workloads(directory: Path = BENCH) -> list[Workload]:
    return [load_workload(p) for p in sorted(directory.glob("*.tcl")) if p.stem != "tclsh_driver"]


# --------------------------------------------------------------------------- hosts


@dataclass
class Run:
    """One run of one workload on one host."""

    seconds: float | None = None
    result: str | None = None
    error: str | None = None
    host_calls: int | None = None  # crossings during the timed part
    scratch_peak: int | None = None
    scratch_peak_exact: bool = False  # False: handles in use at the end of the timed part
    arena_peak: int | None = None  # the arena's high-water mark, in bytes
    memory_bytes: int | None = None  # linear memory size after the run
    cold_seconds: float | None = None  # the same workload's first run in this process

    @property
    def ok(self) -> bool:
        return self.error is None


class Host(Protocol):
    name: str

    def unavailable(self) -> str | None:
        """Why this host cannot run anything, or None."""
        ...

    def version(self) -> str: ...

    def run(self, w: Workload, variables: dict[str, int], *, probe: bool, warmup: bool) -> Run:
        """One run. With warmup, the workload first runs once at the same size in
        another interpreter of the same process; that run's time is cold_seconds."""
        ...


class BenchTimeout(BaseException):
    """Raised by SIGALRM inside the Python host. A BaseException, so that it unwinds
    the WASM stack like KeyboardInterrupt instead of becoming a Tcl error."""


@contextlib.contextmanager
def alarm(seconds: float) -> Iterator[None]:
    if not hasattr(signal, "setitimer") or seconds <= 0:
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise BenchTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def short_error(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0] if text else type(exc).__name__


class PythonHost:
    """In-process: ``feather_tcl.Interp`` on a fresh ``Runtime`` per run, so the
    arena's high-water mark is this run's."""

    name = "python"

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self._why: str | None = None
        self._mod: Any = None
        try:
            self._mod = import_feather_tcl()
        except Exception as exc:  # noqa: BLE001 - any import failure makes the host unavailable
            self._why = f"cannot import feather_tcl: {short_error(exc)}"

    def unavailable(self) -> str | None:
        return self._why

    def version(self) -> str:
        from importlib import metadata

        try:
            wasmtime = metadata.version("wasmtime")
        except metadata.PackageNotFoundError:
            wasmtime = "?"
        return f"Python {platform.python_version()}, wasmtime {wasmtime}"

    def run(self, w: Workload, variables: dict[str, int], *, probe: bool, warmup: bool) -> Run:
        if not warmup:
            return self._once(w, variables, probe=probe)
        cold = self._once(w, variables, probe=False)
        if not cold.ok:
            return cold
        out = self._once(w, variables, probe=probe)
        out.cold_seconds = cold.seconds
        return out

    def _once(self, w: Workload, variables: dict[str, int], *, probe: bool) -> Run:
        mod = self._mod
        out = Run()
        probed = {"scratch": 0, "arena": 0}
        phase = "start"
        interp: Any = None
        gc.collect()  # the previous run's runtime, not this run's time
        try:
            with alarm(self.timeout):
                rt = mod.Runtime()
                interp = mod.Interp(stdout=io.StringIO(), stderr=io.StringIO(), runtime=rt)
                if probe:

                    def bench_probe() -> str:
                        stats = interp.memory_stats()
                        probed["scratch"] = max(probed["scratch"], stats["scratch_handles"])
                        probed["arena"] = max(probed["arena"], stats["wasm_arena_used"])
                        return ""

                    interp.register("bench_probe", bench_probe)
                phase = "setup"
                interp.eval(prelude(variables))
                if w.setup:
                    interp.eval(w.setup)
                phase = "timed"
                timed = w.timed + "\nbench_probe" if probe else w.timed
                evaluate = interp.eval
                c0 = interp.memory_stats()["host_calls"]
                t0 = time.perf_counter()
                if w.mode == "evals":
                    result = ""
                    for _ in range(variables["N"]):
                        result = evaluate(timed)
                else:
                    result = evaluate(timed)
                t1 = time.perf_counter()
                c1 = interp.memory_stats()["host_calls"]
                phase = "check"
                if w.check:
                    result = interp.eval(w.check)
            out.seconds = t1 - t0
            # With the probe appended, the timed part's result is the probe's.
            out.result = None if probe and not w.check else result
            out.host_calls = c1 - c0
        except BenchTimeout:
            out.error = f"{phase}: timeout after {self.timeout:g} s"
        except Exception as exc:  # noqa: BLE001 - every failure is a table cell
            out.error = f"{phase}: {short_error(exc)}"
        if interp is not None:
            with contextlib.suppress(Exception):
                stats = interp.memory_stats()
                exact = stats.get("scratch_high_water", stats.get("scratch_peak"))
                if isinstance(exact, int):
                    out.scratch_peak, out.scratch_peak_exact = exact, True
                elif probe:
                    out.scratch_peak = probed["scratch"]
                out.arena_peak = stats.get("wasm_arena_high_water")
                out.memory_bytes = stats.get("wasm_memory_bytes")
            with contextlib.suppress(Exception):
                interp.close()
        return out


def import_feather_tcl() -> Any:
    """feather_tcl as installed, else from the checkout's host/ directory."""
    try:
        import feather_tcl  # noqa: PLC0415
    except ImportError:
        sys.path.insert(0, str(ROOT / "host"))
        import feather_tcl  # noqa: PLC0415
    return feather_tcl


def subprocess_reply(cmd: list[str], stdin: str, timeout: float, what: str) -> tuple[str, str]:
    """Run cmd; returns (status line, payload) after the marker, or raises RuntimeError."""
    try:
        proc = subprocess.run(
            cmd,
            input=stdin.encode(),
            capture_output=True,
            timeout=timeout if timeout > 0 else None,
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"timeout after {timeout:g} s") from None
    out = proc.stdout.decode("utf-8", errors="replace")
    at = out.rfind(MARKER)
    if at < 0:
        err = proc.stderr.decode("utf-8", errors="replace").strip().splitlines()
        tail = err[-1] if err else f"exit status {proc.returncode}"
        raise RuntimeError(f"{what} crashed: {tail}")
    status, _, payload = out[at + len(MARKER) :].partition("\n")
    return status, payload


class JsHost:
    """A ``node bench/js_driver.mjs`` process per run (js/feather.js, js/feather.wasm)."""

    name = "js"

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self.node = shutil.which("node")
        self.feather = ROOT / "js" / "feather.js"
        self.wasm = ROOT / "js" / "feather.wasm"

    def unavailable(self) -> str | None:
        if self.node is None:
            return "node not found"
        for p in (self.feather, self.wasm):
            if not p.is_file():
                return f"{p.relative_to(ROOT)} not found"
        return None

    def version(self) -> str:
        assert self.node is not None
        v = subprocess.run([self.node, "--version"], capture_output=True, text=True, check=False)
        return f"Node.js {v.stdout.strip()}"

    def run(self, w: Workload, variables: dict[str, int], *, probe: bool, warmup: bool) -> Run:
        assert self.node is not None
        request = {
            "feather": str(self.feather),
            "wasm": str(self.wasm),
            "mode": w.mode,
            "prelude": prelude(variables),
            "n": variables["N"],
            "setup": w.setup,
            "timed": w.timed,
            "check": w.check,
            "warmup": {"prelude": prelude(variables), "n": variables["N"]} if warmup else None,
            "probe": probe,
        }
        driver = [self.node, str(BENCH / "js_driver.mjs")]
        try:
            line, _rest = subprocess_reply(driver, json.dumps(request), self.timeout, "node")
            data = json.loads(line)
        except (RuntimeError, ValueError) as exc:
            return Run(error=f"run: {short_error(exc)}")
        return Run(
            seconds=data.get("seconds"),
            result=data.get("result"),
            error=None if data.get("ok") else str(data.get("error", "failed")),
            host_calls=data.get("hostCalls"),
            scratch_peak=data.get("scratchPeak"),
            scratch_peak_exact=bool(data.get("scratchPeakExact")),
            arena_peak=data.get("arenaPeak"),
            memory_bytes=data.get("memoryBytes"),
            cold_seconds=data.get("coldSeconds"),
        )


class TclshHost:
    """A ``tclsh bench/tclsh_driver.tcl`` process per run; timed with [clock microseconds]."""

    name = "tclsh"

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self.tclsh = shutil.which("tclsh")

    def unavailable(self) -> str | None:
        return None if self.tclsh else "tclsh not found"

    def version(self) -> str:
        assert self.tclsh is not None
        v = subprocess.run(
            [self.tclsh],
            input="puts [info patchlevel]\n",
            capture_output=True,
            text=True,
            check=False,
        )
        return f"Tcl {v.stdout.strip()}"

    def run(self, w: Workload, variables: dict[str, int], *, probe: bool, warmup: bool) -> Run:
        assert self.tclsh is not None
        flat = " ".join(f"{k} {v}" for k, v in variables.items())
        runs = 2 if warmup else 1
        header = f"{w.mode} {len(w.setup)} {len(w.timed)} {len(w.check)} {runs}\n{flat}\n"
        request = header + w.setup + w.timed + w.check
        driver = [self.tclsh, str(BENCH / "tclsh_driver.tcl")]
        try:
            status, payload = subprocess_reply(driver, request, self.timeout, "tclsh")
        except RuntimeError as exc:
            return Run(error=f"run: {short_error(exc)}")
        state, _, micros = status.partition(" ")
        if state != "ok":
            return Run(error=payload.splitlines()[0] if payload else "failed")
        times = [int(m) / 1e6 for m in micros.split()]
        return Run(seconds=times[-1], result=payload, cold_seconds=times[0] if warmup else None)


def make_host(name: str, timeout: float) -> Host:
    if name == "python":
        return PythonHost(timeout)
    if name == "js":
        return JsHost(timeout)
    return TclshHost(timeout)


# --------------------------------------------------------------------------- measuring


@dataclass
class Cell:
    """A workload on a host at one size: its runs and what they add up to."""

    runs: list[Run] = field(default_factory=list)
    probe: Run | None = None
    error: str | None = None

    @property
    def times(self) -> list[float]:
        return [r.seconds for r in self.runs if r.ok and r.seconds is not None]

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.times and self.error is None else None

    @property
    def cold_times(self) -> list[float]:
        return [r.cold_seconds for r in self.runs if r.ok and r.cold_seconds is not None]

    @property
    def cold_median(self) -> float | None:
        times = self.cold_times
        return statistics.median(times) if times and self.error is None else None

    @property
    def results(self) -> list[str]:
        found = [r.result for r in self.runs if r.ok and r.result is not None]
        if self.probe is not None and self.probe.ok and self.probe.result is not None:
            found.append(self.probe.result)
        return found

    @property
    def result(self) -> str | None:
        found = self.results
        return found[0] if found and self.error is None else None

    @property
    def host_calls(self) -> int | None:
        calls = [r.host_calls for r in self.runs if r.ok and r.host_calls is not None]
        return calls[0] if calls else None

    def fail(self, run: Run) -> None:
        if self.error is None:
            self.error = run.error


def measure(
    workloads: Sequence[Workload],
    hosts: Sequence[Host],
    *,
    quick: bool,
    repeat: int,
    log: Callable[[str], None],
) -> dict[str, dict[str, dict[int, Cell]]]:
    """cells[workload][host][factor] for factor 1 (N) and 2 (2N).

    Per workload: a probe run on each WASM host (memory, not timed), then for each
    size, `repeat` rounds in which every host runs once, in an order that rotates.
    A host that fails a workload is not asked again for it."""
    cells: dict[str, dict[str, dict[int, Cell]]] = {}
    for w in workloads:
        per = {h.name: {1: Cell(), 2: Cell()} for h in hosts}
        cells[w.name] = per
        log(f"{w.name}: N={w.variables(quick)['N']}")
        for h in hosts:
            if h.name in FEATHER_HOSTS:
                probe = h.run(w, w.variables(quick), probe=True, warmup=False)
                per[h.name][1].probe = probe
                if not probe.ok:
                    per[h.name][1].fail(probe)
                    per[h.name][2].fail(probe)
                    log(f"  {h.name}: {probe.error}")
        for factor in (1, 2):
            variables = w.variables(quick, factor)
            for rep in range(repeat):
                order = list(hosts[rep % len(hosts) :]) + list(hosts[: rep % len(hosts)])
                for h in order:
                    cell = per[h.name][factor]
                    if cell.error is not None:
                        continue
                    run = h.run(w, variables, probe=False, warmup=True)
                    cell.runs.append(run)
                    if not run.ok:
                        cell.fail(run)
                        if factor == 1:
                            per[h.name][2].fail(run)
                        log(f"  {h.name} x{factor}: {run.error}")
                    else:
                        log(f"  {h.name} x{factor} #{rep + 1}: {fmt_time(run.seconds)}")
    return cells


def memory_check(
    hosts: Sequence[Host], workloads: Sequence[Workload], quick: bool, log: Callable[[str], None]
) -> dict[str, dict[int, Run]]:
    """The `for` loop in ONE eval at two sizes: are peak scratch handles and arena
    bytes independent of the iteration count?"""
    loop = next((w for w in workloads if w.name == "for_incr"), None)
    if loop is None:
        return {}
    sizes = MEMORY_SIZES_QUICK if quick else MEMORY_SIZES
    found: dict[str, dict[int, Run]] = {}
    for h in hosts:
        if h.name not in FEATHER_HOSTS:
            continue
        found[h.name] = {}
        for n in sizes:
            variables = {**loop.variables(quick), "N": n}
            run = h.run(loop, variables, probe=True, warmup=False)
            found[h.name][n] = run
            log(f"memory {h.name} N={n}: {run.error or 'ok'}")
    return found


# --------------------------------------------------------------------------- reporting


def fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.3g} ms"
    return f"{seconds * 1e6:.3g} µs"


def fmt_int(value: int | None, exact: bool = True) -> str:
    if value is None:
        return "-"
    return f"{value:,}" if exact else f"≥{value:,}"


def fmt_bytes(value: int | None) -> str:
    if value is None:
        return "-"
    if value >= 1 << 20:
        return f"{value / (1 << 20):.3g} MiB"
    if value >= 1 << 10:
        return f"{value / (1 << 10):.3g} KiB"
    return f"{value} B"


def clip(text: str, width: int = 48) -> str:
    text = text.replace("|", "\\|")
    return text if len(text) <= width else text[: width - 1] + "…"


def digest(result: str | None) -> str | None:
    """Short results as they are, long ones as their length and a hash."""
    if result is None or len(result) <= 80:
        return result
    return f"<{len(result)} chars, sha1 {hashlib.sha1(result.encode()).hexdigest()[:12]}>"


def agreement(per: dict[str, dict[int, Cell]]) -> tuple[str, list[str]]:
    """'ok', 'MISMATCH' or '-' (fewer than two hosts ran it); and the messages."""
    problems: list[str] = []
    compared = 0
    for factor in (1, 2):
        seen: dict[str, str] = {}
        for host, cells in per.items():
            cell = cells[factor]
            if cell.error is not None or not cell.results:
                continue
            if len(set(cell.results)) > 1:
                problems.append(f"{host} x{factor}: results differ between runs")
            seen[host] = cell.results[0]
        if len(seen) >= 2:
            compared += 1
            if len(set(seen.values())) > 1:
                shown = ", ".join(f"{h}={digest(r)!r}" for h, r in seen.items())
                problems.append(f"x{factor}: {shown}")
    if problems:
        return "MISMATCH", problems
    return ("ok" if compared else "-"), problems


def ratio(per: dict[str, dict[int, Cell]], host: str, *, cold: bool = False) -> float | None:
    """The host's median at N over tclsh's (of the timed runs, or of the cold first runs)."""
    base_cell, mine_cell = per.get("tclsh", {}).get(1, Cell()), per[host][1]
    base = base_cell.cold_median if cold else base_cell.median
    mine = mine_cell.cold_median if cold else mine_cell.median
    if base is None or mine is None or base <= 0:
        return None
    return mine / base


def scaling(cells: dict[int, Cell]) -> float | None:
    a, b = cells[1].median, cells[2].median
    if a is None or b is None or a <= 0:
        return None
    return b / a


def geomean(values: Sequence[float]) -> float | None:
    values = [v for v in values if v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def summarize(
    workloads: Sequence[Workload],
    hosts: Sequence[Host],
    cells: dict[str, dict[str, dict[int, Cell]]],
    memory: dict[str, dict[int, Run]],
    *,
    quick: bool,
    repeat: int,
    asked: Sequence[str],
    skipped: dict[str, str],
) -> dict[str, Any]:
    """Everything the run found, as plain data (what build/bench.json holds). A host
    that was asked for but is unavailable gets an error in every row."""
    versions = {h.name: h.version() for h in hosts}
    rows: list[dict[str, Any]] = []
    for w in workloads:
        per = cells[w.name]
        agree, problems = agreement(per)
        n = w.variables(quick)["N"]
        row: dict[str, Any] = {
            "workload": w.name,
            "description": w.description,
            "mode": w.mode,
            "variables": w.variables(quick),
            "agree": agree,
            "problems": problems,
            "hosts": {},
        }
        for h in hosts:
            c1, c2 = per[h.name][1], per[h.name][2]
            probe = c1.probe
            calls = c1.host_calls
            entry: dict[str, Any] = {
                "error": c1.error or c2.error,
                "median_s": c1.median,
                "times_s": c1.times,
                "median_2n_s": c2.median,
                "times_2n_s": c2.times,
                "scaling": scaling(per[h.name]),
                "ratio_to_tclsh": ratio(per, h.name) if h.name != "tclsh" else None,
                "cold_median_s": c1.cold_median,
                "cold_times_s": c1.cold_times,
                "cold_ratio_to_tclsh": (
                    ratio(per, h.name, cold=True) if h.name != "tclsh" else None
                ),
                "result": digest(c1.result),
                "result_2n": digest(c2.result),
                "host_calls": calls,
                "host_calls_per_iteration": calls / n if calls is not None else None,
            }
            if probe is not None:
                entry.update(
                    scratch_peak=probe.scratch_peak,
                    scratch_peak_exact=probe.scratch_peak_exact,
                    arena_peak_bytes=probe.arena_peak,
                    wasm_memory_bytes=probe.memory_bytes,
                )
            row["hosts"][h.name] = entry
        for name, why in skipped.items():
            row["hosts"][name] = dict.fromkeys(UNAVAILABLE_KEYS) | {
                "error": f"host unavailable: {why}"
            }
        row["hosts"] = {h: row["hosts"][h] for h in asked}
        rows.append(row)
    means: dict[str, Any] = {}
    for h in hosts:
        if h.name == "tclsh":
            continue
        ratios = [r["hosts"][h.name]["ratio_to_tclsh"] for r in rows]
        ran = [x for x in ratios if x is not None]
        cold = [x for r in rows if (x := r["hosts"][h.name]["cold_ratio_to_tclsh"]) is not None]
        means[h.name] = {
            "geomean_ratio": geomean(ran),
            "workloads": len(ran),
            "of": len(rows),
            "cold_geomean_ratio": geomean(cold),
            "cold_workloads": len(cold),
        }
    mem: dict[str, Any] = {
        host: {
            str(n): {
                "error": run.error,
                "scratch_peak": run.scratch_peak,
                "scratch_peak_exact": run.scratch_peak_exact,
                "arena_peak_bytes": run.arena_peak,
                "seconds": run.seconds,
            }
            for n, run in runs.items()
        }
        for host, runs in memory.items()
    }
    return {
        "meta": {
            "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "commit": git_commit(),
            "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
            "quick": quick,
            "repeat": repeat,
            "hosts": {h: versions.get(h, "unavailable") for h in asked},
            "skipped_hosts": skipped,
            "scaling_flag": SCALING_FLAG,
        },
        "workloads": rows,
        "geomean": means,
        "memory_one_eval": mem,
    }


def git_commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "describe", "--always", "--dirty"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip() or None


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table, padded to line up in a terminal too."""
    widths = [max(len(header[i]), *(len(r[i]) for r in rows)) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(widths[i]) for i, c in enumerate(cells)) + " |"

    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), sep, *(line(r) for r in rows)])


def render(report: dict[str, Any]) -> str:
    """The tables and notes printed at the end of a run."""
    hosts = sorted(report["meta"]["hosts"], key=lambda h: h != "tclsh")  # tclsh first
    wasm = [h for h in hosts if h in FEATHER_HOSTS]
    both = " / ".join(wasm)
    header = ["workload", "N"]
    header += [h if h == "tclsh" else f"{h} (× tclsh)" for h in hosts]
    if wasm:
        header += [f"calls/iter {both}", f"peak scratch {both}", f"peak arena {both}"]
    header += [f"2N/N {' / '.join(hosts)}", "agree"]

    def per_wasm(row: dict[str, Any], show: Callable[[dict[str, Any]], str]) -> str:
        return " / ".join("-" if row["hosts"][h]["error"] else show(row["hosts"][h]) for h in wasm)

    rows: list[list[str]] = []
    for row in report["workloads"]:
        cells = [row["workload"], f"{row['variables']['N']:,}"]
        for h in hosts:
            e = row["hosts"][h]
            if e["error"]:
                cells.append("error: " + clip(e["error"]))
            elif e["median_s"] is None:
                cells.append("-")
            elif h == "tclsh" or e["ratio_to_tclsh"] is None:
                cells.append(fmt_time(e["median_s"]))
            else:
                cells.append(f"{fmt_time(e['median_s'])} ({e['ratio_to_tclsh']:.3g}×)")
        if wasm:
            cells.append(
                per_wasm(
                    row,
                    lambda e: (
                        "-"
                        if e["host_calls_per_iteration"] is None
                        else f"{e['host_calls_per_iteration']:.4g}"
                    ),
                )
            )
            cells.append(
                per_wasm(
                    row,
                    lambda e: fmt_int(e.get("scratch_peak"), bool(e.get("scratch_peak_exact"))),
                )
            )
            cells.append(per_wasm(row, lambda e: fmt_bytes(e.get("arena_peak_bytes"))))
        scale = []
        for h in hosts:
            s = row["hosts"][h]["scaling"]
            scale.append("-" if s is None else f"{s:.2f}{'!' if s > SCALING_FLAG else ''}")
        cells.append(" / ".join(scale))
        cells.append(row["agree"])
        rows.append(cells)
    out = [table(header, rows)]
    if report["geomean"]:
        out.append("")
    for h, g in report["geomean"].items():
        value = "-" if g["geomean_ratio"] is None else f"{g['geomean_ratio']:.3g}×"
        out.append(
            f"geometric mean, {h} / tclsh: {value} (over {g['workloads']} of {g['of']} "
            f"workloads; target ≤ {TARGET_RATIO[h]:g}×)"
        )
        if g["cold_geomean_ratio"] is not None:
            out.append(
                f"  first runs in a fresh process (cold), {h} / tclsh: "
                f"{g['cold_geomean_ratio']:.3g}× (over {g['cold_workloads']} workloads)"
            )
    for which in (wasm, ["tclsh"]):
        flagged = [
            f"{r['workload']} on {h}" if len(which) > 1 else r["workload"]
            for r in report["workloads"]
            for h in which
            if h in hosts and (s := r["hosts"][h]["scaling"]) is not None and s > SCALING_FLAG
        ]
        if flagged and which == ["tclsh"]:
            out.append(f"(tclsh itself, for calibration: {', '.join(flagged)})")
        elif flagged:
            out.append(f"worse than linear (2N/N > {SCALING_FLAG}): " + ", ".join(flagged))
    for r in report["workloads"]:
        for p in r["problems"]:
            out.append(f"DISAGREE {r['workload']}: {p}")
    mem = report["memory_one_eval"]
    if mem:
        sizes = sorted({int(n) for runs in mem.values() for n in runs})
        head = ["memory in one eval (for loop)"]
        head += [f"peak scratch N={n:,}" for n in sizes]
        head += [f"peak arena N={n:,}" for n in sizes]
        mrows = []
        for host, runs in mem.items():
            cells = [host]
            for n in sizes:
                e = runs[str(n)]
                cells.append(
                    "error: " + clip(e["error"], 30)
                    if e["error"]
                    else fmt_int(e["scratch_peak"], bool(e["scratch_peak_exact"]))
                )
            for n in sizes:
                e = runs[str(n)]
                cells.append("-" if e["error"] else fmt_bytes(e["arena_peak_bytes"]))
            mrows.append(cells)
        out += ["", table(head, mrows)]
    notes = [
        "time: median wall time of the timed part, in each process the second run of the",
        "workload (the first, cold, warms up the engine); × tclsh: ratio to tclsh's median.",
        "calls/iter: host calls in the timed part / N. peak scratch and arena: the most",
        "scratch handles and arena bytes in use at once during the run at N.",
        f"2N/N: median time at 2N / at N; ! marks > {SCALING_FLAG}.",
    ]
    inexact = any(
        e.get("scratch_peak") is not None and not e.get("scratch_peak_exact")
        for r in report["workloads"]
        for e in r["hosts"].values()
    )
    if inexact:
        notes.append("≥: handles in use at the end of the timed part (no high-water mark).")
    for host, why in report["meta"]["skipped_hosts"].items():
        notes.append(f"{host}: not run ({why})")
    return "\n".join([*out, "", *notes])


def chart(report: dict[str, Any], path: Path) -> str | None:
    """build/bench.png: the ratio to tclsh per workload and host, on a log scale.
    Returns why no chart was written, or None."""
    try:
        import matplotlib  # noqa: PLC0415

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt  # noqa: PLC0415
    except ImportError:
        return "matplotlib is not installed (nox -s bench installs it)"
    hosts = [h for h in report["meta"]["hosts"] if h != "tclsh"]
    names = [r["workload"] for r in report["workloads"]]
    if not hosts or not names:
        return "nothing to chart"
    values = [
        v for r in report["workloads"] for h in hosts if (v := r["hosts"][h]["ratio_to_tclsh"])
    ]
    low = min([0.5, *(v / 1.5 for v in values)])
    high = max([2.0 * t for t in TARGET_RATIO.values()] + [4.0 * v for v in values])
    fig, ax = plt.subplots(figsize=(max(8.0, 0.75 * len(names)), 5.5))
    ax.set_yscale("log")
    ax.set_ylim(low, high)
    width = 0.8 / len(hosts)
    for i, h in enumerate(hosts):
        xs, ys, missing = [], [], []
        for j, r in enumerate(report["workloads"]):
            value = r["hosts"][h]["ratio_to_tclsh"]
            x = j + (i - (len(hosts) - 1) / 2) * width
            if value is None:
                missing.append(x)
            else:
                xs.append(x)
                ys.append(value)
        bars = ax.bar(xs, ys, width, label=f"{h} host", color=f"C{i}")
        ax.bar_label(bars, fmt="%.3g", fontsize=6, rotation=90, padding=2)
        for x in missing:
            ax.text(x, low * 1.15, "n/a", rotation=90, ha="center", va="bottom", fontsize=7)
        if h in TARGET_RATIO:
            ax.axhline(
                TARGET_RATIO[h],
                color=f"C{i}",
                linestyle="--",
                linewidth=0.8,
                label=f"{h} target: geometric mean ≤ {TARGET_RATIO[h]:g}×",
            )
    ax.axhline(1.0, color="black", linewidth=0.8)
    ax.set_xlim(-0.6, len(names) - 0.4)
    ax.set_xticks(range(len(names)), names, rotation=40, ha="right")
    ax.set_ylabel("median time / tclsh (log scale; n/a: error)")
    meta = report["meta"]
    ax.set_title(f"Feather vs tclsh ({meta['commit'] or '?'}, {meta['date'][:10]})")
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return None


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="bench/run.py",
        description=(
            "Run the bench/*.tcl workloads on the Python host, the JS host and tclsh, "
            "at N and 2N, and print the median times, the ratios to tclsh, host calls "
            "per iteration and peak memory. Writes DIR/bench.json and DIR/bench.png."
        ),
        epilog="Exit status 1 when the hosts disagree on a workload's result.",
    )
    p.add_argument("--quick", action="store_true", help="tiny sizes and one repetition")
    p.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help="run only this workload (repeatable, or comma-separated)",
    )
    p.add_argument(
        "--hosts",
        default=",".join(HOSTS),
        help=f"comma-separated hosts to run (default {','.join(HOSTS)})",
    )
    p.add_argument(
        "--repeat",
        type=int,
        default=None,
        metavar="K",
        help="timed repetitions per size and host (default 5; 1 with --quick)",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=600.0,
        metavar="SECONDS",
        help="give up one run after this long (default 600; 0: never)",
    )
    p.add_argument(
        "--no-memory",
        action="store_true",
        help="skip the for loop in one eval at 10^4 and 10^6 iterations",
    )
    p.add_argument(
        "--out",
        type=Path,
        default=ROOT / "build",
        metavar="DIR",
        help="where bench.json and bench.png go (default build/)",
    )
    p.add_argument("--list", action="store_true", help="list the workloads and exit")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    args = p.parse_args(argv)
    hosts = [h.strip() for h in args.hosts.split(",") if h.strip()]
    bad = [h for h in hosts if h not in HOSTS]
    if bad or not hosts:
        p.error(f"--hosts: choose from {', '.join(HOSTS)}")
    args.hosts = [h for h in HOSTS if h in hosts]
    if args.repeat is None:
        args.repeat = 1 if args.quick else 5
    if args.repeat < 1:
        p.error("--repeat must be at least 1")
    if args.only:
        args.only = [n.strip() for item in args.only for n in item.split(",") if n.strip()]
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    workloads = load_workloads()
    if args.list:
        for w in workloads:
            sizes = " ".join(f"{k}={v}" for k, v in w.size.items())
            print(f"{w.name:15} {sizes:18} {w.description}")
        return 0
    if args.only:
        known = {w.name for w in workloads}
        unknown = [n for n in args.only if n not in known]
        if unknown:
            print(f"unknown workload(s): {', '.join(unknown)}; see --list", file=sys.stderr)
            return 2
        workloads = [w for w in workloads if w.name in args.only]

    def log(text: str) -> None:
        if not args.quiet:
            print(text, file=sys.stderr, flush=True)

    hosts: list[Host] = []
    skipped: dict[str, str] = {}
    for name in args.hosts:
        host = make_host(name, args.timeout)
        why = host.unavailable()
        if why is None:
            hosts.append(host)
        else:
            skipped[name] = why
            log(f"{name}: not run ({why})")
    cells = measure(workloads, hosts, quick=args.quick, repeat=args.repeat, log=log)
    memory = {} if args.no_memory else memory_check(hosts, workloads, args.quick, log)
    report = summarize(
        workloads,
        hosts,
        cells,
        memory,
        quick=args.quick,
        repeat=args.repeat,
        asked=args.hosts,
        skipped=skipped,
    )
    text = render(report)
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    json_path = args.out / "bench.json"
    json_path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {json_path}")
    why = chart(report, args.out / "bench.png")
    print(f"no chart: {why}" if why else f"wrote {args.out / 'bench.png'}")
    return 1 if any(r["agree"] == "MISMATCH" for r in report["workloads"]) else 0


if __name__ == "__main__":
    sys.exit(main())
