"""The native core's C stack check: with the recursion limit out of the way, deep nesting
ends in Tcl's "too many nested evaluations" error, never in a segfault.

Each case runs in a child process (a stack overflow would kill pytest) on a thread with a
small stack, where the nesting cap of 3000 scripts alone does not keep the C frames inside
the stack: only the stack check does. The host tells the core where the thread's stack
ends (``_native.stack_floor``, given through ``feather_native_stack_floor``); without it the
core keeps a budget of its own below its outermost entry.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.milestone("M9")

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import json, sys, threading
from feather_tcl import Interp, TclError, _native
stack, body, host_floor = int(sys.argv[1]), sys.argv[2], sys.argv[3] == "1"
if not host_floor:
    _native.stack_floor = lambda: 0
out = {}
def run():
    interp = Interp(backend="native", recursion_limit=10**6)
    interp.eval("proc r {n} {set ::depth $n; " + body + "}")
    try:
        interp.eval("r 0")
        out["code"] = 0
    except TclError as exc:
        out["code"], out["message"] = exc.code, str(exc)
        out["errorCode"] = exc.error_code
    out["depth"] = int(interp.eval("set ::depth"))
    out["after"] = interp.eval("expr {6 * 7}")
threading.stack_size(stack)
thread = threading.Thread(target=run)
thread.start()
thread.join()
print(json.dumps(out))
"""

BODIES = {
    "proc": "r [incr n]",
    "expr within expr": "expr {[expr {[r [incr n]]}]}",
    "if in the proc": "if 1 {r [incr n]}",
}


def run_child(native_lib: Path, stack: int, body: str, host_floor: bool) -> dict[str, object]:
    env = dict(os.environ, FEATHER_NATIVE_LIB=str(native_lib))
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "host"), str(ROOT)])
    args = [sys.executable, "-c", CHILD, str(stack), body, "1" if host_floor else "0"]
    proc = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, f"child died ({proc.returncode}): {proc.stderr[-2000:]}"
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.parametrize("body", list(BODIES.values()), ids=list(BODIES))
@pytest.mark.parametrize("stack_mib", [1, 2])
def test_deep_nesting_on_a_small_stack_is_a_tcl_error(
    native_lib: Path, body: str, stack_mib: int
) -> None:
    out = run_child(native_lib, stack_mib << 20, body, host_floor=True)
    assert out["code"] == 1
    assert out["message"] == "too many nested evaluations (infinite loop?)"
    assert out["errorCode"] == "TCL LIMIT STACK"
    assert isinstance(out["depth"], int) and 50 < out["depth"] < 3000
    assert out["after"] == "42"  # the interp goes on


def test_without_the_hosts_floor_the_core_keeps_its_own_budget(native_lib: Path) -> None:
    """On a 16 MiB thread the nesting cap (3000 scripts: 999 levels of this body) comes
    first when the host gives the floor; without it, the 2 MiB budget below the outermost
    entry stops the recursion earlier."""
    body = BODIES["expr within expr"]
    floor = run_child(native_lib, 16 << 20, body, host_floor=True)
    budget = run_child(native_lib, 16 << 20, body, host_floor=False)
    assert floor["depth"] == 999
    assert budget["message"] == "too many nested evaluations (infinite loop?)"
    assert isinstance(budget["depth"], int) and 100 < budget["depth"] < 999
    assert budget["after"] == "42"


def test_a_larger_stack_allows_deeper_nesting(native_lib: Path) -> None:
    body = BODIES["expr within expr"]
    small = run_child(native_lib, 1 << 20, body, host_floor=True)["depth"]
    large = run_child(native_lib, 4 << 20, body, host_floor=True)["depth"]
    assert isinstance(small, int) and isinstance(large, int) and large > small
