"""Conformance cases: Tcl scripts in tests/cases/*.tcl and tclsh's answers.

A case file holds many cases. Each starts with a line ``# case: NAME`` and
runs until the next such line, in a fresh interpreter. Its outcome is the
completion code of the whole script, its result (or error message) and
everything it wrote with ``puts``. tclsh 8.6's outcomes are committed in
tests/cases/expected/FAMILY.json (``nox -s oracle`` regenerates them).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

CASES_DIR = Path(__file__).resolve().parent.parent / "cases"
EXPECTED_DIR = CASES_DIR / "expected"

_CASE_LINE = re.compile(r"^# case: (\S+)\s*$")


@dataclass(frozen=True)
class Case:
    family: str
    name: str
    script: str


@dataclass(frozen=True)
class Outcome:
    code: int
    result: str
    output: str

    def to_json(self) -> dict[str, object]:
        return {"code": self.code, "result": self.result, "output": self.output}

    @staticmethod
    def from_json(data: dict[str, object]) -> Outcome:
        return Outcome(int(str(data["code"])), str(data["result"]), str(data["output"]))


class CaseFileError(ValueError):
    pass


def parse_case_file(path: Path) -> list[Case]:
    """Split a case file into its cases; names must be unique."""
    family = path.stem
    cases: list[Case] = []
    name: str | None = None
    lines: list[str] = []
    seen: set[str] = set()

    def flush() -> None:
        if name is not None:
            cases.append(Case(family, name, "".join(lines)))

    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(keepends=True), 1):
        match = _CASE_LINE.match(line)
        if match:
            flush()
            name = match.group(1)
            if name in seen:
                raise CaseFileError(f"{path.name}:{lineno}: duplicate case name {name!r}")
            seen.add(name)
            lines = []
        elif name is not None:
            lines.append(line)
        elif line.strip() and not line.startswith("#"):
            raise CaseFileError(f"{path.name}:{lineno}: text before the first '# case:' line")
    flush()
    return cases


def case_files() -> list[Path]:
    return sorted(CASES_DIR.glob("*.tcl"))


def all_cases() -> list[Case]:
    return [case for path in case_files() for case in parse_case_file(path)]


def expected_path(family: str) -> Path:
    return EXPECTED_DIR / f"{family}.json"


def load_expected(family: str) -> dict[str, Outcome]:
    path = expected_path(family)
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {name: Outcome.from_json(value) for name, value in data.items()}
