"""Coverage-guided fuzzing of the parser and ``expr`` over the native backend.

libFuzzer (inside atheris) drives the native library built with coverage
(``python -m toolchain build-native --variant fuzz``: inline 8-bit counters, comparison
tracing, UBSan aborting on any report). ``nox -s fuzz-native`` builds it, writes the seed
corpus from the conformance scripts and runs this file; by hand::

    FEATHER_NATIVE_LIB=build/native-fuzz/libfeather.so \\
        python tests/native/fuzz_feather.py CORPUS_DIR SEED_DIR -max_total_time=60
    python tests/native/fuzz_feather.py --replay FILE...   # saved inputs, no libFuzzer

The first byte of an input picks what the rest is (as UTF-8, invalid bytes kept):

- 0: a script for ``parse_status`` (the parser alone);
- 1: an expression for ``expr`` (called without substitution: the expression parser and
  evaluator, with ``[...]`` running commands of the restricted interp);
- 2: a script evaluated in the restricted interp (no loops, procs or ``time``, so every
  input ends quickly).

Every input also runs on the WASM backend: any difference in code or result is a finding
(an AssertionError), as is a crash, a UBSan report, a scratch handle or arena byte left
after an eval, or a Python exception from the host.
"""

from __future__ import annotations

import ctypes
import glob
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "host"))

# Commands that could make one input run for long: loops, procs (recursion), time.
REMOVED = ("while", "for", "foreach", "time", "proc", "apply", "lmap", "after", "vwait", "clock")
MODES = 3
DEVNULL = open(os.devnull, "w")  # noqa: SIM115 - puts output of every input


def restricted(backend: str, removal: str) -> object:
    """A fresh interp without the commands of REMOVED (one eval)."""
    from feather_tcl import Interp

    interp = Interp(backend=backend, stdout=DEVNULL)
    interp.eval(removal)
    return interp


def removal_script() -> str:
    from feather_tcl import Interp

    probe = Interp(backend="native")
    have = set(probe.eval("info commands").split())
    probe.close()
    lines = [f"rename {name} {{}}" for name in REMOVED if name in have]
    # rand() without srand is seeded differently on each run: make it repeatable.
    return "\n".join([*lines, "expr {srand(1)}"])


def outcome(interp: object, mode: int, text: str) -> tuple[int, str]:
    from feather_tcl import TclError

    try:
        if mode == 0:
            return interp.parse_status(text), ""  # type: ignore[attr-defined]
        if mode == 1:
            return 0, interp.call("expr", text)  # type: ignore[attr-defined]
        return 0, interp.eval(text)  # type: ignore[attr-defined]
    except TclError as err:
        return err.code, err.result


class Target:
    """Each input runs in a fresh restricted interp on each backend (so an input's outcome
    never depends on the inputs before it); checks they agree and leave nothing behind."""

    def __init__(self, differential: bool = True) -> None:
        self.removal = removal_script()
        self.differential = differential

    def run(self, backend: str, mode: int, text: str) -> tuple[int, str]:
        interp = restricted(backend, self.removal)
        try:
            got = outcome(interp, mode, text)
            stats = interp.memory_stats()  # type: ignore[attr-defined]
            if stats["scratch_handles"] or stats["wasm_arena_used"] or stats["eval_depth"]:
                raise AssertionError(f"{backend}: state left after the eval: {stats}")
            return got
        finally:
            interp.close()  # type: ignore[attr-defined]

    def __call__(self, data: bytes) -> None:
        if not data:
            return
        mode = data[0] % MODES
        text = data[1:].decode("utf-8", "surrogateescape")
        got = self.run("native", mode, text)
        if self.differential:
            want = self.run("wasm", mode, text)
            if got != want:
                raise AssertionError(f"backends differ: native {got!r}, wasm {want!r}")


def preload_libfuzzer() -> None:
    """atheris's libFuzzer with its symbols global, so that the library's coverage hooks
    (__sanitizer_cov_*) resolve to it when the library is loaded."""
    import atheris

    here = os.path.dirname(atheris.__file__)
    core = glob.glob(os.path.join(here, "core_with_libfuzzer*.so"))
    if not core:
        raise SystemExit("atheris has no core_with_libfuzzer module")
    ctypes.CDLL(core[0], mode=ctypes.RTLD_GLOBAL)


def replay(paths: list[str]) -> int:
    """Run saved inputs through the target without libFuzzer; 1 when one fails."""
    target = Target(differential=os.environ.get("FEATHER_FUZZ_DIFFERENTIAL", "1") != "0")
    failed = 0
    for path in paths:
        try:
            target(Path(path).read_bytes())
        except Exception as exc:  # noqa: BLE001 - report every failing input
            failed += 1
            print(f"{path}: {type(exc).__name__}: {exc}", file=sys.stderr)
        else:
            print(f"{path}: ok", file=sys.stderr)
    return 1 if failed else 0


def main() -> None:
    if sys.argv[1:2] == ["--replay"]:
        sys.exit(replay(sys.argv[2:]))
    import atheris

    preload_libfuzzer()
    target = Target(differential=os.environ.get("FEATHER_FUZZ_DIFFERENTIAL", "1") != "0")
    argv = list(sys.argv)
    if os.environ.get("FEATHER_FUZZ_ARGV0"):  # fork mode: how libFuzzer starts its workers
        argv[0] = os.environ["FEATHER_FUZZ_ARGV0"]
    atheris.Setup(argv, target, internal_libfuzzer=True)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
