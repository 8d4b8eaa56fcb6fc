"""Run every conformance case through tclsh 8.6 and record its outcome.

    python -m tests.conformance.oracle [--check] [FAMILY ...]

Writes tests/cases/expected/FAMILY.json and prints what changed. With
--check, writes nothing and exits 1 when a recorded answer differs from what
tclsh says now. Tests never run tclsh: they read the recorded answers.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys

from tests.conformance.cases import (
    Case,
    Outcome,
    case_files,
    expected_path,
    load_expected,
    parse_case_file,
)

# Each case runs in a fresh child interpreter whose puts writes into a
# buffer. Scripts travel hex-encoded so that no quoting can go wrong, and
# answers come back length-prefixed in UTF-8.
DRIVER = r"""
fconfigure stdout -translation binary -encoding binary
proc emit {tag text} {
    set bytes [encoding convertto utf-8 $text]
    puts -nonewline stdout "$tag [string length $bytes]\n$bytes\n"
}
proc capture {c args} {
    set nonewline 0
    if {[lindex $args 0] eq "-nonewline"} { set nonewline 1; set args [lrange $args 1 end] }
    if {[llength $args] == 2} { set args [lrange $args 1 end] }
    if {[llength $args] != 1} {
        error {wrong # args: should be "puts ?-nonewline? ?channelId? string"}
    }
    append ::out [lindex $args 0]
    if {!$nonewline} { append ::out \n }
    return
}
foreach {name hex} $cases {
    set script [encoding convertfrom utf-8 [binary decode hex $hex]]
    set c [interp create]
    interp alias $c puts {} capture $c
    set ::out ""
    set code [catch {$c eval $script} result]
    interp delete $c
    emit NAME $name
    emit CODE $code
    emit RESULT $result
    emit OUTPUT $::out
}
"""


def tclsh_path() -> str:
    path = shutil.which("tclsh") or shutil.which("tclsh8.6")
    if path is None:
        raise SystemExit("oracle: tclsh 8.6 is not installed (apt-get install tcl8.6)")
    return path


def run_tclsh(cases: list[Case]) -> dict[str, Outcome]:
    pairs = " ".join(f"{c.name} {c.script.encode('utf-8').hex() or '{}'}" for c in cases)
    program = f"set cases {{{pairs}}}\n{DRIVER}"
    proc = subprocess.run(
        [tclsh_path()], input=program.encode("utf-8"), capture_output=True, timeout=600
    )
    if proc.returncode != 0:
        raise SystemExit(f"oracle: tclsh failed: {proc.stderr.decode(errors='replace')}")
    return _parse_answers(proc.stdout)


def _parse_answers(data: bytes) -> dict[str, Outcome]:
    pos = 0
    fields: list[str] = []
    while pos < len(data):
        newline = data.index(b"\n", pos)
        _tag, length = data[pos:newline].split(b" ")
        start = newline + 1
        end = start + int(length)
        fields.append(data[start:end].decode("utf-8", errors="surrogateescape"))
        pos = end + 1
    answers: dict[str, Outcome] = {}
    for k in range(0, len(fields), 4):
        name, code, result, output = fields[k : k + 4]
        answers[name] = Outcome(int(code), result, output)
    return answers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("families", nargs="*", help="case files to run (default: all)")
    parser.add_argument("--check", action="store_true", help="compare only, write nothing")
    args = parser.parse_args(argv)
    paths = [p for p in case_files() if not args.families or p.stem in args.families]
    changed = 0
    for path in paths:
        cases = parse_case_file(path)
        answers = run_tclsh(cases)
        old = load_expected(path.stem)
        diffs = [c.name for c in cases if old.get(c.name) != answers[c.name]]
        changed += len(diffs)
        for name in diffs:
            print(f"{path.stem}: {name}: {old.get(name)} -> {answers[name]}")
        print(f"{path.stem}: {len(cases)} cases, {len(diffs)} changed")
        if not args.check:
            target = expected_path(path.stem)
            target.parent.mkdir(parents=True, exist_ok=True)
            ordered = {c.name: answers[c.name].to_json() for c in cases}
            target.write_text(json.dumps(ordered, indent=1, ensure_ascii=False) + "\n", "utf-8")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
