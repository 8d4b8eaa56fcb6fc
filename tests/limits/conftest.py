"""A watchdog for the limit tests: should a limit ever fail to stop a runaway script,
the run ends with every thread's traceback (faulthandler) instead of hanging.

(faulthandler dumps from its own thread: a signal handler would wait, deferred, for a
poll that a hung eval may never make.)"""

from __future__ import annotations

import faulthandler
import os
from collections.abc import Iterator

import pytest

# Per test; FEATHER_WATCHDOG_SECONDS for long runs (nox -s fuzz sets it), 0: none.
WATCHDOG_SECONDS = int(os.environ.get("FEATHER_WATCHDOG_SECONDS", "300"))


@pytest.fixture(autouse=True)
def watchdog() -> Iterator[None]:
    if WATCHDOG_SECONDS <= 0:
        yield
        return
    faulthandler.dump_traceback_later(WATCHDOG_SECONDS, exit=True)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
