"""Project-wide pytest options: ``--milestone Mk`` selects the tests of one gate."""

from __future__ import annotations

import pytest

from toolchain.manifest import GATES


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--milestone",
        metavar="Mk",
        default=None,
        help="run only the tests marked @pytest.mark.milestone('Mk') (M1..M12)",
    )


def pytest_configure(config: pytest.Config) -> None:
    wanted = config.getoption("--milestone")
    if wanted is not None and wanted not in GATES:
        raise pytest.UsageError(f"--milestone {wanted}: gates are {GATES[0]}..{GATES[-1]}")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
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
