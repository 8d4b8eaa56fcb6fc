"""Project-wide pytest options: ``--milestone Mk`` selects the tests of one gate;
``--backend native`` runs every test on the native backend (issue 8: it sets
FEATHER_BACKEND, which Interp and Runtime honour by default)."""

from __future__ import annotations

import os

import pytest

from toolchain.manifest import GATES


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--milestone",
        metavar="Mk",
        default=None,
        help="run only the tests marked @pytest.mark.milestone('Mk') (M1..M12)",
    )
    parser.addoption(
        "--backend",
        choices=("wasm", "native"),
        default=None,
        help="the backend of every Interp made without one (sets FEATHER_BACKEND; default wasm)",
    )


# Tests of the WASM machinery itself, which the native backend does not have (native
# failures are covered by tests/native): node id -> reason.
WASM_ONLY = {
    "tests/host/test_wasm.py::test_memory_base_never_moves_while_memory_grows_to_its_maximum": (
        "linear memory growth: native memory is the process's"
    ),
    "tests/host/test_wasm.py::test_a_trap_is_a_tcl_error_and_a_fresh_instance_keeps_the_state": (
        "a wild pointer traps in WASM but is a segfault natively"
    ),
    "tests/limits/test_memory.py::test_linear_memory_has_the_lower_maximum": (
        "reads the maximum of linear memory"
    ),
    "tests/limits/test_recovery.py::test_state_survives[trap]": (
        "a wild pointer traps in WASM but is a segfault natively"
    ),
    "tests/limits/test_recovery.py::test_a_trap_replaces_the_instance_and_only_then": (
        "a wild pointer traps in WASM but is a segfault natively"
    ),
    "tests/limits/test_soak.py::test_a_short_soak_passes": (
        "the soak traps through a wild pointer: a segfault natively"
    ),
}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "wasm_only(reason): tests the WASM machinery; skipped with --backend native"
    )
    backend = config.getoption("--backend")
    if backend is not None:
        os.environ["FEATHER_BACKEND"] = backend
    if backend == "native" and not os.environ.get("FEATHER_NATIVE_LIB"):
        # Bring build/native/libfeather.so up to date with src/ (incremental).
        from toolchain import ROOT
        from toolchain.manifest import load_manifest
        from toolchain.native import build_native

        build_native(load_manifest(ROOT / "build.toml"), log=lambda _: None)
    wanted = config.getoption("--milestone")
    if wanted is not None and wanted not in GATES:
        raise pytest.UsageError(f"--milestone {wanted}: gates are {GATES[0]}..{GATES[-1]}")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("FEATHER_BACKEND", "").strip().lower() == "native":
        for item in items:
            reason = WASM_ONLY.get(item.nodeid)
            marker = item.get_closest_marker("wasm_only")
            if marker is not None:
                reason = str(marker.args[0]) if marker.args else "marked wasm_only"
            if reason is not None:
                item.add_marker(pytest.mark.skip(reason=f"WASM only: {reason}"))
    wanted = config.getoption("--milestone")
    if wanted is None:
        return
    selected: list[pytest.Item] = []
    deselected: list[pytest.Item] = []
    for item in items:
        gates = {mark.args[0] for mark in item.iter_markers("milestone") if mark.args}
        (selected if wanted in gates else deselected).append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = selected
