"""Both backends give identical outcomes for every conformance case, including the cases
that deliberately differ from tclsh (tests/cases/differences.toml)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from feather_tcl import Interp, TclError
from tests.conformance.cases import Case, Outcome, all_cases

CASES = all_cases()
FAMILIES = sorted({c.family for c in CASES})


def run(case: Case, backend: str) -> Outcome:
    out = io.StringIO()
    interp = Interp(stdout=out, backend=backend)
    try:
        result = interp.eval(case.script)
        code = 0
    except TclError as err:
        code, result = err.code, err.result
    finally:
        interp.close()
    return Outcome(code, result, out.getvalue())


@pytest.mark.parametrize("family", FAMILIES)
def test_wasm_and_native_agree_on_every_case(native_lib: Path, family: str) -> None:
    cases = [c for c in CASES if c.family == family]
    differ = {}
    for case in cases:
        wasm, native = run(case, "wasm"), run(case, "native")
        if wasm != native:
            differ[case.name] = (wasm, native)
    assert differ == {}, f"{len(differ)} of {len(cases)} cases differ"
