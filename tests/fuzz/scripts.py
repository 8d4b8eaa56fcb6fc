"""Hypothesis strategies for hostile scripts: random Tcl-shaped scripts and mutations
of the conformance case scripts (tests/cases/*.tcl)."""

from __future__ import annotations

import random

from hypothesis import strategies as st

from tests.conformance.cases import all_cases

CASE_SCRIPTS: list[str] = [c.script for c in all_cases()]

# Commands the random scripts call (core builtins, a few made up, the host's).
COMMANDS = [
    "set", "incr", "append", "lappend", "list", "llength", "lindex", "lrange", "lsort",
    "lsearch", "lreplace", "linsert", "lrepeat", "lreverse", "lassign", "lset", "concat",
    "join", "split", "string", "expr", "if", "while", "for", "foreach", "lmap", "switch",
    "catch", "try", "error", "throw", "return", "break", "continue", "proc", "apply",
    "eval", "uplevel", "upvar", "global", "variable", "namespace", "rename", "info",
    "trace", "unset", "array", "dict", "format", "scan", "regexp", "regsub", "subst",
    "tailcall", "time", "clock", "puts", "nosuch", "unknown",
]  # fmt: skip
SUBCOMMANDS = [
    "length", "index", "range", "map", "repeat", "toupper", "is", "first", "match",
    "create", "get", "set", "exists", "keys", "for", "eval", "current", "delete",
    "add", "remove", "commands", "vars", "level", "body", "args", "names", "size",
    "integer", "double", "list", "-all", "-inline", "-nocase", "--", "end", "end-1",
]  # fmt: skip
SNIPPETS = [
    "{", "}", "[", "]", '"', "$", "\\", ";", "\n", " ", "\t", "#", "(", ")", "::", "\x00",
    "{*}", "$x", "${x}", "$a(b)", "[set x]", "\\u00e9", "\\x41", "\\\n", "é", "😀",
    "\udcff", "\udc80", "1e309", "-0", "0x7fffffffffffffff", "9" * 30, "end+1", "-1",
    "while 1 {}", "proc x {} {x}", "rename set {}", "rename rename {}", "break",
    "return -code error", "lrepeat 1000000 x", "string repeat x 1000000",
    "trace add variable x write {error t ;#}", "upvar 5 x y", "uplevel #7 {}",
    "namespace delete ::", "info level 1000", "unset -nocomplain x",
]  # fmt: skip


# Generation runs on random.Random seeded by hypothesis: drawing whole scripts through
# hypothesis strategies costs milliseconds each, a seed and a kind microseconds. A
# failure prints the seed and kind, which reproduce the script exactly.


def _atom(r: random.Random) -> str:
    k = r.randrange(6)
    if k == 0:
        return r.choice(["x", "y", "a(b)", "0", "1", "-1", "3.5", "end", "{}", "::x", "ns::v"])
    if k == 1:
        return str(r.randint(-(2**70), 2**70))
    if k == 2:
        chars = (r.choice((r.randrange(32, 127), r.randrange(0x80, 0x2FFF))) for _ in range(6))
        return "".join(map(chr, chars))[: r.randrange(7)]
    if k == 3:
        return r.choice(SNIPPETS)
    return r.choice(SUBCOMMANDS)


def _word(r: random.Random, depth: int) -> str:
    k = r.randrange(10) if depth < 3 else 0
    if k < 5:
        return _atom(r)
    if k == 5:
        return "$" + _atom(r)
    if k == 6:
        return "[" + _command(r, depth + 1) + "]"
    if k == 7:
        return '"' + " ".join(_word(r, depth + 1) for _ in range(r.randrange(4))) + '"'
    return "{" + " ".join(_word(r, depth + 1) for _ in range(r.randrange(5))) + "}"


def _command(r: random.Random, depth: int = 0) -> str:
    return " ".join([r.choice(COMMANDS)] + [_word(r, depth) for _ in range(r.randrange(6))])


def random_script(r: random.Random) -> str:
    sep = r.choice(["\n", ";", " ; "])
    return sep.join(_command(r) for _ in range(r.randrange(1, 7)))


# Mostly local edits, so that many mutants still run far before they fail.
_OPS = (
    ["insert"] * 3
    + ["replace"] * 3
    + ["delete", "duplicate", "nest"] * 2
    + [
        "truncate",
        "swap",
        "bytes",
    ]
)


def mutate(script: str, ops: list[tuple[str, int, int, str]]) -> str:
    for op, at, length, snippet in ops:
        n = len(script)
        a = at % (n + 1)
        b = min(n, a + length)
        if op == "delete":
            script = script[:a] + script[b:]
        elif op == "insert":
            script = script[:a] + snippet + script[a:]
        elif op == "duplicate":
            script = script[:b] + script[a:b] + script[b:]
        elif op == "replace":
            script = script[:a] + snippet + script[b:]
        elif op == "truncate":
            script = script[:a]
        elif op == "swap":
            script = script[a:] + script[:a]
        elif op == "nest":
            script = script[:a] + "[" + script[a:b] + "]" + script[b:]
        else:  # bytes: UTF-8 cut anywhere (invalid UTF-8 reaches the core)
            raw = script.encode("utf-8", "surrogateescape")
            script = raw[: a // 2].decode("utf-8", "surrogateescape") + script[a:]
    return script


def mutated_script(r: random.Random) -> str:
    ops = [
        (r.choice(_OPS), r.randrange(1 << 16), r.randrange(65), r.choice(SNIPPETS))
        for _ in range(r.randrange(1, 4))
    ]
    return mutate(r.choice(CASE_SCRIPTS), ops)


def script(seed: int, kind: int) -> str:
    """The script of a seed: kind 0 mutated case, 1 random script, 2 a mutated case
    with a random script spliced in."""
    r = random.Random(seed)
    if kind == 0:
        return mutated_script(r)
    if kind == 1:
        return random_script(r)
    base = mutated_script(r)
    at = r.randrange(len(base) + 1)
    return base[:at] + random_script(r) + base[at:]


SEEDS = st.tuples(st.integers(0, (1 << 32) - 1), st.integers(0, 2))
SCRIPTS = SEEDS.map(lambda t: script(*t))
RANDOM_SCRIPTS = st.integers(0, (1 << 32) - 1).map(lambda n: random_script(random.Random(n)))
MUTATED_SCRIPTS = st.integers(0, (1 << 32) - 1).map(lambda n: mutated_script(random.Random(n)))
