#!/usr/bin/env python3
"""Soak test (issue 7): one interpreter, many evals of mixed workloads.

Runs ``--evals`` evals (default 1,000,000) on one ``Interp`` with a time and a memory
limit, cycling through a fixed mix: variables, lists, dicts, strings, procs, namespaces
made and deleted, traces, upvar/uplevel, regexp/format, errors caught and uncaught,
Python commands and nested evals, and now and then a runaway loop stopped by the time
limit, a memory bomb stopped by the memory limit and a WASM trap (so the instance is
replaced). Every ``--every`` evals (default 10,000) it samples linear
memory, the arena's high-water mark, scratch handles (now and the most one eval held),
the interp's namespaces and procs, the host's live Python objects and the process's
resident memory, and prints a table.

Fails (exit status 1) when, after the warm-up (the first ``--warmup`` samples, default
3), any of them grows: linear memory, arena high water, handle high water, namespaces,
procs exactly; Python objects by more than 1 %; resident memory when the lowest of the
last third of the samples is more than 5 % plus 8 MiB above the highest of the warm-up
(the allocator's spikes are not growth). Scratch handles and the arena must be empty
after every eval (checked every 100 evals).

    python bench/soak.py                       # 1,000,000 evals (nox -s soak)
    python bench/soak.py --evals 100000 --every 5000
    python bench/soak.py --json build/soak.json
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
try:
    import feather_tcl  # noqa: F401
except ImportError:  # a checkout without an install
    sys.path.insert(0, str(ROOT / "host"))

from feather_tcl import Interp, TclError  # noqa: E402
from feather_tcl.limits import rss_bytes  # noqa: E402

SETUP = r"""
namespace eval ::soak {
    variable count 0
    variable recent {}
    proc remember {x} {
        variable recent
        lappend recent $x
        if {[llength $recent] > 100} { set recent [lrange $recent end-99 end] }
        return [llength $recent]
    }
}
proc fib {n} { if {$n < 2} { return $n }; expr {[fib [expr {$n - 1}]] + [fib [expr {$n - 2}]]} }
proc swap {a b} { upvar 1 $a x $b y; set t $x; set x $y; set y $t; list $x $y }
array set ::table {}
set ::d [dict create]
trace add variable ::traced write {incr ::soak::count ;#}
"""

# The mix: each eval runs MIX[k % len(MIX)] with $k set to the eval's number.
MIX = [
    "set v$k [expr {$k * 2}]; unset v$k",
    "::soak::remember [string repeat x [expr {$k % 50}]]",
    "set ::d [dict create a $k b [list $k $k] c {x y}]; dict get $::d b",
    "fib 12",
    "set a 1; set b 2; swap a b",
    "namespace eval ::tmp$k { variable x $k; proc p {} { variable x; return $x } }; "
    "set r [::tmp${k}::p]; namespace delete ::tmp$k; set r",
    "set ::table([expr {$k % 500}]) [list $k [string toupper abc$k]]; array size ::table",
    "regexp {(\\d+)-(\\w+)} $k-item m n w; format {%05d %s %.2f} $n $w [expr {$k / 7.0}]",
    "catch {error boom$k} m o; dict get $o -errorcode",
    "set ::traced $k; set ::soak::count",
    "lsort -integer -decreasing [lrange [list 5 3 $k 9 1 7] 0 end]",
    "set s {}; foreach c [split hello$k {}] { append s [string toupper $c] }; set s",
    "uplevel #0 {incr ::soak::count}",
    "proc tmp_$k {x} { return [expr {$x + 1}] }; set r [tmp_$k 41]; rename tmp_$k {}; set r",
    "py_cmd $k [list a b c]",
    "py_nested {string length [string repeat ab 100]}",
    "string map {a b c d} [join [lrepeat 20 abcd] -]",
    "lmap x [lrepeat 50 $k] { expr {$x + 1} }",
    "clock seconds",
    "info commands ::soak::*",
]
# Once in each sample window, in its first half and in this order: something the
# limits must stop. The trap comes last, so every window ends with the same number of
# ordinary evals on a fresh instance and the samples compare like with like.
STOPS = [
    ("uncaught", "error {uncaught error}"),
    ("runaway", "while 1 {incr ::spin}"),  # the time limit
    ("bomb", "lrepeat 20000000 x"),  # the memory limit (host)
    ("arena", "string length [string toupper [string repeat x 30000000]]"),  # arena
    ("trap", "catch py_trap"),  # a wild pointer: a WASM trap, caught by nothing
]
CHECK_EVERY = 100  # evals between checks that nothing is left in scratch memory
TIME_LIMIT = 0.02
MEMORY_LIMIT = 64 << 20
FIELDS = [
    ("evals", "evals"),
    ("wasm_memory", "linear memory bytes"),
    ("arena_high", "arena high water"),
    ("handles", "scratch handles now"),
    ("handle_high", "most handles in one eval (since last sample)"),
    ("namespaces", "namespaces"),
    ("procs", "procs"),
    ("py_objects", "live Python objects"),
    ("rss", "resident memory bytes"),
    ("stops", "evals stopped by a limit so far"),
    ("instances", "WASM instances made so far"),
    ("seconds", "seconds so far"),
]
EXACT = ("wasm_memory", "arena_high", "handle_high", "namespaces", "procs")


def run(evals: int, every: int) -> list[dict[str, int | float]]:
    interp = Interp(time_limit=5, memory_limit=MEMORY_LIMIT, recursion_limit=1_000_000)
    interp.register("py_cmd", lambda k, items: [int(k) % 7, *items.split()])
    interp.register("py_nested", lambda script: interp.eval(script))
    rt, core = interp.runtime, interp._core
    # A command making the core read a script far outside linear memory: a trap.
    interp.register(
        "py_trap",
        lambda: rt.run(
            core, lambda: rt.inst.call("feather_script_eval", 0, core.id, 1 << 31, 64, 0)
        ),
    )
    interp.eval(SETUP)
    samples: list[dict[str, int | float]] = []
    stops = 0
    start = time.perf_counter()
    at = {every * (j + 1) // (2 * len(STOPS) + 2): stop for j, stop in enumerate(STOPS)}
    for k in range(1, evals + 1):
        stop = at.get(k % every)
        if stop is not None:
            try:
                interp.eval(stop[1], time_limit=TIME_LIMIT)
                raise SystemExit(f"soak: {stop[0]} was not stopped")
            except TclError:
                stops += 1
        else:
            interp.setvar("k", k)
            interp.eval(MIX[k % len(MIX)])
        if k % CHECK_EVERY == 0:
            stats = interp.memory_stats()
            if stats["scratch_handles"] or stats["wasm_arena_used"] or stats["eval_depth"]:
                raise SystemExit(f"soak: scratch memory left after eval {k}: {stats}")
        if k % every == 0:
            gc.collect()
            stats = interp.memory_stats()
            samples.append(
                {
                    "evals": k,
                    "wasm_memory": stats["wasm_memory_bytes"],
                    "arena_high": stats["wasm_arena_high_water"],
                    "handles": stats["scratch_handles"],
                    "handle_high": rt.scratch.high_water,
                    "namespaces": stats["namespace_count"],
                    "procs": stats["proc_count"],
                    "py_objects": len(gc.get_objects()),
                    "rss": rss_bytes(),
                    "stops": stops,
                    "instances": stats["instances"],
                    "seconds": round(time.perf_counter() - start, 1),
                }
            )
            rt.scratch.high_water = 0  # the most one eval held within the next window
            print(row(samples[-1]), flush=True)
    return samples


def header() -> str:
    return " ".join(f"{name:>12}" for name, _ in FIELDS)


def row(sample: dict[str, int | float]) -> str:
    return " ".join(f"{sample[name]:>12}" for name, _ in FIELDS)


def growth(samples: list[dict[str, int | float]], warmup: int) -> list[str]:
    """What grew after the warm-up (empty: nothing)."""
    if len(samples) <= warmup:
        return [f"only {len(samples)} samples: nothing after a warm-up of {warmup}"]
    base = samples[warmup - 1] if warmup > 0 else samples[0]
    later = samples[warmup:]
    problems: list[str] = []

    def peak(name: str) -> float:
        return max(max(float(s[name]) for s in later), float(base[name]))

    ceiling = {name: max(float(s[name]) for s in samples[:warmup] or samples[:1]) for name in EXACT}
    for name in EXACT:
        if peak(name) > ceiling[name]:
            problems.append(f"{name} grew after warm-up: {ceiling[name]:.0f} -> {peak(name):.0f}")
    if any(s["handles"] for s in samples):
        problems.append("scratch handles left between evals")
    objs = float(base["py_objects"])
    if peak("py_objects") > objs * 1.01:
        problems.append(f"live Python objects grew: {objs:.0f} -> {peak('py_objects'):.0f}")
    # Resident memory has spikes (the allocator keeps what a stopped bomb freed for a
    # while): it grows when even the lowest of the last third of the samples is above
    # the highest of the warm-up.
    rss = max(float(s["rss"]) for s in samples[:warmup] or samples[:1])
    low = min(float(s["rss"]) for s in later[-max(1, len(later) // 3) :])
    if rss and low > rss * 1.05 + (8 << 20):
        problems.append(f"resident memory grew: {rss:.0f} -> {low:.0f}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--evals", type=int, default=1_000_000)
    parser.add_argument("--every", type=int, default=10_000, help="evals between samples")
    parser.add_argument("--warmup", type=int, default=3, help="samples before growth is checked")
    parser.add_argument("--json", type=Path, default=None, help="write the samples here")
    args = parser.parse_args(argv)
    print(f"soak: {args.evals} evals, a sample every {args.every}")
    print(header())
    samples = run(args.evals, args.every)
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(samples, indent=1) + "\n")
    problems = growth(samples, args.warmup)
    for p in problems:
        print("soak: FAIL:", p)
    if not problems:
        print(f"soak: ok: nothing grew after the first {args.warmup} samples")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
