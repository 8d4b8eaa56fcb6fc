"""Drive the JS REPL (js/cli.js) through a pseudo-terminal, as a person types.

    python3 js/test/repl_pty.py [N]        (default N = 10000)

Types N commands, one at a time, waiting for the next prompt after each, and
measures each command's latency (keystrokes sent -> prompt seen). Types `.stats`
after the first 100 commands and at the end. Prints one JSON object:
{"commands", "stats_100", "stats_end", "median_first_ms", "median_last_ms",
"errors"}; the medians are over the first and the last 1,000 commands (or a tenth
of N when N < 10,000). Exit status 0 when the stats at the end equal those after
100 commands (hostCalls and wasmArenaHighWater excepted) and the last block's median
latency is within 2x of the first block's; 1 otherwise.
"""

from __future__ import annotations

import json
import os
import pty
import select
import statistics
import sys
import time
from pathlib import Path

CLI = Path(__file__).resolve().parents[1] / "cli.js"
PROMPT = b"% "
TIMEOUT = 30.0
# Counters that grow by design (crossings made so far, the arena's peak).
VOLATILE = {"hostCalls", "wasmArenaHighWater"}


class Repl:
    def __init__(self) -> None:
        env = dict(os.environ, FEATHER_HISTORY="", TERM="dumb")
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # child
            os.execvpe("node", ["node", str(CLI)], env)
        self.buf = b""
        self.read_until_prompt()

    def read_until_prompt(self) -> bytes:
        deadline = time.monotonic() + TIMEOUT
        while True:
            if self.buf.endswith(PROMPT):
                out, self.buf = self.buf, b""
                return out
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no prompt; got {self.buf[-200:]!r}")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise EOFError(f"REPL ended; got {self.buf[-200:]!r}")
                self.buf += chunk

    def type(self, line: str) -> bytes:
        os.write(self.fd, line.encode() + b"\r")
        return self.read_until_prompt()

    def stats(self) -> dict[str, int]:
        out = self.type(".stats").decode(errors="replace")
        start = out.index("{")
        return json.loads(out[start : out.index("}", start) + 1])

    def close(self) -> None:
        os.write(self.fd, b"\x04")
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


def command(i: int) -> str:
    """A varied command: variables, procs, lists, errors."""
    kind = i % 5
    if kind == 0:
        return f"set v{i % 50} {i}"
    if kind == 1:
        return f"proc p{i % 20} {{x}} {{return [set x]}}; p{i % 20} {i}"
    if kind == 2:
        return f"set l {{a b c {i}}}"
    if kind == 3:
        return "nosuchcommand"
    return f"if {{1}} {{set w {i}}}"


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    block = 1000 if n >= 10_000 else max(1, n // 10)
    repl = Repl()
    latencies: list[float] = []
    errors = 0
    stats_100: dict[str, int] = {}
    try:
        for i in range(n):
            t0 = time.perf_counter()
            out = repl.type(command(i))
            latencies.append((time.perf_counter() - t0) * 1000)
            if b"invalid command name" in out:
                errors += 1
            if i == 99:
                stats_100 = repl.stats()
        stats_end = repl.stats()
    finally:
        repl.close()
    first = statistics.median(latencies[:block])
    last = statistics.median(latencies[-block:])
    report = {
        "commands": n,
        "stats_100": stats_100,
        "stats_end": stats_end,
        "median_first_ms": round(first, 3),
        "median_last_ms": round(last, 3),
        "errors": errors,
    }
    print(json.dumps(report))
    same = {k: v for k, v in stats_100.items() if k not in VOLATILE} == {
        k: v for k, v in stats_end.items() if k not in VOLATILE
    }
    return 0 if same and last <= 2 * first and errors == n // 5 else 1


if __name__ == "__main__":
    sys.exit(main())
