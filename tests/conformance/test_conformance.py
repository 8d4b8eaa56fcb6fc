"""Every conformance case, on the Python host, against tclsh 8.6's recorded answer."""

from __future__ import annotations

import io
import sys

import pytest

from tests.conformance.cases import CASES_DIR, Case, Outcome, all_cases, load_expected

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CASES = all_cases()
EXPECTED = {family: load_expected(family) for family in {c.family for c in CASES}}
DIFFERENCES_FILE = CASES_DIR / "differences.toml"
# Deliberate differences from Tcl 8.6: case name -> reason. Each such case is
# expected to differ (strict xfail), so a fixed one is noticed.
DIFFERENCES: dict[str, str] = (
    tomllib.loads(DIFFERENCES_FILE.read_text("utf-8")).get("cases", {})
    if DIFFERENCES_FILE.exists()
    else {}
)


def run_case(case: Case) -> Outcome:
    from feather_tcl import Interp, TclError

    out = io.StringIO()
    interp = Interp(stdout=out)
    try:
        result = interp.eval(case.script)
        code = 0
    except TclError as err:
        code, result = err.code, err.result
    return Outcome(code, result, out.getvalue())


def _params() -> list[object]:
    params: list[object] = []
    for case in CASES:
        marks = []
        if case.name in DIFFERENCES:
            marks.append(pytest.mark.xfail(reason=DIFFERENCES[case.name], strict=True))
        params.append(pytest.param(case, id=case.name, marks=marks))
    return params


@pytest.mark.parametrize("case", _params())
def test_case_matches_tclsh(case: Case) -> None:
    expected = EXPECTED[case.family].get(case.name)
    assert expected is not None, f"no recorded tclsh answer for {case.name}: run `nox -s oracle`"
    actual = run_case(case)
    assert actual == expected, f"\n got: {actual}\nwant: {expected}"


def test_every_difference_names_a_case() -> None:
    names = {c.name for c in CASES}
    assert sorted(set(DIFFERENCES) - names) == []
