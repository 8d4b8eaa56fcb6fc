"""bench/soak.py (issue 7): its growth check, and a short run that passes it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.host.conftest import needs_wasm

SOAK = Path(__file__).resolve().parents[2] / "bench" / "soak.py"


@pytest.fixture(scope="module")
def soak() -> ModuleType:
    spec = importlib.util.spec_from_file_location("feather_soak", SOAK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["feather_soak"] = module
    spec.loader.exec_module(module)
    return module


def flat(n: int, **over: int) -> list[dict[str, int | float]]:
    base = {
        "evals": 0,
        "wasm_memory": 2 << 20,
        "arena_high": 1000,
        "handles": 0,
        "handle_high": 50,
        "namespaces": 4,
        "procs": 4,
        "py_objects": 25000,
        "rss": 50 << 20,
    }
    return [{**base, "evals": (k + 1) * 10, **over} for k in range(n)]


def test_growth_check(soak: ModuleType) -> None:
    assert soak.growth(flat(10), 3) == []
    leak = flat(10)
    for k, s in enumerate(leak):
        s["rss"] = (50 << 20) + k * (4 << 20)
    assert soak.growth(leak, 3) == ["resident memory grew: 60817408 -> 85983232"]
    spike = flat(10)
    spike[6]["rss"] = 90 << 20  # a spike is not growth
    assert soak.growth(spike, 3) == []
    for name in ("wasm_memory", "arena_high", "handle_high", "namespaces", "procs"):
        grew = flat(10)
        grew[8][name] = int(grew[8][name]) + 1
        assert len(soak.growth(grew, 3)) == 1, name
    objects = flat(10)
    objects[9]["py_objects"] = 26000
    assert soak.growth(objects, 3) == ["live Python objects grew: 25000 -> 26000"]
    left = flat(10)
    left[4]["handles"] = 3
    assert soak.growth(left, 3) == ["scratch handles left between evals"]
    assert soak.growth(flat(2), 3) != []


@needs_wasm
def test_a_short_soak_passes(soak: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    assert soak.main(["--evals", "6000", "--every", "1000", "--warmup", "2"]) == 0
    out = capsys.readouterr().out
    assert "soak: ok" in out
    rows = [line for line in out.splitlines() if line.strip().split(" ")[0].isdigit()]
    assert len(rows) == 6
    assert rows[-1].split()[9] == "30"  # 5 stops a window, every one stopped
