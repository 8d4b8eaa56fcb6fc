"""How long single builtins run past a time limit (WASM.md, Limits and guarantees).

    PYTHONPATH=$PWD/host:$PWD python -m tests.limits.overshoot [N] [LIMIT] [name ...]

Each builtin alone, on a list of N words, a string of them and a dict of N/2 entries,
under ``time_limit=LIMIT`` (default 2,000,000 and 0.3 s); prints the wall time and the
outcome. A figure, not a test: the machine's load changes it.
"""

from __future__ import annotations

import sys
import time

from feather_tcl import Interp, TclError

CASES = {
    "lsort-dictionary": "lsort -dictionary $L",
    "lsort": "lsort $L",
    "lsearch-all": "lsearch -all $L w5x",
    "split": "split $S",
    "join": "join $L ,",
    "concat": "concat $L $L",
    "string-map-nocase": "string map -nocase {W x 1 2} $S",
    "string-reverse": "string reverse $S",
    "string-toupper": "string toupper $S",
    "regexp-all": "regexp -all {w} $S",
    "regsub-all": "regsub -all {w} $S b",
    "dict-keys": "dict keys $D",
    "dict-filter": "dict filter $D key w1*",
    "dict-merge": "dict merge $D $D",
    "lrepeat": "lrepeat [expr {4 * [llength $L]}] x",
    "llength": "llength $S",
    "lreverse": "lreverse $L",
    "string-first": "string first nothere $S",
    "string-last": "string last nothere $S",
    "string-match": "string match *nothere* $S",
    "regexp-one": "regexp {(w+)+y} $S",
    "list-text": "string length $L",
}


def main(argv: list[str]) -> None:
    n = int(argv[0]) if argv else 2_000_000
    limit = float(argv[1]) if len(argv) > 1 else 0.3
    only = set(argv[2:])
    words = [f"w{(k * 7919) % n}x" for k in range(n)]
    for name, script in CASES.items():
        if only and name not in only:
            continue
        interp = Interp()
        interp.call("set", "L", words)
        interp.call("set", "S", " ".join(words))
        interp.eval("set D [dict create {*}$L]; llength $D")
        start = time.monotonic()
        try:
            interp.eval(script + "; set y 1", time_limit=limit)
            outcome = "completed"
        except TclError as err:
            outcome = err.result
        print(f"{name:18s} {time.monotonic() - start:7.3f} s  {outcome}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
