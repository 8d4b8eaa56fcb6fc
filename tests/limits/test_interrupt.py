"""Ctrl-C and other signals during an eval (issue 7), on both backends of the Python
host (WASM: wasmtime raw callbacks; native: ctypes callbacks).

Python runs a signal's handler at the next bytecode boundary, which while the core
runs is the start of an import callback, before its ``try``: an exception raised
there would escape the ctypes callback, leave its result undefined (a crash) and be
lost ("Exception ignored"). The runtime defers the asynchronous signals while the
core runs and delivers them at polls and around embedder commands (limits.py), so a
KeyboardInterrupt always ends the eval cleanly, and the same interp goes on with its
variables and procs.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from feather_tcl import Interp
from tests.host.conftest import needs_wasm
from tests.limits.support import assert_state_kept, set_up_state

pytestmark = [
    needs_wasm,
    pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs signal.setitimer"),
]

LONG = "set i 0; while 1 {incr i; set s [string length $i]; noop $i}"


@pytest.fixture(params=["wasm", "native"])
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "native":
        from pathlib import Path

        from toolchain.manifest import load_manifest
        from toolchain.native import build_native

        root = Path(__file__).resolve().parents[2]
        build_native(load_manifest(root / "build.toml"), log=lambda _: None)
    return str(request.param)


@pytest.fixture
def unraisable() -> Iterator[list[Any]]:
    """Exceptions that escaped a callback ("Exception ignored"): must stay empty."""
    seen: list[Any] = []
    saved = sys.unraisablehook
    sys.unraisablehook = seen.append
    try:
        yield seen
    finally:
        sys.unraisablehook = saved


@pytest.fixture
def python_sigint() -> Iterator[None]:
    """Python's own SIGINT handler (KeyboardInterrupt), whatever the test runner was
    started with: a runner started in the background inherits SIGINT ignored."""
    saved = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, saved)


def interp_for(backend: str) -> Interp:
    interp = Interp(backend=backend)
    set_up_state(interp)
    interp.register("noop", lambda *args: None)
    return interp


def test_keyboard_interrupt_raised_by_a_command(backend: str, unraisable: list[Any]) -> None:
    interp = interp_for(backend)

    def boom() -> None:
        raise KeyboardInterrupt

    interp.register("boom", boom)
    for _ in range(3):
        with pytest.raises(KeyboardInterrupt):
            interp.eval("set ::before 1; boom; set ::after 1")
        assert interp.eval("set ::before") == "1"
        assert interp.eval("info exists ::after") == "0"
        assert_state_kept(interp)
    assert unraisable == []


def test_a_signal_handler_raising_during_long_evals(backend: str, unraisable: list[Any]) -> None:
    """SIGALRM (setitimer) at many points of a long eval: the handler's
    KeyboardInterrupt ends each eval, nothing escapes a callback, state is kept."""
    interp = interp_for(backend)
    fired: list[int] = []

    def handler(signum: int, frame: object) -> None:
        fired.append(signum)
        raise KeyboardInterrupt

    saved = signal.signal(signal.SIGALRM, handler)
    try:
        for k in range(40):
            signal.setitimer(signal.ITIMER_REAL, 0.001 + 0.0007 * k)
            with pytest.raises(KeyboardInterrupt):
                interp.eval(LONG)
            signal.setitimer(signal.ITIMER_REAL, 0)
            assert int(interp.eval("set i")) > 0
            assert_state_kept(interp)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, saved)
    assert len(fired) == 40
    assert unraisable == []
    assert interp.eval("twice 4") == "8"


def test_ctrl_c_during_a_long_eval(
    backend: str, unraisable: list[Any], python_sigint: None
) -> None:
    """SIGINT to the main thread (what Ctrl-C does) with Python's own handler."""
    interp = interp_for(backend)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    main = threading.main_thread().ident
    assert main is not None
    for k in range(10):
        timer = threading.Timer(0.01 + 0.005 * k, signal.pthread_kill, (main, signal.SIGINT))
        timer.start()
        try:
            with pytest.raises(KeyboardInterrupt):
                interp.eval(LONG)
        finally:
            timer.join()
        assert_state_kept(interp)
    assert unraisable == []


def test_a_signal_during_a_python_command_interrupts_it(backend: str) -> None:
    """Embedder code runs with signals delivered as usual: a sleeping command is
    interrupted at once, and the eval ends with the KeyboardInterrupt."""
    import time

    interp = interp_for(backend)
    interp.register("nap", lambda s: time.sleep(float(s)))

    def handler(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    saved = signal.signal(signal.SIGALRM, handler)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        start = time.monotonic()
        with pytest.raises(KeyboardInterrupt):
            interp.eval("set ::a 1; nap 30; set ::b 1")
        assert time.monotonic() - start < 20  # not the whole nap
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, saved)
    assert interp.eval("info exists ::b") == "0"
    assert_state_kept(interp)


def test_handlers_are_deferred_only_while_the_core_runs(python_sigint: None) -> None:
    """Between evals the handlers are the embedder's own; a signal received while
    the core runs is handed to them, at a poll or when the eval returns."""
    interp = interp_for("wasm")
    seen: list[int] = []

    def handler(signum: int, frame: object) -> None:
        seen.append(signum)

    saved = signal.signal(signal.SIGUSR1, handler)
    try:
        main = threading.main_thread().ident
        assert main is not None
        interp.register("poke", lambda: signal.pthread_kill(main, signal.SIGUSR1))
        # Sent from a command (handlers run at once there), and from the core's side.
        assert interp.eval("poke; set x 1") == "1"
        assert seen == [signal.SIGUSR1]
        interp.eval("set ::n 0; for {set i 0} {$i < 5000} {incr i} {incr ::n}")
        assert signal.getsignal(signal.SIGUSR1) is handler
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGUSR1, saved)
